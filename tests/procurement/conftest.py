"""Fixtures of MVOI: an MVOI plan in organisation A (2024–2027) with four focus themes of the
Manifest MVOI and two without focus, a product group; and an MVOI plan in organisation B."""

from types import SimpleNamespace

import pytest

from plans.models import Method
from procurement.models import ProductGroup, Tender, TenderTheme
from tests.factories import OrgThemeFactory, PlanFactory

FOCUS = ["Klimaat", "Circulair", "Social return", "Ketenverantwoordelijkheid"]
OTHERS = ["Milieu", "Diversiteit en inclusie"]


@pytest.fixture
def mvoi(org_a):
    """SimpleNamespace(plan, themes {name: OrgTheme}, focus [..], group)."""
    org = org_a.org
    plan = PlanFactory(
        organisation=org, method=Method.MVOI, title="MVOI-actieplan", start_year=2024, end_year=2027
    )
    themes = {
        name: OrgThemeFactory(organisation=org, own_name=name, is_focus=name in FOCUS)
        for name in FOCUS + OTHERS
    }
    plan.themes.set(themes.values())
    group = ProductGroup.objects.create(organisation=org, name="ICT")
    return SimpleNamespace(
        plan=plan, themes=themes, focus=[themes[n] for n in FOCUS], group=group, org=org
    )


@pytest.fixture
def mvoi_b(org_b):
    plan = PlanFactory(organisation=org_b.org, method=Method.MVOI, start_year=2024, end_year=2027)
    group = ProductGroup.objects.create(organisation=org_b.org, name="ICT")
    return SimpleNamespace(plan=plan, group=group, org=org_b.org)


def make_tender(plan, group, year=2025, quarter=2, themes=(), **fields):
    """A tender on ``plan``'s calendar applying ``themes`` (OrgThemes)."""
    tender = Tender.objects.create(
        organisation=plan.organisation,
        plan=plan,
        title=fields.pop("title", f"Aanbesteding {Tender.objects.count() + 1}"),
        product_group=group,
        planned_year=year,
        planned_quarter=quarter,
        **fields,
    )
    for theme in themes:
        TenderTheme.objects.create(organisation=plan.organisation, tender=tender, theme=theme)
    return tender
