"""The dashboard's due-diligence card: how far each due-diligence plan's loop is, its highly
severe risks without an action, and the grievances waiting past their deadline (a count, for
everyone in the organisation), in a number of queries that does not grow with the plans."""

import html
import re
from datetime import timedelta

from django.utils import timezone

from duediligence.models import Grievance
from plans.models import PlanStep
from tests.duediligence.content_builders import build_dd_content, make_risk
from tests.factories import PlanFactory
from tests.helpers import assert_queries_constant

CARD = re.compile(
    r'<h2 class="h5 text-break"><a href="[^"]*">Due diligence</a></h2>(.*?)</ul>', re.S
)


def card_of(client, org):
    response = client.get(f"/o/{org.slug}/")
    assert response.status_code == 200
    match = CARD.search(response.content.decode())
    if match is None:
        return None
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", match.group(1)))).strip()


def overdue_grievance(org, text="Kinderen op de plantage gezien"):
    today = timezone.localdate()
    return Grievance.objects.create(
        organisation=org,
        received_on=today - timedelta(days=40),
        response_due=today - timedelta(days=12),
        channel="email",
        complainant_type="ngo",
        description=text,
    )


def test_an_organisation_without_due_diligence_has_no_card(org_a, client_for):
    PlanFactory(organisation=org_a.org)
    assert card_of(client_for(org_a.viewer), org_a.org) is None


def test_the_card_shows_the_loop_risks_and_late_grievances(dd_plan, org_a, org_b, client_for):
    build_dd_content(dd_plan)
    PlanStep.objects.filter(plan=dd_plan, step__phase__number=1).update(status="afgerond")
    PlanStep.objects.filter(plan=dd_plan, step__code="2A").update(status="afgerond")
    overdue_grievance(org_a.org, text="GEHEIM: kinderen op de plantage")
    overdue_grievance(org_a.org)
    overdue_grievance(org_b.org)  # another organisation's
    Grievance.objects.create(  # answered: not waiting
        organisation=org_a.org,
        received_on=timezone.localdate() - timedelta(days=40),
        response_due=timezone.localdate() - timedelta(days=12),
        responded_on=timezone.localdate() - timedelta(days=30),
        channel="email",
        complainant_type="ngo",
        description="Beantwoord",
    )
    card = card_of(client_for(org_a.viewer), org_a.org)  # a viewer, no grievance handler
    assert card == (
        "Due diligence 2026: 1 van de 6 stappen van de cyclus afgerond; eerstvolgende: stap 2. "
        "1 risico met hoge ernst heeft nog geen actie. "
        "2 klachten wachten langer dan de termijn op een reactie."
    )
    assert "GEHEIM" not in client_for(org_a.viewer).get(f"/o/{org_a.org.slug}/").content.decode()


def test_the_card_names_a_few_plans_and_counts_the_others(org_a, client_for):
    for number in range(7):
        plan = PlanFactory(organisation=org_a.org, method="due_diligence", title=f"Keten {number}")
        make_risk(plan, "Ontbossing", 5, 5, 5, 2, category="ontbossing")
        make_risk(plan, "Kinderarbeid", 4, 4, 4, 2)
    card = card_of(client_for(org_a.member), org_a.org)
    assert card.count("2 risico's met hoge ernst hebben nog geen actie") == 5
    assert "En nog 2 andere plannen." in card
    assert card.endswith("Geen klachten die langer dan de termijn op een reactie wachten.")


def test_dashboard_queries_do_not_grow_with_due_diligence_plans(org_a, client_for):
    def add(n):
        for _ in range(n):
            plan = PlanFactory(organisation=org_a.org, method="due_diligence")
            for score in (5, 4, 2):
                make_risk(plan, f"Risico {score}", score, score, score, 3)
            overdue_grievance(org_a.org)

    client = client_for(org_a.viewer)
    assert assert_queries_constant(client, f"/o/{org_a.org.slug}/", add, small=1, large=5) <= 28
    assert "5 klachten wachten langer dan de termijn" in card_of(client, org_a.org)
