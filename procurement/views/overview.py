"""The MVOI pages of an organisation (its MVOI plans) and one plan's overview: the seven
steps with their status, this plan's yearly share against its targets, and what needs
attention in the calendar."""

from django.db.models import Count, Q
from django.shortcuts import render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from mvo.generic import paginate
from plans.models import Method, Plan, PlanStep

from .. import rules
from ..access import get_mvoi_plan
from ..charts import share_chart
from ..models import Tender, TenderStatus
from ..share import share_by_year


@require_safe
def index(request, org_slug):
    plans = (
        Plan.objects.for_org(request.organisation)
        .filter(method=Method.MVOI)
        .with_progress()
        .annotate(tender_count=Count("tenders", distinct=True))
        .order_by("-start_year", "title", "pk")
    )
    page = paginate(request, plans, 25)
    return render(request, "procurement/index.html", {"page_obj": page})


def calendar_figures(plan, year):
    """Counts for the overview: the year's tenders and promising ones (cancelled ones left
    out, as in the share), and the year's deviations from comply or explain (explained and not
    yet explained), in two queries."""
    tenders = Tender.objects.filter(plan=plan, planned_year=year)
    year_counts = tenders.exclude(status=TenderStatus.CANCELLED).aggregate(
        total=Count("pk"), promising=Count("pk", filter=Q(promising=True))
    )
    deviations = rules.deviations(tenders).aggregate(
        total=Count("pk"), unexplained=Count("pk", filter=Q(explanation=""))
    )
    return {**year_counts, "deviations": deviations}


@require_safe
def overview(request, org_slug, pk):
    plan = get_mvoi_plan(request, pk)
    year = timezone.localdate().year
    steps = (
        PlanStep.objects.filter(plan=plan)
        .select_related("step__phase")
        .order_by("step__phase__number", "step__order")
    )
    share = share_by_year(plan)
    context = {
        "plan": plan,
        "year": year,
        "steps": steps,
        "share": share,
        "share_svg": share_chart(
            share,
            title=_("Aandeel per jaar tegen het doel"),
            description=_(
                "Per jaar het werkelijke aandeel kansrijke aanbestedingen met een gekozen thema "
                "(staaf) tegen het jaardoel (lijn); de tabel geeft dezelfde cijfers."
            ),
        ),
        "this_year": next((row for row in share if row["year"] == year), None),
        "figures": calendar_figures(plan, year),
    }
    return render(request, "procurement/overview.html", context)


urlpatterns = [
    path("", index, name="index"),
    path("<int:pk>/", overview, name="overview"),
]
