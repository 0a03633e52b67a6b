"""The tender calendar of an MVOI plan (step 4): the list with its filters, one tender with
its history of moves, the form with the applied themes, the grid of one year (tenders ×
quarters, like a printed plan) and comply or explain (the deviations per quarter).

Every page loads the plan through access.get_mvoi_plan and the tender through that plan, so
an id of another plan or organisation is a 404. Each page runs a fixed number of queries,
whatever the number of tenders (tests/procurement/test_calendar.py).
"""

from django.contrib import messages
from django.db import IntegrityError
from django.db.models import Count, F, Prefetch, Q, Value, Window
from django.db.models.functions import Lag
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from kpis.models import period_label
from mvo.generic import OrgDeleteView, OrgListView, paginate
from mvo.guard import org_roles
from mvo.models import Role
from mvo.versioning import CONFLICT_MESSAGE, EditConflict

from .. import rules
from ..access import get_mvoi_plan
from ..filters import TenderFilter, plan_years
from ..forms.calendar import TenderEditor
from ..models import Tender, TenderStatus, TenderTheme
from .plan_children import MvoiPlanChildMixin

GRID_PAGE = 100
DEVIATIONS_PAGE = 100
MOVES_SHOWN = 100  # changes of a tender's start or status on its page
QUARTERS = (1, 2, 3, 4)


def with_themes(tenders):
    """The joins a list of tenders needs: product group, applied themes with their names."""
    themes = TenderTheme.objects.select_related("theme__framework_theme").order_by("pk")
    return tenders.select_related("product_group").prefetch_related(
        Prefetch("applied_themes", queryset=themes)
    )


def plan_tenders(request, plan):
    return Tender.objects.for_org(request.organisation).filter(plan=plan)


def tender_url(tender, name="procurement:tender_detail"):
    kwargs = {"org_slug": tender.organisation.slug, "pk": tender.plan_id, "item_pk": tender.pk}
    return reverse(name, kwargs=kwargs)


def plan_url(request, name, plan):
    return reverse(name, kwargs={"org_slug": request.organisation.slug, "pk": plan.pk})


def mark_deviations(tenders):
    """Set ``needs_explanation`` on each tender (annotated with ``applies_theme``): a
    deviation from comply or explain without an explanation yet."""
    for tender in tenders:
        tender.needs_explanation = (
            rules.needs_explanation(tender.promising, tender.status, tender.applies_theme)
            and not tender.explanation.strip()
        )
    return tenders


# --- The list --------------------------------------------------------------------------------


class CalendarList(MvoiPlanChildMixin, OrgListView):
    model = Tender
    filterset_class = TenderFilter
    template_name = "procurement/calendar_list.html"
    partial_template_name = "procurement/partials/calendar_results.html"
    paginate_by = 50
    sort_fields = {
        "start": "planned_period",
        "title": "title",
        "value": "estimated_value",
        "status": "status",
    }
    default_sort = "start"

    def get_queryset(self):
        queryset = rules.with_theme_flag(with_themes(super().get_queryset()))
        if self.current_sort() == self.default_sort:
            queryset = queryset.order_by("planned_period", "title", "pk")
        return queryset

    def get_filterset_kwargs(self, filterset_class):
        return {**super().get_filterset_kwargs(filterset_class), "plan": self.plan}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        mark_deviations(context["page_obj"].object_list)
        return context


# --- One tender ------------------------------------------------------------------------------


def plan_tender(request, pk, item_pk, joins=None):
    """(plan, tender) from the URL, or 404."""
    plan = get_mvoi_plan(request, pk)
    tenders = plan_tenders(request, plan)
    tender = get_object_or_404(joins(tenders) if joins else tenders, pk=item_pk)
    tender.plan = plan
    tender.organisation = request.organisation
    return plan, tender


def moves(tender, limit=MOVES_SHOWN):
    """The tender's history of moves, newest first, in one query: its creation, every change
    of its planned start (year and quarter) and every change of its status."""
    history = Tender.history.model
    ordering = ["history_date", "history_id"]
    records = (
        history.objects.filter(id=tender.pk)
        .annotate(
            # the first record has no previous one: 0 and "" differ from any start and status
            prev_year=Window(Lag("planned_year", default=Value(0)), order_by=ordering),
            prev_quarter=Window(Lag("planned_quarter", default=Value(0)), order_by=ordering),
            prev_status=Window(Lag("status", default=Value("")), order_by=ordering),
        )
        .filter(
            ~Q(planned_year=F("prev_year"))
            | ~Q(planned_quarter=F("prev_quarter"))
            | ~Q(status=F("prev_status"))
        )
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[:limit]
    )
    statuses = dict(TenderStatus.choices)
    result = []
    for record in records:
        lines = []
        new_period = period_label(record.planned_year, record.planned_quarter)
        if record.history_type == "+" or not record.prev_year:
            lines.append(
                _("Aangemaakt, start gepland in %(period)s, status %(status)s")
                % {"period": new_period, "status": statuses.get(record.status, record.status)}
            )
        else:
            if (record.prev_year, record.prev_quarter) != (
                record.planned_year,
                record.planned_quarter,
            ):
                lines.append(
                    _("Verplaatst van %(old)s naar %(new)s")
                    % {
                        "old": period_label(record.prev_year, record.prev_quarter),
                        "new": new_period,
                    }
                )
            if record.prev_status != record.status:
                lines.append(
                    _("Status van %(old)s naar %(new)s")
                    % {
                        "old": statuses.get(record.prev_status, record.prev_status),
                        "new": statuses.get(record.status, record.status),
                    }
                )
        result.append({"record": record, "lines": lines, "user": record.history_user})
    return result


@require_safe
def tender_detail(request, org_slug, pk, item_pk):
    plan, tender = plan_tender(request, pk, item_pk, joins=lambda t: with_themes(t))
    applies = bool(tender.applied_themes.all())
    context = {
        "plan": plan,
        "tender": tender,
        "moves": moves(tender),
        "deviation": rules.needs_explanation(tender.promising, tender.status, applies),
    }
    return render(request, "procurement/calendar_detail.html", context)


def save_editor(request, editor):
    """Save the editor's tender and themes; None (with the form's errors) when refused."""
    try:
        return editor.save()
    except EditConflict:
        return None
    except IntegrityError:  # someone saved the same thing a moment earlier
        editor.form.add_error(None, CONFLICT_MESSAGE)
        return None


def render_form(request, plan, editor, title, tender=None, status=200):
    back = tender_url(tender) if tender else plan_url(request, "procurement:calendar", plan)
    context = {
        "plan": plan,
        "editor": editor,
        "form": editor.form,
        "formset": editor.formset,
        "title": title,
        "tender": tender,
        "cancel_url": back,
    }
    return render(request, "procurement/calendar_form.html", context, status=status)


@org_roles(read=Role.MEMBER)
@require_http_methods(["GET", "POST"])
def tender_create(request, org_slug, pk):
    plan = get_mvoi_plan(request, pk)
    data = request.POST if request.method == "POST" else None
    initial_year = timezone.localdate().year
    editor = TenderEditor(data, organisation=request.organisation, plan=plan)
    if data is None and initial_year in plan_years(plan):
        editor.form.initial.setdefault("planned_year", initial_year)
    if data is not None and editor.is_valid():
        tender = save_editor(request, editor)
        if tender is not None:
            messages.success(request, _("De aanbesteding staat in de kalender."))
            tender.organisation = request.organisation
            return redirect(tender_url(tender))
    return render_form(request, plan, editor, _("Nieuwe aanbesteding"))


@org_roles(read=Role.MEMBER)
@require_http_methods(["GET", "POST"])
def tender_update(request, org_slug, pk, item_pk):
    plan, tender = plan_tender(request, pk, item_pk)
    data = request.POST if request.method == "POST" else None
    editor = TenderEditor(data, organisation=request.organisation, plan=plan, instance=tender)
    if data is not None and editor.is_valid():
        saved = save_editor(request, editor)
        if saved is not None:
            messages.success(request, _("De aanbesteding is opgeslagen."))
            return redirect(tender_url(saved))
    title = _("Aanbesteding bewerken: %(title)s") % {"title": tender.title}
    return render_form(request, plan, editor, title, tender=tender)


class TenderDelete(MvoiPlanChildMixin, OrgDeleteView):
    model = Tender
    back_url_name = "procurement:calendar"
    success_message = gettext_lazy("De aanbesteding is uit de kalender verwijderd.")

    def get_cancel_url(self):
        self.object.organisation = self.request.organisation
        return tender_url(self.object)

    def get_context_data(self, **kwargs):
        warning = _("De toegepaste thema's van deze aanbesteding worden ook verwijderd.")
        return super().get_context_data(delete_warning=warning, **kwargs)


# --- The grid of one year --------------------------------------------------------------------


def grid_year(request, plan):
    """The year the grid shows: ?year= if it is one of the plan's years, else this year in
    the plan period, else the plan's first year."""
    years = plan_years(plan)
    asked = request.GET.get("year", "")
    if asked.isascii() and asked.isdigit() and int(asked) in years:
        return int(asked)
    this_year = timezone.localdate().year
    return this_year if plan.start_year <= this_year <= plan.end_year else plan.start_year


@require_safe
def grid(request, org_slug, pk):
    plan = get_mvoi_plan(request, pk)
    year = grid_year(request, plan)
    tenders = plan_tenders(request, plan).filter(planned_year=year)
    filterset = TenderFilter(request.GET or None, queryset=tenders, plan=plan, with_year=False)
    rows = filterset.qs if filterset.is_bound and filterset.is_valid() else tenders
    if filterset.is_bound and not filterset.is_valid():
        rows = tenders.none()
    page = paginate(request, with_themes(rows).order_by("planned_period", "title", "pk"), GRID_PAGE)
    context = {
        "plan": plan,
        "year": year,
        "years": plan_years(plan),
        "filter": filterset,
        "page_obj": page,
        "quarters": QUARTERS,
    }
    template = "procurement/partials/calendar_grid_results.html" if request.htmx else None
    return render(request, template or "procurement/calendar_grid.html", context)


# --- Comply or explain -----------------------------------------------------------------------


@require_safe
def deviations(request, org_slug, pk):
    """The deviations (promising, started, no theme) per year and quarter, explained or not."""
    plan = get_mvoi_plan(request, pk)
    found = rules.deviations(plan_tenders(request, plan))
    counts = found.aggregate(total=Count("pk"), unexplained=Count("pk", filter=Q(explanation="")))
    counts["explained"] = counts["total"] - counts["unexplained"]
    page = paginate(request, found.select_related("product_group"), DEVIATIONS_PAGE)
    context = {"plan": plan, "counts": counts, "page_obj": page}
    return render(request, "procurement/calendar_deviations.html", context)


TENDER = "<int:pk>/aanbestedingen/<int:item_pk>/"

urlpatterns = [
    path("<int:pk>/kalender/", CalendarList.as_view(), name="calendar"),
    path("<int:pk>/jaarkalender/", grid, name="grid"),
    path("<int:pk>/pas-toe-of-leg-uit/", deviations, name="deviations"),
    path("<int:pk>/aanbestedingen/nieuw/", tender_create, name="tender_create"),
    path(TENDER, tender_detail, name="tender_detail"),
    path(f"{TENDER}bewerken/", tender_update, name="tender_update"),
    path(f"{TENDER}verwijderen/", TenderDelete.as_view(), name="tender_delete"),
]
