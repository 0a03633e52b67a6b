"""The demo lets a new user follow Lexman BV and AGV BV with realistic data."""

from collections import Counter

import pytest
from django.core.management import call_command

from kpis.models import Kpi, Measurement
from kpis.progress import Status
from mvo.models import Organisation
from stakeholders.models import Dialogue, Stakeholder, WorkingGroupMember
from themes.models import OrgTheme


@pytest.fixture
def seeded(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.mark.parametrize("slug", ["lexman", "agv"])
def test_companies_have_a_realistic_mix(seeded, slug):
    org = Organisation.objects.get(slug=slug)
    kpis = Kpi.objects.for_org(org).with_progress()
    assert 8 <= len(kpis) <= 12
    statuses = Counter(k.progress.status for k in kpis)
    assert statuses[Status.NO_DATA] == 1
    for status in (Status.ACHIEVED, Status.ON_TRACK, Status.BEHIND):
        assert statuses[status] >= 1, statuses
    for kpi in kpis:
        if kpi.baseline:
            counted = [m for m in kpi.measurements.all() if m.period_end >= kpi.baseline_date]
            enough = 3 if kpi.frequency == "jaar" else 6
            assert len(counted) >= enough, kpi.name
    assert OrgTheme.objects.for_org(org).focus().count() >= 1
    assert Stakeholder.objects.for_org(org).count() >= 5
    assert Dialogue.objects.for_org(org).needing_attention().exists()
    assert WorkingGroupMember.objects.for_org(org).count() >= 3


def test_municipality_has_mvoi_themes(seeded):
    org = Organisation.objects.get(slug="gemeente-voorbeeld")
    codes = set(OrgTheme.objects.for_org(org).values_list("framework_theme__code", flat=True))
    assert {c for c in codes if c and c.startswith("mvoi-")} == codes


def test_seeding_again_changes_nothing(seeded):
    def counts():
        return [
            m.objects.count()
            for m in (OrgTheme, Stakeholder, Dialogue, WorkingGroupMember, Kpi, Measurement)
        ]

    before = counts()
    Measurement.objects.filter(pk=Measurement.objects.first().pk).update(note="eigen notitie")
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts() == before
    assert Measurement.objects.filter(note="eigen notitie").count() == 1  # users' edits stay
