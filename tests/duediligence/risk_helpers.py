"""Rows and URLs shared by the tests of the risk register and of actions against risks."""

from django.urls import reverse

from duediligence.models import Item, Risk, Supplier

GOOD_RISK = {
    "title": "Kinderarbeid bij cacaoboeren",
    "description": "Kinderen helpen bij de oogst.",
    "category": "kinderarbeid",
    "area": "mensenrechten",
    "nature": "potentieel",
    "scale": "4",
    "scope": "3",
    "irremediability": "2",
    "likelihood": "3",
    "involvement": "draagt_bij",
}


def make_risk(plan, **fields):
    values = {
        "title": "Risico",
        "category": "kinderarbeid",
        "area": "mensenrechten",
        "scale": 2,
        "scope": 2,
        "irremediability": 2,
        "likelihood": 2,
        **fields,
    }
    return Risk.objects.create(organisation=plan.organisation, plan=plan, **values)


def make_item(plan, name="Cacao"):
    return Item.objects.create(
        organisation=plan.organisation, plan=plan, name=name, kind="grondstof"
    )


def make_supplier(plan, name="Coöperatie Ivoor", country="CI"):
    return Supplier.objects.create(
        organisation=plan.organisation, plan=plan, name=name, country=country
    )


def plan_url(name, plan, **kwargs):
    return reverse(name, kwargs={"org_slug": plan.organisation.slug, "pk": plan.pk, **kwargs})


def risk_url(name, risk, **kwargs):
    return plan_url(name, risk.plan, item_pk=risk.pk, **kwargs)
