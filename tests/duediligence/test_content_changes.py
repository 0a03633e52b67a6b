"""An edit of due-diligence content (what the approved snapshot shows) makes an approved or
submitted plan a concept again; the work of running the loop (monitoring, communication,
grievances) and fields the snapshot does not show leave it as it is."""

from datetime import date

import pytest
from django import forms
from django.urls import reverse

from duediligence.models import (
    ChainMap,
    Communication,
    DepartmentRole,
    Downstream,
    Grievance,
    Monitoring,
    PolicyVersion,
    Sourcing,
)
from mvo.models import Role
from plans import approval
from plans.models import PlanStatus, PlanTransition, TransitionKind
from tests.duediligence.content_builders import build_dd_content, link_action, make_risk
from tests.factories import PlanFactory
from tests.plans.builders import approve


def _save(row, **fields):
    for field, value in fields.items():
        setattr(row, field, value)
    row.save()


def _first(model, plan):
    return model.objects.filter(plan=plan).first()


CONTENT_EDITS = {
    "policy title": lambda c, p: _save(c["policy"], title="Nieuw beleid"),
    "policy elements": lambda c, p: _save(c["policy"], elements=["richtlijnen"]),
    "policy approval": lambda c, p: _save(c["policy"], approved_on=date(2026, 4, 1)),
    "new policy version": lambda c, p: PolicyVersion.objects.create(
        organisation=p.organisation, policy=c["policy"], number=3
    ),
    "department responsibilities": lambda c, p: _save(
        _first(DepartmentRole, p), responsibilities="Ook de audits plannen."
    ),
    "department removed": lambda c, p: _first(DepartmentRole, p).delete(),
    "chain map date": lambda c, p: _save(_first(ChainMap, p), complete_by=date(2027, 6, 30)),
    "item spend": lambda c, p: _save(c["items"][0], spend=1),
    "new item": lambda c, p: c["items"][0].__class__.objects.create(
        organisation=p.organisation, plan=p, name="Koffie", kind="grondstof"
    ),
    "supplier country": lambda c, p: _save(c["suppliers"][0], country="GH"),
    "supplier certifications": lambda c, p: _save(c["suppliers"][1], certifications="BSCI"),
    "origin country found": lambda c, p: _save(
        Sourcing.objects.get(item=c["items"][1]), origin_country="ES"
    ),
    "new sourcing": lambda c, p: Sourcing.objects.create(
        organisation=p.organisation, item=c["items"][1], origin_country="MA"
    ),
    "sourcing removed": lambda c, p: Sourcing.objects.filter(item=c["items"][1]).first().delete(),
    "downstream end of life": lambda c, p: _save(_first(Downstream, p), end_of_life="Compost"),
    "risk score": lambda c, p: _save(c["risks"][0], likelihood=1),
    "risk involvement": lambda c, p: _save(c["risks"][2], involvement="veroorzaakt"),
    "risk prioritised": lambda c, p: _save(c["risks"][2], prioritised=True),
    "new risk": lambda c, p: make_risk(p, "Ontbossing", 3, 3, 3, 3, category="ontbossing"),
    "risk removed": lambda c, p: c["risks"][1].delete(),
    "action linked to a risk": lambda c, p: link_action(c["risks"][1], "Waterzuivering"),
    "partner of a risk's action": lambda c, p: (
        c["risks"][0].action_links.first() or link_action(c["risks"][0], "Overleg")
    ).partners.add(c["suppliers"][1]),
}

WORK_EDITS = {
    "risk description": lambda c, p: _save(c["risks"][0], description="Meer uitleg."),
    "risk notes on involvement": lambda c, p: _save(c["risks"][0], involvement_notes="Zie audit."),
    "item notes": lambda c, p: _save(c["items"][0], notes="Navragen bij de handelaar."),
    "supplier notes": lambda c, p: _save(c["suppliers"][0], notes="Bezocht in maart."),
    "sourcing share": lambda c, p: _save(
        Sourcing.objects.filter(item=c["items"][0]).first(), share=60
    ),
    "monitoring": lambda c, p: Monitoring.objects.create(
        organisation=p.organisation, plan=p, kind="gesprek", date=date(2026, 5, 1)
    ),
    "communication": lambda c, p: Communication.objects.create(
        organisation=p.organisation,
        plan=p,
        date=date(2026, 5, 1),
        audience="intern",
        channel="intranet",
        subject="Ons beleid",
    ),
    "grievance": lambda c, p: Grievance.objects.create(
        organisation=p.organisation,
        channel="email",
        complainant_type="ngo",
        description="Kinderen op de plantage gezien.",
        response_due=date(2026, 6, 1),
    ),
}


@pytest.fixture
def approved(dd_plan, org_a):
    content = build_dd_content(dd_plan, user=org_a.member)
    approve(org_a, dd_plan)
    assert dd_plan.status == PlanStatus.APPROVED
    return content


@pytest.mark.parametrize("edit", CONTENT_EDITS.values(), ids=CONTENT_EDITS.keys())
def test_an_edit_of_content_makes_an_approved_plan_a_concept(edit, approved, dd_plan):
    edit(approved, dd_plan)
    dd_plan.refresh_from_db()
    assert dd_plan.status == PlanStatus.DRAFT
    last = dd_plan.transitions.order_by("-pk").first()
    assert last.kind == TransitionKind.CHANGED and last.from_status == PlanStatus.APPROVED


@pytest.mark.parametrize("edit", WORK_EDITS.values(), ids=WORK_EDITS.keys())
def test_work_and_fields_outside_the_plan_leave_it_approved(edit, approved, dd_plan):
    edit(approved, dd_plan)
    dd_plan.refresh_from_db()
    assert dd_plan.status == PlanStatus.APPROVED
    assert not dd_plan.transitions.filter(kind=TransitionKind.CHANGED).exists()


def test_a_submitted_plan_becomes_a_concept_and_the_change_names_who(dd_plan, org_a):
    content = build_dd_content(dd_plan)
    approval.submit_plan(dd_plan, org_a.member, Role.MEMBER)
    risk = content["risks"][0]
    risk._history_user = org_a.admin  # who simple-history records as the editor
    _save(risk, scale=1)
    dd_plan.refresh_from_db()
    assert dd_plan.status == PlanStatus.DRAFT and dd_plan.submitted_by is None
    change = PlanTransition.objects.get(plan=dd_plan, kind=TransitionKind.CHANGED)
    assert change.from_status == PlanStatus.SUBMITTED and change.by == org_a.admin


def test_a_change_touches_only_the_plan_it_belongs_to(dd_plan, org_a):
    other = PlanFactory(organisation=org_a.org, method="due_diligence", title="Tweede plan")
    build_dd_content(other)
    content = build_dd_content(dd_plan)
    approve(org_a, dd_plan)
    approve(org_a, other)
    _save(content["items"][0], spend=5)
    dd_plan.refresh_from_db()
    other.refresh_from_db()
    assert (dd_plan.status, other.status) == (PlanStatus.DRAFT, PlanStatus.APPROVED)


def _post_form(client, url, **changes):
    """Post the form of ``url`` as the browser shows it, with ``changes``."""
    form = client.get(url).context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(field.widget, forms.CheckboxInput):
            if value:
                data[name] = "on"
            continue
        data[name] = "" if value is None else value
    return client.post(url, {**data, **changes})


def test_an_edit_through_the_page_names_the_editor(approved, dd_plan, org_a, client_for):
    supplier = approved["suppliers"][0]
    url = reverse(
        "duediligence:supplier_update",
        kwargs={"org_slug": org_a.org.slug, "pk": dd_plan.pk, "row_pk": supplier.pk},
    )
    client = client_for(org_a.member)
    response = _post_form(client, url, notes="Alleen een notitie.")
    assert response.status_code == 302
    dd_plan.refresh_from_db()
    assert dd_plan.status == PlanStatus.APPROVED  # notes are not in the approved plan

    response = _post_form(client, url, certifications="Fairtrade, Rainforest Alliance")
    assert response.status_code == 302
    dd_plan.refresh_from_db()
    assert dd_plan.status == PlanStatus.DRAFT
    change = PlanTransition.objects.get(plan=dd_plan, kind=TransitionKind.CHANGED)
    assert change.by == org_a.member
