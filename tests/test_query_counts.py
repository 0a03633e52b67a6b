"""Rule 2: a page's query count does not grow with its rows (5 rows versus 200)."""

from datetime import date

import pytest

from kpis.models import Measurement, Target
from tests.factories import (
    DialogueFactory,
    KpiFactory,
    OrgThemeFactory,
    StakeholderFactory,
    WorkingGroupMemberFactory,
)
from tests.helpers import assert_queries_constant
from themes.models import FrameworkTheme

MAX_QUERIES = 15


def _themes(org, n):
    sdgs = list(FrameworkTheme.objects.sdgs()[:2])
    for theme in OrgThemeFactory.create_batch(
        n, organisation=org, is_focus=True, ambition_current=2, ambition_target=3
    ):
        theme.sdgs.set(sdgs)


def _stakeholders(org, n):
    StakeholderFactory.create_batch(n, organisation=org)


def _dialogues(org, n, stakeholder=None):
    stakeholder = stakeholder or StakeholderFactory(organisation=org)
    theme = OrgThemeFactory(organisation=org)
    for dialogue in DialogueFactory.create_batch(n, organisation=org, stakeholders=[stakeholder]):
        dialogue.themes.set([theme])


def _working_group(org, n):
    WorkingGroupMemberFactory.create_batch(n, organisation=org)


def _kpis(org, n):
    for kpi in KpiFactory.create_batch(
        n, organisation=org, baseline_value=1, baseline_date=date(2024, 1, 1)
    ):
        Target.objects.create(kpi=kpi, date=date(2027, 12, 31), value=10)
        Measurement.objects.create(kpi=kpi, year=2024, quarter=2, value=3)


def _measurements(kpi, n):
    start = kpi.measurements.count()
    Measurement.objects.bulk_create(
        Measurement(kpi=kpi, year=2000 + (start + i) // 4, quarter=(start + i) % 4 + 1, value=i)
        for i in range(n)
    )
    Target.objects.bulk_create(
        Target(kpi=kpi, date=date(2030 + (start + i), 1, 1), value=i) for i in range(min(n, 3))
    )


@pytest.mark.parametrize(
    "page",
    [
        "themes",
        "frameworks",
        "stakeholders",
        "dialogues",
        "working_group",
        "kpis",
        "quarter_entry",
        "kpi_export",
        "stakeholder_export",
        "stakeholder_detail",
        "kpi_detail",
    ],
)
def test_query_count_is_constant(page, org_a, client_for):
    org = org_a.org
    base = f"/o/{org.slug}/"
    if page == "stakeholder_detail":
        stakeholder = StakeholderFactory(organisation=org)
        path, add = (
            f"{base}stakeholders/{stakeholder.pk}/",
            lambda n: _dialogues(org, n, stakeholder),
        )
    elif page == "kpi_detail":
        kpi = KpiFactory(organisation=org, baseline_value=1, baseline_date=date(1999, 1, 1))
        path, add = f"{base}kpis/{kpi.pk}/", lambda n: _measurements(kpi, n)
    else:
        path, add = {
            "themes": ("themas/", lambda n: _themes(org, n)),
            "frameworks": ("themas/kaders/", lambda n: _themes(org, n)),
            "stakeholders": ("stakeholders/", lambda n: _stakeholders(org, n)),
            "dialogues": ("stakeholders/dialogen/", lambda n: _dialogues(org, n)),
            "working_group": ("stakeholders/werkgroep/", lambda n: _working_group(org, n)),
            "kpis": ("kpis/", lambda n: _kpis(org, n)),
            "quarter_entry": ("kpis/kwartaal/?year=2024&quarter=2", lambda n: _kpis(org, n)),
            "kpi_export": ("kpis/export.xlsx", lambda n: _kpis(org, n)),
            "stakeholder_export": ("stakeholders/export.csv", lambda n: _dialogues(org, n)),
        }[page]
        path = base + path
    queries = assert_queries_constant(client_for(org_a.member), path, add)
    assert queries <= MAX_QUERIES, queries
