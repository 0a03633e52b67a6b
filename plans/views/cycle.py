"""Step 4.5: start the next cycle of a plan. The page says what the new plan takes along;
a member confirms with a POST."""

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .. import services
from ..models import OPEN_STATUSES, Method, MissionVision, StepStatus
from .base import get_plan


def cycle_preview(plan):
    """What the next cycle of ``plan`` gets, counted in the database: a fixed number of
    queries however many goals and actions the plan has."""
    start, end = services.next_period(plan)
    actions = {
        "open": plan.actions.open().count(),  # not those already carried into a next cycle
        "closed": plan.actions.exclude(status__in=OPEN_STATUSES).count(),
    }
    preview = {
        "start": start,
        "end": end,
        "themes": list(plan.themes.select_related("framework_theme").order_by("pk")),
        "kpi_count": plan.kpis.count(),
        "goal_count": plan.goals.count(),
        "open_actions": actions["open"],
        "closed_actions": actions["closed"],
        "mvo_steps": plan.method == Method.MVO_STEPS,
    }
    if preview["mvo_steps"]:
        phase_one = plan.steps.filter(step__phase__number=1).aggregate(
            total=Count("pk"), done=Count("pk", filter=Q(status=StepStatus.DONE))
        )
        preview["phase_one"] = phase_one
        preview["mission"] = MissionVision.objects.filter(plan=plan).first()
    return preview


@require_http_methods(["GET", "HEAD", "POST"])
def next_cycle(request, org_slug, pk):
    """GET: what the next cycle will hold, and (for members) the button; POST: start it."""
    if request.method == "POST":
        return start_next_cycle(request, org_slug, pk)
    plan = get_plan(request, pk)
    context = {
        "plan": plan,
        "preview": cycle_preview(plan),
        "problem": services.next_cycle_problem(plan),
    }
    return render(request, "plans/next_cycle.html", context)


@require_POST
def start_next_cycle(request, org_slug, pk):
    plan = get_plan(request, pk)  # the guard has already refused readers (403)
    try:
        new = services.start_next_cycle(plan, request.user)
    except services.CycleError as error:
        if services.next_cycle_problem(plan) is None:  # the page itself shows the others
            messages.error(request, error.messages[0])
        return redirect("plans:next_cycle", org_slug=org_slug, pk=plan.pk)
    messages.success(
        request,
        _(
            "De volgende cyclus is gestart. Bekijk eerst de doelen: ze zijn gemarkeerd als te "
            "herzien."
        ),
    )
    return redirect("plans:detail", org_slug=org_slug, pk=new.pk)
