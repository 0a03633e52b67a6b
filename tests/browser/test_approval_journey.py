"""Approval in a real browser: a member submits the plan, a manager (in a browser of their own)
reviews it and approves it as version 1; the member then edits a goal, the plan is a concept
again and its approval page shows what changed since version 1. axe finds nothing wrong."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from plans.models import PlanStatus
from tests.factories import ActionFactory, GoalFactory, PlanFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_member_submits_a_manager_approves_and_an_edit_reopens_the_plan(
    page, browser, live_server, org_a, axe_check, log_in
):
    plan = PlanFactory(organisation=org_a.org, title="MVO-plan Lexman")
    goal = GoalFactory(
        plan=plan,
        title="Minder uitstoot per rit",
        target_value=None,
        specific="Van 104 naar 92 kg CO2 per 100 km.",
    )
    ActionFactory(plan=plan, title="Chauffeurs trainen in zuinig rijden", budget=Decimal("2500"))
    base = f"{live_server.url}/o/{org_a.org.slug}/plannen/{plan.pk}"

    # The member finds the approval page from the plan and submits with a note.
    log_in(page, org_a.member.email)
    page.goto(f"{base}/")
    expect(page.locator("h1")).to_have_text("MVO-plan Lexman")
    page.get_by_role("link", name="Naar indienen").click()
    expect(page.get_by_role("heading", name="Het plan zoals het nu is")).to_be_visible()
    assert axe_check(page) == []
    page.get_by_label("Toelichting voor de manager (niet verplicht)").fill(
        "Klaar voor jullie oordeel."
    )
    page.get_by_role("button", name="Plan indienen").click()
    expect(page.get_by_text("Het plan is ingediend.")).to_be_visible()
    expect(page.locator(".approval-status .badge")).to_have_text("Ingediend")
    assert axe_check(page) == []

    # The manager, logged in elsewhere, reviews the whole plan and approves it.
    manager = browser.new_context().new_page()
    log_in(manager, org_a.manager.email)
    manager.goto(f"{base}/")
    manager.get_by_role("link", name="Beoordelen").click()
    expect(manager.get_by_text("Minder uitstoot per rit").first).to_be_visible()
    expect(manager.get_by_text("Chauffeurs trainen in zuinig rijden").first).to_be_visible()
    expect(manager.get_by_text("Klaar voor jullie oordeel.")).to_be_visible()
    assert axe_check(manager) == []
    manager.get_by_label("Toelichting bij de goedkeuring (niet verplicht)").fill("Akkoord.")
    manager.get_by_role("button", name="Plan goedkeuren").click()
    expect(
        manager.get_by_text("Het plan is goedgekeurd en vastgesteld als versie 1.")
    ).to_be_visible()
    expect(manager.locator(".approval-status .badge")).to_have_text("Goedgekeurd")
    assert axe_check(manager) == []

    # Version 1 opens as it was approved.
    manager.get_by_role("link", name="Versie 1").first.click()
    expect(manager.locator("h1")).to_have_text("Vastgesteld plan, versie 1")
    expect(manager.get_by_text("Akkoord.").first).to_be_visible()
    expect(manager.get_by_role("cell", name="€ 2.500,00")).to_be_visible()
    assert axe_check(manager) == []

    # The member edits the goal: the plan is a concept again, with the change in view.
    page.goto(f"{live_server.url}/o/{org_a.org.slug}/plannen/doelen/{goal.pk}/bewerken/")
    page.locator("#id_title").fill("Veel minder uitstoot per rit")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Veel minder uitstoot per rit").first).to_be_visible()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT
    page.goto(f"{base}/goedkeuring/")
    expect(page.locator(".approval-status .badge")).to_have_text("Concept")
    expect(page.get_by_role("heading", name="Wijzigingen sinds versie 1")).to_be_visible()
    change = page.locator(".change-changed").filter(has_text="Veel minder uitstoot per rit")
    expect(change.locator("del")).to_have_text(re.compile("Minder uitstoot per rit"))
    expect(change.locator("ins")).to_have_text(re.compile("Veel minder uitstoot per rit"))
    expect(page.get_by_text("Gewijzigd, weer concept")).to_be_visible()
    assert axe_check(page) == []

    # The version the manager approved did not change.
    manager.reload()
    expect(manager.get_by_role("rowheader", name="Minder uitstoot per rit")).to_be_visible()
    assert manager.get_by_text("Veel minder uitstoot per rit").count() == 0
