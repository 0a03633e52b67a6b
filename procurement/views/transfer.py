"""Excel in and out of an MVOI plan's tender calendar: the import (with its template) and the
exports of the calendar and of the year overview.

Every URL carries the plan's id as ``pk`` (loaded through access.get_mvoi_plan: another
organisation's plan, or a plan of another method, is a 404). Importing and its template need
the member role, also to look; the exports are for everyone in the organisation.
"""

from django.contrib import messages
from django.db import IntegrityError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, path, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy, ngettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from mvo.exports import XLSX, table_response
from mvo.forms import XlsxImportForm
from mvo.guard import org_roles
from mvo.models import Role
from mvo.spreadsheet import MAX_LISTED_ERRORS, ImportRowsError, import_summary

from .. import calendar_import, exports
from ..access import get_mvoi_plan
from ..models import Tender

RACE_MESSAGE = gettext_lazy(
    "Iemand anders maakte tegelijk een productgroep met dezelfde naam aan. Er is niets "
    "ingelezen; lees het bestand opnieuw in."
)


class TenderImportForm(XlsxImportForm):
    """An xlsx of tenders (calendar_import.import_tenders checks every row)."""

    read = staticmethod(calendar_import.read_file)
    help_text = gettext_lazy("Hoogstens 5.000 aanbestedingen en 5 MB per bestand.")
    required_message = gettext_lazy("Kies het Excel-bestand met de aanbestedingen.")


def import_message(result):
    """What the import did, in one sentence."""
    return import_summary(
        [
            (
                result.added,
                ngettext_lazy(
                    "één aanbesteding toegevoegd", "%(n)s aanbestedingen toegevoegd", "n"
                ),
            ),
            (
                result.updated,
                ngettext_lazy(
                    "één aanbesteding bijgewerkt", "%(n)s aanbestedingen bijgewerkt", "n"
                ),
            ),
            (
                result.unchanged,
                ngettext_lazy(
                    "één aanbesteding ongewijzigd", "%(n)s aanbestedingen ongewijzigd", "n"
                ),
            ),
        ]
    )


def calendar_url(plan):
    """The calendar page once it exists, else the plan's overview."""
    kwargs = {"org_slug": plan.organisation.slug, "pk": plan.pk}
    try:
        return reverse("procurement:calendar", kwargs=kwargs)
    except NoReverseMatch:
        return reverse("procurement:overview", kwargs=kwargs)


@require_http_methods(["GET", "HEAD", "POST"])
@org_roles(read=Role.MEMBER, write=Role.MEMBER)
def tender_import(request, org_slug, pk):
    """Upload an xlsx of tenders for the plan's calendar: every row is added (or updates the
    tender whose number it carries), or none is."""
    plan = get_mvoi_plan(request, pk)
    form = TenderImportForm(*((request.POST, request.FILES) if request.method == "POST" else ()))
    row_errors = None
    if request.method == "POST" and form.is_valid():
        try:
            result = calendar_import.import_tenders(plan, form.parsed, request.user)
        except ImportRowsError as error:
            row_errors = error
        except IntegrityError:  # a standard product group created at the same moment
            form.add_error(None, RACE_MESSAGE)
        else:
            messages.success(request, import_message(result))
            return redirect(calendar_url(plan))
    context = {
        "plan": plan,
        "form": form,
        "row_errors": row_errors,
        "max_listed": MAX_LISTED_ERRORS,
        "back_url": calendar_url(plan),
    }
    return render(request, "procurement/transfer_import.html", context)


@require_safe
@org_roles(read=Role.MEMBER, write=Role.MEMBER)
def tender_import_template(request, org_slug, pk):
    """The xlsx template: headers, an example row, drop-downs and the allowed values."""
    plan = get_mvoi_plan(request, pk)
    response = HttpResponse(calendar_import.template_bytes(plan), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="koers-aanbestedingen-sjabloon.xlsx"'
    return response


@require_safe
def tender_export(request, org_slug, pk):
    """The calendar (narrowed by the calendar's filters in the query string) as xlsx, with
    the columns of the import."""
    plan = get_mvoi_plan(request, pk)
    tenders = Tender.objects.for_org(request.organisation).filter(plan=plan)
    tenders = exports.filtered(tenders, request.GET, plan)
    with translation.override("nl"):  # the words the import reads back
        return table_response(
            f"koers-aanbestedingskalender-{plan.pk}",
            exports.CALENDAR_HEADERS,
            exports.calendar_rows(tenders),
            "xlsx",
            sheet_title="Aanbestedingskalender",
        )


@require_safe
def year_overview_export(request, org_slug, pk):
    """The year overview as xlsx: the share per year, and the tenders per quarter of each
    year of the plan."""
    plan = get_mvoi_plan(request, pk)
    with translation.override("nl"):
        content = exports.year_overview_bytes(plan)
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="koers-jaaroverzicht-{plan.pk}.xlsx"'
    return response


urlpatterns = [
    path("<int:pk>/kalender/inlezen/", tender_import, name="tender_import"),
    path(
        "<int:pk>/kalender/inlezen/sjabloon/",
        tender_import_template,
        name="tender_import_template",
    ),
    path("<int:pk>/kalender/export/", tender_export, name="tender_export"),
    path("<int:pk>/jaaroverzicht/export/", year_overview_export, name="year_overview_export"),
]
