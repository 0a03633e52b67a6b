"""Import of an action list from Excel, and each person's private calendar feed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from mvo.exports import XLSX
from mvo.guard import org_roles
from mvo.models import Membership, Role
from mvo.validation import id_from_query
from themes.models import OrgTheme

from .. import services
from ..forms import ActionImportForm
from ..ical import calendar_bytes
from ..importer import MAX_LISTED_ERRORS, ImportRowsError, template_bytes
from ..models import CalendarFeed

# --- Import --------------------------------------------------------------------------------


@org_roles(read=Role.MEMBER, write=Role.MEMBER)
def actions_import(request, org_slug):
    """Upload an xlsx action list for a plan: all rows are saved, or none."""
    form = ActionImportForm(
        request.POST or None,
        request.FILES or None,
        organisation=request.organisation,
        initial={"plan": id_from_query(request.GET.get("plan", ""))},
    )
    row_errors = None
    if request.method == "POST" and form.is_valid():
        plan = form.cleaned_data["plan"]
        try:
            count = services.import_actions(plan, form.parsed, request.user)
        except ImportRowsError as error:
            row_errors = error
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s actie ingelezen in %(plan)s.",
                    "%(count)s acties ingelezen in %(plan)s.",
                    count,
                )
                % {"count": count, "plan": plan},
            )
            return redirect("plans:detail", org_slug=org_slug, pk=plan.pk)
    context = {"form": form, "row_errors": row_errors, "max_listed": MAX_LISTED_ERRORS}
    return render(request, "plans/import.html", context)


@require_safe
@org_roles(read=Role.MEMBER, write=Role.MEMBER)
def actions_import_template(request, org_slug):
    """The xlsx template: Dutch column names, an example row, and an explanation sheet."""
    theme = OrgTheme.objects.for_org(request.organisation).select_related("framework_theme")
    theme = theme.first()
    email = request.user.email if request.membership.can_write else ""
    response = HttpResponse(template_bytes(theme.name if theme else "", email), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="koers-acties-sjabloon.xlsx"'
    return response


# --- Calendar feed -------------------------------------------------------------------------


def _feed_url(request, feed):
    return request.build_absolute_uri(reverse("calendar_feed", kwargs={"token": feed.token}))


@require_safe
@login_required
def calendar_page(request):
    """The person's own calendar link: see, copy, renew or switch it off."""
    feed = CalendarFeed.objects.filter(user=request.user).first()
    context = {"feed": feed, "feed_url": _feed_url(request, feed) if feed else ""}
    return render(request, "plans/calendar.html", context)


@require_POST
@login_required
def calendar_renew(request):
    had_one = CalendarFeed.objects.filter(user=request.user).exists()
    services.renew_calendar_feed(request.user)
    if had_one:
        messages.success(request, _("U heeft een nieuwe link. De oude link werkt niet meer."))
    else:
        messages.success(request, _("Uw agendalink is klaar. Voeg hem toe aan uw agenda."))
    return redirect("calendar")


@require_POST
@login_required
def calendar_revoke(request):
    services.revoke_calendar_feed(request.user)
    messages.success(request, _("De agendalink is uitgezet. Niemand kan hem nog gebruiken."))
    return redirect("calendar")


@require_safe
def calendar_feed(request, token):
    """The iCalendar feed behind a private link (no login: calendar apps fetch it)."""
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        raise Http404
    memberships = Membership.objects.filter(user=feed.user).values("organisation_id")
    response = HttpResponse(
        calendar_bytes(feed.user, memberships, request.build_absolute_uri("/")),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="koers.ics"'
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex"
    return response
