"""The dashboard shows KPI statuses, focus themes and open dialogues at a glance."""

from datetime import date

from tests.factories import (
    DialogueFactory,
    KpiFactory,
    MeasurementFactory,
    OrgThemeFactory,
    StakeholderFactory,
    TargetFactory,
)
from tests.helpers import assert_queries_constant


def test_dashboard_summarises(org_a, client_for):
    theme = OrgThemeFactory(organisation=org_a.org, own_name="Water", is_focus=True)
    behind = KpiFactory(
        organisation=org_a.org,
        theme=theme,
        name="Waterverbruik",
        baseline_value=0,
        baseline_date=date(2020, 1, 1),
    )
    TargetFactory(kpi=behind, date=date(2020, 12, 31), value=100)
    MeasurementFactory(kpi=behind, year=2020, quarter=4, value=10)
    KpiFactory(organisation=org_a.org, theme=theme, name="Zonder data")
    DialogueFactory(
        organisation=org_a.org, stakeholders=[StakeholderFactory(organisation=org_a.org)]
    )
    page = client_for(org_a.viewer).get(f"/o/{org_a.org.slug}/").content.decode()
    assert "Waterverbruik" in page  # listed as behind
    assert "1 dialoog wacht nog op opvolging" in page
    assert "Water" in page and org_a.admin.email not in page  # names, not addresses
    assert "?status=achter" in page


def test_dashboard_queries_do_not_grow(org_a, client_for):
    def add(n):
        theme = OrgThemeFactory(organisation=org_a.org, is_focus=True)
        for kpi in KpiFactory.create_batch(n, organisation=org_a.org, theme=theme):
            MeasurementFactory(kpi=kpi)

    assert assert_queries_constant(client_for(org_a.viewer), f"/o/{org_a.org.slug}/", add) <= 15
