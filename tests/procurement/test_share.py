"""Which tenders count for an MVOI plan's yearly share, and the share against the target."""

import pytest

from procurement.models import ProductGroup, Tender, TenderTheme, YearTarget
from procurement.share import share_by_year
from tests.factories import OrgThemeFactory, PlanFactory


@pytest.fixture
def mvoi(org_a):
    org = org_a.org
    plan = PlanFactory(organisation=org, method="mvoi", start_year=2024, end_year=2027)
    climate = OrgThemeFactory(organisation=org, own_name="Klimaat", is_focus=True)
    circular = OrgThemeFactory(organisation=org, own_name="Circulair", is_focus=True)
    other = OrgThemeFactory(organisation=org, own_name="Diversiteit", is_focus=False)
    plan.themes.set([climate, circular, other])
    group = ProductGroup.objects.create(organisation=org, name="ICT")
    return plan, {"climate": climate, "circular": circular, "other": other}, group


def tender(plan, group, year, themes=(), **fields):
    row = Tender.objects.create(
        organisation=plan.organisation,
        plan=plan,
        title=f"Aanbesteding {Tender.objects.count() + 1}",
        product_group=group,
        planned_year=year,
        planned_quarter=fields.pop("quarter", 2),
        **fields,
    )
    for theme in themes:
        TenderTheme.objects.create(organisation=plan.organisation, tender=row, theme=theme)
    return row


def by_year(plan):
    return {row["year"]: row for row in share_by_year(plan)}


def test_the_share_counts_promising_tenders_that_apply_a_chosen_theme(mvoi):
    plan, themes, group = mvoi
    YearTarget.objects.create(organisation=plan.organisation, plan=plan, year=2025, target_pct=75)
    tender(plan, group, 2025, [themes["climate"]])
    tender(plan, group, 2025, [themes["climate"], themes["circular"]])  # counts once
    tender(plan, group, 2025, [themes["other"]])  # not a chosen theme
    tender(plan, group, 2025)  # no theme at all
    row = by_year(plan)[2025]
    assert (row["tenders"], row["applying"], row["actual_pct"], row["target_pct"]) == (
        4,
        2,
        50,
        75,
    )


def test_not_promising_and_cancelled_tenders_do_not_count(mvoi):
    plan, themes, group = mvoi
    tender(plan, group, 2026, [themes["climate"]])
    tender(plan, group, 2026, promising=False)
    tender(plan, group, 2026, status="geannuleerd")
    tender(plan, group, 2026, [themes["circular"]], status="geannuleerd")
    row = by_year(plan)[2026]
    assert (row["tenders"], row["applying"], row["actual_pct"]) == (1, 1, 100)


def test_a_postponed_tender_counts_in_its_new_year(mvoi):
    plan, themes, group = mvoi
    moved = tender(plan, group, 2025, [themes["climate"]])
    tender(plan, group, 2025)
    moved.planned_year, moved.status = 2026, "uitgesteld"
    moved.save()
    shares = by_year(plan)
    assert (shares[2025]["tenders"], shares[2025]["applying"]) == (1, 0)
    assert (shares[2026]["tenders"], shares[2026]["applying"]) == (1, 1)
    assert moved.history.count() == 2  # the move is in the tender's history
    assert moved.planned_period == 20262


def test_a_year_with_a_target_and_no_tenders_has_no_actual_share(mvoi):
    plan, _themes, _group = mvoi
    YearTarget.objects.create(organisation=plan.organisation, plan=plan, year=2027, target_pct=85)
    assert by_year(plan)[2027] == {
        "year": 2027,
        "tenders": 0,
        "applying": 0,
        "actual_pct": None,
        "target_pct": 85,
    }


def test_a_theme_stops_counting_when_it_is_no_longer_a_focus_theme(mvoi):
    plan, themes, group = mvoi
    tender(plan, group, 2025, [themes["climate"]])
    themes["climate"].is_focus = False
    themes["climate"].save()
    assert by_year(plan)[2025]["applying"] == 0


def test_another_plans_tenders_do_not_count(mvoi, org_a):
    plan, themes, group = mvoi
    other_plan = PlanFactory(organisation=org_a.org, method="mvoi", start_year=2024, end_year=2027)
    tender(other_plan, group, 2025, [themes["climate"]])
    assert 2025 not in by_year(plan)
