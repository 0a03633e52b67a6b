"""Bad input never gives a 500 and never half-saves: fuzzed posts to the main forms."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpis.models import Kpi, Measurement
from stakeholders.models import Dialogue, Stakeholder
from tests.factories import KpiFactory, OrgThemeFactory
from themes.models import OrgTheme

junk = st.one_of(
    st.text(max_size=30),
    st.integers(-(10**20), 10**20).map(str),
    st.sampled_from(["", " ", "1e309", "NaN", "-0", "12,5", "1.000,5", "９", "<script>", "\x00"]),
)
FIELDS = {
    "themas/nieuw/": [
        "framework_theme",
        "own_name",
        "importance",
        "impact",
        "ambition_current",
        "ambition_target",
        "sdgs",
    ],
    "stakeholders/nieuw/": ["name", "category", "influence", "interest"],
    "stakeholders/dialogen/nieuw/": ["date", "subject", "stakeholders", "method", "themes"],
    "kpis/nieuw/": [
        "theme",
        "name",
        "unit",
        "direction",
        "frequency",
        "owner",
        "baseline_value",
        "baseline_date",
    ],
}


@pytest.mark.parametrize("path", list(FIELDS))
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_fuzzed_forms_answer_without_server_error(path, data, org_a, client_for):
    values = {name: data.draw(junk, label=name) for name in FIELDS[path]}
    counts = [m.objects.count() for m in (OrgTheme, Stakeholder, Dialogue, Kpi)]
    response = client_for(org_a.member).post(f"/o/{org_a.org.slug}/{path}", values)
    assert response.status_code in (200, 302)
    if response.status_code == 200:  # refused: nothing was saved
        assert counts == [m.objects.count() for m in (OrgTheme, Stakeholder, Dialogue, Kpi)]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(value=junk, note=st.text(max_size=600), evidence=junk, version=junk, year=junk, quarter=junk)
def test_fuzzed_quarter_entry(value, note, evidence, version, year, quarter, org_a, client_for):
    kpi = Kpi.objects.filter(organisation=org_a.org).first() or KpiFactory(
        organisation=org_a.org, theme=OrgThemeFactory(organisation=org_a.org)
    )
    before = list(Measurement.objects.values_list("value", "version"))
    response = client_for(org_a.member).post(
        f"/o/{org_a.org.slug}/kpis/kwartaal/?year={year}&quarter={quarter}",
        {
            f"value_{kpi.pk}": value,
            f"note_{kpi.pk}": note,
            f"evidence_{kpi.pk}": evidence,
            f"version_{kpi.pk}": version,
        },
    )
    assert response.status_code in (200, 302, 400)
    if response.status_code != 302:
        assert list(Measurement.objects.values_list("value", "version")) == before


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("themas/nieuw/", "sdgs"),
        ("stakeholders/dialogen/nieuw/", "stakeholders"),
        ("stakeholders/dialogen/nieuw/", "themes"),
    ],
)
def test_ids_beyond_64_bits_are_invalid_choices(path, field, org_a, client_for):
    # Found by the fuzzer above: such an id used to crash the query instead of being refused.
    response = client_for(org_a.member).post(
        f"/o/{org_a.org.slug}/{path}", {field: "9223372036854775808", "own_name": "x"}
    )
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()
