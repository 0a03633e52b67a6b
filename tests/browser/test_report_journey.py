"""A quarterly report in a real browser: a member opens Rapportages, asks for the report of
the last finished quarter, watches the page change by itself from "in de wachtrij" to "klaar"
(htmx polling, no reload) and downloads the PDF. axe finds nothing wrong on the list and the
report page, and neither scrolls sideways on a 390 px phone."""

import re

import pytest
from playwright.sync_api import expect

from kpis.models import last_finished_quarter, period_label
from reports import pipeline
from reports.models import Report, ReportStatus
from tests.factories import ActionFactory, GoalFactory, PlanFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
WIDER_THAN_VIEWPORT = "() => document.documentElement.scrollWidth > window.innerWidth"


def test_request_wait_and_download_a_quarterly_report(
    page, browser, live_server, org_a, axe_check, log_in, monkeypatch
):
    year, quarter = last_finished_quarter()
    plan = PlanFactory(
        organisation=org_a.org,
        title="MVO-plan Bakkerij De Korenschoof",
        start_year=year - 1,
        end_year=year + 1,
    )
    GoalFactory(plan=plan, title="Minder voedselverspilling in de winkels")
    ActionFactory(plan=plan, title="Restbrood naar de voedselbank")

    # Hold the request back at first, so the page is seen waiting (with a broker or in-process
    # the report may otherwise be done before the page has loaded).
    held = []
    real_send = pipeline.send
    monkeypatch.setattr(pipeline, "send", held.append)

    log_in(page, org_a.member.email)
    page.goto(f"{live_server.url}/o/{org_a.org.slug}/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Rapportages").click()
    expect(page.locator("h1")).to_have_text("Rapportages")
    expect(page.get_by_text("Er zijn nog geen rapporten gemaakt.")).to_be_visible()
    expect(
        page.get_by_role("link", name=re.compile(r"^Toelichting .* bij MVO-plan Bakkerij"))
    ).to_be_visible()
    assert axe_check(page) == []

    expect(page.get_by_label("Plan", exact=True)).to_have_value(str(plan.pk))  # the only plan
    expect(page.get_by_label("Jaar", exact=True)).to_have_value(str(year))
    expect(page.get_by_label("Kwartaal", exact=True)).to_have_value(str(quarter))
    page.get_by_role("button", name="Rapport maken").click()

    expect(page.get_by_text("Het rapport is aangevraagd.")).to_be_visible()
    status = page.locator("#report-status")
    expect(status.locator(".badge")).to_have_text("In de wachtrij")
    assert status.get_attribute("hx-trigger") == "every 2s"
    assert axe_check(page) == []
    report = Report.objects.get(organisation=org_a.org)
    assert held == [report.pk] and report.status == ReportStatus.QUEUED

    # Now it goes (through Redis to the worker in CI, in-process otherwise); the card polls
    # and shows the result without the page being loaded again.
    page.evaluate("() => { window.notReloaded = true; }")
    monkeypatch.setattr(pipeline, "send", real_send)
    assert pipeline.send(report.pk) is True
    expect(status.locator(".badge")).to_have_text("Klaar", timeout=90_000)
    assert page.evaluate("() => window.notReloaded") is True
    assert status.get_attribute("hx-trigger") is None  # it stopped polling
    assert axe_check(page) == []

    with page.expect_download() as download_info:
        status.get_by_role("link", name=re.compile("PDF downloaden")).click()
    download = download_info.value
    report.refresh_from_db()
    assert download.suggested_filename == report.download_name()
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"

    # The list shows it done, with its size, pages and a download link.
    page.get_by_role("link", name="Alle rapportages").click()
    row = page.locator("tbody tr").first
    expect(row.get_by_role("cell", name=period_label(year, quarter), exact=True)).to_be_visible()
    expect(row.locator(".badge")).to_have_text("Klaar")
    expect(row.get_by_role("link", name=re.compile("Downloaden"))).to_be_visible()
    assert axe_check(page) == []

    # On a phone neither page scrolls sideways.
    phone = browser.new_context(viewport=PHONE).new_page()
    log_in(phone, org_a.member.email)
    for path in ("rapportages/", f"rapportages/{report.pk}/"):
        phone.goto(f"{live_server.url}/o/{org_a.org.slug}/{path}")
        assert phone.evaluate(WIDER_THAN_VIEWPORT) is False, path
        assert axe_check(phone) == []


def test_a_failed_report_offers_a_retry_in_the_browser(page, live_server, org_a, axe_check, log_in):
    year, quarter = last_finished_quarter()
    plan = PlanFactory(organisation=org_a.org, start_year=year - 1, end_year=year + 1)
    report = Report.objects.create(
        organisation=org_a.org,
        plan=plan,
        kind="kwartaal",
        year=year,
        quarter=quarter,
        language="nl",
        key=Report.make_key("kwartaal", plan, year=year, quarter=quarter),
        status=ReportStatus.FAILED,
        failure="opslag",
        requested_by=org_a.member,
    )
    log_in(page, org_a.member.email)
    page.goto(f"{live_server.url}/o/{org_a.org.slug}/rapportages/{report.pk}/")
    expect(page.get_by_text("Het bestand kon niet worden opgeslagen.")).to_be_visible()
    assert axe_check(page) == []
    page.get_by_role("button", name="Opnieuw proberen").click()
    expect(page.get_by_text("Het rapport wordt opnieuw gemaakt.")).to_be_visible()
    expect(page.locator("#report-status .badge")).to_have_text("Klaar", timeout=90_000)
