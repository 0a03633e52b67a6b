"""Actions against a risk (3B): a new shared action linked with its chain partners, linking an
existing action of the plan, unlinking; progress "x van y acties afgerond"; roles, isolation,
nothing half-saved, and the approval workflow told."""

import pytest

from duediligence.models import RiskAction
from plans.models import Action, PlanStatus
from tests.factories import ActionFactory, PlanFactory

from .risk_helpers import make_risk, make_supplier, plan_url, risk_url

pytestmark = pytest.mark.django_db

NEW_ACTION = {
    "title": "Gesprek met de coöperatie over kinderarbeid",
    "status": "gepland",
    "within_budget": "on",
    "link-partner_notes": "Unicef en andere inkopers",
}


def page(response):
    return response.content.decode()


def approve(plan):
    type(plan).objects.filter(pk=plan.pk).update(status=PlanStatus.APPROVED)


def test_member_creates_an_action_for_the_risk_with_partners(org_a, dd_plan, client_for):
    risk = make_risk(dd_plan)
    farm, coop = make_supplier(dd_plan, "Boerderij"), make_supplier(dd_plan, "Coöperatie")
    data = {**NEW_ACTION, "link-partners": [farm.pk, coop.pk], "plan": "999999"}
    response = client_for(org_a.member).post(
        risk_url("duediligence:risk_action_create", risk), data
    )
    assert response.status_code == 302
    assert response["Location"] == risk_url("duediligence:risk", risk)
    action = Action.objects.get()
    assert action.plan == dd_plan  # the plan field is fixed: a posted plan id is ignored
    assert action.organisation == org_a.org
    link = RiskAction.objects.get()
    assert (link.risk, link.action) == (risk, action)
    assert set(link.partners.all()) == {farm, coop}
    assert link.partner_notes == "Unicef en andere inkopers"
    assert link.organisation == org_a.org


def test_new_action_form_shows_the_shared_action_fields(org_a, dd_plan, client_for):
    risk = make_risk(dd_plan, title="Kinderarbeid")
    make_supplier(dd_plan, "Boerderij")
    text = page(client_for(org_a.member).get(risk_url("duediligence:risk_action_create", risk)))
    for field in ("id_title", "id_responsible", "id_planned_year", "id_budget", "id_link-partners"):
        assert f'id="{field}' in text, field
    assert "Boerderij" in text
    assert "Risico: Kinderarbeid" in text  # "waarom?" filled in


def test_bad_action_input_saves_nothing(org_a, dd_plan, client_for):
    risk = make_risk(dd_plan)
    response = client_for(org_a.member).post(
        risk_url("duediligence:risk_action_create", risk), {**NEW_ACTION, "title": ""}
    )
    assert response.status_code == 200
    assert "Dit veld is verplicht." in page(response)
    assert "Er is niets opgeslagen" in page(response)
    assert not Action.objects.exists()
    assert not RiskAction.objects.exists()


def test_partner_of_another_plan_is_refused_and_no_action_is_made(org_a, dd_plan, client_for):
    risk = make_risk(dd_plan)
    other = PlanFactory(organisation=org_a.org, method="due_diligence")
    foreign = make_supplier(other, "Elders")
    response = client_for(org_a.member).post(
        risk_url("duediligence:risk_action_create", risk),
        {**NEW_ACTION, "link-partners": [foreign.pk]},
    )
    assert response.status_code == 200
    assert "niet bij dit plan" in page(response)
    assert not Action.objects.exists()
    assert not RiskAction.objects.exists()


def test_quarter_outside_the_plan_period_is_refused(org_a, dd_plan, client_for):
    risk = make_risk(dd_plan)
    response = client_for(org_a.member).post(
        risk_url("duediligence:risk_action_create", risk),
        {**NEW_ACTION, "planned_year": "2031", "planned_quarter": "2"},
    )
    assert response.status_code == 200
    assert "planperiode" in page(response)
    assert not Action.objects.exists()


def test_link_an_existing_action_of_the_plan(org_a, dd_plan, client_for):
    risk = make_risk(dd_plan)
    action = ActionFactory(plan=dd_plan, title="Leefbaar loon berekenen")
    farm = make_supplier(dd_plan)
    client = client_for(org_a.member)
    assert "Leefbaar loon berekenen" in page(
        client.get(risk_url("duediligence:risk_action_link", risk))
    )
    response = client.post(
        risk_url("duediligence:risk_action_link", risk),
        {"action": action.pk, "partners": [farm.pk], "partner_notes": "De vakbond"},
    )
    assert response.status_code == 302
    link = RiskAction.objects.get()
    assert (link.risk, link.action, link.partner_notes) == (risk, action, "De vakbond")
    assert list(link.partners.all()) == [farm]


def test_linking_an_action_of_another_plan_or_organisation_is_refused(
    org_a, org_b, dd_plan, dd_plan_b, client_for
):
    risk = make_risk(dd_plan)
    other_plan = PlanFactory(organisation=org_a.org)
    for action in (ActionFactory(plan=other_plan), ActionFactory(plan=dd_plan_b)):
        response = client_for(org_a.member).post(
            risk_url("duediligence:risk_action_link", risk), {"action": action.pk}
        )
        assert response.status_code == 200
        assert "Kies een actie van dit plan" in response.context["forms"][0].errors["action"][0]
    assert not RiskAction.objects.exists()


def test_an_action_is_linked_once(org_a, dd_plan, client_for):
    risk = make_risk(dd_plan)
    action = ActionFactory(plan=dd_plan, title="Al gekoppeld")
    RiskAction.objects.create(organisation=org_a.org, risk=risk, action=action)
    client = client_for(org_a.member)
    assert "Al gekoppeld" not in page(client.get(risk_url("duediligence:risk_action_link", risk)))
    response = client.post(risk_url("duediligence:risk_action_link", risk), {"action": action.pk})
    assert response.status_code == 200
    assert RiskAction.objects.count() == 1


def test_the_same_action_may_hang_on_two_risks(org_a, dd_plan, client_for):
    first, second = make_risk(dd_plan, title="Een"), make_risk(dd_plan, title="Twee")
    action = ActionFactory(plan=dd_plan)
    RiskAction.objects.create(organisation=org_a.org, risk=first, action=action)
    response = client_for(org_a.member).post(
        risk_url("duediligence:risk_action_link", second), {"action": action.pk}
    )
    assert response.status_code == 302
    assert RiskAction.objects.filter(action=action).count() == 2


def test_unlink_keeps_the_action(org_a, dd_plan, client_for):
    risk = make_risk(dd_plan)
    action = ActionFactory(plan=dd_plan)
    link = RiskAction.objects.create(organisation=org_a.org, risk=risk, action=action)
    response = client_for(org_a.member).post(
        risk_url("duediligence:risk_action_unlink", risk, link_pk=link.pk)
    )
    assert response.status_code == 302
    assert not RiskAction.objects.exists()
    assert Action.objects.filter(pk=action.pk).exists()


def test_unlink_needs_post(org_a, dd_plan, client_for):
    risk = make_risk(dd_plan)
    link = RiskAction.objects.create(
        organisation=org_a.org, risk=risk, action=ActionFactory(plan=dd_plan)
    )
    url = risk_url("duediligence:risk_action_unlink", risk, link_pk=link.pk)
    assert client_for(org_a.member).get(url).status_code == 405
    assert RiskAction.objects.exists()


def test_unlink_of_a_link_of_another_risk_is_404(org_a, dd_plan, client_for):
    risk, other = make_risk(dd_plan), make_risk(dd_plan, title="Ander")
    link = RiskAction.objects.create(
        organisation=org_a.org, risk=other, action=ActionFactory(plan=dd_plan)
    )
    url = risk_url("duediligence:risk_action_unlink", risk, link_pk=link.pk)
    assert client_for(org_a.member).post(url).status_code == 404
    assert RiskAction.objects.exists()


def test_viewer_cannot_create_link_or_unlink(org_a, dd_plan, client_for):
    risk = make_risk(dd_plan)
    action = ActionFactory(plan=dd_plan)
    link = RiskAction.objects.create(organisation=org_a.org, risk=risk, action=action)
    client = client_for(org_a.viewer)
    create = risk_url("duediligence:risk_action_create", risk)
    connect = risk_url("duediligence:risk_action_link", risk)
    assert client.get(create).status_code == 403
    assert client.get(connect).status_code == 403
    assert client.post(create, NEW_ACTION).status_code == 403
    assert client.post(connect, {"action": action.pk}).status_code == 403
    unlink = risk_url("duediligence:risk_action_unlink", risk, link_pk=link.pk)
    assert client.post(unlink).status_code == 403
    assert Action.objects.count() == 1
    assert RiskAction.objects.count() == 1


def test_risk_page_shows_actions_with_status_and_progress(org_a, dd_plan, client_for):
    risk = make_risk(dd_plan)
    farm = make_supplier(dd_plan, "Boerderij Noord")
    for title, status in [("Audit", "afgerond"), ("Training", "lopend"), ("CAP", "afgerond")]:
        link = RiskAction.objects.create(
            organisation=org_a.org,
            risk=risk,
            action=ActionFactory(plan=dd_plan, title=title, status=status),
        )
        link.partners.add(farm)
    text = page(client_for(org_a.viewer).get(risk_url("duediligence:risk", risk)))
    assert "2 van 3 acties afgerond" in text
    for expected in ("Audit", "Training", "CAP", "Afgerond", "Lopend", "Boerderij Noord"):
        assert expected in text, expected


@pytest.mark.parametrize("how", ["create", "link", "unlink"])
def test_changing_the_actions_of_a_risk_makes_an_approved_plan_concept(
    org_a, dd_plan, client_for, how
):
    risk = make_risk(dd_plan)
    action = ActionFactory(plan=dd_plan)
    link = None
    if how == "unlink":
        link = RiskAction.objects.create(organisation=org_a.org, risk=risk, action=action)
    approve(dd_plan)
    client = client_for(org_a.member)
    if how == "create":
        client.post(risk_url("duediligence:risk_action_create", risk), NEW_ACTION)
    elif how == "link":
        client.post(risk_url("duediligence:risk_action_link", risk), {"action": action.pk})
    else:
        client.post(risk_url("duediligence:risk_action_unlink", risk, link_pk=link.pk))
    dd_plan.refresh_from_db()
    assert dd_plan.status == PlanStatus.DRAFT


def test_register_counts_done_actions(org_a, dd_plan, client_for):
    risk = make_risk(dd_plan, title="Met acties")
    for status in ("afgerond", "afgerond", "gepland", "geschrapt"):
        RiskAction.objects.create(
            organisation=org_a.org, risk=risk, action=ActionFactory(plan=dd_plan, status=status)
        )
    text = page(client_for(org_a.viewer).get(plan_url("duediligence:risks", dd_plan)))
    assert "2 van 4" in text


def test_progress_stays_right_when_filtering_on_an_item_and_supplier(org_a, dd_plan, client_for):
    from .risk_helpers import make_item

    risk = make_risk(dd_plan, title="Met acties")
    cocoa, coffee = make_item(dd_plan, "Cacao"), make_item(dd_plan, "Koffie")
    farm = make_supplier(dd_plan)
    risk.items.add(cocoa, coffee)
    risk.suppliers.add(farm)
    for status in ("afgerond", "gepland", "lopend"):
        RiskAction.objects.create(
            organisation=org_a.org, risk=risk, action=ActionFactory(plan=dd_plan, status=status)
        )
    client = client_for(org_a.viewer)
    for query in (f"item={cocoa.pk}", f"supplier={farm.pk}", f"item={coffee.pk}&band=laag"):
        text = page(client.get(plan_url("duediligence:risks", dd_plan) + "?" + query))
        assert "1 van 3" in text, query
        assert "1 risico" in text, query


def test_member_changes_the_partners_of_a_linked_action(org_a, dd_plan, client_for):
    risk = make_risk(dd_plan)
    farm, coop = make_supplier(dd_plan, "Boerderij"), make_supplier(dd_plan, "Coöperatie")
    link = RiskAction.objects.create(
        organisation=org_a.org, risk=risk, action=ActionFactory(plan=dd_plan, title="Audit")
    )
    link.partners.add(farm)
    url = risk_url("duediligence:risk_action_edit", risk, link_pk=link.pk)
    client = client_for(org_a.member)
    assert "Ketenpartners: Audit" in page(client.get(url))
    approve(dd_plan)
    response = client.post(url, {"link-partners": [coop.pk], "link-partner_notes": "ILO"})
    assert response.status_code == 302
    link.refresh_from_db()
    assert list(link.partners.all()) == [coop]
    assert link.partner_notes == "ILO"
    dd_plan.refresh_from_db()
    assert dd_plan.status == PlanStatus.DRAFT


def test_partners_of_another_plan_are_refused_on_edit(org_a, dd_plan, client_for):
    risk = make_risk(dd_plan)
    farm = make_supplier(dd_plan, "Boerderij")
    link = RiskAction.objects.create(
        organisation=org_a.org, risk=risk, action=ActionFactory(plan=dd_plan)
    )
    link.partners.add(farm)
    foreign = make_supplier(PlanFactory(organisation=org_a.org, method="due_diligence"), "Elders")
    url = risk_url("duediligence:risk_action_edit", risk, link_pk=link.pk)
    response = client_for(org_a.member).post(url, {"link-partners": [foreign.pk]})
    assert response.status_code == 200
    assert "niet bij dit plan" in page(response)
    assert list(link.partners.all()) == [farm]


def test_partner_edit_roles_and_isolation(org_a, org_b, dd_plan, client_for):
    risk, other = make_risk(dd_plan), make_risk(dd_plan, title="Ander")
    link = RiskAction.objects.create(
        organisation=org_a.org, risk=risk, action=ActionFactory(plan=dd_plan)
    )
    url = risk_url("duediligence:risk_action_edit", risk, link_pk=link.pk)
    assert client_for(org_a.viewer).get(url).status_code == 403
    assert client_for(org_a.viewer).post(url, {"link-partner_notes": "x"}).status_code == 403
    assert client_for(org_b.member).get(url).status_code == 404
    assert client_for(org_b.member).post(url, {"link-partner_notes": "x"}).status_code == 404
    wrong_risk = risk_url("duediligence:risk_action_edit", other, link_pk=link.pk)
    assert client_for(org_a.member).get(wrong_risk).status_code == 404
    link.refresh_from_db()
    assert link.partner_notes == ""
