"""Every main page is valid enough for assistive technology: no element id twice."""

from collections import Counter
from datetime import date
from html.parser import HTMLParser

import pytest

from tests.factories import (
    DialogueFactory,
    KpiFactory,
    MeasurementFactory,
    OrgThemeFactory,
    StakeholderFactory,
    TargetFactory,
    WorkingGroupMemberFactory,
)


class IdCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = Counter()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id":
                self.ids[value] += 1


@pytest.fixture
def pages(org_a):
    org = org_a.org
    theme = OrgThemeFactory(organisation=org, own_name="Klimaat", is_focus=True)
    stakeholder = StakeholderFactory(organisation=org)
    dialogue = DialogueFactory(organisation=org, stakeholders=[stakeholder])
    member = WorkingGroupMemberFactory(organisation=org)
    kpi = KpiFactory(
        organisation=org, theme=theme, baseline_value=1, baseline_date=date(2024, 1, 1)
    )
    TargetFactory(kpi=kpi, date=date(2027, 12, 31), value=10)
    measurement = MeasurementFactory(kpi=kpi, year=2025, quarter=1, value=3)
    base = f"/o/{org.slug}/"
    return [
        base,
        base + "themas/",
        base + "themas/kaders/",
        base + "themas/nieuw/",
        base + f"themas/{theme.pk}/bewerken/",
        base + f"themas/{theme.pk}/verwijderen/",
        base + "stakeholders/",
        base + "stakeholders/nieuw/",
        base + f"stakeholders/{stakeholder.pk}/",
        base + f"stakeholders/{stakeholder.pk}/bewerken/",
        base + "stakeholders/dialogen/",
        base + "stakeholders/dialogen/nieuw/",
        base + f"stakeholders/dialogen/{dialogue.pk}/bewerken/",
        base + "stakeholders/werkgroep/",
        base + "stakeholders/werkgroep/nieuw/",
        base + f"stakeholders/werkgroep/{member.pk}/bewerken/",
        base + "kpis/",
        base + "kpis/nieuw/",
        base + f"kpis/{kpi.pk}/",
        base + f"kpis/{kpi.pk}/bewerken/",
        base + f"kpis/{kpi.pk}/metingen/nieuw/",
        base + f"kpis/metingen/{measurement.pk}/bewerken/",
        base + "kpis/kwartaal/?year=2025&quarter=1",
        base + "leden/",
        base + "leden/uitnodigen/",
        base + "instellingen/",
        "/",
    ]


def test_no_element_id_appears_twice_on_any_main_page(pages, org_a, client_for):
    client = client_for(org_a.admin)
    problems = {}
    for path in pages:
        response = client.get(path, follow=True)
        assert response.status_code == 200, path
        collector = IdCollector()
        collector.feed(response.content.decode())
        twice = sorted(i for i, n in collector.ids.items() if n > 1)
        if twice:
            problems[path] = twice
    assert problems == {}
