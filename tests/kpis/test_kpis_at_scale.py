"""KPIs with many rows: status from the latest values in the database, paged and sorted lists,
quarter entry beyond Django's default field limit, filtered exports, numbers that read right."""

import csv
import io
import random
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from kpis.models import Kpi, Measurement, Target, last_finished_quarter
from kpis.progress import Status
from mvo.models import Membership, Role
from tests.factories import KpiFactory, MeasurementFactory, OrgThemeFactory, TargetFactory
from tests.helpers import body


@pytest.fixture
def theme(org_a):
    return OrgThemeFactory(organisation=org_a.org, own_name="Klimaat")


def url(org, rest=""):
    return f"/o/{org.slug}/kpis/{rest}"


def _many(org, theme, count, **kwargs):
    return Kpi.objects.bulk_create(
        Kpi(organisation=org, theme=theme, name=f"KPI {i:04}", unit="kg", **kwargs)
        for i in range(count)
    )


def test_progress_from_the_database_equals_progress_from_every_measurement(org_a, theme):
    """progress_map fetches only each KPI's latest counted value; it must agree with the
    rules applied to all measurements (Kpi.progress), whatever the data looks like."""
    rng = random.Random(7)
    for i in range(60):
        yearly = i % 5 == 0
        has_baseline = i % 7 != 0
        kpi = KpiFactory(
            organisation=org_a.org,
            theme=theme,
            direction=rng.choice(["hoger", "lager"]),
            frequency="jaar" if yearly else "kwartaal",
            baseline_value=rng.randint(0, 100) if has_baseline else None,
            baseline_date=date(2023, rng.randint(1, 12), rng.randint(1, 28))
            if has_baseline
            else None,
        )
        for year in rng.sample(range(2026, 2031), rng.randint(0, 3)):
            Target.objects.create(kpi=kpi, date=date(year, 12, 31), value=rng.randint(0, 150))
        periods = {(y, None if yearly else rng.randint(1, 4)) for y in range(2022, 2026)}
        for year, quarter in rng.sample(sorted(periods, key=str), rng.randint(0, len(periods))):
            Measurement.objects.create(
                kpi=kpi, year=year, quarter=quarter, value=rng.randint(0, 150)
            )
    from_db = Kpi.objects.for_org(org_a.org).progress_map()
    full = Kpi.objects.for_org(org_a.org).with_full_data()
    assert len(from_db) == 60
    for kpi in full:
        assert from_db[kpi.pk] == kpi.progress, kpi.name
    assert {p.status for p in from_db.values()} >= {Status.NO_DATA, Status.BEHIND}


def test_a_measurement_in_the_baseline_quarter_counts_and_one_before_does_not(org_a, theme):
    kpi = KpiFactory(
        organisation=org_a.org, theme=theme, baseline_value=10, baseline_date=date(2024, 5, 15)
    )
    TargetFactory(kpi=kpi, date=date(2027, 12, 31), value=20)
    MeasurementFactory(kpi=kpi, year=2024, quarter=1, value=99)  # ends 31 March: before
    assert Kpi.objects.filter(pk=kpi.pk).progress_map()[kpi.pk].missing == "meting"
    MeasurementFactory(kpi=kpi, year=2024, quarter=2, value=12)  # ends 30 June: counts
    progress = Kpi.objects.filter(pk=kpi.pk).progress_map()[kpi.pk]
    assert progress.latest.value == 12 and progress.latest.date == date(2024, 6, 30)


def test_list_pages_sorts_searches_and_filters_together(org_a, theme, client_for):
    kpis = _many(org_a.org, theme, 120, baseline_value=0, baseline_date=date(2024, 1, 1))
    Target.objects.bulk_create(Target(kpi=k, date=date(2027, 12, 31), value=100) for k in kpis)
    # KPI 0000..0009 achieved, the rest behind (a little progress, far below the path).
    Measurement.objects.bulk_create(
        Measurement(kpi=k, year=2025, quarter=4, value=100 if i < 10 else 1)
        for i, k in enumerate(kpis)
    )
    client = client_for(org_a.viewer)
    first = client.get(url(org_a.org)).content.decode()
    assert "KPI 0000" in first and "KPI 0049" in first and "KPI 0050" not in first
    assert "1–50 van 120" in first
    last = client.get(url(org_a.org, "?page=3")).content.decode()
    assert "KPI 0119" in last and "KPI 0099" not in last
    assert client.get(url(org_a.org, "?page=999")).content.decode().count("KPI 01") == 20
    assert client.get(url(org_a.org, "?page=²")).status_code == 200
    descending = client.get(url(org_a.org, "?sort=-name")).content.decode()
    assert descending.index("KPI 0119") < descending.index("KPI 0100")
    by_status = client.get(url(org_a.org, "?sort=status")).content.decode()
    assert by_status.index("KPI 0009") < by_status.index("KPI 0010")  # achieved first
    assert "KPI 0050" not in by_status
    by_progress = client.get(url(org_a.org, "?sort=-progress")).content.decode()
    assert by_progress.index("KPI 0009") < by_progress.index("KPI 0010")
    achieved = client.get(
        url(org_a.org, "?status=behaald&sort=-name"), headers={"HX-Request": "true"}
    )
    text = achieved.content.decode()
    assert "<html" not in text  # the htmx partial only
    assert text.index("KPI 0009") < text.index("KPI 0000") and "KPI 0010" not in text
    assert "Behaald: <strong>10</strong>" in text and "Achter: <strong>110</strong>" in text
    behind_page_2 = client.get(url(org_a.org, "?status=achter&page=2")).content.decode()
    assert "51–100 van 110" in behind_page_2
    assert 'href="?status=achter&amp;page=3"' in behind_page_2  # page links keep the filter
    found = client.get(url(org_a.org, "?q=0117")).content.decode()
    assert "KPI 0117" in found and "KPI 0116" not in found
    assert client.get(url(org_a.org, "?sort=drop+table")).status_code == 200


def test_kpi_without_baseline_shows_last_value_target_and_why_no_status(org_a, theme, client_for):
    kpi = KpiFactory(organisation=org_a.org, theme=theme, name="Zonder nulmeting")
    TargetFactory(kpi=kpi, date=date(2030, 12, 31), value=Decimal("1500"))
    MeasurementFactory(kpi=kpi, year=2025, quarter=2, value=Decimal("1234.5"))
    page = client_for(org_a.viewer).get(url(org_a.org)).content.decode()
    assert "1.234,5" in page and "1.500" in page
    assert "Geen data" in page and "nulmeting ontbreekt" in page
    detail = client_for(org_a.viewer).get(url(org_a.org, f"{kpi.pk}/")).content.decode()
    assert "nulmeting ontbreekt" in detail


def test_quarter_entry_takes_more_kpis_than_django_allows_fields_by_default(
    org_a, theme, client_for
):
    kpis = _many(org_a.org, theme, 300)  # 1,200 fields: above the default limit of 1,000
    client = client_for(org_a.member)
    path = url(org_a.org, "kwartaal/?year=2025&quarter=1&per_page=1000")
    page = client.get(path).content.decode()
    assert page.count('inputmode="decimal"') == 300
    data = {f"value_{k.pk}": f"{i},5" for i, k in enumerate(kpis)}
    data |= {f"version_{k.pk}": "0" for k in kpis}
    data |= {f"note_{k.pk}": "" for k in kpis} | {f"evidence_{k.pk}": "" for k in kpis}
    response = client.post(path, data)
    assert response.status_code == 302
    assert Measurement.objects.count() == 300
    assert Measurement.objects.get(kpi=kpis[7]).value == Decimal("7.5")


def test_quarter_entry_pages_and_opens_on_the_last_finished_quarter(org_a, theme, client_for):
    _many(org_a.org, theme, 130)
    client = client_for(org_a.member)
    year, quarter = last_finished_quarter()
    response = client.get(url(org_a.org, "kwartaal/"))
    assert (response.context["year"], response.context["quarter"]) == (year, quarter)
    text = response.content.decode()
    assert text.count('inputmode="decimal"') == 100  # the default page size
    second = client.get(url(org_a.org, f"kwartaal/?year={year}&quarter={quarter}&page=2"))
    assert second.content.decode().count('inputmode="decimal"') == 30
    # Saving page 2 touches only the KPIs of page 2.
    shown = [row["kpi"] for row in second.context["rows"]]
    data = {f"value_{k.pk}": "1" for k in shown} | {f"version_{k.pk}": "0" for k in shown}
    assert client.post(second.request["PATH_INFO"] + "?" + second.request["QUERY_STRING"], data)
    assert Measurement.objects.count() == 30


def test_quarter_entry_shows_the_previous_value_and_the_target(org_a, theme, client_for):
    kpi = KpiFactory(organisation=org_a.org, theme=theme, name="Afval")
    MeasurementFactory(kpi=kpi, year=2024, quarter=4, value=Decimal("2500.25"))
    MeasurementFactory(kpi=kpi, year=2025, quarter=2, value=Decimal("99"))  # later: not shown
    TargetFactory(kpi=kpi, date=date(2024, 12, 31), value=3000)
    TargetFactory(kpi=kpi, date=date(2025, 12, 31), value=4000)
    response = client_for(org_a.member).get(url(org_a.org, "kwartaal/?year=2025&quarter=1"))
    row = response.context["rows"][0]
    assert row["previous"][1] == Decimal("2500.25") and row["target"][1] == 4000
    text = response.content.decode()
    assert "2.500,25" in text and "K4 2024" in text and "4.000" in text


def test_a_measurement_entered_again_is_not_overwritten_by_a_stale_form(org_a, theme, client_for):
    kpi = KpiFactory(organisation=org_a.org, theme=theme)
    old = MeasurementFactory(kpi=kpi, year=2025, quarter=1, value=5)
    stale_token = old.edit_token  # a form opened now holds version 1 of this row
    old.delete()
    MeasurementFactory(kpi=kpi, year=2025, quarter=1, value=8)  # entered again: version 1
    response = client_for(org_a.member).post(
        url(org_a.org, "kwartaal/?year=2025&quarter=1"),
        {f"value_{kpi.pk}": "1", f"version_{kpi.pk}": stale_token},
    )
    assert "Iemand anders heeft dit intussen gewijzigd" in response.content.decode()
    assert Measurement.objects.get().value == 8


def test_exports_follow_the_list_filter_and_carry_target_progress_and_status(
    org_a, theme, client_for
):
    other = OrgThemeFactory(organisation=org_a.org, own_name="Sociaal")
    kept = KpiFactory(
        organisation=org_a.org,
        theme=theme,
        name="Kept",
        baseline_value=0,
        baseline_date=date(2024, 1, 1),
    )
    TargetFactory(kpi=kept, date=date(2026, 12, 31), value=100)
    MeasurementFactory(kpi=kept, year=2025, quarter=1, value=100)
    MeasurementFactory(kpi=kept, year=2024, quarter=4, value=60)
    KpiFactory(organisation=org_a.org, theme=other, name="Elders")
    client = client_for(org_a.viewer)
    response = client.get(url(org_a.org, f"export.csv?theme={theme.pk}"))
    assert response.streaming
    rows = list(csv.reader(io.StringIO(body(response).decode("utf-8-sig")), delimiter=";"))
    header = rows[0]
    assert {"Streefwaarde", "Voortgang (%)", "Status"} <= set(header)
    assert [r[0] for r in rows[1:]] == ["Kept", "Kept"]
    first = dict(zip(header, rows[1], strict=True))
    assert first["Status"] == "Behaald" and first["Voortgang (%)"] == "100"
    assert first["Streefwaarde"] == "100" and first["Jaar"] == "2024"
    by_status = client.get(url(org_a.org, "export.xlsx?status=geen_data"))
    sheet = load_workbook(io.BytesIO(by_status.content)).active
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ["Elders"]
    status = [row[header.index("Status")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert status == ["Geen data (nulmeting ontbreekt)"]


def test_target_against_the_direction_or_a_negative_share_is_refused(org_a, theme, client_for):
    kpi = KpiFactory(
        organisation=org_a.org,
        theme=theme,
        unit="%",
        direction="hoger",
        baseline_value=40,
        baseline_date=date(2024, 1, 1),
    )
    client = client_for(org_a.member)
    against = client.post(
        url(org_a.org, f"{kpi.pk}/streefwaarden/nieuw/"), {"date": "2027-12-31", "value": "30"}
    )
    assert "boven de nulmeting (40)" in against.content.decode()
    negative = client.post(
        url(org_a.org, f"{kpi.pk}/metingen/nieuw/"), {"year": 2025, "quarter": 1, "value": "-1"}
    )
    assert "Een percentage kan niet negatief zijn." in negative.content.decode()
    entry = client.post(
        url(org_a.org, "kwartaal/?year=2025&quarter=1"),
        {f"value_{kpi.pk}": "-3", f"version_{kpi.pk}": "0"},
    )
    assert "Een percentage kan niet negatief zijn." in entry.content.decode()
    assert not Target.objects.exists() and not Measurement.objects.exists()
    TargetFactory(kpi=kpi, date=date(2027, 12, 31), value=60)
    flipped = client.post(
        url(org_a.org, f"{kpi.pk}/bewerken/"),
        {
            "theme": theme.pk,
            "name": kpi.name,
            "unit": "%",
            "direction": "lager",
            "frequency": "kwartaal",
            "baseline_value": "40",
            "baseline_date": "2024-01-01",
            "version": kpi.version,
        },
    )
    assert "wijst de streefwaarde 60 de verkeerde kant op" in flipped.content.decode()
    assert Kpi.objects.get().direction == "hoger"


def test_kpi_owner_is_chosen_from_people_who_can_enter_data(org_a, theme, client_for):
    form = client_for(org_a.member).get(url(org_a.org, "nieuw/")).context["form"]
    offered = set(form.fields["owner"].queryset)
    assert {org_a.member, org_a.manager, org_a.admin} <= offered
    assert org_a.viewer not in offered


def test_an_owner_who_left_is_shown_as_former_member(org_a, theme, client_for):
    KpiFactory(organisation=org_a.org, theme=theme, owner=org_a.member)
    Membership.objects.filter(user=org_a.member, organisation=org_a.org).delete()
    page = client_for(org_a.admin).get(url(org_a.org)).content.decode()
    assert "voormalig lid" in page


def test_the_guard_writes_the_session_only_when_the_organisation_changes(org_a, org_b, client_for):
    Membership.objects.create(user=org_a.admin, organisation=org_b.org, role=Role.VIEWER)
    client = client_for(org_a.admin)
    assert "sessionid" in client.get(url(org_a.org)).cookies  # first visit: stored
    assert "sessionid" not in client.get(url(org_a.org)).cookies  # same organisation
    assert "sessionid" in client.get(url(org_b.org)).cookies  # switched: stored again
