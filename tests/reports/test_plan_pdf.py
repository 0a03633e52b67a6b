"""The approved plan as PDF: rendered from the frozen snapshot through the report pipeline,
every row of every section, tagged with title and language; unreadable snapshots fail with a
reason."""

import io
import re

import pytest
from django.utils import timezone
from pypdf import PdfReader

from plans import registry
from plans.models import Action, Goal, PlanVersion
from reports.models import Failure, Report, ReportKind, ReportStatus
from reports.pipeline import request_report
from tests.factories import (
    ActionFactory,
    PlanFactory,
)
from tests.plans.builders import approve, build_full_plan, risk_provider
from tests.reports.flow import tasks_in_this_process  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_this_process")]


@pytest.fixture(autouse=True)
def _report_files(monkeypatch, tmp_path):
    """The PDFs of these tests go to a folder of their own that pytest cleans up (the field
    resolved its storage when the model loaded, so settings cannot move it)."""
    from django.core.files.storage import FileSystemStorage

    field = Report._meta.get_field("file")
    monkeypatch.setattr(field, "storage", FileSystemStorage(location=tmp_path / "reports"))


@pytest.fixture
def plan(org_a):
    return build_full_plan(org_a.org)["plan"]


def make_pdf(org_a, version, django_capture_on_commit_callbacks, language="nl"):
    with django_capture_on_commit_callbacks(execute=True):
        report, created = request_report(
            org_a.org,
            version.plan,
            kind=ReportKind.PLAN_VERSION,
            version=version,
            language=language,
            user=org_a.member,
        )
    assert created
    report.refresh_from_db()
    return report


def read(report):
    assert report.status == ReportStatus.DONE, (report.failure, report.failure_detail)
    with report.file.open("rb") as handle:
        return PdfReader(io.BytesIO(handle.read()))


def text_of(reader):
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def structure_types(reader):
    """Every /S of the structure tree (H1, H2, Table, TH, ...)."""
    found = set()
    todo = [reader.trailer["/Root"]["/StructTreeRoot"]]
    while todo:
        node = todo.pop()
        if hasattr(node, "get_object"):
            node = node.get_object()
        if isinstance(node, list):
            todo.extend(node)
            continue
        if not hasattr(node, "get"):
            continue
        if "/S" in node:
            found.add(str(node["/S"]))
        kids = node.get("/K")
        if kids is not None:
            todo.append(kids)
    return found


def test_the_pdf_shows_the_plan_as_approved_after_the_live_plan_changed(
    org_a, plan, django_capture_on_commit_callbacks
):
    version = approve(org_a, plan, "Akkoord, mooi plan.")
    # Afterwards the live plan changes: a goal renamed, an action deleted, one added.
    goal = Goal.objects.get(plan=plan)
    goal.title = "Helemaal geen restafval meer"
    goal.save()
    Action.objects.get(title="Lunch zonder plastic").delete()
    ActionFactory(plan=plan, title="Nieuwe actie na goedkeuring")
    plan.title = "Hernoemd plan"
    plan.save()

    report = make_pdf(org_a, version, django_capture_on_commit_callbacks)
    reader = read(report)
    words = text_of(reader)
    for approved in (
        "Organisatie A",
        "Vastgesteld plan, versie 1",
        "MVO-plan Zuid",
        "2025–2027",
        "Akkoord, mooi plan.",
        "Een derde minder restafval",
        "Lunch zonder plastic",
        "Afvalbakken per soort",
        "In elke kantine drie bakken.",
        "Restafval per medewerker",
        "Wij maken schoon en zuinig.",
        "Budget (€): € 2.500,00",
        "Doelen",
        "Acties",
    ):
        assert approved in words, approved
    for later in ("Helemaal geen restafval", "Nieuwe actie na goedkeuring", "Hernoemd plan"):
        assert later not in words, later
    assert report.pages == len(reader.pages)
    assert report.size == report.file.size


def test_the_pdf_is_tagged_with_title_language_and_headings(
    org_a, plan, django_capture_on_commit_callbacks
):
    version = approve(org_a, plan)
    reader = read(make_pdf(org_a, version, django_capture_on_commit_callbacks))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert str(root["/Lang"]).startswith("nl")
    assert reader.metadata.title == "Vastgesteld plan versie 1 – MVO-plan Zuid"
    types = structure_types(reader)
    assert {"/H1", "/H2", "/Table", "/TH", "/TD"} <= types, types
    # every section of the snapshot is a heading of its own
    assert len(version.data["sections"]) >= 6


def test_an_english_pdf_has_english_titles(org_a, plan, django_capture_on_commit_callbacks):
    version = approve(org_a, plan)
    reader = read(make_pdf(org_a, version, django_capture_on_commit_callbacks, "en"))
    words = text_of(reader)
    assert str(reader.trailer["/Root"]["/Lang"]).startswith("en")
    for english in ("Goals", "Actions", "Approved by"):
        assert english in words, english
    assert "Doelen" not in words
    # a name someone typed stays as typed
    assert "Een derde minder restafval" in words


def test_every_row_is_in_the_pdf(org_a, plan, django_capture_on_commit_callbacks):
    """The version page shows 50 rows of a table; the PDF shows all of them."""
    for n in range(70):
        ActionFactory(plan=plan, title=f"Reeksactie {n:03}")
    version = approve(org_a, plan)
    words = text_of(read(make_pdf(org_a, version, django_capture_on_commit_callbacks)))
    assert all(f"Reeksactie {n:03}" in words for n in range(70))


def test_a_provider_section_renders_like_the_others(
    org_a, plan, django_capture_on_commit_callbacks
):
    registry.register("snapshot", "test-pdf-risks", risk_provider)
    try:
        version = approve(org_a, plan)
    finally:
        registry.unregister("snapshot", "test-pdf-risks")
    words = text_of(read(make_pdf(org_a, version, django_capture_on_commit_callbacks)))
    assert "Risico's in de keten" in words
    assert "Kinderarbeid (MVO-plan Zuid)" in words


def hand_written(plan, data, number=1, format=1):
    return PlanVersion.objects.create(
        plan=plan,
        number=number,
        format=format,
        data=data,
        fingerprint="x" * 64,
        approved_by_name="Mevrouw de Wethouder",
        approved_at=timezone.now(),
    )


def test_a_hand_written_snapshot_with_an_unknown_column_still_renders(
    org_a, django_capture_on_commit_callbacks
):
    plan = PlanFactory(organisation=org_a.org, title="Live titel")
    data = {
        "format": 1,
        "plan": {"title": "Oud plan", "period": "2020–2022"},
        "sections": [
            {
                "key": "odd",
                "title": {"nl": "Bijzonder deel", "en": "Special part"},
                "layout": "table",
                "columns": [
                    {"key": "name", "label": {"nl": "naam", "en": "name"}, "type": "text"},
                    {"key": "colour", "label": {"nl": "kleur", "en": "colour"}, "type": "kleur"},
                    {"key": "when", "label": {"nl": "wanneer", "en": "when"}, "type": "date"},
                ],
                "rows": [
                    {"id": "a", "cells": {"name": "Eerste", "colour": "groen", "when": "nooit"}},
                    {"id": "b", "cells": {"name": "Tweede", "colour": {"nl": "rood", "en": "red"}}},
                ],
            },
            {"key": "empty", "title": {"nl": "Leeg deel"}, "columns": [], "rows": []},
        ],
    }
    version = hand_written(plan, data)
    words = text_of(read(make_pdf(org_a, version, django_capture_on_commit_callbacks)))
    for expected in ("Oud plan", "Bijzonder deel", "Eerste", "groen", "rood", "nooit", "Leeg deel"):
        assert expected in words, expected
    assert "Live titel" not in words


def test_a_snapshot_of_an_unknown_format_fails_with_a_reason(
    org_a, django_capture_on_commit_callbacks
):
    plan = PlanFactory(organisation=org_a.org)
    version = hand_written(plan, {"format": 7, "anders": []}, format=7)
    report = make_pdf(org_a, version, django_capture_on_commit_callbacks)
    assert report.status == ReportStatus.FAILED
    assert report.failure == Failure.RENDER
    assert "format 7" in report.failure_detail
    assert not report.file
    assert Report.objects.active().count() == 0
