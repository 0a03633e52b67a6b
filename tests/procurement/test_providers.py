"""What MVOI adds to the approved plan, the quarterly report and the dashboard: the snapshot
holds the nulmeting, themes, targets, ambitions, the calendar as it stood and the borging;
content changes make an approved plan a concept again while a tender's status does not; the
report's chapter counts the quarter's tenders; the dashboard shows this year's share; every
one of them reads with a fixed number of queries."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from plans import snapshot
from plans.models import Method, PlanStatus, PlanVersion
from procurement import providers
from procurement.models import (
    ActionDetail,
    Anchoring,
    Instrument,
    Tender,
    TenderStatus,
    TenderTheme,
    ThemeAmbition,
    ThemeBaseline,
    YearTarget,
)
from tests.factories import ActionFactory, PlanFactory
from tests.plans.builders import approve
from tests.procurement.conftest import make_tender

pytestmark = pytest.mark.django_db

MVOI_SECTIONS = [
    "mvoi_baselines",
    "mvoi_themes",
    "mvoi_targets",
    "mvoi_ambitions",
    "mvoi_calendar",
    "mvoi_anchoring",
    "mvoi_actions",
]


def sections_of(data):
    return {part["key"]: part for part in data["sections"]}


def cells(part):
    return [row["cells"] for row in part["rows"]]


def build_content(mvoi):
    """A filled MVOI plan: baseline, ambition, targets, borging, an action with MVOI details
    and three tenders in 2025."""
    plan, org = mvoi.plan, mvoi.org
    klimaat, circulair = mvoi.themes["Klimaat"], mvoi.themes["Circulair"]
    klimaat.rationale = "Grootste uitstoot zit in onze inkoop."
    klimaat.save()
    ThemeBaseline.objects.create(
        organisation=org,
        plan=plan,
        theme=klimaat,
        ambitions="CO2-neutraal in 2035",
        goals="Halvering uitstoot",
        activities="Elektrische bussen",
        sources=["beleidsstukken", "interviews"],
        level=2,
    )
    ThemeAmbition.objects.create(
        organisation=org, plan=plan, theme=klimaat, statement="Alle vervoer emissievrij"
    )
    for year, target in ((2025, 75), (2026, 80)):
        YearTarget.objects.create(organisation=org, plan=plan, year=year, target_pct=target)
    Anchoring.objects.create(
        organisation=org, plan=plan, area="organisatie", anchored="MVOI staat in het inkoopbeleid"
    )
    action = ActionFactory(plan=plan, title="Training inkopers", planned_year=2025, team="Inkoop")
    ActionDetail.objects.create(
        organisation=org, action=action, anchoring="structureel", extra_budget=True
    )
    laptops = make_tender(
        plan,
        mvoi.group,
        2025,
        2,
        title="Laptops",
        estimated_value=Decimal("250000.00"),
        procedure="europees",
        budget_holder="Team ICT",
        purchaser="Jan Inkoper",
        status=TenderStatus.PUBLISHED,
    )
    TenderTheme.objects.create(
        organisation=org,
        tender=laptops,
        theme=klimaat,
        instrument=Instrument.AWARD_CRITERION,
        criterion_ref="MVI-ICT-01",
    )
    TenderTheme.objects.create(organisation=org, tender=laptops, theme=circulair)
    servers = make_tender(
        plan,
        mvoi.group,
        2025,
        2,
        title="Servers",
        status=TenderStatus.AWARDED,
        explanation="Raamcontract liep af; geen tijd voor eisen.",
    )
    printers = make_tender(plan, mvoi.group, 2025, 3, title="Printers", themes=[circulair])
    return SimpleNamespace(laptops=laptops, servers=servers, printers=printers, action=action)


def test_a_plan_of_another_method_gets_no_mvoi_sections(org_a):
    plan = PlanFactory(organisation=org_a.org, method=Method.MVO_STEPS)
    assert providers.snapshot_sections(plan) == []
    assert providers.report_section(plan, 2025, 2) is None
    keys = {part["key"] for part in snapshot.build(plan)["sections"]}
    assert not keys & set(MVOI_SECTIONS)


def test_the_snapshot_holds_the_baseline_targets_calendar_and_borging(mvoi):
    build_content(mvoi)
    parts = sections_of(snapshot.build(mvoi.plan))
    assert set(MVOI_SECTIONS) <= set(parts)
    baseline = cells(parts["mvoi_baselines"])[0]
    assert baseline["theme"]["nl"] == "Klimaat"
    assert baseline["level"]["nl"] == "2 Pilots"
    assert baseline["sources"]["nl"] == "Beleidsstukken; Interviews"
    assert baseline["ambitions"] == "CO2-neutraal in 2035"
    rationale = {row["theme"]["nl"]: row for row in cells(parts["mvoi_themes"])}
    assert rationale["Klimaat"]["rationale"] == "Grootste uitstoot zit in onze inkoop."
    assert (
        rationale["Klimaat"]["focus"]["nl"] == "ja" and rationale["Milieu"]["focus"]["nl"] == "nee"
    )
    targets = {row["year"]: row for row in cells(parts["mvoi_targets"])}
    # 2025: Laptops applies a focus theme, Servers does not, Printers does → 2 of 3
    assert targets[2025]["target_pct"] == 75 and targets[2025]["actual_pct"] == 67
    assert cells(parts["mvoi_ambitions"])[0]["statement"] == "Alle vervoer emissievrij"
    calendar = {row["title"]: row for row in cells(parts["mvoi_calendar"])}
    laptops = calendar["Laptops"]
    assert laptops["value"] == "250000"
    assert laptops["procedure"]["nl"] == "Europees"
    assert laptops["budget_holder"] == "Team ICT" and laptops["purchaser"] == "Jan Inkoper"
    assert laptops["start"]["nl"] == "K2 2025" and laptops["start"]["en"] == "Q2 2025"
    assert laptops["promising"]["nl"] == "ja"
    assert laptops["status"]["nl"] == "Gepubliceerd"
    assert laptops["themes"]["nl"] == (
        "Klimaat (Aanmoedigen: gunningscriterium, MVI-ICT-01); Circulair"
    )
    assert calendar["Servers"]["explanation"] == "Raamcontract liep af; geen tijd voor eisen."
    assert calendar["Servers"]["themes"] is None
    assert cells(parts["mvoi_anchoring"])[0]["anchored"] == "MVOI staat in het inkoopbeleid"
    action = cells(parts["mvoi_actions"])[0]
    assert action["anchoring"]["nl"] == "Structureel" and action["extra_budget"]["nl"] == "ja"
    columns = {c["key"]: c for c in parts["mvoi_calendar"]["columns"]}
    assert columns["status"]["progress"] and not columns["title"]["progress"]


def test_the_approved_version_keeps_the_calendar_as_it_stood(mvoi, org_a, client_for):
    content = build_content(mvoi)
    version = approve(org_a, mvoi.plan)
    assert mvoi.plan.status == PlanStatus.APPROVED

    tender = Tender.objects.get(pk=content.laptops.pk)
    tender.estimated_value = Decimal("400000")
    tender.planned_quarter = 4
    tender.save()
    mvoi.plan.refresh_from_db()
    assert mvoi.plan.status == PlanStatus.DRAFT  # a change of content: a concept again

    frozen = PlanVersion.objects.get(pk=version.pk).data
    laptops = {row["title"]: row for row in cells(sections_of(frozen)["mvoi_calendar"])}["Laptops"]
    assert laptops["value"] == "250000" and laptops["start"]["nl"] == "K2 2025"

    url = reverse(
        "plans:version",
        kwargs={"org_slug": org_a.org.slug, "pk": mvoi.plan.pk, "number": version.number},
    )
    page = client_for(org_a.viewer).get(url).content.decode()
    assert "Aanbestedingskalender" in page and "K2 2025" in page
    changes = client_for(org_a.manager).get(
        reverse("plans:approval", kwargs={"org_slug": org_a.org.slug, "pk": mvoi.plan.pk})
    )
    assert "K4 2025" in changes.content.decode()


def test_a_status_change_or_evaluation_is_progress_not_content(mvoi, org_a):
    content = build_content(mvoi)
    approve(org_a, mvoi.plan)
    tender = Tender.objects.get(pk=content.printers.pk)
    tender.status = TenderStatus.PUBLISHED
    tender.save()
    tender.status = TenderStatus.AWARDED
    tender.evaluation = "Goed verlopen; leverancier levert gerecycled papier."
    tender.save()
    mvoi.plan.refresh_from_db()
    assert mvoi.plan.status == PlanStatus.APPROVED


@pytest.mark.parametrize(
    "change",
    ["instrument", "new_theme", "target", "ambition", "baseline", "anchoring", "detail", "delete"],
)
def test_changes_of_mvoi_content_make_the_plan_a_concept_again(mvoi, org_a, change):
    content = build_content(mvoi)
    approve(org_a, mvoi.plan)
    plan = mvoi.plan
    if change == "instrument":
        applied = TenderTheme.objects.get(tender=content.laptops, theme=mvoi.themes["Klimaat"])
        applied.instrument = Instrument.REQUIREMENT
        applied.save()
    elif change == "new_theme":
        TenderTheme.objects.create(
            organisation=plan.organisation, tender=content.servers, theme=mvoi.themes["Klimaat"]
        )
    elif change == "target":
        target = YearTarget.objects.get(plan=plan, year=2025)
        target.target_pct = 70
        target.save()
    elif change == "ambition":
        ambition = ThemeAmbition.objects.get(plan=plan)
        ambition.statement = "Anders"
        ambition.save()
    elif change == "baseline":
        baseline = ThemeBaseline.objects.get(plan=plan)
        baseline.level = 3
        baseline.save()
    elif change == "anchoring":
        anchoring = Anchoring.objects.get(plan=plan)
        anchoring.anchored = "Ook in het mandaatbesluit"
        anchoring.save()
    elif change == "detail":
        detail = ActionDetail.objects.get(action=content.action)
        detail.extra_capacity = True
        detail.save()
    elif change == "delete":
        Tender.objects.get(pk=content.printers.pk).delete()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT, change


def test_a_themes_rationale_is_content_of_the_mvoi_plans_holding_it(mvoi, org_a):
    build_content(mvoi)
    approve(org_a, mvoi.plan)
    theme = mvoi.themes["Circulair"]
    theme.importance = 4  # not shown in the snapshot
    theme.save()
    mvoi.plan.refresh_from_db()
    assert mvoi.plan.status == PlanStatus.APPROVED
    theme.rationale = "Grondstoffen worden schaars."
    theme.save()
    mvoi.plan.refresh_from_db()
    assert mvoi.plan.status == PlanStatus.DRAFT


def add_tenders(mvoi, count, year=2025, quarter=2):
    """``count`` tenders at once (bulk), half of them applying a focus theme."""
    plan, org = mvoi.plan, mvoi.org
    tenders = Tender.objects.bulk_create(
        Tender(
            organisation=org,
            plan=plan,
            title=f"Bulk {year}-{quarter} {i}",
            product_group=mvoi.group,
            planned_year=year,
            planned_quarter=quarter,
            planned_period=year * 10 + quarter,
            status=TenderStatus.PUBLISHED if i % 3 else TenderStatus.PLANNED,
        )
        for i in range(count)
    )
    TenderTheme.objects.bulk_create(
        TenderTheme(
            organisation=org,
            tender=tender,
            theme=mvoi.focus[i % 4],
            instrument=Instrument.REQUIREMENT,
        )
        for i, tender in enumerate(tenders)
        if i % 2
    )


def count_queries(call, *args):
    with CaptureQueriesContext(connection) as captured:
        result = call(*args)
    return len(captured.captured_queries), result


def test_the_snapshot_reads_2000_tenders_with_a_fixed_number_of_queries(mvoi):
    build_content(mvoi)
    few, _ = count_queries(providers.snapshot_sections, mvoi.plan)
    add_tenders(mvoi, 2000)
    many, sections = count_queries(providers.snapshot_sections, mvoi.plan)
    assert few == many, (few, many)
    assert len(sections_of({"sections": sections})["mvoi_calendar"]["rows"]) == 2003


def table(section, start):
    return next(t for t in section["tables"] if t["caption"].startswith(start))


def test_the_report_chapter_counts_the_quarter(mvoi):
    content = build_content(mvoi)
    # planned but not started in Q2: not "started"; cancelled in Q3: not "planned next"
    make_tender(mvoi.plan, mvoi.group, 2025, 2, title="Nog niet gestart")
    make_tender(mvoi.plan, mvoi.group, 2025, 3, title="Vervallen", status=TenderStatus.CANCELLED)
    make_tender(mvoi.plan, mvoi.group, 2025, 1, title="Eerder", status=TenderStatus.PUBLISHED)
    section = providers.report_section(mvoi.plan, 2025, 2)
    assert section["title"]
    # 2025 now counts 5 promising tenders (the cancelled one left out), 2 with a focus theme
    assert "40%" in section["intro"] and "doel 75%" in section["intro"]
    shares = table(section, "Aandeel")
    assert ["2025 ←", 5, 2, 40, 75] in shares["rows"]
    started = table(section, "Aanbestedingen gestart in K2 2025")
    assert [row[0] for row in started["rows"]] == ["Laptops", "Servers"]
    laptops = started["rows"][0]
    assert laptops[2] == "Gepubliceerd"
    assert "Klimaat (Aanmoedigen: gunningscriterium, MVI-ICT-01)" in laptops[3]
    assert started["rows"][1][3] == "geen thema toegepast"
    deviations = table(section, "Afwijkingen in K2 2025")
    assert deviations["rows"] == [["Servers", "ICT", "Raamcontract liep af; geen tijd voor eisen."]]
    planned = table(section, "Gepland voor K3 2025")
    assert [row[0] for row in planned["rows"]] == [content.printers.title]
    assert planned["rows"][0][5] == "Circulair"
    assert "<svg" in str(section["figure"]["svg"]) and section["figure"]["title"]
    # every cell is a plain value: no HTML
    for part in section["tables"]:
        for row in part["rows"]:
            assert len(row) == len(part["columns"])


def test_q4_looks_ahead_to_the_next_years_first_quarter(mvoi):
    make_tender(mvoi.plan, mvoi.group, 2026, 1, title="Schoonmaak 2026")
    section = providers.report_section(mvoi.plan, 2025, 4)
    assert table(section, "Gepland voor K1 2026")["rows"][0][0] == "Schoonmaak 2026"
    assert table(section, "Aanbestedingen gestart in K4 2025")["rows"] == []


def test_the_report_chapter_reads_with_a_fixed_number_of_queries(mvoi):
    build_content(mvoi)
    few, _ = count_queries(providers.report_section, mvoi.plan, 2025, 2)
    add_tenders(mvoi, 300, 2025, 2)
    add_tenders(mvoi, 300, 2025, 3)
    many, section = count_queries(providers.report_section, mvoi.plan, 2025, 2)
    assert few == many, (few, many)
    started = table(section, "Aanbestedingen gestart in K2 2025")
    assert len(started["rows"]) == providers.REPORT_CAP
    assert "van 202" in started["caption"]  # 200 published bulk tenders + Laptops + Servers


def dashboard_request(org):
    return SimpleNamespace(organisation=org, membership=None)


def test_the_dashboard_shows_this_years_share_against_its_target(mvoi, org_a, client_for):
    year = timezone.localdate().year
    YearTarget.objects.create(organisation=mvoi.org, plan=mvoi.plan, year=year, target_pct=80)
    make_tender(mvoi.plan, mvoi.group, year, 1, themes=[mvoi.focus[0]])
    make_tender(mvoi.plan, mvoi.group, year, 2, themes=[mvoi.themes["Milieu"]])  # not a focus
    make_tender(mvoi.plan, mvoi.group, year, 2, status=TenderStatus.CANCELLED)
    make_tender(mvoi.plan, mvoi.group, year, 3, promising=False)
    card = providers.dashboard_card(dashboard_request(mvoi.org))
    assert card["lines"] == [
        f"MVOI-actieplan: in {year} 50% van 2 kansrijke aanbestedingen met een gekozen thema "
        "(doel 80%)"
    ]
    page = client_for(org_a.viewer).get(reverse("reports:dashboard", args=[org_a.org.slug]))
    assert f"MVOI-actieplan: in {year} 50% van 2 kansrijke" in page.content.decode()


def test_the_dashboard_leaves_out_other_methods_and_organisations(org_a, mvoi_b):
    PlanFactory(organisation=org_a.org, method=Method.MVO_STEPS)
    assert providers.dashboard_card(dashboard_request(org_a.org)) is None


def test_the_dashboard_reads_with_a_fixed_number_of_queries(mvoi):
    year = timezone.localdate().year
    make_tender(mvoi.plan, mvoi.group, year, 1, themes=[mvoi.focus[0]])
    few, _ = count_queries(providers.dashboard_card, dashboard_request(mvoi.org))
    for i in range(7):
        plan = PlanFactory(
            organisation=mvoi.org,
            method=Method.MVOI,
            title=f"Plan {i}",
            start_year=2020 + i,
            end_year=2030,
        )
        YearTarget.objects.create(organisation=mvoi.org, plan=plan, year=year, target_pct=50)
        make_tender(plan, mvoi.group, year, 2)
    many, card = count_queries(providers.dashboard_card, dashboard_request(mvoi.org))
    assert few == many == 3, (few, many)
    assert len(card["lines"]) == providers.DASHBOARD_PLANS + 1
    assert card["lines"][0].startswith("Plan 6: ")  # the most recent plan first
    assert card["lines"][-1] == "En nog 3 andere plannen."
