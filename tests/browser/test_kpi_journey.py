"""A working group runs its KPIs in a real browser: theme → KPI → target → quarter → status."""

import re
from datetime import date
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from kpis.models import Kpi, Measurement
from tests.factories import StakeholderFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_theme_kpi_quarter_and_status(page, live_server, org_a, axe_check, log_in):
    base = f"{live_server.url}/o/{org_a.org.slug}"
    log_in(page, org_a.member.email)

    # Pick a theme from the ISO 26000 framework and score it.
    page.goto(f"{base}/themas/kaders/")
    assert axe_check(page) == []
    page.get_by_role("listitem").filter(has_text="Arbeidsomstandigheden").get_by_role(
        "link", name="Kiezen"
    ).click()
    page.get_by_label("Belang voor stakeholders (1–5)").fill("5")
    page.get_by_label("Impact van de organisatie (1–5)").fill("4")
    page.get_by_label("Focusthema").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Het thema is toegevoegd.")).to_be_visible()
    expect(page.locator(".chart svg")).to_have_count(2)
    assert axe_check(page) == []

    # A KPI with a baseline (Dutch decimal comma) and a target.
    page.goto(f"{base}/kpis/nieuw/")
    page.get_by_label("Thema").select_option(label="Arbeidsomstandigheden")
    page.get_by_label("Naam").fill("Ziekteverzuim")
    page.get_by_label("Eenheid").fill("%")
    page.get_by_label("Richting").select_option("lager")
    page.get_by_label("Nulmeting: waarde").fill("6,5")
    page.get_by_label("Nulmeting: datum").fill("2024-12-31")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", name=re.compile("Ziekteverzuim"))).to_be_visible()
    page.get_by_text("Streefwaarde toevoegen").click()
    page.get_by_label("Streefwaarde").fill("4,5")
    page.get_by_label("Datum").fill(f"{date.today().year + 2}-12-31")
    page.get_by_role("button", name="Toevoegen").click()
    expect(page.get_by_text("De streefwaarde is toegevoegd.")).to_be_visible()
    assert axe_check(page) == []

    # Enter a quarter: first a typo (nothing saved), then the right value.
    page.goto(f"{base}/kpis/kwartaal/?year=2025&quarter=1")
    assert axe_check(page) == []
    page.get_by_label("Ziekteverzuim", exact=True).fill("zes")
    page.get_by_role("button", name="K1 2025 opslaan").click()
    expect(page.get_by_text("Er is niets opgeslagen")).to_be_visible()
    expect(page.get_by_text("Vul een getal in, bijvoorbeeld 1.234,5 of 12,5.")).to_be_visible()
    assert not Measurement.objects.exists()
    page.get_by_label("Ziekteverzuim", exact=True).fill("4,2")
    page.get_by_label("Toelichting bij Ziekteverzuim").fill("Griepgolf voorbij")
    page.get_by_role("button", name="K1 2025 opslaan").click()
    expect(page.get_by_text("K1 2025 opgeslagen: 1 nieuw")).to_be_visible()
    assert Measurement.objects.get().value == Decimal("4.2")

    # The list shows the status; the status filter refreshes the results through htmx.
    page.goto(f"{base}/kpis/")
    row = page.get_by_role("row").filter(has_text="Ziekteverzuim")
    expect(row).to_contain_text("Behaald")
    page.evaluate("window.__sameDocument = true")
    page.get_by_label("Status").select_option("achter")
    expect(page.get_by_text("Geen KPI's gevonden.")).to_be_visible()
    expect(page).to_have_url(re.compile(r"status=achter"))
    assert page.evaluate("window.__sameDocument") is True  # no full page load
    assert axe_check(page) == []
    assert Kpi.objects.get().progress.status == "behaald"


def test_stakeholder_pages_are_accessible(page, live_server, org_a, axe_check, log_in):
    StakeholderFactory(organisation=org_a.org, name="Buurtvereniging", influence=2, interest=5)
    base = f"{live_server.url}/o/{org_a.org.slug}/stakeholders"
    log_in(page, org_a.member.email)
    for path in ["/", "/dialogen/", "/werkgroep/", "/dialogen/nieuw/"]:
        page.goto(base + path)
        assert axe_check(page) == [], path
    page.goto(base + "/")
    page.get_by_role("link", name="Buurtvereniging").first.click()
    expect(page.get_by_role("heading", name="Buurtvereniging")).to_be_visible()
