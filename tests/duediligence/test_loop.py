"""The loop of six steps: its status and missing items, the overview and start pages, the
stepper's links and the plan page's card."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from duediligence.loop import loop_status, plan_panel, step_links
from duediligence.models import (
    Communication,
    Grievance,
    GrievanceMechanism,
    Item,
    MechanismCriterion,
    Monitoring,
    Policy,
    PolicyElement,
    Risk,
    Sourcing,
)
from plans.models import Method, MethodStep, PlanStep, StepStatus
from tests.factories import PlanFactory
from tests.helpers import assert_queries_constant

pytestmark = pytest.mark.django_db


def add_risks(plan, n, **fields):
    values = {"category": "kinderarbeid", "area": "mensenrechten", "scale": 2, "scope": 2}
    values |= {"irremediability": 2, "likelihood": 3} | fields
    for i in range(n):
        Risk.objects.create(
            organisation=plan.organisation,
            plan=plan,
            title=f"Risico {Risk.objects.count()} {i}",
            **values,
        )


def add_items(plan, n, origin=""):
    for i in range(n):
        item = Item.objects.create(
            organisation=plan.organisation,
            plan=plan,
            name=f"Item {Item.objects.count()} {i}",
            kind="grondstof",
        )
        Sourcing.objects.create(organisation=plan.organisation, item=item, origin_country=origin)


def phase(loop, number):
    return loop[number - 1]


def test_an_empty_plan_says_what_every_step_still_needs(dd_plan):
    loop = loop_status(dd_plan)
    assert [p["number"] for p in loop] == [1, 2, 3, 4, 5, 6]
    assert phase(loop, 1)["missing"] == ["Nog geen beleid vastgelegd"]
    assert "Nog geen ingekochte producten of diensten in kaart" in phase(loop, 2)["missing"]
    assert "Nog geen risico's vastgelegd" in phase(loop, 2)["missing"]
    assert phase(loop, 3)["missing"] == []
    assert phase(loop, 4)["missing"] == ["Geen monitoring in de afgelopen 12 maanden"]
    assert "Geen interne communicatie dit kwartaal" in phase(loop, 5)["missing"]
    assert phase(loop, 6)["missing"] == ["Nog geen klachtenmechanisme ingericht"]
    assert all(p["status"] == StepStatus.NOT_STARTED for p in loop)
    assert [s["code"] for s in phase(loop, 2)["steps"]] == ["2A", "2B", "2C"]


def test_the_missing_items_are_counted(dd_plan, org_a):
    org = org_a.org
    add_risks(dd_plan, 3)
    add_risks(dd_plan, 1, involvement="veroorzaakt")
    add_items(dd_plan, 2)
    add_items(dd_plan, 1, origin="CI")
    Policy.objects.create(
        organisation=org, plan=dd_plan, elements=[PolicyElement.GUIDELINES], consulted=True
    )
    GrievanceMechanism.objects.create(
        organisation=org, criteria=list(MechanismCriterion.values)[:5]
    )
    today = timezone.localdate()
    for _n in range(2):
        Grievance.objects.create(
            organisation=org,
            channel="email",
            complainant_type="klant",
            description="Te laat",
            received_on=today - timedelta(days=40),
            response_due=today - timedelta(days=10),
        )
    Grievance.objects.create(
        organisation=org,
        channel="email",
        complainant_type="klant",
        description="Op tijd",
        response_due=today + timedelta(days=10),
    )
    loop = loop_status(dd_plan)
    assert "Beleid nog niet goedgekeurd door de directie" in phase(loop, 1)["missing"]
    assert "Het beleid mist nog 7 onderdelen" in phase(loop, 1)["missing"]
    assert "2 producten zonder bekend land van herkomst" in phase(loop, 2)["missing"]
    assert "3 producten zonder bekende leverancier" in phase(loop, 2)["missing"]
    assert "3 risico's zonder betrokkenheid" in phase(loop, 3)["missing"]
    assert "Klachtenmechanisme voldoet aan 5 van 8 criteria" in phase(loop, 6)["missing"]
    assert "2 klachten over de reactietermijn" in phase(loop, 6)["missing"]


def test_a_complete_policy_and_recent_monitoring_leave_nothing_open(dd_plan, org_a):
    org = org_a.org
    Policy.objects.create(
        organisation=org,
        plan=dd_plan,
        elements=list(PolicyElement.values),
        consulted=True,
        consulted_with="OR en ngo",
        approved_by="Directeur",
        approved_on=date(2026, 1, 5),
        published_url="https://example.org/beleid",
        published_on=date(2026, 1, 6),
    )
    dd_plan.dd_departments.create(organisation=org, department="inkoop", responsibilities="x")
    Monitoring.objects.create(
        organisation=org, plan=dd_plan, kind="gesprek", date=timezone.localdate()
    )
    Communication.objects.create(
        organisation=org,
        plan=dd_plan,
        date=timezone.localdate(),
        audience="intern",
        channel="intranet",
        subject="Update",
    )
    loop = loop_status(dd_plan)
    assert phase(loop, 1)["missing"] == []
    assert phase(loop, 4)["missing"] == []
    assert "Geen interne communicatie dit kwartaal" not in phase(loop, 5)["missing"]
    assert "Geen externe communicatie in de afgelopen 12 maanden" in phase(loop, 5)["missing"]


def test_a_severe_risk_without_priority_or_monitoring_is_named(dd_plan):
    add_risks(dd_plan, 2, scale=5, scope=5, irremediability=5, priority_rationale="Later")
    loop = loop_status(dd_plan)
    assert (
        "2 zeer ernstige risico's niet gemonitord in de afgelopen 12 maanden"
        in phase(loop, 4)["missing"]
    )
    add_risks(dd_plan, 1, scale=5, scope=5, irremediability=5, prioritised=True)
    loop = loop_status(dd_plan)
    assert "1 prioritair risico zonder acties" in phase(loop, 3)["missing"]


def test_the_phase_status_follows_its_steps(dd_plan):
    steps = {s.step.code: s for s in PlanStep.objects.filter(plan=dd_plan).select_related("step")}
    PlanStep.objects.filter(pk=steps["1A"].pk).update(status=StepStatus.DONE)
    PlanStep.objects.filter(pk__in=[steps["4"].pk]).update(status=StepStatus.DONE)
    PlanStep.objects.filter(pk=steps["2B"].pk).update(status=StepStatus.IN_PROGRESS)
    loop = loop_status(dd_plan)
    assert phase(loop, 1)["status"] == StepStatus.IN_PROGRESS  # 1B not started yet
    assert phase(loop, 2)["status"] == StepStatus.IN_PROGRESS
    assert phase(loop, 4)["status"] == StepStatus.DONE
    assert phase(loop, 4)["status_label"] == "Afgerond"
    assert phase(loop, 6)["status"] == StepStatus.NOT_STARTED


def test_the_loop_takes_the_same_queries_for_few_and_many_rows(dd_plan):
    def queries():
        with CaptureQueriesContext(connection) as context:
            loop_status(dd_plan)
        return len(context.captured_queries)

    add_risks(dd_plan, 2)
    add_items(dd_plan, 2)
    few = queries()
    add_risks(dd_plan, 60, scale=5)
    add_items(dd_plan, 60, origin="BR")
    assert queries() == few
    assert few <= 12


def test_step_links_point_to_the_screens_of_due_diligence(dd_plan, org_a):
    dd_plan.organisation = org_a.org
    step = MethodStep.objects.get(method=Method.DUE_DILIGENCE, code="1A")
    assert step_links(dd_plan, step) == [
        ("Beleid en verantwoordelijkheden", f"/o/org-a/due-diligence/{dd_plan.pk}/beleid/")
    ]
    step5 = MethodStep.objects.get(method=Method.DUE_DILIGENCE, code="5")
    assert step_links(dd_plan, step5)[0][1] == f"/o/org-a/due-diligence/{dd_plan.pk}/communicatie/"
    step6 = MethodStep.objects.get(method=Method.DUE_DILIGENCE, code="6")
    urls = [url for _label, url in step_links(dd_plan, step6)]
    assert f"/o/org-a/due-diligence/{dd_plan.pk}/" in urls


def test_other_methods_get_no_due_diligence_links_or_card(org_a):
    plan = PlanFactory(organisation=org_a.org, method=Method.MVO_STEPS)
    step = MethodStep.objects.filter(method=Method.MVO_STEPS).first()
    assert step_links(plan, step) == []
    assert plan_panel(plan) is None


def test_the_plan_page_shows_the_loop_card(dd_plan, org_a, client_for):
    page = client_for(org_a.viewer).get(f"/o/org-a/plannen/{dd_plan.pk}/")
    assert page.status_code == 200
    assert "Due-diligencecyclus" in page.content.decode()
    assert f"/o/org-a/due-diligence/{dd_plan.pk}/" in page.content.decode()
    assert "Nog geen beleid vastgelegd" in page.content.decode()
    other = PlanFactory(organisation=org_a.org, method=Method.MVO_STEPS)
    page = client_for(org_a.viewer).get(f"/o/org-a/plannen/{other.pk}/")
    assert "Due-diligencecyclus" not in page.content.decode()


def test_the_plan_card_says_how_many_more_points_are_open(dd_plan):
    panel = plan_panel(dd_plan)
    assert panel["url"] == f"/o/{dd_plan.organisation.slug}/due-diligence/{dd_plan.pk}/"
    assert len(panel["lines"]) == 5
    assert panel["lines"][0] == "1. Nog geen beleid vastgelegd"
    assert panel["lines"][-1].startswith("en nog ")


def test_the_overview_draws_the_loop_and_lists_what_is_missing(dd_plan, org_a, client_for):
    add_risks(dd_plan, 3)
    page = client_for(org_a.viewer).get(f"/o/org-a/due-diligence/{dd_plan.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html and 'role="group"' in html
    assert "3 risico&#x27;s zonder betrokkenheid" in html
    assert f'href="/o/org-a/due-diligence/{dd_plan.pk}/beleid/"' in html
    assert html.count('class="card mb-2" id="stap-') == 6


def test_the_start_page_lists_only_this_organisations_due_diligence_plans(
    dd_plan, dd_plan_b, org_a, client_for
):
    other = PlanFactory(organisation=org_a.org, method=Method.MVO_STEPS, title="MVO-plan X")
    html = client_for(org_a.viewer).get("/o/org-a/due-diligence/").content.decode()
    assert dd_plan.title in html
    assert other.title not in html
    assert dd_plan_b.title not in html


@pytest.mark.parametrize("path", ["", "{pk}/"])
def test_pages_of_another_organisation_are_not_found(path, dd_plan, org_b, client_for):
    response = client_for(org_b.member).get(f"/o/org-a/due-diligence/{path.format(pk=dd_plan.pk)}")
    assert response.status_code == 404


def test_another_organisations_plan_or_another_method_is_not_found(dd_plan_b, org_a, client_for):
    client = client_for(org_a.member)
    assert client.get(f"/o/org-a/due-diligence/{dd_plan_b.pk}/").status_code == 404
    mvo = PlanFactory(organisation=org_a.org, method=Method.MVO_STEPS)
    assert client.get(f"/o/org-a/due-diligence/{mvo.pk}/").status_code == 404


def test_query_counts_of_the_overview_and_start_page(dd_plan, org_a, client_for):
    client = client_for(org_a.viewer)
    assert_queries_constant(
        client, f"/o/org-a/due-diligence/{dd_plan.pk}/", lambda n: add_risks(dd_plan, n), large=60
    )
    assert_queries_constant(
        client,
        "/o/org-a/due-diligence/",
        lambda n: [
            PlanFactory(organisation=org_a.org, method=Method.DUE_DILIGENCE) for _i in range(n)
        ],
        small=2,
        large=30,
    )
