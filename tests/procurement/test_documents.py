"""The year plan and the year's evaluation of an MVOI plan as PDFs: requested from the plan's
documents page, made by the real report task, downloaded only within the organisation; the
page and the content read with a fixed number of queries."""

import re
import subprocess

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from plans.models import Method
from procurement import documents
from procurement.models import Evaluation, TenderStatus
from reports.models import Report, ReportKind, ReportStatus
from tests.factories import ActionFactory, PlanFactory
from tests.procurement.conftest import make_tender
from tests.procurement.test_providers import add_tenders, build_content
from tests.reports.flow import in_process_fixture, tasks_in_this_process  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_this_process")]


@pytest.fixture(autouse=True)
def _report_files(monkeypatch, tmp_path):
    from django.core.files.storage import FileSystemStorage

    field = Report._meta.get_field("file")
    monkeypatch.setattr(field, "storage", FileSystemStorage(location=tmp_path / "reports"))


def request_url(org, plan):
    return reverse("reports:year_document", kwargs={"org_slug": org.slug, "plan_pk": plan.pk})


def documents_url(org, plan):
    return reverse("procurement:documents", kwargs={"org_slug": org.slug, "pk": plan.pk})


def pdf_text(report):
    assert report.status == ReportStatus.DONE, (report.failure, report.failure_detail)
    with report.file.open("rb") as handle:
        data = handle.read()
    assert data.startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()
    return re.sub(r"\s+", " ", text)


def request_pdf(client, org, plan, kind, year, in_process):
    response = in_process(
        client.post, request_url(org, plan), {"kind": kind, "year": year, "language": "nl"}
    )
    assert response.status_code == 302
    report = Report.objects.for_org(org).order_by("-pk").first()
    assert response.url == reverse("reports:detail", args=[org.slug, report.pk])
    report.refresh_from_db()
    return report


def test_the_year_plan_pdf_holds_the_calendar_targets_and_year_grid(
    mvoi, org_a, client_for, in_process
):
    build_content(mvoi)
    ActionFactory(
        plan=mvoi.plan,
        title="Communicatieplan MVOI",
        planned_year=2025,
        planned_quarter=3,
        team="Interne communicatie",
    )
    ActionFactory(plan=mvoi.plan, title="Actie van een ander jaar", planned_year=2026)
    make_tender(mvoi.plan, mvoi.group, 2026, 1, title="Schoonmaak volgend jaar")
    report = request_pdf(
        client_for(org_a.member), org_a.org, mvoi.plan, "jaarplan", 2025, in_process
    )
    assert report.kind == ReportKind.YEAR_PLAN and report.year == 2025
    assert report.pages >= 3
    text = pdf_text(report)
    for expected in (
        "Jaarplan 2025",
        "MVOI-actieplan",
        "Doel voor 2025",
        "75%",
        "Alle vervoer emissievrij",
        "Aanbestedingskalender 2025",
        "K2 2025",
        "Laptops",
        "Klimaat (Aanmoedigen: gunningscriterium, MVI-ICT-01)",
        "Raamcontract liep af",
        "Printers",
        "Jaarplanning 2025",
        "Training inkopers",
        "Communicatieplan MVOI",
        "Interne communicatie",
    ):
        assert expected in text, expected
    assert "Schoonmaak volgend jaar" not in text and "Actie van een ander jaar" not in text
    download = client_for(org_a.viewer).get(
        reverse("reports:download", args=[org_a.org.slug, report.pk])
    )
    assert download.status_code == 200
    assert download["Content-Disposition"].endswith('2025.pdf"')


def test_an_unfinished_evaluation_shows_the_facts_of_today(mvoi, org_a, client_for, in_process):
    build_content(mvoi)
    Evaluation.objects.create(
        organisation=mvoi.org, plan=mvoi.plan, year=2025, strategisch_goed="Bestuur staat erachter"
    )
    make_tender(
        mvoi.plan, mvoi.group, 2025, 4, title="Uitgesteld werk", status=TenderStatus.POSTPONED
    )
    report = request_pdf(
        client_for(org_a.member), org_a.org, mvoi.plan, "evaluatie", 2025, in_process
    )
    text = pdf_text(report)
    for expected in (
        "Evaluatie 2025",
        "De feiten van 2025",
        "Nog niet afgerond",
        "Raamcontract liep af",  # the explained deviation
        "Uitgesteld werk (K4 2025)",
        "Strategisch",
        "Wat ging goed?",
        "Bestuur staat erachter",
        "Procesgericht",
        "Waar letten we komend jaar op?",
        "Nog niet ingevuld.",
    ):
        assert expected in text, expected
    # 2025: Laptops and Printers apply a focus theme, Servers and the postponed one do not
    assert "50%" in text and "75%" in text


def test_a_finished_evaluation_shows_its_frozen_facts(mvoi, org_a, client_for, in_process):
    build_content(mvoi)
    Evaluation.objects.create(
        organisation=mvoi.org,
        plan=mvoi.plan,
        year=2025,
        finished_at=timezone.now(),
        finished_by=org_a.manager,
        facts={
            "year": 2025,
            "share": {"tenders": 9, "applying": 8, "actual_pct": 89, "target_pct": 75},
            "actions": {"done": 4, "not_done": 1, "cancelled": 0, "open_titles": ["Nog te doen"]},
            "deviations": [{"title": "Bevroren afwijking", "quarter": 1, "explanation": "Toen"}],
            "postponed": [],
        },
    )
    report = request_pdf(
        client_for(org_a.member), org_a.org, mvoi.plan, "evaluatie", 2025, in_process
    )
    text = pdf_text(report)
    assert "Afgerond op" in text and "89%" in text and "Bevroren afwijking" in text
    assert "Nog te doen" in text
    assert "Raamcontract liep af" not in text  # today's deviation is not in the frozen facts


def test_another_organisation_cannot_download_or_request(
    mvoi, mvoi_b, org_a, org_b, client_for, in_process
):
    report = request_pdf(
        client_for(org_a.member), org_a.org, mvoi.plan, "jaarplan", 2025, in_process
    )
    outsider = client_for(org_b.member)
    assert (
        outsider.get(reverse("reports:download", args=[org_b.org.slug, report.pk])).status_code
        == 404
    )
    assert (
        outsider.get(reverse("reports:download", args=[org_a.org.slug, report.pk])).status_code
        == 404
    )
    assert (
        outsider.post(
            request_url(org_b.org, mvoi.plan), {"kind": "jaarplan", "year": 2025}
        ).status_code
        == 404
    )
    assert outsider.get(documents_url(org_b.org, mvoi.plan)).status_code == 404


def test_viewers_see_and_download_but_only_members_request(mvoi, org_a, client_for, in_process):
    report = request_pdf(
        client_for(org_a.member), org_a.org, mvoi.plan, "evaluatie", 2026, in_process
    )
    viewer = client_for(org_a.viewer)
    page = viewer.get(documents_url(org_a.org, mvoi.plan))
    assert page.status_code == 200
    html = page.content.decode()
    assert request_url(org_a.org, mvoi.plan) not in html  # no buttons for a viewer
    assert reverse("reports:download", args=[org_a.org.slug, report.pk]) in html
    assert (
        viewer.post(
            request_url(org_a.org, mvoi.plan), {"kind": "jaarplan", "year": 2025}
        ).status_code
        == 403
    )

    member_page = client_for(org_a.member).get(documents_url(org_a.org, mvoi.plan)).content.decode()
    for year in range(2024, 2028):
        assert f"Jaarplan {year} als PDF" in member_page
        assert f"Evaluatie {year} als PDF" in member_page
    assert "<caption" in member_page and "table-responsive" in member_page


def test_bad_requests_are_refused_without_a_report(mvoi, org_a, client_for):
    member = client_for(org_a.member)
    other = PlanFactory(
        organisation=org_a.org, method=Method.MVO_STEPS, start_year=2024, end_year=2027
    )
    for plan, data in (
        (mvoi.plan, {"kind": "jaarplan", "year": 2031}),  # outside the plan's period
        (mvoi.plan, {"kind": "kwartaal", "year": 2025}),  # not a year document
        (mvoi.plan, {"kind": "jaarplan", "year": "twee"}),
        (other, {"kind": "jaarplan", "year": 2025}),  # not an MVOI plan
    ):
        assert member.post(request_url(org_a.org, plan), data).status_code == 404, data
    assert not Report.objects.exists()
    assert member.get(documents_url(org_a.org, other)).status_code == 404


def test_a_second_request_while_one_runs_gets_the_same_report(mvoi, org_a, client_for):
    member = client_for(org_a.member)
    # without running the task (no on_commit callbacks here) the first one stays queued
    member.post(request_url(org_a.org, mvoi.plan), {"kind": "jaarplan", "year": 2025})
    member.post(request_url(org_a.org, mvoi.plan), {"kind": "jaarplan", "year": 2025})
    assert Report.objects.filter(kind="jaarplan").count() == 1


def test_the_documents_page_reads_with_a_fixed_number_of_queries(mvoi, org_a, client_for):
    member = client_for(org_a.member)
    url = documents_url(org_a.org, mvoi.plan)
    member.get(url)
    with CaptureQueriesContext(connection) as few:
        member.get(url)
    for year in range(2024, 2028):
        for kind in ("jaarplan", "evaluatie"):
            for _ in range(3):
                Report.objects.create(
                    organisation=mvoi.org,
                    plan=mvoi.plan,
                    kind=kind,
                    year=year,
                    language="nl",
                    key=f"{kind}-{year}-{_}",
                    status=ReportStatus.DONE,
                )
    with CaptureQueriesContext(connection) as many:
        response = member.get(url)
    assert response.status_code == 200
    assert len(few) == len(many), (len(few), len(many))


def test_the_documents_read_with_a_fixed_number_of_queries(mvoi, org_a):
    build_content(mvoi)
    report = Report(
        organisation=mvoi.org, plan=mvoi.plan, kind="jaarplan", year=2025, language="nl"
    )

    def count(build):
        with CaptureQueriesContext(connection) as captured:
            build(report)
        return len(captured)

    few = (count(documents.year_plan), count(documents.evaluation))
    add_tenders(mvoi, 500, 2025, 2)
    for i in range(50):
        ActionFactory(
            plan=mvoi.plan, title=f"Actie {i}", planned_year=2025, planned_quarter=1 + i % 4
        )
    many = (count(documents.year_plan), count(documents.evaluation))
    assert few == many, (few, many)


def test_a_long_unbroken_explanation_wraps_and_renders(mvoi, org_a, client_for, in_process):
    """The longest explanation the form allows, without one space: before
    rendering.breakable, 3,000 such characters in a cell took WeasyPrint 24 s, 20,000 never
    finished."""
    from mvo.validation import MAX_TEXT

    make_tender(
        mvoi.plan, mvoi.group, 2025, 2, title="Lang", explanation="x" * MAX_TEXT, promising=True
    )
    report = request_pdf(
        client_for(org_a.member), org_a.org, mvoi.plan, "jaarplan", 2025, in_process
    )
    text = pdf_text(report).replace("\u200b", "")
    assert "Lang" in text
    runs = [len(run) for run in re.findall("x{10,}", text)]  # not the x of other words
    # every character is on the page, in lines that fit the cell (an unbroken word would run
    # off the page and lose most of it)
    assert sum(runs) == MAX_TEXT and max(runs) < 100, (sum(runs), max(runs))
    assert report.pages < 30


def test_breakable_gives_long_runs_break_opportunities_and_leaves_markup_alone():
    from reports.rendering import breakable

    html = (
        '<p class="a-very-long-class-name-that-is-over-thirty-characters">kort</p>'
        f"<td>{'a' * 45}&amp;{'b' * 10}</td><style>.x{{background:url({'c' * 50})}}</style>"
    )
    result = breakable(html)
    assert 'class="a-very-long-class-name-that-is-over-thirty-characters"' in result
    assert f"<td>{'a' * 20}\u200b{'a' * 20}\u200b{'a' * 5}&amp;{'b' * 10}</td>" in result
    assert f"url({'c' * 50})" in result  # a stylesheet is never touched
    assert breakable("<p>gewone woorden van normale lengte</p>") == (
        "<p>gewone woorden van normale lengte</p>"
    )
