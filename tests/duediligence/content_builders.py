"""A due-diligence plan with content in every part the snapshot and the report show: policy
with versions, departments, a value chain (one item of unknown origin), downstream, risks with
scores and involvement, and actions against them with chain partners."""

from datetime import date
from decimal import Decimal

from duediligence.models import (
    ChainMap,
    DepartmentRole,
    Downstream,
    Item,
    Policy,
    PolicyVersion,
    Risk,
    RiskAction,
    Sourcing,
    Supplier,
)
from tests.factories import ActionFactory


def make_risk(plan, title, scale, scope, irremediability, likelihood, **fields):
    fields.setdefault("category", "kinderarbeid")
    fields.setdefault("area", "mensenrechten")
    return Risk.objects.create(
        organisation=plan.organisation,
        plan=plan,
        title=title,
        scale=scale,
        scope=scope,
        irremediability=irremediability,
        likelihood=likelihood,
        **fields,
    )


def link_action(risk, title, status="gepland", partners=()):
    action = ActionFactory(plan=risk.plan, title=title, status=status)
    link = RiskAction.objects.create(organisation=risk.organisation, risk=risk, action=action)
    link.partners.set(partners)
    return link


def build_dd_content(plan, user=None):
    org = plan.organisation
    policy = Policy.objects.create(
        organisation=org,
        plan=plan,
        title="Ons beleid voor de keten",
        elements=["richtlijnen", "respect", "verantwoordelijk"],
        consulted=True,
        consulted_with="Ondernemingsraad en een cacaocoöperatie",
        approved_by="Directie AGV",
        approved_on=date(2026, 3, 1),
        published_url="https://agv.example/beleid",
        published_on=date(2026, 3, 15),
        shared_internally=True,
        code_of_conduct=True,
    )
    for number in (1, 2):
        PolicyVersion.objects.create(
            organisation=org, policy=policy, number=number, summary=f"Versie {number}"
        )
    DepartmentRole.objects.create(
        organisation=org,
        plan=plan,
        department="inkoop",
        responsibilities="Leveranciers om hun gedragscode vragen.",
        contact=user,
    )
    ChainMap.objects.create(
        organisation=org, plan=plan, complete_by=date(2026, 12, 31), approach="Navragen."
    )
    cocoa_farm = Supplier.objects.create(
        organisation=org,
        plan=plan,
        name="Coopérative Kakao",
        country="CI",
        tier=2,
        certifications="Fairtrade",
    )
    trader = Supplier.objects.create(
        organisation=org, plan=plan, name="Handelshuis Noord", country="NL", has_contract=True
    )
    cocoa = Item.objects.create(
        organisation=org,
        plan=plan,
        name="Cacaobonen",
        kind="grondstof",
        volume=Decimal("120.5"),
        unit="ton",
        spend=Decimal("250000"),
    )
    Sourcing.objects.create(organisation=org, item=cocoa, supplier=cocoa_farm, origin_country="CI")
    Sourcing.objects.create(organisation=org, item=cocoa, supplier=trader, origin_country="GH")
    fruit = Item.objects.create(organisation=org, plan=plan, name="Fruit", kind="product")
    Sourcing.objects.create(organisation=org, item=fruit, supplier=None, origin_country="")
    Downstream.objects.create(
        organisation=org,
        plan=plan,
        item=cocoa,
        customers="Supermarkten",
        destination_country="DE",
        end_of_life="Verpakking naar het oud papier",
    )
    child_labour = make_risk(
        plan,
        "Kinderarbeid bij cacaoboeren",
        5,
        3,
        4,
        3,
        prioritised=True,
        involvement="draagt_bij",
    )
    water = make_risk(
        plan,
        "Watervervuiling op plantages",
        4,
        4,
        4,
        5,
        category="watervervuiling",
        area="milieu",
        prioritised=True,
        involvement="direct_verbonden",
    )
    wages = make_risk(plan, "Te lage lonen bij fruittelers", 2, 2, 2, 4, category="lage_lonen")
    link_action(child_labour, "Programma tegen kinderarbeid", partners=[cocoa_farm])
    link_action(child_labour, "Cacaoprijs met premie", status="afgerond", partners=[trader])
    return {
        "policy": policy,
        "suppliers": [cocoa_farm, trader],
        "items": [cocoa, fruit],
        "risks": [child_labour, water, wages],
    }
