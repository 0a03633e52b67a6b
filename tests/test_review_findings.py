"""Regression tests for the findings of a code review (each once gave a 500 or a wrong value)."""

import io
from datetime import date
from decimal import Decimal

from openpyxl import load_workbook

from kpis.models import Kpi, Measurement, Target
from kpis.progress import HIGHER, compute
from tests.factories import (
    KpiFactory,
    MeasurementFactory,
    OrgThemeFactory,
    StakeholderFactory,
    TargetFactory,
)
from tests.helpers import body
from themes.models import FrameworkTheme, OrgTheme


def kpi_url(org, rest):
    return f"/o/{org.slug}/kpis/{rest}"


def test_targets_and_measurements_can_be_deleted(org_a, client_for):
    kpi = KpiFactory(organisation=org_a.org)
    target = TargetFactory(kpi=kpi)
    measurement = MeasurementFactory(kpi=kpi)
    client = client_for(org_a.member)
    for rest in (
        f"streefwaarden/{target.pk}/verwijderen/",
        f"metingen/{measurement.pk}/verwijderen/",
    ):
        assert client.get(kpi_url(org_a.org, rest)).status_code == 200
        assert client.post(kpi_url(org_a.org, rest))["Location"] == f"/o/org-a/kpis/{kpi.pk}/"
    assert not Target.objects.exists() and not Measurement.objects.exists()


def test_framework_theme_can_be_added_next_to_an_own_theme(org_a, client_for):
    OrgThemeFactory(organisation=org_a.org, own_name="Eigen")
    climate = FrameworkTheme.objects.get(code="mvoi-klimaat")
    response = client_for(org_a.member).post(
        f"/o/{org_a.org.slug}/themas/nieuw/", {"framework_theme": climate.pk}
    )
    assert response.status_code == 302
    assert OrgTheme.objects.filter(framework_theme=climate).exists()


def test_adding_from_framework_with_a_bad_parameter(org_a, client_for):
    response = client_for(org_a.member).get(f"/o/{org_a.org.slug}/themas/nieuw/?kaderthema=abc")
    assert response.status_code == 200


def test_excel_export_drops_control_characters(org_a, client_for):
    StakeholderFactory(organisation=org_a.org, name="ACME\x0bBV")
    response = client_for(org_a.viewer).get(f"/o/{org_a.org.slug}/stakeholders/export.xlsx")
    assert load_workbook(io.BytesIO(response.content)).active["A2"].value == "ACMEBV"


def test_quarter_entry_survives_a_kpi_added_while_the_form_was_open(org_a, client_for):
    old = KpiFactory(organisation=org_a.org, name="Oud")
    new = KpiFactory(organisation=org_a.org, name="Nieuw")  # not in the posted form
    response = client_for(org_a.member).post(
        kpi_url(org_a.org, "kwartaal/?year=2025&quarter=1"),
        {f"value_{old.pk}": "5", f"version_{old.pk}": "0"},
    )
    assert response.status_code == 302
    assert Measurement.objects.get().kpi == old
    assert not new.measurements.exists()


def test_frequency_cannot_change_while_there_are_measurements(org_a, client_for):
    kpi = KpiFactory(organisation=org_a.org, frequency="kwartaal")
    MeasurementFactory(kpi=kpi, year=2024, quarter=2)
    response = client_for(org_a.member).post(
        kpi_url(org_a.org, f"{kpi.pk}/bewerken/"),
        {
            "theme": kpi.theme.pk,
            "name": kpi.name,
            "unit": "%",
            "direction": "hoger",
            "frequency": "jaar",
            "version": 1,
        },
    )
    assert "De meetfrequentie kan niet veranderen" in response.content.decode()
    assert Kpi.objects.get().frequency == "kwartaal"


def test_dates_far_away_are_refused(org_a, client_for):
    kpi = KpiFactory(organisation=org_a.org)
    client = client_for(org_a.member)
    year = client.post(
        kpi_url(org_a.org, f"{kpi.pk}/metingen/nieuw/"), {"year": 10000, "quarter": 1, "value": "1"}
    )
    assert year.status_code == 200 and "hoogstens 2100" in year.content.decode()
    target = client.post(
        kpi_url(org_a.org, f"{kpi.pk}/streefwaarden/nieuw/"), {"date": "9999-06-30", "value": "1"}
    )
    assert target.status_code == 200 and not Target.objects.exists()
    assert client.get(kpi_url(org_a.org, f"{kpi.pk}/")).status_code == 200


def test_evidence_link_longer_than_the_column_is_refused(org_a, client_for):
    kpi = KpiFactory(organisation=org_a.org)
    response = client_for(org_a.member).post(
        kpi_url(org_a.org, "kwartaal/?year=2025&quarter=1"),
        {
            f"value_{kpi.pk}": "5",
            f"version_{kpi.pk}": "0",
            f"evidence_{kpi.pk}": "https://example.org/" + "a" * 300,
        },
    )
    assert response.status_code == 200
    assert "niet meer dan 200 tekens" in response.content.decode()
    assert not Measurement.objects.exists()


def test_largest_value_round_trips_and_larger_is_refused(org_a, client_for):
    kpi = KpiFactory(organisation=org_a.org)
    client = client_for(org_a.member)
    path = kpi_url(org_a.org, "kwartaal/?year=2025&quarter=1")
    assert (
        client.post(
            path, {f"value_{kpi.pk}": "99999999999,9999", f"version_{kpi.pk}": "0"}
        ).status_code
        == 302
    )
    assert Measurement.objects.get().value == Decimal("99999999999.9999")
    assert client.get(kpi_url(org_a.org, "")).status_code == 200
    token = Measurement.objects.get().edit_token
    too_big = client.post(
        path, {f"value_{kpi.pk}": "999999999999,9999", f"version_{kpi.pk}": token}
    )
    assert too_big.status_code == 200 and "Er is niets opgeslagen" in too_big.content.decode()


def test_progress_rounds_half_up_and_shows_100_only_when_reached():
    base = (date(2024, 1, 1), 0)
    target = [(date(2030, 1, 1), 200)]
    assert compute(HIGHER, base, target, [(date(2025, 1, 1), 125)], date(2025, 1, 1)).percent == 63
    almost = compute(HIGHER, base, target, [(date(2025, 1, 1), Decimal("199.5"))], date(2025, 1, 1))
    assert almost.percent == 99


def test_period_labels_and_yes_no_follow_the_language(org_a, client_for):
    kpi = KpiFactory(organisation=org_a.org)
    MeasurementFactory(kpi=kpi, year=2024, quarter=2)
    StakeholderFactory(organisation=org_a.org, is_internal=True)
    client = client_for(org_a.member)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "Q2 2024" in client.get(kpi_url(org_a.org, f"{kpi.pk}/")).content.decode()
    csv_text = body(client.get(f"/o/{org_a.org.slug}/stakeholders/export.csv")).decode("utf-8-sig")
    assert ";yes;" in csv_text
