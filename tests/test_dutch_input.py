"""Input the Dutch way, the same in every form: numbers, one date range, 1–5 scores."""

from decimal import Decimal

import pytest

from mvo.validation import parse_number
from tests.factories import KpiFactory, OrgThemeFactory, StakeholderFactory


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1.234,5", Decimal("1234.5")),
        ("1234,5", Decimal("1234.5")),
        ("1234.5", Decimal("1234.5")),
        ("12,5", Decimal("12.5")),
        ("12.5", Decimal("12.5")),
        ("1.234", Decimal("1234")),  # the Dutch reading: a dot groups thousands
        ("0.125", Decimal("0.125")),  # ... but a whole part of 0 is never grouped
        ("12.50", Decimal("12.50")),
        ("1.234.567", Decimal("1234567")),
        ("1.234.567,89", Decimal("1234567.89")),
        ("-1.234,5", Decimal("-1234.5")),
        ("1,234.5", Decimal("1234.5")),
        (" 1 234,5 ", Decimal("1234.5")),
        ("1\u00a0234,5", Decimal("1234.5")),
        (",5", Decimal("0.5")),
        ("7", Decimal("7")),
    ],
)
def test_numbers_are_read_the_dutch_way(text, number):
    assert parse_number(text) == number


@pytest.mark.parametrize(
    "text",
    [
        "",
        "tien",
        "1,2,3",
        "12.34.5",
        "1.23,4",
        "1e5",
        "NaN",
        "Infinity",
        "--1",
        "1.2.3,4",
        "٣",
        "²",
    ],
)
def test_what_is_not_a_number_is_refused(text):
    assert parse_number(text) is None


def url(org, rest):
    return f"/o/{org.slug}/{rest}"


def test_a_bad_number_gets_one_message_and_nothing_else(org_a, client_for):
    theme = OrgThemeFactory(organisation=org_a.org)
    response = client_for(org_a.member).post(
        url(org_a.org, "kpis/nieuw/"),
        {
            "theme": theme.pk,
            "name": "Verloop",
            "unit": "%",
            "direction": "lager",
            "frequency": "kwartaal",
            "baseline_value": "twaalf",
            "baseline_date": "2024-01-01",
        },
    )
    form = response.context["form"]
    assert form.errors == {"baseline_value": ["Vul een getal in, bijvoorbeeld 1.234,5 of 12,5."]}


def test_thousands_separators_in_forms_and_quarter_entry(org_a, client_for):
    kpi = KpiFactory(organisation=org_a.org, unit="kg")
    client = client_for(org_a.member)
    response = client.post(
        url(org_a.org, "kpis/kwartaal/?year=2025&quarter=1"),
        {f"value_{kpi.pk}": "1.234,5", f"version_{kpi.pk}": "0"},
    )
    assert response.status_code == 302
    assert kpi.measurements.get().value == Decimal("1234.5")
    target = client.post(
        url(org_a.org, f"kpis/{kpi.pk}/streefwaarden/nieuw/"),
        {"date": "2027-12-31", "value": "2.500"},
    )
    assert target.status_code == 302
    assert kpi.targets.get().value == 2500


def test_one_date_range_with_a_dutch_message_everywhere(org_a, client_for):
    stakeholder = StakeholderFactory(organisation=org_a.org)
    client = client_for(org_a.member)
    response = client.post(
        url(org_a.org, "stakeholders/dialogen/nieuw/"),
        {
            "date": "1890-05-01",
            "subject": "Oud gesprek",
            "stakeholders": [stakeholder.pk],
            "method": "gesprek",
        },
    )
    assert "Kies een datum tussen 01-01-1990 en 31-12-2100." in response.content.decode()
    page = client.get(url(org_a.org, "stakeholders/dialogen/nieuw/")).content.decode()
    assert 'min="1990-01-01"' in page and 'max="2100-12-31"' in page
    kpi_form = client.get(url(org_a.org, "kpis/nieuw/")).content.decode()
    assert 'min="1990-01-01"' in kpi_form


@pytest.mark.parametrize(
    ("path", "fields"),
    [
        ("themas/nieuw/", {"importance": "0", "impact": "6"}),
        ("stakeholders/nieuw/", {"influence": "0", "interest": "6"}),
    ],
)
def test_scores_run_from_1_to_5_in_the_browser_and_on_the_server(path, fields, org_a, client_for):
    client = client_for(org_a.member)
    text = client.get(url(org_a.org, path)).content.decode()
    assert text.count('min="1"') == 2 and text.count('max="5"') == 2
    assert 'min="0"' not in text
    data = {"own_name": "Water", "name": "Buren", "category": "omwonenden", **fields}
    form = client.post(url(org_a.org, path), data).context["form"]
    assert form.errors[next(iter(fields))] == ["Kies een score van 1 tot en met 5."]
