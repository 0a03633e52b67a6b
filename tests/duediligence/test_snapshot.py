"""An approved due-diligence plan's snapshot holds its policy, chain, risks with scores and
involvement, and their actions, in both languages; the approval page compares them row by row;
the version's PDF shows them; the snapshot's queries do not grow with the rows."""

import html
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from duediligence import providers
from plans import snapshot
from plans.models import PlanStatus
from reports.models import Report, ReportKind, ReportStatus
from reports.pipeline import request_report
from tests.duediligence.content_builders import build_dd_content, link_action, make_risk
from tests.factories import PlanFactory
from tests.plans.builders import approve
from tests.reports.flow import in_process_fixture, tasks_in_this_process  # noqa: F401

DD_SECTIONS = [
    "dd_policy",
    "dd_departments",
    "dd_items",
    "dd_suppliers",
    "dd_downstream",
    "dd_chain",
    "dd_risks",
    "dd_risk_actions",
]


def sections_of(data):
    return {part["key"]: part for part in data["sections"]}


def cells(part):
    return [row["cells"] for row in part["rows"]]


def page_text(response):
    assert response.status_code == 200
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


def test_a_plan_of_another_method_gets_no_due_diligence_sections(org_a):
    plan = PlanFactory(organisation=org_a.org)
    assert providers.snapshot_sections(plan) == []
    keys = {part["key"] for part in snapshot.build(plan)["sections"]}
    assert not keys & set(DD_SECTIONS)


def test_the_snapshot_holds_policy_chain_risks_and_actions(dd_plan, org_a):
    content = build_dd_content(dd_plan, user=org_a.member)
    data = snapshot.build(dd_plan)
    parts = sections_of(data)
    assert [key for key in parts if key.startswith("dd_")] == DD_SECTIONS
    assert parts["dd_risks"]["title"]["nl"] == "Risico's"

    (policy,) = cells(parts["dd_policy"])
    assert policy["title"] == "Ons beleid voor de keten"
    assert policy["latest_version"] == 2
    assert policy["approved_on"] == "2026-03-01" and policy["approved_by"] == "Directie AGV"
    assert policy["elements"]["ref"] == "choices:richtlijnen,respect,verantwoordelijk"
    assert "Wie verantwoordelijk is" in policy["elements"]["nl"]
    assert "De rol van certificeringen" in policy["missing"]["nl"]
    assert policy["consulted"]["nl"] == "ja" and policy["shared_externally"]["nl"] == "nee"
    assert policy["code_of_conduct"]["nl"] == "ja"

    (department,) = cells(parts["dd_departments"])
    assert department["department"]["nl"] == "Inkoop"
    assert department["contact"]["ref"] == f"user:{org_a.member.pk}"

    items = {row["name"]: row for row in cells(parts["dd_items"])}
    cocoa = items["Cacaobonen"]
    assert cocoa["volume"] == "120.5" and cocoa["unit"] == "ton" and cocoa["spend"] == "250000"
    assert cocoa["kind"]["nl"] == "Grondstof"
    assert cocoa["suppliers"]["nl"] == "Coopérative Kakao; Handelshuis Noord"
    # country names in both languages, compared by their codes
    assert cocoa["origins"]["nl"] == "Ivoorkust; Ghana"
    assert cocoa["origins"]["en"].startswith("Côte d") and cocoa["origins"]["ref"] == (
        "countries:CI,GH"
    )
    assert items["Fruit"]["origins"]["nl"] == "Onbekend"  # the gap is shown, not hidden
    assert items["Fruit"]["suppliers"]["nl"] == "onbekend"

    suppliers = {row["name"]: row for row in cells(parts["dd_suppliers"])}
    assert suppliers["Coopérative Kakao"]["tier"] == 2
    assert suppliers["Handelshuis Noord"]["has_contract"]["nl"] == "ja"
    assert suppliers["Handelshuis Noord"]["country"]["en"] == "Netherlands"

    (downstream,) = cells(parts["dd_downstream"])
    assert downstream["destination"]["nl"] == "Duitsland"
    assert downstream["destination"]["en"] == "Germany"
    assert downstream["item"]["ref"] == f"item:{content['items'][0].pk}"

    (chain,) = cells(parts["dd_chain"])
    assert chain["complete_by"] == "2026-12-31"
    assert (chain["items"], chain["supplier_pct"], chain["origin_pct"]) == (2, 50, 50)

    risks = cells(parts["dd_risks"])
    # severity first, then likelihood
    assert [row["title"] for row in risks] == [
        "Watervervuiling op plantages",
        "Kinderarbeid bij cacaoboeren",
        "Te lage lonen bij fruittelers",
    ]
    child = risks[1]
    assert (child["scale"], child["scope"], child["irremediability"]) == (5, 3, 4)
    assert child["severity"] == 4 and child["likelihood"] == 3
    assert child["band"]["nl"] == "Hoge ernst (4–5)" and child["band"]["ref"] == "band:hoog"
    assert child["involvement"]["nl"] == "Draagt bij"
    assert child["response"]["nl"].startswith("Stop of voorkom jullie eigen bijdrage")
    assert child["prioritised"]["nl"] == "ja" and child["area"]["nl"] == "Mensenrechten"
    assert risks[2]["involvement"] is None and risks[2]["band"]["ref"] == "band:laag"

    links = cells(parts["dd_risk_actions"])
    assert [(row["risk"]["nl"], row["action"]["nl"]) for row in links] == [
        ("Kinderarbeid bij cacaoboeren", "Cacaoprijs met premie"),
        ("Kinderarbeid bij cacaoboeren", "Programma tegen kinderarbeid"),
    ]
    assert links[0]["partners"]["nl"] == "Handelshuis Noord"
    assert links[0]["status"]["nl"] == "Afgerond"
    # every label carries its English text too
    for part in parts.values():
        assert set(part["title"]) == {"nl", "en"}
        for column in part["columns"]:
            assert set(column["label"]) == {"nl", "en"}


def test_snapshot_queries_do_not_grow_with_the_rows(dd_plan, org_a):
    content = build_dd_content(dd_plan, user=org_a.member)
    supplier = content["suppliers"][0]

    def add(n):
        for i in range(n):
            risk = make_risk(dd_plan, f"Risico {risk_count()} {i}", 1 + i % 5, 3, 2, 1 + i % 4)
            link_action(risk, f"Actie {risk.pk}", partners=[supplier])

    def risk_count():
        return dd_plan.dd_risks.count()

    def queries():
        with CaptureQueriesContext(connection) as captured:
            sections = providers.snapshot_sections(dd_plan)
        return len(captured.captured_queries), sections

    add(2)
    few, _sections = queries()
    add(30)
    many, sections = queries()
    assert few == many, (few, many)
    assert len(sections_of({"sections": sections})["dd_risks"]["rows"]) == 35


def test_the_approval_page_lists_a_changed_risk_score(dd_plan, org_a, client_for):
    content = build_dd_content(dd_plan, user=org_a.member)
    version = approve(org_a, dd_plan)
    assert dd_plan.status == PlanStatus.APPROVED
    version_url = reverse(
        "plans:version",
        kwargs={"org_slug": org_a.org.slug, "pk": dd_plan.pk, "number": version.number},
    )
    shown = page_text(client_for(org_a.viewer).get(version_url))
    for expected in ("Risico's", "Te lage lonen bij fruittelers", "Ivoorkust; Ghana", "Ketenkaart"):
        assert expected in shown, expected

    risk = content["risks"][2]  # Te lage lonen: scale 2 → 5 makes its severity 4
    risk.scale = 5
    risk.save()
    dd_plan.refresh_from_db()
    assert dd_plan.status == PlanStatus.DRAFT  # a change of content: a concept again

    url = reverse("plans:approval", kwargs={"org_slug": org_a.org.slug, "pk": dd_plan.pk})
    page = page_text(client_for(org_a.manager).get(url))
    changes = page[page.index("Risico's") :]
    assert "Gewijzigd Te lage lonen bij fruittelers" in changes
    assert "Zwaarte (1–5) was: 2 → wordt: 5" in changes
    assert "Ernst was: 2 → wordt: 4" in changes
    assert "Lage ernst (1–2) → wordt: Hoge ernst (4–5)" in changes
    # the other risks did not change, so they are not listed
    assert "Watervervuiling op plantages" not in changes


@pytest.fixture
def _report_files(monkeypatch, tmp_path):
    from django.core.files.storage import FileSystemStorage

    field = Report._meta.get_field("file")
    monkeypatch.setattr(field, "storage", FileSystemStorage(location=tmp_path / "reports"))


@pytest.mark.usefixtures("_report_files", "tasks_in_this_process")
def test_the_version_pdf_shows_the_due_diligence_sections(dd_plan, org_a, in_process):
    build_dd_content(dd_plan, user=org_a.member)
    version = approve(org_a, dd_plan)
    report, created = in_process(
        request_report,
        org_a.org,
        dd_plan,
        kind=ReportKind.PLAN_VERSION,
        version=version,
        language="nl",
        user=org_a.member,
    )
    assert created
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE, (report.failure, report.failure_detail)
    with report.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
    for expected in (
        "Due-diligencebeleid",
        "Ons beleid voor de keten",
        "Verantwoordelijkheden per afdeling",
        "Ingekochte producten en diensten",
        "Ivoorkust; Ghana",
        "Coopérative Kakao",
        "Afzet (downstream)",
        "Ketenkaart",
        "Kinderarbeid bij cacaoboeren",
        "Hoge ernst (4–5)",
        "Draagt bij",
        "Acties tegen de risico's",
        "Programma tegen kinderarbeid",
    ):
        assert expected in text, expected


def test_a_chain_of_thousands_of_rows_freezes_without_a_database_error(dd_plan):
    """The sections read a plan's links with one join, not prefetch_related: SQLite refuses
    an IN list of more than about a thousand ids ("Expression tree is too large")."""
    from duediligence.models import Item, RiskAction, Sourcing, Supplier
    from plans.models import Action
    from tests.duediligence.content_builders import make_risk

    org = dd_plan.organisation
    supplier = Supplier.objects.create(organisation=org, plan=dd_plan, name="Groothandel")
    items = Item.objects.bulk_create(
        Item(organisation=org, plan=dd_plan, name=f"Product {n}", kind="product")
        for n in range(1200)
    )
    Sourcing.objects.bulk_create(
        Sourcing(organisation=org, item=item, supplier=supplier, origin_country="CI")
        for item in items
    )
    risk = make_risk(dd_plan, "Kinderarbeid", 5, 3, 4, 3)
    actions = Action.objects.bulk_create(
        Action(organisation=org, plan=dd_plan, title=f"Maatregel {n}") for n in range(1200)
    )
    links = RiskAction.objects.bulk_create(
        RiskAction(organisation=org, risk=risk, action=action) for action in actions
    )
    RiskAction.partners.through.objects.bulk_create(
        RiskAction.partners.through(riskaction=link, supplier=supplier) for link in links
    )
    data = snapshot.build(dd_plan)
    sections = {section["key"]: section for section in data["sections"]}
    assert len(sections["dd_items"]["rows"]) == 1200
    assert len(sections["dd_risk_actions"]["rows"]) == 1200
    first = sections["dd_risk_actions"]["rows"][0]["cells"]["partners"]
    assert "Groothandel" in str(first)
