"""Approval of a plan: the page where members submit and managers approve or send back, with
what changed since the last approved version in view; the moves themselves (small POST views
calling plans.approval); and one approved version, rendered from its frozen snapshot only."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from mvo.generic import paginate

from .. import approval, snapshot
from ..forms import MAX_TRANSITION_COMMENT, TransitionForm
from ..models import Plan, PlanStatus, PlanVersion, TransitionKind
from .base import get_plan

SECTION_ROWS_SHOWN = 50  # rows of a table on the whole-version page
SECTION_ROWS_PER_PAGE = 100  # rows a page when one section is shown
TIMELINE_PER_PAGE = 20

SERVICES = {
    TransitionKind.SUBMIT: approval.submit_plan,
    TransitionKind.WITHDRAW: approval.withdraw_plan,
    TransitionKind.APPROVE: approval.approve_plan,
    TransitionKind.RETURN: approval.return_plan,
    TransitionKind.REOPEN: approval.reopen_plan,
}


def moves_for(plan, request):
    """The moves that fit the plan's status: those this person may make (in workflow order)
    and, once each, why the others are refused (four eyes, another role)."""
    if not request.membership.can_write:
        return [], []
    allowed, reasons = [], []
    for kind, reason in approval.available(plan, request.user, request.membership.role).items():
        starts, _to, roles = approval.MOVES[kind]
        if plan.status not in starts:
            continue  # not a move from here: the status text says what happens next
        if request.membership.role not in roles and kind not in approval.JUDGING:
            continue  # a manager needs no note that submitting is for the working group
        if reason is None:
            allowed.append(kind)
        elif reason not in reasons and not (kind == TransitionKind.RETURN and reasons):
            reasons.append(reason)  # a submitter who may not approve needs no second note
    return allowed, reasons


def versions_of(plan):
    """The approved versions, newest first, without their (large) snapshots."""
    return plan.versions.defer("data").order_by("-number")


def timeline_of(plan):
    return plan.transitions.select_related("version").defer("version__data").order_by("-at", "-pk")


@require_safe
def approval_page(request, org_slug, pk):
    """Status, the moves this person may make, the changes since the last approved version
    (or the whole plan before its first approval), the timeline and the versions."""
    plan = get_plan(request, pk, Plan.objects.select_related("submitted_by"))
    version = approval.last_version(plan)
    now = snapshot.build(plan)
    changes = None  # a version this code cannot read is not compared (the page says so)
    if version is None or readable(version):
        changes = snapshot.diff(version.data if version else None, now)
    allowed, reasons = moves_for(plan, request)
    versions = list(versions_of(plan))
    context = {
        "plan": plan,
        "last_version": version,
        "snapshot": now,
        "changes": changes,
        "fingerprint": snapshot.fingerprint(now),
        "allowed": allowed,
        "reasons": reasons,
        "next_number": (versions[0].number if versions else 0) + 1,
        "timeline": paginate(request, timeline_of(plan), TIMELINE_PER_PAGE),
        "versions": versions,
        "max_comment": MAX_TRANSITION_COMMENT,
        "last_return": (
            plan.transitions.filter(kind=TransitionKind.RETURN).order_by("-at", "-pk").first()
            if plan.status == PlanStatus.RETURNED
            else None
        ),
    }
    return render(request, "plans/approval.html", context)


@require_POST
def transition(request, org_slug, pk, kind):
    """One move of the workflow; a refusal comes back as a message, never as an error."""
    if kind not in SERVICES:
        raise Http404
    plan = get_plan(request, pk)  # the guard has already refused viewers (403)
    back = redirect("plans:approval", org_slug=org_slug, pk=plan.pk)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, errors[0])
        return back
    extra = {}
    if kind == TransitionKind.APPROVE:  # what the manager looked at (see approve_plan)
        extra["fingerprint"] = form.cleaned_data["fingerprint"]
    try:
        result = SERVICES[kind](
            plan, request.user, request.membership.role, form.cleaned_data["comment"], **extra
        )
    except approval.Refused as refused:
        messages.error(request, refused.message)
        return back
    messages.success(request, success_message(kind, result))
    return back


def success_message(kind, result):
    if kind == TransitionKind.APPROVE:
        return _("Het plan is goedgekeurd en vastgesteld als versie %(number)s.") % {
            "number": result.number
        }
    return {
        TransitionKind.SUBMIT: _(
            "Het plan is ingediend. De managers en beheerders krijgen een bericht."
        ),
        TransitionKind.WITHDRAW: _("U hebt het plan ingetrokken. Het is weer een concept."),
        TransitionKind.RETURN: _(
            "Het plan is teruggestuurd, met uw toelichting. De indiener krijgt een bericht."
        ),
        TransitionKind.REOPEN: _(
            "Het plan is weer een concept. Pas het aan en dien het opnieuw in."
        ),
    }[kind]


def readable(version):
    """Whether this code base can show (and compare) the version's snapshot."""
    data = version.data
    return (
        version.format in snapshot.READABLE_FORMATS
        and isinstance(data, dict)
        and isinstance(data.get("sections"), list)
        and all(
            isinstance(part, dict) and {"key", "columns", "rows"} <= part.keys()
            for part in data["sections"]
        )
    )


@require_safe
def version_page(request, org_slug, pk, number):
    """An approved version exactly as it was approved: rendered from its snapshot alone."""
    plan = get_plan(request, pk)
    version = get_object_or_404(PlanVersion.objects.filter(plan=plan), number=number)
    shown = readable(version)
    sections = version.data["sections"] if shown else []
    context = {
        "plan": plan,
        "version": version,
        "frozen": (version.data.get("plan") or {}) if shown else {},
        "readable": shown,
        **sections_shown(request, sections),
    }
    return render(request, "plans/plan_version.html", context)


def sections_shown(request, sections):
    """A large version stays a light page: each table shows its first rows with a link to
    all of them; ``?deel=<key>`` shows one section, all its rows, a page at a time."""
    chosen = next((part for part in sections if part["key"] == request.GET.get("deel")), None)
    if chosen is not None:
        page = paginate(request, chosen["rows"], SECTION_ROWS_PER_PAGE)
        return {"sections": [{**chosen, "rows": list(page.object_list)}], "page_obj": page}
    trimmed = []
    for part in sections:
        if part.get("layout") != "fields" and len(part["rows"]) > SECTION_ROWS_SHOWN:
            part = {**part, "rows": part["rows"][:SECTION_ROWS_SHOWN], "more": len(part["rows"])}
        trimmed.append(part)
    return {"sections": trimmed, "page_obj": None}
