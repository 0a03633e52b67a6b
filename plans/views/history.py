"""History pages: every change of a plan (and of what it holds), of one goal, of one action.

A goal or action that has been deleted keeps its history page, found through its own
records of this organisation; anything else gets the same 404 as a row that never existed.
"""

from django.http import Http404
from django.views.decorators.http import require_safe

from mvo.history import history_page

from .. import history
from ..models import Action, Goal
from ..services import text_diff
from .base import get_plan

TEMPLATE = "plans/history.html"


@require_safe
def plan_history(request, org_slug, pk):
    plan = get_plan(request, pk)
    context = {"plan": plan, "subject": plan.title}
    return _page(request, history.plan_sources(plan), context)


def _found(request, model, pk):
    """(the live row or None, its records): 404 unless the organisation has either."""
    organisation = request.organisation
    row = model.objects.for_org(organisation).select_related("plan").filter(pk=pk).first()
    records = model.history.filter(id=pk, organisation=organisation)
    latest = records.order_by("-history_date", "-history_id").first() if row is None else row
    if latest is None:
        raise Http404
    return row, records, latest.title


@require_safe
def action_history(request, org_slug, pk):
    action, records, title = _found(request, Action, pk)
    source = history.action_source(request.organisation, records, link=False)
    context = {"action": action, "plan": action and action.plan, "subject": title}
    return _page(request, [source], context)


@require_safe
def goal_history(request, org_slug, pk):
    goal, records, title = _found(request, Goal, pk)
    source = history.goal_source(request.organisation, records, link=False)
    context = {"goal": goal, "plan": goal and goal.plan, "subject": title}
    return _page(request, [source], context)


def _page(request, sources, context):
    related = history.related(request.organisation)
    return history_page(request, sources, TEMPLATE, context, related, text_diff)
