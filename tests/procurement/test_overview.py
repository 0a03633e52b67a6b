"""The MVOI index and a plan's overview: who sees them, another organisation's or another
method's plan is a 404, the share against the target shows, and the stepper links to the
MVOI screens."""

import pytest
from django.urls import reverse
from django.utils import timezone

from plans.models import Method
from procurement import rules
from procurement.models import Tender, TenderStatus, YearTarget
from tests.factories import PlanFactory

from .conftest import make_tender

pytestmark = pytest.mark.django_db


def overview_url(plan):
    return reverse("procurement:overview", args=[plan.organisation.slug, plan.pk])


def test_index_lists_only_mvoi_plans_of_the_organisation(org_a, client_for, mvoi, mvoi_b):
    PlanFactory(organisation=org_a.org, method=Method.MVO_STEPS, title="Gewoon MVO-plan")
    response = client_for(org_a.viewer).get(reverse("procurement:index", args=["org-a"]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "MVOI-actieplan" in body
    assert "Gewoon MVO-plan" not in body
    assert overview_url(mvoi_b.plan) not in body


def test_overview_shows_the_share_against_the_target(org_a, client_for, mvoi):
    YearTarget.objects.create(organisation=mvoi.org, plan=mvoi.plan, year=2025, target_pct=75)
    make_tender(mvoi.plan, mvoi.group, 2025, themes=[mvoi.focus[0]])
    make_tender(mvoi.plan, mvoi.group, 2025)
    response = client_for(org_a.viewer).get(overview_url(mvoi.plan))
    assert response.status_code == 200
    row = next(r for r in response.context["share"] if r["year"] == 2025)
    assert (row["tenders"], row["applying"], row["actual_pct"], row["target_pct"]) == (2, 1, 50, 75)
    assert "onder doel" in response.content.decode()


def test_the_years_figures_count_that_year_only_and_a_later_year_gets_no_verdict(
    org_a, client_for, mvoi
):
    this_year = timezone.localdate().year
    mvoi.plan.end_year = this_year + 1
    mvoi.plan.save()
    started = TenderStatus.PUBLISHED
    make_tender(mvoi.plan, mvoi.group, this_year - 1, status=started, explanation="Vorig jaar")
    make_tender(mvoi.plan, mvoi.group, this_year, status=started)  # unexplained deviation
    make_tender(mvoi.plan, mvoi.group, this_year, status=TenderStatus.CANCELLED)
    make_tender(mvoi.plan, mvoi.group, this_year + 1)
    YearTarget.objects.create(
        organisation=mvoi.org, plan=mvoi.plan, year=this_year + 1, target_pct=85
    )
    response = client_for(org_a.viewer).get(overview_url(mvoi.plan))
    figures = response.context["figures"]
    assert (figures["total"], figures["promising"]) == (1, 1)  # the cancelled one left out
    assert figures["deviations"] == {"total": 1, "unexplained": 1}
    body = response.content.decode()
    assert "nog niet begonnen" in body  # next year: 0 % so far, not "onder doel"
    assert "onder doel" not in body  # only next year has a target


def test_other_organisation_and_other_method_are_404(org_a, org_b, client_for, mvoi, mvoi_b):
    steps_plan = PlanFactory(organisation=org_a.org, method=Method.MVO_STEPS)
    assert client_for(org_a.member).get(overview_url(mvoi_b.plan)).status_code == 404
    assert client_for(org_a.member).get(overview_url(steps_plan)).status_code == 404
    assert client_for(org_b.member).get(overview_url(mvoi.plan)).status_code == 404


def test_deviation_rule(mvoi):
    started = make_tender(mvoi.plan, mvoi.group, status=TenderStatus.PUBLISHED)
    make_tender(mvoi.plan, mvoi.group, status=TenderStatus.PUBLISHED, themes=[mvoi.focus[0]])
    make_tender(mvoi.plan, mvoi.group, status=TenderStatus.PLANNED)
    make_tender(mvoi.plan, mvoi.group, status=TenderStatus.AWARDED, promising=False)
    assert list(rules.deviations(Tender.objects.filter(plan=mvoi.plan))) == [started]
    assert rules.needs_explanation(True, TenderStatus.AWARDED, applies_a_theme=False)
    assert not rules.needs_explanation(True, TenderStatus.PREPARING, applies_a_theme=False)
    assert not rules.needs_explanation(False, TenderStatus.AWARDED, applies_a_theme=False)
    assert not rules.needs_explanation(True, TenderStatus.AWARDED, applies_a_theme=True)


def test_plan_page_links_the_steps_to_the_mvoi_screens(org_a, client_for, mvoi):
    YearTarget.objects.create(organisation=mvoi.org, plan=mvoi.plan, year=2026, target_pct=80)
    response = client_for(org_a.viewer).get(reverse("plans:detail", args=["org-a", mvoi.plan.pk]))
    assert response.status_code == 200
    assert overview_url(mvoi.plan) in response.content.decode()
