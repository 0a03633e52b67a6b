"""KPIs through the browser's eyes: forms, quarter entry, filters, detail, exports."""

import csv
import io
import re
from datetime import date
from decimal import Decimal

import pytest
from django.utils.html import escape
from openpyxl import load_workbook

from kpis.models import Kpi, Measurement, Target
from tests.factories import KpiFactory, MeasurementFactory, OrgThemeFactory, TargetFactory
from tests.helpers import body


@pytest.fixture
def theme(org_a):
    return OrgThemeFactory(organisation=org_a.org, own_name="Klimaat", is_focus=True)


def url(org, rest=""):
    return f"/o/{org.slug}/kpis/{rest}"


def test_member_creates_kpi_with_targets_and_measurement(org_a, theme, client_for):
    client = client_for(org_a.member)
    response = client.post(
        url(org_a.org, "nieuw/"),
        {
            "theme": theme.pk,
            "name": "CO2-uitstoot",
            "unit": "ton",
            "direction": "lager",
            "frequency": "kwartaal",
            "owner": org_a.member.pk,
            "baseline_value": "120,5",
            "baseline_date": "2024-01-01",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    kpi = Kpi.objects.get(name="CO2-uitstoot")
    assert (kpi.organisation, kpi.baseline_value) == (org_a.org, Decimal("120.5"))
    assert (
        client.post(
            url(org_a.org, f"{kpi.pk}/streefwaarden/nieuw/"), {"value": "80", "date": "2026-12-31"}
        ).status_code
        == 302
    )
    assert (
        client.post(
            url(org_a.org, f"{kpi.pk}/metingen/nieuw/"),
            {"year": 2025, "quarter": 2, "value": "100", "note": "x"},
        ).status_code
        == 302
    )
    measurement = kpi.measurements.get()
    assert (measurement.period_end, measurement.entered_by) == (date(2025, 6, 30), org_a.member)
    page = client.get(url(org_a.org, f"{kpi.pk}/")).content.decode()
    assert "<svg" in page and "CO2-uitstoot" in page


def test_kpi_form_messages(org_a, theme, client_for):
    response = client_for(org_a.member).post(
        url(org_a.org, "nieuw/"),
        {
            "theme": "",
            "name": "",
            "unit": "",
            "direction": "schuin",
            "frequency": "kwartaal",
            "baseline_value": "veel",
            "baseline_date": "",
        },
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "Dit veld is verplicht." in text
    assert "Vul een getal in, bijvoorbeeld 1.234,5 of 12,5." in text
    assert "Selecteer een geldige keuze" in text
    assert not Kpi.objects.exists()


def test_baseline_needs_value_and_date(org_a, theme, client_for):
    response = client_for(org_a.member).post(
        url(org_a.org, "nieuw/"),
        {
            "theme": theme.pk,
            "name": "X",
            "unit": "%",
            "direction": "hoger",
            "frequency": "kwartaal",
            "baseline_value": "5",
        },
    )
    assert "zowel een waarde als een datum" in response.content.decode()
    assert not Kpi.objects.exists()


def test_theme_of_other_organisation_is_refused(org_a, org_b, client_for):
    foreign = OrgThemeFactory(organisation=org_b.org)
    response = client_for(org_a.member).post(
        url(org_a.org, "nieuw/"),
        {
            "theme": foreign.pk,
            "name": "X",
            "unit": "%",
            "direction": "hoger",
            "frequency": "kwartaal",
        },
    )
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not Kpi.objects.exists()


def test_duplicate_kpi_name_gets_a_message(org_a, theme, client_for):
    KpiFactory(organisation=org_a.org, theme=theme, name="Verzuim")
    response = client_for(org_a.member).post(
        url(org_a.org, "nieuw/"),
        {
            "theme": theme.pk,
            "name": "Verzuim",
            "unit": "%",
            "direction": "lager",
            "frequency": "kwartaal",
        },
    )
    assert response.status_code == 200
    assert "bestaat al" in response.content.decode()
    assert Kpi.objects.count() == 1


def test_target_not_before_baseline_and_unique_date(org_a, theme, client_for):
    kpi = KpiFactory(
        organisation=org_a.org, theme=theme, baseline_value=1, baseline_date=date(2024, 1, 1)
    )
    client = client_for(org_a.member)
    early = client.post(
        url(org_a.org, f"{kpi.pk}/streefwaarden/nieuw/"), {"value": "5", "date": "2023-06-30"}
    )
    assert "na de datum van de nulmeting" in early.content.decode()
    TargetFactory(kpi=kpi, date=date(2026, 12, 31))
    twice = client.post(
        url(org_a.org, f"{kpi.pk}/streefwaarden/nieuw/"), {"value": "5", "date": "2026-12-31"}
    )
    assert twice.status_code == 200 and "bestaat al" in twice.content.decode()
    assert kpi.targets.count() == 1


def test_measurement_quarter_rules(org_a, theme, client_for):
    quarterly = KpiFactory(organisation=org_a.org, theme=theme, frequency="kwartaal")
    yearly = KpiFactory(organisation=org_a.org, theme=theme, frequency="jaar")
    client = client_for(org_a.member)
    missing = client.post(
        url(org_a.org, f"{quarterly.pk}/metingen/nieuw/"),
        {"year": 2025, "quarter": "", "value": "1"},
    )
    assert "Kies het kwartaal" in missing.content.decode()
    assert (
        client.post(
            url(org_a.org, f"{yearly.pk}/metingen/nieuw/"), {"year": 2025, "value": "1"}
        ).status_code
        == 302
    )
    assert yearly.measurements.get().period_end == date(2025, 12, 31)
    twice = client.post(
        url(org_a.org, f"{yearly.pk}/metingen/nieuw/"), {"year": 2025, "value": "2"}
    )
    assert twice.status_code == 200 and "bestaat al" in twice.content.decode()


def _entry(org, **params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return url(org, f"kwartaal/?{query}")


def test_quarter_entry_saves_all_and_updates_on_reentry(org_a, theme, client_for):
    a = KpiFactory(organisation=org_a.org, theme=theme, name="A")
    b = KpiFactory(organisation=org_a.org, theme=theme, name="B")
    yearly = KpiFactory(organisation=org_a.org, theme=theme, name="Jaarcijfer", frequency="jaar")
    client = client_for(org_a.member)
    path = _entry(org_a.org, year=2025, quarter=2)
    page = client.get(path).content.decode()
    assert "Jaarcijfer" not in page  # yearly KPIs are entered with Q4
    data = {
        f"value_{a.pk}": "12,5",
        f"note_{a.pk}": "eerste",
        f"evidence_{a.pk}": "",
        f"version_{a.pk}": 0,
        f"value_{b.pk}": "7",
        f"version_{b.pk}": 0,
    }
    assert client.post(path, data).status_code == 302
    assert Measurement.objects.get(kpi=a, year=2025, quarter=2).value == Decimal("12.5")
    # Re-entering the quarter shows the stored values and updates them.
    again = client.get(path).content.decode()
    assert 'value="12,5"' in again and "eerste" in again
    m = Measurement.objects.get(kpi=a)
    data.update(
        {
            f"value_{a.pk}": "13",
            f"version_{a.pk}": m.edit_token,
            f"value_{b.pk}": "",
            f"version_{b.pk}": Measurement.objects.get(kpi=b).edit_token,
        }
    )
    assert client.post(path, data).status_code == 302
    assert Measurement.objects.get(kpi=a).value == 13
    assert not Measurement.objects.filter(kpi=b).exists()  # cleared → removed
    q4 = client.get(_entry(org_a.org, year=2025, quarter=4)).content.decode()
    assert "Jaarcijfer" in q4 and yearly.name in q4


def test_quarter_entry_is_all_or_nothing(org_a, theme, client_for):
    a = KpiFactory(organisation=org_a.org, theme=theme, name="A")
    b = KpiFactory(organisation=org_a.org, theme=theme, name="B")
    path = _entry(org_a.org, year=2025, quarter=1)
    response = client_for(org_a.member).post(
        path,
        {
            f"value_{a.pk}": "10",
            f"version_{a.pk}": 0,
            f"value_{b.pk}": "tien",
            f"version_{b.pk}": 0,
            f"evidence_{a.pk}": "geen link",
        },
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "Vul een getal in, bijvoorbeeld 1.234,5 of 12,5." in text
    assert "Voer een geldige URL in." in text
    assert "Er is niets opgeslagen" in text
    assert not Measurement.objects.exists()


def test_quarter_entry_detects_concurrent_change(org_a, theme, client_for):
    a = KpiFactory(organisation=org_a.org, theme=theme)
    MeasurementFactory(kpi=a, year=2025, quarter=3, value=5)
    path = _entry(org_a.org, year=2025, quarter=3)
    # The user loaded version 1; meanwhile someone else saved version 2.
    seen = Measurement.objects.get(kpi=a).edit_token
    Measurement.objects.filter(kpi=a).update(version=2, value=6)
    response = client_for(org_a.member).post(path, {f"value_{a.pk}": "9", f"version_{a.pk}": seen})
    assert response.status_code == 200
    assert "Iemand anders heeft dit intussen gewijzigd" in response.content.decode()
    assert Measurement.objects.get(kpi=a).value == 6


def test_quarter_entry_for_one_theme_and_bad_period(org_a, theme, client_for):
    other = OrgThemeFactory(organisation=org_a.org, own_name="Sociaal")
    KpiFactory(organisation=org_a.org, theme=theme, name="Klimaat-KPI")
    KpiFactory(organisation=org_a.org, theme=other, name="Sociaal-KPI")
    client = client_for(org_a.member)
    page = client.get(_entry(org_a.org, year=2025, quarter=1, theme=other.pk)).content.decode()
    assert "Sociaal-KPI" in page and "Klimaat-KPI" not in page
    bad = client.get(_entry(org_a.org, year="abc", quarter=9))
    assert bad.status_code == 400
    assert "Voer een geheel getal in." in bad.content.decode()


def test_viewer_cannot_open_quarter_entry(org_a, client_for):
    assert client_for(org_a.viewer).get(url(org_a.org, "kwartaal/")).status_code == 403


def _status_kpi(org, theme, name, latest):
    kpi = KpiFactory(
        organisation=org, theme=theme, name=name, baseline_value=0, baseline_date=date(2020, 1, 1)
    )
    TargetFactory(kpi=kpi, date=date(2020, 12, 31), value=100)
    if latest is not None:
        MeasurementFactory(kpi=kpi, year=2020, quarter=4, value=latest)
    return kpi


def test_list_filters_by_status_theme_owner_with_htmx_partial(org_a, theme, client_for):
    _status_kpi(org_a.org, theme, "Gehaald", 120)
    _status_kpi(org_a.org, theme, "Achterop", 10)
    _status_kpi(org_a.org, theme, "Leeg", None)
    other = OrgThemeFactory(organisation=org_a.org, own_name="Ander thema")
    KpiFactory(organisation=org_a.org, theme=other, name="Elders", owner=org_a.manager)
    client = client_for(org_a.viewer)
    full = client.get(url(org_a.org)).content.decode()
    assert "<html" in full and all(n in full for n in ["Gehaald", "Achterop", "Leeg", "Elders"])
    partial = client.get(url(org_a.org, "?status=behaald"), HTTP_HX_REQUEST="true")
    text = partial.content.decode()
    assert "<html" not in text and 'id="results"' in text
    assert "Gehaald" in text and "Achterop" not in text
    assert "Achterop" in client.get(url(org_a.org, "?status=achter")).content.decode()
    by_theme = client.get(url(org_a.org, f"?theme={other.pk}")).content.decode()
    assert "Elders" in by_theme and "Gehaald" not in by_theme
    by_owner = client.get(url(org_a.org, f"?owner={org_a.manager.pk}")).content.decode()
    assert "Elders" in by_owner and "Achterop" not in by_owner
    bad = client.get(url(org_a.org, "?status=wild&theme=abc"))
    assert bad.status_code == 200


def test_list_rows_show_theme_and_owner(org_a, theme, client_for):
    KpiFactory(organisation=org_a.org, theme=theme, name="Verzuim", owner=org_a.manager)
    html = client_for(org_a.viewer).get(url(org_a.org)).content.decode()
    assert re.search(r'<td data-label="Thema"[^>]*>Klimaat</td>', html)
    assert escape(org_a.manager.get_full_name()) in html


def test_exports_xlsx_and_csv(org_a, theme, client_for):
    kpi = _status_kpi(org_a.org, theme, "=GEVAAR()", 120)
    MeasurementFactory(kpi=kpi, year=2021, quarter=1, value=Decimal("130.25"), note="@cmd")
    KpiFactory(organisation=org_a.org, theme=theme, name="Zonder metingen")
    client = client_for(org_a.viewer)
    response = client.get(url(org_a.org, "export.csv"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(body(response).decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "KPI"
    assert len(rows) == 1 + 2 + 1  # header, two measurements, one KPI without
    assert rows[1][0] == "'=GEVAAR()"  # no formula injection
    assert "130,25" in [cell for row in rows for cell in row]
    xlsx = client.get(url(org_a.org, "export.xlsx"))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][0] == "KPI" and len(values) == 4
    # In xlsx it is a text cell as typed: Excel never runs a text cell, so no apostrophe.
    assert values[1][0] == "=GEVAAR()" and sheet["A2"].data_type == "s"
    assert 130.25 in [v for row in values for v in row]
    assert client.get(url(org_a.org, "export.pdf")).status_code == 404


def test_other_organisations_kpis_are_invisible(org_a, org_b, client_for):
    foreign = KpiFactory(organisation=org_b.org, name="Geheim")
    client = client_for(org_a.admin)
    assert client.get(url(org_a.org, f"{foreign.pk}/")).status_code == 404
    assert client.post(url(org_a.org, f"{foreign.pk}/verwijderen/")).status_code == 404
    assert "Geheim" not in client.get(url(org_a.org)).content.decode()
    assert "Geheim" not in body(client.get(url(org_a.org, "export.csv"))).decode("utf-8-sig")
    assert Kpi.objects.filter(pk=foreign.pk).exists()


def test_delete_kpi_removes_its_data(org_a, theme, client_for):
    kpi = _status_kpi(org_a.org, theme, "Weg", 50)
    client = client_for(org_a.member)
    assert client.get(url(org_a.org, f"{kpi.pk}/verwijderen/")).status_code == 200
    assert client.post(url(org_a.org, f"{kpi.pk}/verwijderen/")).status_code == 302
    assert not Target.objects.exists() and not Measurement.objects.exists()


def test_edit_conflict_on_kpi(org_a, theme, client_for):
    kpi = KpiFactory(organisation=org_a.org, theme=theme, name="Oud")
    data = {
        "theme": theme.pk,
        "name": "Nieuw",
        "unit": "%",
        "direction": "hoger",
        "frequency": "kwartaal",
        "version": 1,
    }
    client = client_for(org_a.member)
    assert client.post(url(org_a.org, f"{kpi.pk}/bewerken/"), data).status_code == 302
    stale = client.post(url(org_a.org, f"{kpi.pk}/bewerken/"), {**data, "name": "Anders"})
    assert "Iemand anders heeft dit intussen gewijzigd" in stale.content.decode()
    kpi.refresh_from_db()
    assert (kpi.name, kpi.version) == ("Nieuw", 2)


def test_future_periods_cannot_be_measured(org_a, theme, client_for):
    from django.utils import timezone

    kpi = KpiFactory(organisation=org_a.org, theme=theme)
    next_year = timezone.localdate().year + 1
    client = client_for(org_a.member)
    single = client.post(
        url(org_a.org, f"{kpi.pk}/metingen/nieuw/"), {"year": next_year, "quarter": 1, "value": "1"}
    )
    assert "Deze periode is nog niet begonnen." in single.content.decode()
    entry = client.get(_entry(org_a.org, year=next_year, quarter=1))
    assert entry.status_code == 400
    assert "Dit kwartaal is nog niet begonnen." in entry.content.decode()
    assert not Measurement.objects.exists()


def test_saving_a_quarter_takes_the_same_queries_for_5_or_50_kpis(org_a, theme, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(org_a.member)
    path = _entry(org_a.org, year=2025, quarter=1)
    client.get(path)  # the first visit stores the organisation in the session

    def save_quarter(kpi_count):
        Measurement.objects.all().delete()
        Kpi.objects.all().delete()
        kpis = KpiFactory.create_batch(kpi_count, organisation=org_a.org, theme=theme)
        first = {f"value_{k.pk}": "1" for k in kpis}
        with CaptureQueriesContext(connection) as created:
            assert (
                client.post(path, {**first, **{f"version_{k.pk}": "0" for k in kpis}}).status_code
                == 302
            )
        versions = {m.kpi_id: m.edit_token for m in Measurement.objects.all()}
        half = {f"value_{k.pk}": ("2" if i % 2 else "") for i, k in enumerate(kpis)}
        with CaptureQueriesContext(connection) as changed:
            response = client.post(
                path, {**half, **{f"version_{k.pk}": versions[k.pk] for k in kpis}}
            )
        assert response.status_code == 302
        assert Measurement.objects.count() == kpi_count // 2
        return len(created), len(changed)

    assert save_quarter(5) == save_quarter(50)


def test_editing_a_measurement_records_who_changed_it(org_a, theme, client_for):
    kpi = KpiFactory(organisation=org_a.org, theme=theme)
    measurement = MeasurementFactory(kpi=kpi, year=2024, quarter=1, entered_by=org_a.member)
    response = client_for(org_a.manager).post(
        url(org_a.org, f"metingen/{measurement.pk}/bewerken/"),
        {"year": 2024, "quarter": 1, "value": "7", "version": 1},
    )
    assert response.status_code == 302
    measurement.refresh_from_db()
    assert (measurement.value, measurement.entered_by) == (7, org_a.manager)
