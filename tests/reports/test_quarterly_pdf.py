"""The quarterly report's content: the numbers of the PDF are the dashboard's, the quarter's
actions, dialogues and toelichting are in it, later measurements do not change a past
quarter, and the PDF is accessible (tagged, title, language, headings, figures with alt)."""

import base64
import io
import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pypdf import PdfReader

from kpis.models import Kpi, current_quarter, last_finished_quarter, quarter_end
from plans import registry
from plans.models import Action, encode_quarter
from reports import quarterly
from reports.models import QuarterNote, QuarterNoteItem, Report, ReportStatus
from reports.pipeline import request_report
from reports.rendering import html_for
from tests.factories import (
    ActionFactory,
    DialogueFactory,
    GoalFactory,
    KpiFactory,
    MeasurementFactory,
    OrgThemeFactory,
    PlanFactory,
    StakeholderFactory,
    TargetFactory,
)
from tests.reports.flow import tasks_in_this_process  # noqa: F401

pytestmark = pytest.mark.usefixtures("tasks_in_this_process")

BASE = date(2024, 1, 1)


def _kpi(org, theme, name, value=None, baseline=True, period=None):
    kpi = KpiFactory(
        organisation=org,
        theme=theme,
        name=name,
        baseline_value=0 if baseline else None,
        baseline_date=BASE if baseline else None,
    )
    TargetFactory(kpi=kpi, date=date(2030, 12, 31), value=100)
    if value is not None:
        year, quarter = period or last_finished_quarter()
        MeasurementFactory(kpi=kpi, year=year, quarter=quarter, value=value)
    return kpi


def _next_quarter(year, quarter):
    return (year, quarter + 1) if quarter < 4 else (year + 1, 1)


def build_plan(org, user):
    """A plan with a KPI in every status, goals, actions of every list, a step done, a
    dialogue and a toelichting, all in the current quarter."""
    today = timezone.localdate()
    year, quarter = current_quarter(today)
    theme = OrgThemeFactory(organisation=org, own_name="Energie", is_focus=True)
    plan = PlanFactory(
        organisation=org, title="Duurzaam ondernemen", start_year=year - 1, end_year=year + 1
    )
    kpis = [
        _kpi(org, theme, "Groene stroom", 120),  # behaald
        _kpi(org, theme, "Zonnepanelen", 90),  # op koers (path ~40 by now)
        _kpi(org, theme, "Fietsers", 2),  # achter
        _kpi(org, theme, "Zonder nulmeting", 50, baseline=False),  # geen data
    ]
    plan.kpis.set(kpis[:3])  # the fourth belongs to the plan through its goal
    smart = GoalFactory(
        plan=plan,
        title="Duurzaamheidsverslag publiceren",
        specific="Een openbaar verslag",
        acceptable="Directie en OR",
        realistic="Data is er al",
        deadline=date(year + 1, 6, 30),
    )
    GoalFactory(plan=plan, kind="thema", theme=theme, kpi=kpis[3], title="Meer meten")
    done = ActionFactory(plan=plan, title="Ledverlichting plaatsen", responsible=user)
    done.status = "afgerond"
    done.save()  # became done now: in this quarter (a history record says when)
    earlier = ActionFactory(plan=plan, title="Oude actie", status="afgerond")
    earlier.history.update(history_date=timezone.now() - timedelta(days=400))
    ActionFactory(plan=plan, title="Warmtepomp kiezen", due_date=today - timedelta(days=1))
    ActionFactory(plan=plan, title="Laadpalen bestellen", due_date=quarter_end(year, quarter))
    next_year, next_q = _next_quarter(year, quarter)
    ActionFactory(
        plan=plan, title="Fietsplan uitrollen", planned_year=next_year, planned_quarter=next_q
    )
    step = plan.steps.first()
    step.status = "afgerond"
    step.save()
    DialogueFactory(
        organisation=org,
        date=today,
        subject="Gesprek met de ondernemingsraad",
        stakeholders=[StakeholderFactory(organisation=org, name="Ondernemingsraad")],
    )
    note = QuarterNote.objects.create(
        organisation=org,
        plan=plan,
        year=year,
        quarter=quarter,
        went_well="De ledverlichting hangt overal.",
        lagging="De fietsers blijven achter door de verbouwing.",
    )
    QuarterNoteItem.objects.create(note=note, goal=smart, went_well="Het verslag is in concept.")
    QuarterNoteItem.objects.create(note=note, theme=theme, next_steps="Energiescan in januari.")
    return plan


def make_report(org, plan, year, quarter, language="nl", capture=None):
    with capture(execute=True):
        report, created = request_report(org, plan, year=year, quarter=quarter, language=language)
    assert created
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE, (report.failure, report.failure_detail)
    return report


def pdf_of(report):
    with report.file.open("rb") as handle:
        return PdfReader(io.BytesIO(handle.read()))


def text_of(reader):
    return "\n".join(page.extract_text() for page in reader.pages)


def count_after(text, label):
    match = re.search(re.escape(label) + r"\s+(\d+)", text)
    assert match, f"{label!r} not found in {text[:1500]}"
    return int(match.group(1))


def structure(node, found):
    """Walk the structure tree in reading order: [(tag, element)]."""
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, list):
        for child in node:
            structure(child, found)
        return found
    if not hasattr(node, "get"):
        return found
    if "/S" in node:
        found.append((str(node["/S"]), node))
    kids = node.get("/K")
    if kids is not None:
        structure(kids, found)
    return found


def dashboard_numbers(client, org):
    response = client.get(f"/o/{org.slug}/")
    assert response.status_code == 200
    context = response.context
    return {
        "status": {str(label.label): count for label, count in context["status_counts"]},
        "smart": context["goals_smart"],
        "not_smart": context["goals_incomplete"],
        "overdue": len(context["overdue"]) + context["overdue_more"],
        "due": len(context["due"]) + context["due_more"],
    }


@pytest.mark.django_db(transaction=True)
def test_pdf_numbers_equal_the_dashboard(org_a, client_for, django_capture_on_commit_callbacks):
    org = org_a.org
    plan = build_plan(org, org_a.member)
    year, quarter = current_quarter()
    report = make_report(org, plan, year, quarter, capture=django_capture_on_commit_callbacks)
    reader = pdf_of(report)
    summary = reader.pages[1].extract_text()
    text = " ".join(text_of(reader).split())  # lines broken inside table cells joined again
    dashboard = dashboard_numbers(client_for(org_a.viewer), org)

    for label, count in dashboard["status"].items():
        assert count_after(summary, label) == count, label
    assert list(dashboard["status"].values()) == [1, 1, 1, 1]
    assert count_after(summary, "Nog niet SMART") == dashboard["not_smart"] == 1
    assert re.search(r"\bSMART\s+(\d+)", summary).group(1) == str(dashboard["smart"]) == "1"
    assert count_after(summary, "Te laat") == dashboard["overdue"] == 1
    label = f"einddatum in K{quarter} {year}"
    assert count_after(summary, label) == dashboard["due"] == 1
    assert count_after(summary, f"Afgerond in K{quarter} {year}") == 1
    next_year, next_q = _next_quarter(year, quarter)
    assert count_after(summary, f"Gepland voor K{next_q} {next_year}") == 1

    for expected in (
        "De ledverlichting hangt overal.",
        "De fietsers blijven achter",
        "Het verslag is in concept.",
        "Energiescan in januari.",
        "Gesprek met de ondernemingsraad",
        "Ledverlichting plaatsen",
        "Warmtepomp kiezen",
        "Fietsplan uitrollen",
        "Oude actie",  # in the appendix
        "Zonder nulmeting",  # the goal's KPI counts for the plan
        f"{plan.start_year}–{plan.end_year}",
        "Organisatie A",
    ):
        assert expected in text, expected
    done_chapter = text[text.index(f"Acties Afgerond in K{quarter} {year}") :]
    done_list = done_chapter[: done_chapter.index("Te laat op")]
    assert "Ledverlichting plaatsen" in done_list and "Oude actie" not in done_list


@pytest.mark.django_db(transaction=True)
def test_pdf_is_accessible(org_a, django_capture_on_commit_callbacks):
    org = org_a.org
    plan = build_plan(org, org_a.member)
    year, quarter = current_quarter()
    for language in ("nl", "en"):
        report = make_report(
            org, plan, year, quarter, language, capture=django_capture_on_commit_callbacks
        )
        reader = pdf_of(report)
        root = reader.trailer["/Root"]
        assert root["/MarkInfo"]["/Marked"] is True or root["/MarkInfo"]["/Marked"] == True  # noqa: E712
        assert str(root["/Lang"]) == language
        assert root["/ViewerPreferences"]["/DisplayDocTitle"]
        html = html_for(report)
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()
        assert reader.metadata.title == title and plan.title in title
        assert f'<html lang="{language}">' in html
        tags = structure(root["/StructTreeRoot"], [])
        headings = [tag for tag, _node in tags if re.fullmatch(r"/H[1-6]", tag)]
        assert headings[0] == "/H1" and headings.count("/H1") == 1
        assert headings[1] == "/H2"
        for previous, current in zip(headings, headings[1:], strict=False):
            assert int(current[2]) <= int(previous[2]) + 1, (previous, current)
        figures = [node for tag, node in tags if tag == "/Figure"]
        assert len(figures) >= 4  # one chart per KPI
        for figure in figures:
            assert str(figure.get("/Alt", "")).strip()


@pytest.mark.django_db(transaction=True)
def test_a_past_quarter_ignores_later_measurements(org_a, django_capture_on_commit_callbacks):
    org = org_a.org
    theme = OrgThemeFactory(organisation=org)
    plan = PlanFactory(organisation=org, start_year=2025, end_year=2027)
    kpi = _kpi(org, theme, "CO2-uitstoot", 10, period=(2025, 2))
    MeasurementFactory(kpi=kpi, year=2025, quarter=4, value=150)  # after the quarter
    plan.kpis.add(kpi)
    report = Report(plan=plan, organisation=org, kind="kwartaal", year=2025, quarter=3)
    ctx = quarterly.context(report)
    assert ctx["as_of"] == date(2025, 9, 30) and not ctx["running"]
    row = ctx["kpis"][0]
    assert row["status"] == "Achter" and row["latest"].value == 10
    chart = svg_of(row["chart"])
    assert chart.startswith("<svg") and "150" not in chart
    assert "eind K3 2025" in chart and "vandaag" not in chart
    # today the later value counts
    assert Kpi.objects.filter(pk=kpi.pk).progress_map()[kpi.pk].status == "behaald"
    report = make_report(org, plan, 2025, 3, capture=django_capture_on_commit_callbacks)
    summary = pdf_of(report).pages[1].extract_text()
    assert count_after(summary, "Achter") == 1 and count_after(summary, "Behaald") == 0


def svg_of(image):
    """The SVG inside a chart's <img> (a base64 data: URL)."""
    encoded = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', str(image)).group(1)
    return base64.b64decode(encoded).decode()


@pytest.mark.django_db(transaction=True)
def test_outside_urls_in_user_text_are_never_fetched(
    org_a, monkeypatch, django_capture_on_commit_callbacks
):
    from reports import rendering

    fetched = []
    make_fetcher = rendering.url_fetcher

    def recording():
        fetcher = make_fetcher()
        original = fetcher.fetch

        def fetch(url, *args, **kwargs):
            fetched.append(url)
            return original(url, *args, **kwargs)

        fetcher.fetch = fetch
        return fetcher

    monkeypatch.setattr(rendering, "url_fetcher", recording)
    org = org_a.org
    plan = PlanFactory(organisation=org)
    title = '<img src="http://example.invalid/pixel.png"> Fietsenstalling'
    ActionFactory(plan=plan, title=title)
    year, quarter = current_quarter()
    report = make_report(org, plan, year, quarter, capture=django_capture_on_commit_callbacks)
    assert not [url for url in fetched if not url.startswith("data:")]
    flat = re.sub(r"\s+", "", text_of(pdf_of(report)))
    assert '<imgsrc="http://example.invalid/pixel.png">Fietsenstalling' in flat
    # escaped; the long run got break opportunities (rendering.breakable), nothing else
    escaped = html_for(report)
    assert "&lt;img src=&quot;http://example.invalid" in escaped.replace("\u200b", "")


def test_the_fetcher_refuses_the_network_and_the_disk():
    from reports import rendering

    fetcher = rendering.url_fetcher()
    for url in ("http://example.invalid/x.png", "https://example.invalid/", "file:///etc/passwd"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    pdf, pages = rendering.pdf_from_html(
        '<!doctype html><html lang="nl"><head><title>T</title></head><body><h1>T</h1>'
        '<img src="file:///etc/hostname" alt="x"></body></html>'
    )
    assert pdf.startswith(b"%PDF") and pages == 1


def test_provider_sections_are_rendered(org_a):
    org = org_a.org
    plan = PlanFactory(organisation=org)
    calls = []

    def provider(the_plan, year, quarter):
        calls.append((the_plan.pk, year, quarter))
        return {
            "title": "Risico's in de keten",
            "intro": "De belangrijkste risico's dit kwartaal.",
            "tables": [
                {
                    "caption": "Risico's",
                    "columns": ["Risico", {"label": "Ernst", "numeric": True}],
                    "rows": [["Kinderarbeid bij toeleverancier", 4], ["Lekkage", None]],
                }
            ],
        }

    registry.register("report_sections", "test_risks", provider)
    registry.register("report_sections", "test_empty", lambda *args: None)
    try:
        report = Report(plan=plan, organisation=org, kind="kwartaal", year=2026, quarter=2)
        html = html_for(report)
    finally:
        registry.unregister("report_sections", "test_risks")
        registry.unregister("report_sections", "test_empty")
    assert calls == [(plan.pk, 2026, 2)]
    assert "<h2>Risico&#x27;s in de keten</h2>" in html
    assert "Kinderarbeid bij toeleverancier" in html and '<td class="num">4</td>' in html
    assert "sectie-test_empty" not in html


def test_query_count_does_not_grow(org_a):
    org = org_a.org
    plan = PlanFactory(organisation=org, start_year=2025, end_year=2027)
    theme = OrgThemeFactory(organisation=org)
    goal = GoalFactory(plan=plan, kind="thema", theme=theme)
    stakeholder = StakeholderFactory(organisation=org)
    today = timezone.localdate()
    year, quarter = current_quarter(today)

    def add(n):
        for i in range(n):
            kpi = _kpi(org, theme, f"KPI {Action.objects.count()}-{i}", i)
            plan.kpis.add(kpi)
            action = ActionFactory(
                plan=plan,
                goal=goal,
                theme=theme,
                responsible=org_a.member,
                planned_year=year,
                planned_quarter=quarter,
                due_date=today - timedelta(days=i % 3),
            )
            action.status = "afgerond" if i % 2 else "lopend"
            action.save()
            DialogueFactory(organisation=org, date=today, stakeholders=[stakeholder])

    report = Report(plan=plan, organisation=org, kind="kwartaal", year=year, quarter=quarter)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            html = html_for(report)
        return len(captured.captured_queries), html

    add(5)
    few, _html = queries()
    add(45)
    many, html = queries()
    assert few == many, (few, many)
    assert many <= 25
    assert html.count("<figure") == 50
    assert encode_quarter(year, quarter)  # planned this quarter: all in the appendix
    assert html.count("Actie ") >= 50


def test_long_action_lists_point_to_the_appendix(org_a, monkeypatch):
    monkeypatch.setattr(quarterly, "LIST_CAP", 1)
    plan = PlanFactory(organisation=org_a.org)
    for name in ("Eerste", "Tweede", "Derde"):
        ActionFactory(plan=plan, title=f"{name} late actie", due_date=date(2020, 1, 1))
    year, quarter = current_quarter()
    report = Report(plan=plan, organisation=org_a.org, kind="kwartaal", year=year, quarter=quarter)
    html = html_for(report)
    assert "En nog 2 andere acties; de bijlage noemt ze allemaal." in html
    appendix = html[html.index('id="bijlage"') :]
    assert all(f"{name} late actie" in appendix for name in ("Eerste", "Tweede", "Derde"))
