"""The quarterly report of a due-diligence plan has its chapter: the heat map, risks per
severity band, the prioritised risks with their actions' progress, the quarter's monitoring,
and the organisation's grievances in numbers only, never their content."""

import io
import re
from datetime import date, timedelta

import pytest
from django.utils import timezone
from pypdf import PdfReader

from duediligence import providers
from duediligence.models import Grievance, Monitoring
from kpis.models import current_quarter
from reports import quarterly
from reports.models import Report, ReportStatus
from reports.pipeline import request_report
from reports.rendering import html_for
from tests.duediligence.content_builders import build_dd_content
from tests.factories import OrganisationFactory, PlanFactory
from tests.reports.flow import in_process_fixture, tasks_in_this_process  # noqa: F401

HEAT_MAP_TITLE = "Heatmap van de risico's: ernst tegen waarschijnlijkheid"
SECRET = "GEHEIM: de opzichter van plantage Zuid slaat kinderen"


def grievance(org, received, due, status, responded=None, text=SECRET):
    return Grievance.objects.create(
        organisation=org,
        received_on=received,
        response_due=due,
        responded_on=responded,
        status=status,
        channel="formulier",
        complainant_type="ketenwerker",
        contact="Amara Koné, +225 0101",
        description=text,
    )


def grievances_for_q3_2025(org):
    """Eight grievances around the third quarter of 2025 (1 July – 30 September)."""
    d = date
    grievance(org, d(2025, 7, 5), d(2025, 8, 2), "afgesloten", d(2025, 7, 20))  # on time
    grievance(org, d(2025, 7, 10), d(2025, 8, 7), "herstel_loopt", d(2025, 8, 20))  # late
    grievance(org, d(2025, 8, 1), d(2025, 8, 29), "ontvangen")  # open, past its deadline
    grievance(org, d(2025, 9, 20), d(2025, 10, 18), "in_behandeling")  # deadline not yet
    # received before the quarter, answered only after it: past its deadline on 30 September
    grievance(org, d(2025, 6, 1), d(2025, 6, 29), "in_behandeling", d(2025, 10, 10))
    grievance(org, d(2025, 5, 1), d(2025, 5, 29), "niet_ontvankelijk")  # no answer owed
    grievance(org, d(2025, 11, 1), d(2025, 11, 29), "ontvangen")  # after the quarter
    grievance(OrganisationFactory(), d(2025, 8, 1), d(2025, 8, 2), "ontvangen")  # elsewhere


def values(table):
    return [[cell["value"] for cell in row] for row in table["rows"]]


def dd_chapter(plan, year, quarter):
    report = Report(
        plan=plan, organisation=plan.organisation, kind="kwartaal", year=year, quarter=quarter
    )
    sections = quarterly.context(report)["sections"]
    chapters = [section for section in sections if section["key"] == providers.KEY]
    assert len(chapters) == 1
    return chapters[0]


def test_a_plan_of_another_method_has_no_chapter(org_a):
    plan = PlanFactory(organisation=org_a.org)
    assert providers.report_section(plan, 2025, 3) is None
    report = Report(plan=plan, organisation=org_a.org, kind="kwartaal", year=2025, quarter=3)
    assert not quarterly.context(report)["sections"]


def test_the_chapter_of_a_finished_quarter(dd_plan, org_a):
    content = build_dd_content(dd_plan)
    grievances_for_q3_2025(org_a.org)
    supplier = content["suppliers"][0]
    Monitoring.objects.create(
        organisation=org_a.org,
        plan=dd_plan,
        kind="audit",
        audit_scheme="smeta",
        supplier=supplier,
        date=date(2025, 9, 2),
        effectiveness="deels",
        findings="Geen vluchtwegen.",
    )
    Monitoring.objects.create(
        organisation=org_a.org, plan=dd_plan, kind="gesprek", date=date(2025, 7, 14)
    )
    Monitoring.objects.create(
        organisation=org_a.org, plan=dd_plan, kind="bezoek", date=date(2025, 6, 30)
    )

    chapter = dd_chapter(dd_plan, 2025, 3)
    assert chapter["title"] == "Due diligence"
    assert "K3 2025" in chapter["intro"]
    assert chapter["figure"]["title"] == HEAT_MAP_TITLE
    assert f'alt="{HEAT_MAP_TITLE}"'.replace("'", "&#x27;") in str(chapter["figure"]["image"])
    bands, prioritised, monitoring, by_status, deadlines = chapter["tables"]

    assert values(bands) == [
        ["Hoge ernst (4–5)", 2, 2, 1, "1 van 2 afgerond"],
        ["Middelmatige ernst (3)", 0, 0, 0, "geen acties"],
        ["Lage ernst (1–2)", 1, 0, 0, "geen acties"],
        ["Totaal", 3, 2, 1, "1 van 2 afgerond"],
    ]
    assert [cell["numeric"] for cell in bands["rows"][0]] == [False, True, True, True, False]
    assert values(prioritised) == [
        ["Watervervuiling op plantages", 4, 5, "Direct verbonden", "geen acties"],
        ["Kinderarbeid bij cacaoboeren", 4, 3, "Draagt bij", "1 van 2 afgerond"],
    ]
    assert values(monitoring) == [
        [date(2025, 7, 14), "Gesprek met de leverancier", "–", "Nog niet te zeggen"],
        [date(2025, 9, 2), "Audit (SMETA)", "Coopérative Kakao", "Deels doeltreffend"],
    ]
    assert values(by_status) == [
        ["Ontvangen", 1],
        ["In behandeling", 2],
        ["Herstel loopt", 1],
        ["Afgesloten", 1],
        ["Niet-ontvankelijk", 1],
    ]
    assert "30 september 2025" in by_status["caption"]
    assert values(deadlines) == [
        ["Ontvangen in K3 2025", 4],
        ["Binnen de termijn gereageerd", 1],
        ["Na de termijn gereageerd", 1],
        ["Op 30 september 2025 nog zonder reactie terwijl de termijn verstreken is", 2],
    ]
    # counts only: nothing of what a grievance says, or who sent it, is in the chapter
    assert SECRET not in repr(chapter) and "Koné" not in repr(chapter)


def test_an_empty_plan_says_so(dd_plan):
    chapter = dd_chapter(dd_plan, 2025, 3)
    bands, prioritised, monitoring, by_status, _deadlines = chapter["tables"]
    for table in (bands, prioritised, monitoring, by_status):
        assert table["rows"] == [] and table["empty"]


def test_long_lists_say_the_rest_is_in_the_app(dd_plan, monkeypatch):
    build_dd_content(dd_plan)
    monkeypatch.setattr(providers, "REPORT_CAP", 1)
    chapter = dd_chapter(dd_plan, 2025, 3)
    prioritised = chapter["tables"][1]
    assert len(prioritised["rows"]) == 1
    assert "de 1 ernstigste van 2; de andere staan in Koers" in prioritised["caption"]


@pytest.fixture
def _report_files(monkeypatch, tmp_path):
    from django.core.files.storage import FileSystemStorage

    field = Report._meta.get_field("file")
    monkeypatch.setattr(field, "storage", FileSystemStorage(location=tmp_path / "reports"))


def figures_alt(reader):
    """The /Alt of every /Figure of the PDF's structure tree."""
    found, todo = [], [reader.trailer["/Root"]["/StructTreeRoot"]]
    while todo:
        node = todo.pop()
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            todo.extend(node)
        elif hasattr(node, "get"):
            if str(node.get("/S", "")) == "/Figure":
                found.append(str(node.get("/Alt", "")))
            if node.get("/K") is not None:
                todo.append(node["/K"])
    return found


@pytest.mark.usefixtures("_report_files", "tasks_in_this_process")
def test_the_pdf_has_the_chapter_and_no_grievance_content(dd_plan, org_a, in_process):
    build_dd_content(dd_plan)
    today = timezone.localdate()
    grievance(org_a.org, today - timedelta(days=40), today - timedelta(days=12), "ontvangen")
    grievance(org_a.org, today, today + timedelta(days=28), "ontvangen", text="Tweede klacht X7")
    year, quarter = current_quarter(today)
    report, created = in_process(
        request_report, org_a.org, dd_plan, year=year, quarter=quarter, language="nl"
    )
    assert created
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE, (report.failure, report.failure_detail)
    with report.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
    assert "Due diligence" in text
    assert "Risico's per ernstklasse" in text and "Kinderarbeid bij cacaoboeren" in text
    assert "Binnen de termijn gereageerd" in text
    assert HEAT_MAP_TITLE in figures_alt(reader)
    for secret in ("GEHEIM", "opzichter", "Tweede klacht X7", "Koné", "+225"):
        assert secret not in text
        assert secret not in html_for(report)


def test_the_chapter_queries_do_not_grow(dd_plan, org_a):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.duediligence.content_builders import link_action, make_risk

    supplier = build_dd_content(dd_plan)["suppliers"][0]

    def add(n):
        for i in range(n):
            risk = make_risk(
                dd_plan, f"Risico {i}-{Monitoring.objects.count()}", 5, 4, 1 + i % 5, 1 + i % 5
            )
            risk.prioritised = True
            risk.save()
            link_action(risk, f"Actie {risk.pk}", status="afgerond" if i % 2 else "lopend")
            Monitoring.objects.create(
                organisation=org_a.org,
                plan=dd_plan,
                kind="bezoek",
                supplier=supplier,
                date=date(2025, 8, 1 + i % 28),
            )
            grievance(org_a.org, date(2025, 7, 1 + i % 28), date(2025, 8, 1), "ontvangen")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            section = providers.report_section(dd_plan, 2025, 3)
        return len(captured.captured_queries), section

    add(2)
    few, _section = queries()
    add(40)
    many, section = queries()
    assert few == many, (few, many)
    assert many <= 8
    assert len(section["tables"][1]["rows"]) == providers.REPORT_CAP
    assert len(section["tables"][2]["rows"]) == providers.REPORT_CAP
    assert "de eerste 25 van 42" in section["tables"][2]["caption"]
