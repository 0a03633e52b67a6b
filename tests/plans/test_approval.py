"""Approval of a plan: who may make which move from where (services and pages), four eyes,
the timeline, frozen versions that never change, what changed since the last approval."""

import copy
import html
import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from kpis.models import Kpi, Target
from mvo.models import Membership, Role
from plans import approval, registry, snapshot
from plans.models import (
    Goal,
    Plan,
    PlanStatus,
    PlanTransition,
    PlanVersion,
    TransitionKind,
)
from tests.factories import (
    ActionFactory,
    GoalFactory,
    MembershipFactory,
    PlanFactory,
)
from tests.helpers import assert_queries_constant, count_queries
from tests.plans.builders import approve, build_full_plan, risk_provider

MOVES = list(approval.MOVES)  # submit, withdraw, approve, return, reopen
STATUSES = [PlanStatus.DRAFT, PlanStatus.SUBMITTED, PlanStatus.RETURNED, PlanStatus.APPROVED]
ROLES = [Role.VIEWER, Role.MEMBER, Role.MANAGER, Role.ADMIN]
RETURN_NOTE = "Maak de doelen voor 2026 concreter."


def url(org, name, **kwargs):
    return reverse(f"plans:{name}", kwargs={"org_slug": org.slug, **kwargs})


def page_of(client, org, plan):
    response = client.get(url(org, "approval", pk=plan.pk))
    assert response.status_code == 200
    return response


def text(response):
    """The page as text without tags (and its whitespace folded), to read like a person."""
    page = response.content.decode()
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def plan_in(status, org_a, **fields):
    """A plan of organisation A with a goal and an action, brought to ``status`` through the
    services (submitted by the member, judged by the manager)."""
    plan = PlanFactory(organisation=org_a.org, **fields)
    GoalFactory(plan=plan, title="Minder afval")
    ActionFactory(plan=plan, title="Afval scheiden")
    if status == PlanStatus.DRAFT:
        return plan
    approval.submit_plan(plan, org_a.member, Role.MEMBER, "Klaar voor een oordeel.")
    if status == PlanStatus.RETURNED:
        approval.return_plan(plan, org_a.manager, Role.MANAGER, RETURN_NOTE)
    elif status == PlanStatus.APPROVED:
        approval.approve_plan(plan, org_a.manager, Role.MANAGER)
    plan.refresh_from_db()
    assert plan.status == status
    return plan


def expected_allowed(role, kind, status):
    starts, _to, roles = approval.MOVES[kind]
    return role in roles and status in starts


def fingerprint_of(plan):
    return snapshot.fingerprint(snapshot.build(plan))


def form_data(form, **changes):
    """What the browser would send for ``form`` as it is shown, with ``changes``."""
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput):
            if value:
                data[name] = "on"
            continue
        if isinstance(widget, forms.SelectMultiple):
            data[name] = [str(v) for v in value or []]
            continue
        shown = widget.format_value(value)
        if isinstance(shown, list):
            shown = shown[0] if shown else ""
        data[name] = "" if shown is None else shown
    return {**data, **changes}


def edit_through_form(client, path, **changes):
    form = client.get(path).context["form"]
    response = client.post(path, form_data(form, **changes))
    assert response.status_code == 302, response.context["form"].errors
    return response


# --- Who may make which move, from where -----------------------------------------------------


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("kind", MOVES)
@pytest.mark.parametrize("role", ROLES)
def test_the_services_allow_exactly_the_moves_of_the_workflow(role, kind, status, org_a):
    plan = plan_in(status, org_a)
    user = getattr(org_a, role)
    before = plan.transitions.count()
    service = {
        TransitionKind.SUBMIT: approval.submit_plan,
        TransitionKind.WITHDRAW: approval.withdraw_plan,
        TransitionKind.APPROVE: approval.approve_plan,
        TransitionKind.RETURN: approval.return_plan,
        TransitionKind.REOPEN: approval.reopen_plan,
    }[kind]
    if expected_allowed(role, kind, status):
        service(plan, user, role, "Met een toelichting")
        plan.refresh_from_db()
        assert plan.status == approval.MOVES[kind][1]
        step = plan.transitions.order_by("-pk").first()
        assert (step.kind, step.from_status, step.to_status) == (kind, status, plan.status)
        assert (step.by, step.by_name, step.comment) == (
            user,
            user.full_name,
            "Met een toelichting",
        )
        assert timezone.now() - step.at < timedelta(minutes=1)
        assert plan.transitions.count() == before + 1
    else:
        with pytest.raises(approval.Refused) as refused:
            service(plan, user, role, "Met een toelichting")
        assert refused.value.message == approval.refusal(plan, user, role, kind, "x")
        plan.refresh_from_db()
        assert plan.status == status
        assert plan.transitions.count() == before


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("kind", MOVES)
@pytest.mark.parametrize("role", ROLES)
def test_the_pages_allow_exactly_the_moves_of_the_workflow(role, kind, status, org_a, client_for):
    plan = plan_in(status, org_a)
    user = getattr(org_a, role)
    client = client_for(user)
    before = plan.transitions.count()
    data = {"comment": "Met een toelichting", "fingerprint": fingerprint_of(plan)}
    response = client.post(url(org_a.org, "transition", pk=plan.pk, kind=kind), data)
    plan.refresh_from_db()
    if role == Role.VIEWER:  # reading only, like every other write
        assert response.status_code == 403
        assert plan.status == status and plan.transitions.count() == before
        return
    assert response.status_code == 302
    assert response["Location"] == url(org_a.org, "approval", pk=plan.pk)
    shown = [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]
    if expected_allowed(role, kind, status):
        assert plan.status == approval.MOVES[kind][1]
        assert plan.transitions.count() == before + 1
        assert [level for level, _message in shown] == ["success"]
    else:
        assert plan.status == status and plan.transitions.count() == before
        assert shown == [("error", approval.refusal(plan, user, role, kind, "x"))]


def test_the_page_offers_each_person_the_moves_they_may_make(org_a, client_for):
    plan = plan_in(PlanStatus.SUBMITTED, org_a)
    moves = {
        role: page_of(client_for(getattr(org_a, role)), org_a.org, plan).context["allowed"]
        for role in ROLES
    }
    assert moves == {
        Role.VIEWER: [],
        Role.MEMBER: [TransitionKind.WITHDRAW],
        Role.MANAGER: [TransitionKind.APPROVE, TransitionKind.RETURN],
        Role.ADMIN: [TransitionKind.WITHDRAW, TransitionKind.APPROVE, TransitionKind.RETURN],
    }
    page = text(page_of(client_for(org_a.manager), org_a.org, plan))
    assert "Plan goedkeuren" in page and "Plan terugsturen" in page
    # No note that submitting is for others, and one note (not two) for who may judge.
    assert "Alleen werkgroepleden en beheerders kunnen een plan indienen of intrekken." not in page
    member_page = text(page_of(client_for(org_a.member), org_a.org, plan))
    assert "Indiening intrekken" in member_page and "Plan goedkeuren" not in member_page
    assert "Alleen een manager of beheerder kan een plan goedkeuren" in member_page
    viewer_page = page_of(client_for(org_a.viewer), org_a.org, plan).content.decode()
    assert "/goedkeuring/" not in "".join(re.findall(r'<form[^>]*action="[^"]*"', viewer_page))
    assert "Wat u nu kunt doen" not in viewer_page


def test_an_unknown_move_is_404_and_a_get_is_not_allowed(org_a, client_for):
    plan = plan_in(PlanStatus.DRAFT, org_a)
    client = client_for(org_a.member)
    assert client.post(url(org_a.org, "transition", pk=plan.pk, kind="wegdoen")).status_code == 404
    path = url(org_a.org, "transition", pk=plan.pk, kind=TransitionKind.SUBMIT)
    assert client.get(path).status_code == 405
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT


# --- Four eyes ------------------------------------------------------------------------------


def test_an_admin_who_submitted_cannot_approve_but_another_admin_or_a_manager_can(
    org_a, client_for
):
    plan = plan_in(PlanStatus.DRAFT, org_a)
    approval.submit_plan(plan, org_a.admin, Role.ADMIN)
    path = url(org_a.org, "transition", pk=plan.pk, kind=TransitionKind.APPROVE)
    data = {"fingerprint": fingerprint_of(plan)}

    admin = client_for(org_a.admin)
    page = text(page_of(admin, org_a.org, plan))
    assert "U hebt dit plan zelf ingediend." in page  # the reason, not just a missing button
    assert TransitionKind.APPROVE not in page_of(admin, org_a.org, plan).context["allowed"]
    response = admin.post(path, data)
    assert messages_of(response) == [
        "U hebt dit plan zelf ingediend. Een andere manager of beheerder keurt het goed: "
        "zo kijken er altijd twee mensen naar."
    ]
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED and not plan.versions.exists()
    with pytest.raises(approval.Refused):
        approval.return_plan(plan, org_a.admin, Role.ADMIN, RETURN_NOTE)

    other_admin = MembershipFactory(organisation=org_a.org, role=Role.ADMIN).user
    assert client_for(other_admin).post(path, data).status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.APPROVED
    version = plan.versions.get()
    assert (version.submitted_by, version.approved_by) == (org_a.admin, other_admin)


def test_a_member_who_submitted_and_then_became_manager_cannot_approve(org_a, client_for):
    plan = plan_in(PlanStatus.DRAFT, org_a)
    approval.submit_plan(plan, org_a.member, Role.MEMBER)
    Membership.objects.filter(user=org_a.member).update(role=Role.MANAGER)
    response = client_for(org_a.member).post(
        url(org_a.org, "transition", pk=plan.pk, kind=TransitionKind.APPROVE),
        {"fingerprint": fingerprint_of(plan)},
    )
    assert "U hebt dit plan zelf ingediend." in messages_of(response)[0]
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED
    approval.approve_plan(plan, org_a.manager, Role.MANAGER)  # someone else may
    plan.refresh_from_db()
    assert plan.status == PlanStatus.APPROVED


def test_after_withdrawing_and_submitting_again_the_new_submitter_counts(org_a):
    plan = plan_in(PlanStatus.DRAFT, org_a)
    approval.submit_plan(plan, org_a.admin, Role.ADMIN)
    approval.withdraw_plan(plan, org_a.member, Role.MEMBER)
    plan.refresh_from_db()
    assert plan.submitted_by is None
    approval.submit_plan(plan, org_a.member, Role.MEMBER)
    approval.approve_plan(plan, org_a.admin, Role.ADMIN)  # the admin did not submit this time
    assert plan.versions.get().submitted_by == org_a.member


# --- Comments -------------------------------------------------------------------------------


@pytest.mark.parametrize("comment", ["", "   \n  "])
def test_sending_back_needs_a_comment(comment, org_a, client_for):
    plan = plan_in(PlanStatus.SUBMITTED, org_a)
    with pytest.raises(approval.Refused) as refused:
        approval.return_plan(plan, org_a.manager, Role.MANAGER, comment)
    message = "Schrijf erbij wat er anders moet; dat is verplicht bij terugsturen."
    assert refused.value.message == message
    response = client_for(org_a.manager).post(
        url(org_a.org, "transition", pk=plan.pk, kind=TransitionKind.RETURN), {"comment": comment}
    )
    assert response.status_code == 302 and messages_of(response) == [message]
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED and plan.transitions.count() == 1
    page = page_of(client_for(org_a.manager), org_a.org, plan).content.decode()
    assert re.search(r'<textarea[^>]*name="comment"[^>]*required', page)  # told before sending


def test_a_comment_longer_than_the_limit_is_refused_with_a_message(org_a, client_for):
    plan = plan_in(PlanStatus.SUBMITTED, org_a)
    path = url(org_a.org, "transition", pk=plan.pk, kind=TransitionKind.RETURN)
    client = client_for(org_a.manager)
    response = client.post(path, {"comment": "x" * 5001})
    assert messages_of(response) == [
        "Uw toelichting is 5001 tekens lang; er passen er 5000 in. Maak haar wat korter."
    ]
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED and plan.transitions.count() == 1
    client.post(path, {"comment": "x" * 5000})
    plan.refresh_from_db()
    assert plan.status == PlanStatus.RETURNED
    assert len(plan.transitions.order_by("-pk").first().comment) == 5000


def test_every_move_is_in_the_timeline_with_who_when_and_why(org_a, client_for):
    plan = plan_in(PlanStatus.DRAFT, org_a)
    member, manager = client_for(org_a.member), client_for(org_a.manager)

    def move(client, kind, comment=""):
        data = {"comment": comment, "fingerprint": fingerprint_of(plan)}
        path = url(org_a.org, "transition", pk=plan.pk, kind=kind)
        response = client.post(path, data, follow=True)  # the page reads the message
        assert response.redirect_chain == [(url(org_a.org, "approval", pk=plan.pk), 302)]
        return [str(m) for m in response.context["messages"]]

    assert move(member, "indienen", "Eerste versie") == [
        "Het plan is ingediend. De managers en beheerders krijgen een bericht."
    ]
    move(manager, "terugsturen", RETURN_NOTE)
    move(member, "heropenen")
    move(member, "indienen", "Doelen aangescherpt")
    move(member, "intrekken")
    move(member, "indienen", "Nu echt klaar")
    assert move(manager, "goedkeuren", "Akkoord, mooi plan") == [
        "Het plan is goedgekeurd en vastgesteld als versie 1."
    ]
    steps = list(plan.transitions.order_by("at", "pk"))
    assert [(s.kind, s.by, s.comment) for s in steps] == [
        ("indienen", org_a.member, "Eerste versie"),
        ("terugsturen", org_a.manager, RETURN_NOTE),
        ("heropenen", org_a.member, ""),
        ("indienen", org_a.member, "Doelen aangescherpt"),
        ("intrekken", org_a.member, ""),
        ("indienen", org_a.member, "Nu echt klaar"),
        ("goedkeuren", org_a.manager, "Akkoord, mooi plan"),
    ]
    assert [s.to_status for s in steps][-1] == PlanStatus.APPROVED
    assert steps[-1].version == plan.versions.get()
    assert all(s.by_name for s in steps)

    response = page_of(member, org_a.org, plan)
    page = text(response)
    for words in ("Eerste versie", RETURN_NOTE, "Doelen aangescherpt", "Akkoord, mooi plan"):
        assert words in page
    assert page.index("Goedgekeurd · versie 1") < page.index("Eerste versie")  # newest first
    assert url(org_a.org, "version", pk=plan.pk, number=1) in response.content.decode()
    assert org_a.manager.full_name in page

    # The plan page shows the last three steps and the way to the approval page.
    detail = client_for(org_a.viewer).get(url(org_a.org, "detail", pk=plan.pk))
    assert len(detail.context["recent_transitions"]) == 3
    detail_page = detail.content.decode()
    assert url(org_a.org, "approval", pk=plan.pk) in detail_page
    assert url(org_a.org, "version", pk=plan.pk, number=1) in detail_page
    assert "Nu echt klaar" in detail_page and "Eerste versie" not in detail_page
    assert re.search(r'class="badge text-bg-success">Goedgekeurd<', detail_page)


def test_a_returned_plan_shows_why_it_came_back(org_a, client_for):
    plan = plan_in(PlanStatus.RETURNED, org_a)
    page = text(page_of(client_for(org_a.member), org_a.org, plan))
    assert "Teruggestuurd door" in page and RETURN_NOTE in page
    assert "Opnieuw indienen" in page or "Plan indienen" in page
    assert "Weer in concept zetten" in page


# --- Frozen versions ------------------------------------------------------------------------


@pytest.fixture
def full_plan(org_a):
    return build_full_plan(org_a.org)


def test_the_version_page_shows_the_plan_exactly_as_approved_after_everything_changed(
    full_plan, org_a, client_for
):
    plan, kpi, goal = full_plan["plan"], full_plan["kpi"], full_plan["goal"]
    version = approve(org_a, plan, "Akkoord.")
    frozen = copy.deepcopy(version.data)
    path = url(org_a.org, "version", pk=plan.pk, number=1)
    before = text(client_for(org_a.viewer).get(path))
    for words in (
        "Vastgesteld plan, versie 1",
        "MVO-plan Zuid",
        "Wij maken schoon en zuinig.",
        "Een derde minder restafval",
        "Van 120 naar 80 kg per medewerker per jaar.",
        "Afvalbakken per soort",
        "€ 2.500,00",
        "Restafval per medewerker",
        "120,5",
        "31-12-2027",
        "Lunch zonder plastic",
        "Lopend",  # the action's status as it was
        org_a.manager.full_name,
        org_a.member.full_name,
        "Akkoord.",
    ):
        assert words in before, words

    # Everything changes or goes.
    plan.title = "Hernoemd plan"
    plan.save()
    goal.title, goal.specific = "Ander doel", "Nieuwe tekst"
    goal.save()
    plan.actions.get(title="Lunch zonder plastic").delete()
    action = plan.actions.get()
    action.budget, action.status = Decimal("9999"), "afgerond"
    action.save()
    target = kpi.targets.get(date=date(2027, 12, 31))
    target.value = Decimal("1")
    target.save()
    kpi.targets.filter(date=date(2026, 12, 31)).delete()
    mission = plan.mission_vision
    mission.mission = "Een heel andere missie."
    mission.save()
    Goal.objects.filter(pk=goal.pk).delete()
    Kpi.objects.filter(pk=kpi.pk).delete()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT

    response = client_for(org_a.viewer).get(path)
    after = text(response)
    main = after.split("Vastgesteld plan, versie 1", 2)[-1]  # past the breadcrumb and title
    assert main == before.split("Vastgesteld plan, versie 1", 2)[-1]
    for gone in ("Ander doel", "Nieuwe tekst", "9.999", "Een heel andere missie.", "Hernoemd"):
        assert gone not in main
    assert "Hernoemd plan" in after  # the breadcrumb leads to the plan as it is now
    assert PlanVersion.objects.get(pk=version.pk).data == frozen


def test_an_approved_version_cannot_be_changed_or_deleted(full_plan, org_a):
    version = approve(org_a, full_plan["plan"])
    version.comment = "Achteraf anders"
    with pytest.raises(ValidationError):
        version.save()
    with pytest.raises(ValidationError):
        version.delete()
    assert PlanVersion.objects.get(pk=version.pk).comment == ""


def test_a_plan_with_an_approved_version_cannot_be_deleted(full_plan, org_a, client_for):
    plan = full_plan["plan"]
    approve(org_a, plan)
    client = client_for(org_a.manager)
    path = url(org_a.org, "delete", pk=plan.pk)
    page = text(client.get(path))
    assert "Van dit plan is een versie goedgekeurd." in page
    assert "Ja, verwijderen" not in page
    response = client.post(path)
    assert response.status_code == 302
    assert messages_of(response)[0].startswith("Van dit plan is een versie goedgekeurd.")
    assert Plan.objects.filter(pk=plan.pk).exists()
    other = PlanFactory(organisation=org_a.org)  # never approved: can go
    assert client.post(url(org_a.org, "delete", pk=other.pk)).status_code == 302
    assert not Plan.objects.filter(pk=other.pk).exists()


OLD_SNAPSHOT = {
    # Written by an older Koers: a section and a column that today's code does not have, a
    # label only in Dutch, and a value of a type it never knew.
    "format": 1,
    "plan": {"title": "Plan van toen", "period": "2019–2021", "method": {"nl": "MVO STEPS"}},
    "sections": [
        {
            "key": "budgetlijnen",
            "title": {"nl": "Budgetlijnen", "en": "Budget lines"},
            "layout": "table",
            "columns": [
                {"key": "naam", "label": {"nl": "naam"}, "type": "text"},
                {"key": "bedrag", "label": {"nl": "bedrag"}, "type": "money"},
                {"key": "kleur", "label": {"nl": "kleur"}, "type": "kleurcode"},
                {"key": "sinds", "label": {"nl": "sinds"}, "type": "date"},
            ],
            "rows": [
                {
                    "id": "lijn-1",
                    "cells": {
                        "naam": "Opleidingen",
                        "bedrag": "1234.5",
                        "kleur": "#00ff00",
                        "sinds": "2019-03-01",
                    },
                },
                {"id": "lijn-2", "cells": {"naam": "Zonder bedrag"}},
            ],
        },
        {
            "key": "plan",
            "title": {"nl": "Plan"},
            "layout": "fields",
            "columns": [{"key": "oude_kolom", "label": {"nl": "vervallen veld"}, "type": "text"}],
            "rows": [{"id": "plan", "cells": {"oude_kolom": "bestond toen nog"}}],
        },
        {"key": "leeg", "title": {"nl": "Lege sectie"}, "columns": [], "rows": []},
    ],
}


def hand_made_version(plan, data, number=1, fmt=1):
    return PlanVersion.objects.create(
        plan=plan,
        number=number,
        format=fmt,
        data=data,
        fingerprint="0" * 64,
        approved_by_name="Oud-directeur",
        approved_at=timezone.now() - timedelta(days=2000),
    )


def test_a_snapshot_written_by_an_older_code_base_still_opens(org_a, client_for):
    plan = PlanFactory(organisation=org_a.org)
    hand_made_version(plan, OLD_SNAPSHOT)
    page = text(client_for(org_a.viewer).get(url(org_a.org, "version", pk=plan.pk, number=1)))
    for words in (
        "Plan van toen",
        "2019–2021",
        "Budgetlijnen",
        "Opleidingen",
        "€ 1.234,50",
        "#00ff00",
        "1-3-2019",
        "Zonder bedrag",
        "Vervallen veld",
        "bestond toen nog",
        "Lege sectie",
        "Oud-directeur",
    ):
        assert words in page, words
    # And the approval page compares today's plan with it without tripping over it.
    response = page_of(client_for(org_a.manager), org_a.org, plan)
    assert "Wijzigingen sinds versie 1" in text(response)


@pytest.mark.parametrize(
    "fmt, data", [(99, {"format": 99, "blokken": []}), (1, ["geen", "dict"]), (1, {"format": 1})]
)
def test_a_snapshot_this_code_cannot_read_gets_a_clear_message(fmt, data, org_a, client_for):
    plan = PlanFactory(organisation=org_a.org)
    hand_made_version(plan, data, fmt=fmt)
    response = client_for(org_a.viewer).get(url(org_a.org, "version", pk=plan.pk, number=1))
    assert response.status_code == 200
    assert "die deze uitgave van Koers niet kan tonen" in text(response)
    page = text(page_of(client_for(org_a.manager), org_a.org, plan))
    assert "die deze uitgave van Koers niet kan vergelijken" in page
    assert "Het plan zoals het nu is" not in page and plan.title in page


def test_a_version_of_another_plan_or_organisation_is_404(full_plan, org_a, org_b, client_for):
    plan = full_plan["plan"]
    approve(org_a, plan)
    other = PlanFactory(organisation=org_a.org)
    member = client_for(org_a.member)
    assert member.get(url(org_a.org, "version", pk=other.pk, number=1)).status_code == 404
    assert member.get(url(org_a.org, "version", pk=plan.pk, number=2)).status_code == 404
    outsider = client_for(org_b.member)
    for name, kwargs in [
        ("approval", {"pk": plan.pk}),
        ("version", {"pk": plan.pk, "number": 1}),
    ]:
        assert outsider.get(url(org_a.org, name, **kwargs)).status_code == 404
        assert outsider.get(url(org_b.org, name, **kwargs)).status_code == 404
    theirs = PlanFactory(organisation=org_b.org)
    path = url(org_b.org, "transition", pk=plan.pk, kind=TransitionKind.SUBMIT)
    assert client_for(org_b.member).post(path).status_code == 404  # org A's plan via org B
    assert (
        client_for(org_a.member)
        .post(url(org_b.org, "transition", pk=theirs.pk, kind=TransitionKind.SUBMIT))
        .status_code
        == 404
    )
    theirs.refresh_from_db()
    assert theirs.status == PlanStatus.DRAFT


def test_a_provider_of_a_higher_app_is_frozen_with_the_version(full_plan, org_a, client_for):
    registry.register("snapshot", "test-risks", risk_provider)
    try:
        version = approve(org_a, full_plan["plan"])
    finally:
        registry.unregister("snapshot", "test-risks")
    assert "test-risks" not in dict(registry.providers("snapshot"))
    assert version.data["sections"][-1]["key"] == "risks"
    page = text(
        client_for(org_a.member).get(url(org_a.org, "version", pk=version.plan_id, number=1))
    )
    assert "Risico's in de keten" in page and "Kinderarbeid (MVO-plan Zuid)" in page
    # Without the provider the version still shows it; the plan now lacks it: a change.
    approval_page = text(page_of(client_for(org_a.manager), org_a.org, full_plan["plan"]))
    assert "Risico's in de keten" in approval_page and "Verwijderd" in approval_page


# --- What changed since the last approval ----------------------------------------------------


def test_diff_finds_added_removed_and_changed_rows_field_by_field():
    def snap(rows, title="Doelen"):
        return {
            "format": 1,
            "sections": [
                {
                    "key": "goals",
                    "title": {"nl": title},
                    "layout": "table",
                    "columns": [
                        {"key": "title", "label": {"nl": "doel"}, "type": "text"},
                        {"key": "deadline", "label": {"nl": "deadline"}, "type": "date"},
                        {
                            "key": "status",
                            "label": {"nl": "status"},
                            "type": "label",
                            "progress": True,
                        },
                    ],
                    "rows": [{"id": key, "cells": cells} for key, cells in rows.items()],
                }
            ],
        }

    old = snap(
        {
            "goal-1": {"title": "Blijft", "deadline": "2026-12-31", "status": {"nl": "gepland"}},
            "goal-2": {"title": "Verdwijnt", "deadline": None},
            "goal-3": {"title": "Alleen voortgang", "status": {"nl": "gepland"}},
        }
    )
    new = snap(
        {
            "goal-1": {
                "title": "Blijft, anders",
                "deadline": "2027-06-30",
                "status": {"nl": "lopend"},
            },
            "goal-3": {"title": "Alleen voortgang", "status": {"nl": "afgerond"}},
            "goal-4": {"title": "Nieuw"},
        }
    )
    [part] = snapshot.diff(old, new)
    assert part["key"] == "goals"
    assert [r["id"] for r in part["added"]] == ["goal-4"]
    assert [r["id"] for r in part["removed"]] == ["goal-2"]
    [changed] = part["changed"]
    assert changed["row"]["id"] == "goal-1" and changed["title"] == "Blijft, anders"
    assert [(c["column"]["key"], c["old"], c["new"]) for c in changed["changes"]] == [
        ("title", "Blijft", "Blijft, anders"),
        ("deadline", "2026-12-31", "2027-06-30"),
    ]  # the status is progress: not a change of the plan
    assert snapshot.diff(old, old) == []
    progressed = copy.deepcopy(old)
    progressed["sections"][0]["rows"][0]["cells"]["status"] = {"nl": "afgerond"}
    assert snapshot.diff(old, progressed) == []
    assert snapshot.fingerprint(old) == snapshot.fingerprint(progressed)
    assert snapshot.fingerprint(old) != snapshot.fingerprint(new)


def test_diff_of_a_built_plan(full_plan, org_a):
    plan, kpi, goal = full_plan["plan"], full_plan["kpi"], full_plan["goal"]
    old = snapshot.build(plan)
    assert snapshot.diff(None, old)[0]["added"]  # the first approval: everything is new
    plan.actions.update(status="afgerond")  # progress only
    step = plan.steps.first()
    step.status = "afgerond"
    step.save()
    assert snapshot.diff(old, snapshot.build(plan)) == []
    assert snapshot.fingerprint(old) == snapshot.fingerprint(snapshot.build(plan))

    Target.objects.filter(kpi=kpi, date=date(2027, 12, 31)).update(value=Decimal("75"))
    goal.deadline = date(2027, 6, 30)
    goal.save()
    GoalFactory(plan=plan, title="Een nieuw doel")
    plan.actions.filter(title="Lunch zonder plastic").delete()
    changes = {part["key"]: part for part in snapshot.diff(old, snapshot.build(plan))}
    assert set(changes) == {"goals", "targets", "actions"}
    [target] = changes["targets"]["changed"]  # a new value of the same target: one change
    assert changes["targets"]["added"] == changes["targets"]["removed"] == []
    assert [(c["column"]["key"], c["old"], c["new"]) for c in target["changes"]] == [
        ("value", "80", "75")
    ]
    [goal_change] = changes["goals"]["changed"]
    assert [(c["column"]["key"], c["old"], c["new"]) for c in goal_change["changes"]] == [
        ("deadline", "2027-12-31", "2027-06-30")
    ]
    assert [r["cells"]["title"] for r in changes["goals"]["added"]] == ["Een nieuw doel"]
    assert [r["cells"]["title"] for r in changes["actions"]["removed"]] == ["Lunch zonder plastic"]
    assert snapshot.fingerprint(old) != snapshot.fingerprint(snapshot.build(plan))


def test_the_approval_page_shows_the_changes_since_the_last_version(full_plan, org_a, client_for):
    plan, goal = full_plan["plan"], full_plan["goal"]
    approve(org_a, plan)
    goal.title = "Een kwart minder restafval"
    goal.specific = "Van 120 naar 90 kg per medewerker per jaar."
    goal.target_value = Decimal("90")
    goal.save()
    GoalFactory(plan=plan, title="Papierloos vergaderen")
    plan.actions.filter(title="Lunch zonder plastic").delete()
    mission = plan.mission_vision
    mission.vision = "In 2030 gooien wij bijna niets meer weg."
    mission.save()

    response = page_of(client_for(org_a.manager), org_a.org, plan)
    page = text(response)
    assert "Wijzigingen sinds versie 1" in page
    changes = page.split("Wijzigingen sinds versie 1", 1)[1].split("Verloop van de goedkeuring")[0]
    assert "Toegevoegd Papierloos vergaderen" in changes
    assert "Verwijderd Lunch zonder plastic" in changes
    assert "Gewijzigd Een kwart minder restafval" in changes
    assert "Doel was: Een derde minder restafval → wordt: Een kwart minder restafval" in changes
    assert "Streefwaarde was: 80 → wordt: 90" in changes
    html = response.content.decode()
    assert (
        '<del class="bg-danger-subtle"><span class="visually-hidden">[weggehaald: </span>80' in html
    )
    assert "[toegevoegd: </span>90" in html  # the long text, word by word
    assert "bijna" in changes and "Missie en visie" in changes
    assert "Wij maken schoon en zuinig." not in changes  # unchanged fields are left out
    assert "Restafval per medewerker" not in changes  # and unchanged rows
    # The action still has the same goal: renaming the goal is one change, not one per action.
    assert "Afvalbakken per soort" not in changes
    assert response.context["last_version"].number == 1


def test_renaming_a_person_or_moving_an_action_to_another_goal(full_plan, org_a, client_for):
    """Linked rows are compared by who or what they are, not by their name: a new name of the
    responsible person changes nothing, another goal for an action is one change."""
    plan, goal = full_plan["plan"], full_plan["goal"]
    action = plan.actions.get(title="Afvalbakken per soort")
    action.responsible = org_a.member
    action.save()
    approve(org_a, plan)
    org_a.member.full_name = "Een heel andere naam"
    org_a.member.save()
    assert approval.changes_since_approval(plan)[2] == []
    other = GoalFactory(plan=plan, title="Papierloos vergaderen")
    action.goal = other
    action.save()
    (actions,) = [
        part for part in approval.changes_since_approval(plan)[2] if part["key"] != "goals"
    ]
    (changed,) = actions["changed"]
    assert [c["column"]["key"] for c in changed["changes"]] == ["goal"]
    assert snapshot.local(changed["changes"][0]["old"]) == goal.title
    assert snapshot.local(changed["changes"][0]["new"]) == "Papierloos vergaderen"


def test_before_the_first_approval_the_page_shows_the_whole_plan(full_plan, org_a, client_for):
    plan = full_plan["plan"]
    approval.submit_plan(plan, org_a.member, Role.MEMBER)
    page = text(page_of(client_for(org_a.manager), org_a.org, plan))
    assert "Het plan zoals het nu is" in page and "Wijzigingen sinds" not in page
    for words in ("Een derde minder restafval", "Afvalbakken per soort", "Wij maken schoon"):
        assert words in page
    assert "Goedkeuren als versie 1" in page


def test_editing_an_approved_plan_through_its_forms_makes_it_a_concept_again(
    full_plan, org_a, client_for
):
    plan, goal = full_plan["plan"], full_plan["goal"]
    approve(org_a, plan)
    member = client_for(org_a.member)

    # Only an action's status (progress): still approved.
    action = plan.actions.get(title="Afvalbakken per soort")
    edit_through_form(member, url(org_a.org, "action_update", pk=action.pk), status="afgerond")
    action.refresh_from_db()
    assert action.status == "afgerond"
    plan.refresh_from_db()
    assert plan.status == PlanStatus.APPROVED
    page = text(page_of(member, org_a.org, plan))
    assert "Er is niets veranderd sinds versie 1." in page

    # The goal's title: a concept again, and the change is on the approval page.
    edit_through_form(
        member, url(org_a.org, "goal_update", pk=goal.pk), title="Restafval gehalveerd"
    )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT and plan.submitted_by is None
    step = plan.transitions.order_by("-pk").first()
    assert (step.kind, step.by, step.from_status) == (
        TransitionKind.CHANGED,
        org_a.member,
        PlanStatus.APPROVED,
    )
    page = text(page_of(member, org_a.org, plan))
    assert "Doel was: Een derde minder restafval → wordt: Restafval gehalveerd" in page
    assert "Gewijzigd, weer concept" in page

    # Renaming the plan through its form: one more change.
    edit_through_form(member, url(org_a.org, "update", pk=plan.pk), title="MVO-plan Zuid 2.0")
    page = text(page_of(member, org_a.org, plan))
    assert "Titel was: MVO-plan Zuid → wordt: MVO-plan Zuid 2.0" in page


def test_a_submitted_plan_that_is_edited_goes_back_to_concept(full_plan, org_a, client_for):
    plan, goal = full_plan["plan"], full_plan["goal"]
    approval.submit_plan(plan, org_a.member, Role.MEMBER)
    edit_through_form(
        client_for(org_a.admin), url(org_a.org, "goal_update", pk=goal.pk), title="Anders"
    )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT
    response = client_for(org_a.manager).post(
        url(org_a.org, "transition", pk=plan.pk, kind=TransitionKind.APPROVE),
        {"fingerprint": fingerprint_of(plan)},
    )
    assert messages_of(response) == ["Alleen een ingediend plan kan worden goedgekeurd."]


@pytest.mark.parametrize("change", ["wrong", "theme", "missing"])
def test_approving_what_you_did_not_see_is_refused(change, full_plan, org_a, client_for):
    plan, theme = full_plan["plan"], full_plan["theme"]
    approval.submit_plan(plan, org_a.member, Role.MEMBER)
    manager = client_for(org_a.manager)
    seen = page_of(manager, org_a.org, plan).context["fingerprint"]
    data = {"fingerprint": seen, "comment": "Akkoord"}
    if change == "wrong":
        data["fingerprint"] = "abc"
    elif change == "missing":
        del data["fingerprint"]
    else:  # the theme's ambition changes while the manager reads
        theme.ambition_target = 4
        theme.save()
        plan.refresh_from_db()
        approval.submit_plan(plan, org_a.member, Role.MEMBER)  # the change made it a concept
    response = manager.post(
        url(org_a.org, "transition", pk=plan.pk, kind=TransitionKind.APPROVE), data
    )
    assert messages_of(response) == [
        "Het plan is gewijzigd terwijl u het bekeek. Bekijk de wijzigingen opnieuw en keur dan "
        "goed."
    ]
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED and not plan.versions.exists()
    fresh = page_of(manager, org_a.org, plan).context["fingerprint"]
    manager.post(
        url(org_a.org, "transition", pk=plan.pk, kind=TransitionKind.APPROVE),
        {"fingerprint": fresh},
    )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.APPROVED


def test_deleting_a_kpi_or_changing_a_theme_of_an_approved_plan_makes_it_a_concept(
    full_plan, org_a
):
    plan = full_plan["plan"]
    approve(org_a, plan)
    full_plan["kpi"].delete()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT
    approve(org_a, plan)
    theme = full_plan["theme"]
    theme.importance = 1  # not in the plan: stays approved
    theme.save()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.APPROVED
    theme.ambition_current = 3
    theme.save()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT


# --- Query counts ---------------------------------------------------------------------------


def add_goals_and_actions(plan):
    def add(n):
        for _ in range(n):
            goal = GoalFactory(plan=plan, specific="Een tekst die ook in de vergelijking staat.")
            ActionFactory(plan=plan, goal=goal, budget=Decimal("100"))

    return add


@pytest.mark.parametrize("approved_before", [False, True])
def test_the_approval_page_takes_the_same_queries_for_few_or_many_rows(
    approved_before, org_a, client_for
):
    plan = plan_in(PlanStatus.APPROVED if approved_before else PlanStatus.DRAFT, org_a)
    path = url(org_a.org, "approval", pk=plan.pk)
    add = add_goals_and_actions(plan)
    assert assert_queries_constant(client_for(org_a.admin), path, add, small=3, large=40) <= 20


def test_the_version_page_takes_the_same_queries_for_few_or_many_rows(org_a, client_for):
    plan = plan_in(PlanStatus.DRAFT, org_a)
    add = add_goals_and_actions(plan)
    add(3)
    approve(org_a, plan)
    add(40)
    approve(org_a, plan)
    assert len(plan.versions.get(number=2).data["sections"][3]["rows"]) > 40
    client = client_for(org_a.viewer)
    client.get(url(org_a.org, "version", pk=plan.pk, number=1))
    few = count_queries(client, url(org_a.org, "version", pk=plan.pk, number=1))
    many = count_queries(client, url(org_a.org, "version", pk=plan.pk, number=2))
    assert few == many <= 10


def test_the_plan_page_takes_the_same_queries_with_a_long_timeline(org_a, client_for):
    plan = plan_in(PlanStatus.DRAFT, org_a)
    client = client_for(org_a.member)
    path = url(org_a.org, "detail", pk=plan.pk)

    def add(n):
        for _ in range(n):
            approval.submit_plan(plan, org_a.member, Role.MEMBER, "Nog een keer")
            approve(org_a, plan)
            approval.content_changed({plan.pk}, org_a.member)
            plan.refresh_from_db()

    assert_queries_constant(client, path, add, small=1, large=6)
    assert PlanTransition.objects.filter(plan=plan).count() == 18


@pytest.mark.parametrize(
    "value, frozen, shown",
    [
        ("98765.4300", "98765.43", "98.765,43"),
        ("80.0000", "80", "80"),
        ("0.5000", "0.5", "0,5"),
        ("1234567.0000", "1234567", "1.234.567"),
    ],
)
def test_numbers_are_frozen_without_trailing_zeros(value, frozen, shown, org_a):
    plan = PlanFactory(organisation=org_a.org)
    GoalFactory(plan=plan, target_value=Decimal(value))
    goal_row = snapshot.build(plan)["sections"][3]["rows"][0]  # plan, mission, themes, goals
    assert goal_row["cells"]["target_value"] == frozen
    assert snapshot.show(frozen, "number") == shown


@pytest.mark.parametrize(
    "status, role, button",
    [
        (PlanStatus.DRAFT, Role.MEMBER, "Naar indienen"),
        (PlanStatus.RETURNED, Role.ADMIN, "Naar indienen"),
        (PlanStatus.DRAFT, Role.MANAGER, "Goedkeuring bekijken"),
        (PlanStatus.SUBMITTED, Role.MANAGER, "Beoordelen"),
        (PlanStatus.SUBMITTED, Role.MEMBER, "Goedkeuring bekijken"),
        (PlanStatus.APPROVED, Role.ADMIN, "Goedkeuring bekijken"),
        (PlanStatus.SUBMITTED, Role.VIEWER, "Goedkeuring bekijken"),
    ],
)
def test_the_plan_page_points_each_person_to_the_approval(status, role, button, org_a, client_for):
    plan = plan_in(status, org_a)
    page = client_for(getattr(org_a, role)).get(url(org_a.org, "detail", pk=plan.pk))
    approval_url = re.escape(url(org_a.org, "approval", pk=plan.pk))
    link = re.search(rf'href="{approval_url}">([^<]+)</a>', page.content.decode())
    assert link[1] == button


def test_a_second_click_on_approve_says_the_plan_is_approved_already(org_a, client_for):
    plan = plan_in(PlanStatus.SUBMITTED, org_a)
    fingerprint = snapshot.fingerprint(snapshot.build(plan))
    client = client_for(org_a.manager)
    path = url(org_a.org, "transition", pk=plan.pk, kind=TransitionKind.APPROVE)
    for _ in range(2):
        response = client.post(path, {"fingerprint": fingerprint}, follow=True)
    assert "Dit plan is al goedgekeurd" in text(response)
    assert plan.versions.count() == 1


def test_a_large_version_shows_the_first_rows_and_each_section_a_page_at_a_time(org_a, client_for):
    from plans.views.approval import SECTION_ROWS_PER_PAGE, SECTION_ROWS_SHOWN

    plan = plan_in(PlanStatus.DRAFT, org_a)
    for i in range(SECTION_ROWS_PER_PAGE + 5):
        ActionFactory(plan=plan, title=f"Actie {i:04}")
    approval.submit_plan(plan, org_a.member, Role.MEMBER)
    approval.approve_plan(plan, org_a.manager, Role.MANAGER)
    client = client_for(org_a.viewer)
    path = url(org_a.org, "version", pk=plan.pk, number=1)
    whole = text(client.get(path))
    assert f"Actie {SECTION_ROWS_SHOWN - 1:04}" in whole
    assert f"Actie {SECTION_ROWS_SHOWN:04}" not in whole
    assert f"Alle {plan.actions.count()} rijen van Acties bekijken" in whole
    first = text(client.get(path, {"deel": "actions"}))
    assert f"Actie {SECTION_ROWS_PER_PAGE - 1:04}" in first and "Terug naar de hele versie" in first
    assert f"Actie {SECTION_ROWS_PER_PAGE:04}" not in first
    last = text(client.get(path, {"deel": "actions", "page": 2}))
    assert f"Actie {SECTION_ROWS_PER_PAGE + 4:04}" in last and "Actie 0000" not in last
    assert client.get(path, {"deel": "bestaat-niet", "page": "x"}).status_code == 200
