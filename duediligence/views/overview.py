"""The due-diligence pages of an organisation (its plans with their loop in short) and one
plan's loop of six steps, each with its status and what is still missing."""

import math

from django.shortcuts import render
from django.urls import NoReverseMatch, path, reverse
from django.views.decorators.http import require_safe

from mvo.generic import paginate
from plans.models import Method, Plan
from plans.views.plans import phase_progress

from ..access import get_dd_plan
from ..loop import loop_status

RING = {"size": 420, "radius": 150, "node": 52}


def grievances_url(organisation):
    try:
        return reverse("duediligence:grievances", kwargs={"org_slug": organisation.slug})
    except NoReverseMatch:  # the register is not built yet
        return None


@require_safe
def index(request, org_slug):
    plans = (
        Plan.objects.for_org(request.organisation)
        .filter(method=Method.DUE_DILIGENCE)
        .with_progress()
        .order_by("-start_year", "title", "pk")
    )
    page = paginate(request, plans, 25)
    phases = phase_progress([plan.pk for plan in page.object_list])
    for plan in page.object_list:
        plan.phases = phases.get(plan.pk, [])
    context = {"page_obj": page, "grievances_url": grievances_url(request.organisation)}
    return render(request, "duediligence/index.html", context)


def ring_positions(loop):
    """Where the drawing puts each step (clockwise from the top) and the arrows between."""
    centre, radius = RING["size"] / 2, RING["radius"]
    for i, phase in enumerate(loop):
        angle = math.radians(-90 + 60 * i)
        phase["x"] = round(centre + radius * math.cos(angle), 1)
        phase["y"] = round(centre + radius * math.sin(angle), 1)
        between = math.radians(-60 + 60 * i)
        phase["arrow_x"] = round(centre + radius * math.cos(between), 1)
        phase["arrow_y"] = round(centre + radius * math.sin(between), 1)
        phase["arrow_angle"] = 30 + 60 * i  # along the circle, clockwise
    return loop


@require_safe
def overview(request, org_slug, pk):
    plan = get_dd_plan(request, pk)
    loop = ring_positions(loop_status(plan))
    context = {
        "plan": plan,
        "loop": loop,
        "ring": RING,
        "missing_total": sum(len(phase["missing"]) for phase in loop),
        "grievances_url": grievances_url(request.organisation),
    }
    return render(request, "duediligence/overview.html", context)


urlpatterns = [
    path("", index, name="index"),
    path("<int:pk>/", overview, name="overview"),
]
