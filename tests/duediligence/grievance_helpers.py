"""Rows for the grievance tests: a mechanism, complaints and risks/suppliers to link."""

from datetime import timedelta

from django.utils import timezone

from duediligence.models import Grievance, GrievanceMechanism, Risk, Supplier

SECRET_STORY = "Geheim verhaal over de fabriek in Tiruppur"
SECRET_CONTACT = "Priya, +91 98765 43210"
PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def mechanism(organisation, **fields):
    values = {"response_days": 28, "intake_open": True, **fields}
    return GrievanceMechanism.objects.create(organisation=organisation, **values)


def grievance(organisation, days_ago=3, **fields):
    received = timezone.localdate() - timedelta(days=days_ago)
    values = {
        "received_on": received,
        "channel": "email",
        "complainant_type": "ketenwerker",
        "description": SECRET_STORY,
        "contact": SECRET_CONTACT,
        "response_due": received + timedelta(days=28),
        **fields,
    }
    return Grievance.objects.create(organisation=organisation, **values)


def risk(plan, title="Kinderarbeid bij cacaoboeren"):
    return Risk.objects.create(
        organisation=plan.organisation,
        plan=plan,
        title=title,
        category="kinderarbeid",
        area="mensenrechten",
        scale=4,
        scope=3,
        irremediability=3,
        likelihood=3,
    )


def supplier(plan, name="Cacao Coop"):
    return Supplier.objects.create(organisation=plan.organisation, plan=plan, name=name)
