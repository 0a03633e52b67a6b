"""A working group runs an MVO STEPS plan in a real browser: plan → step → goal → action →
quarter board (by keyboard and by drag and drop) → the action list."""

import os
import re
from datetime import date
from pathlib import Path

import pytest
from django.urls import NoReverseMatch, reverse
from playwright.sync_api import expect

from plans.models import Action, Goal, Plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

YEAR = date.today().year
SCREENSHOTS = Path(os.environ.get("KOERS_SCREENSHOTS", "/tmp/koers-screenshots"))


def goals_screen_exists(org_slug):
    try:
        reverse("plans:goal_create", kwargs={"org_slug": org_slug, "pk": 1})
    except NoReverseMatch:
        return False
    return True


def card_in(page, column_label, title):
    column = page.locator("section.board-column").filter(
        has=page.get_by_role("heading", name=re.compile(f"^{column_label}"))
    )
    return column.locator(".board-card").filter(has_text=title)


def test_plan_step_goal_action_and_board(page, live_server, org_a, axe_check, log_in):
    base = f"{live_server.url}/o/{org_a.org.slug}/plannen"
    log_in(page, org_a.member.email)

    # A new MVO STEPS plan.
    page.goto(f"{base}/")
    assert axe_check(page) == []
    page.get_by_role("link", name="Nieuw plan").click()
    page.get_by_label("Titel").fill("MVO-plan Lexman")
    page.get_by_label("Methode").select_option("mvo_steps")
    page.get_by_label("Eerste jaar").fill(str(YEAR))
    page.get_by_label("Laatste jaar").fill(str(YEAR + 1))
    assert axe_check(page) == []
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", name="MVO-plan Lexman")).to_be_visible()
    assert axe_check(page) == []
    plan = Plan.objects.get()

    # Step 1.1: an answer, and the step is under way.
    page.get_by_role("link", name=re.compile(r"^1\.1 ")).click()
    page.locator("textarea[name=answer_0]").fill("Transport raakt de buurt: geluid en uitstoot.")
    page.get_by_label("Status").select_option("bezig")
    assert axe_check(page) == []
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De stap is opgeslagen.")).to_be_visible()
    step = page.locator("li.list-group-item").filter(has_text="1.1 ")
    expect(step.locator(".badge")).to_have_text("Bezig")

    # A general goal (the goals screens belong to another part of the work).
    if goals_screen_exists(org_a.org.slug):
        page.goto(f"{base}/{plan.pk}/doelen/nieuw/")
        page.get_by_label("Algemeen MVO-doel").check()
        page.locator("#id_title").fill("Minder uitstoot per rit")
        assert axe_check(page) == []
        page.get_by_role("button", name="Opslaan").click()
        expect(page.get_by_text("Minder uitstoot per rit").first).to_be_visible()
        assert Goal.objects.filter(plan=plan).count() == 1

    # An action, from the plan page, planned in K1.
    page.goto(f"{base}/{plan.pk}/")
    page.get_by_role("link", name="Actie toevoegen").click()
    expect(page.locator("#id_plan")).to_have_value(str(plan.pk))
    page.locator("#id_title").fill("Chauffeurs trainen in zuinig rijden")
    if Goal.objects.filter(plan=plan).exists():
        page.locator("#id_goal").select_option(label="Minder uitstoot per rit (MVO-plan Lexman)")
    page.get_by_label("Gepland jaar").fill(str(YEAR))
    page.get_by_label("Gepland kwartaal").select_option("1")
    page.get_by_label("Budget (€)").fill("2.500")
    assert axe_check(page) == []
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De actie is toegevoegd.")).to_be_visible()
    assert axe_check(page) == []
    action = Action.objects.get()
    assert action.budget == 2500 and action.planned_period == YEAR * 10 + 1

    # The quarter board: "later →" by keyboard moves the card one quarter on, keeps the focus.
    page.get_by_role("link", name="Kwartaalbord").click()
    expect(card_in(page, f"K1 {YEAR}", "Chauffeurs")).to_be_visible()
    assert axe_check(page) == []
    page.evaluate("window.__sameDocument = true")
    card_in(page, f"K1 {YEAR}", "Chauffeurs").get_by_role(
        "button", name=re.compile("^later")
    ).focus()
    page.keyboard.press("Enter")
    expect(card_in(page, f"K2 {YEAR}", "Chauffeurs")).to_be_visible()
    expect(
        page.get_by_text(f"‘Chauffeurs trainen in zuinig rijden’ staat nu bij K2 {YEAR}.")
    ).to_be_visible()
    assert page.evaluate("window.__sameDocument") is True  # htmx, no full page load
    focused = page.evaluate("document.activeElement.closest('.board-card')?.id")
    assert focused == f"card-{action.pk}"
    page.keyboard.press("Enter")  # the focus stayed on "later": one more quarter
    expect(card_in(page, f"K3 {YEAR}", "Chauffeurs")).to_be_visible()
    action.refresh_from_db()
    assert (action.planned_year, action.planned_quarter, action.version) == (YEAR, 3, 3)

    # Drag and drop, two columns back (a column off screen needs the board scrolled first).
    page.drag_and_drop(f"#card-{action.pk}", f"section[aria-labelledby='column-{YEAR}1']")
    expect(card_in(page, f"K1 {YEAR}", "Chauffeurs")).to_be_visible()
    action.refresh_from_db()
    assert (action.planned_year, action.planned_quarter) == (YEAR, 1)
    assert axe_check(page) == []

    # Screenshots of the board, wide and on a phone: the page never scrolls sideways.
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "board-1280.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(SCREENSHOTS / "board-390.png"), full_page=True)
    assert axe_check(page) == []

    # The action list: mine, with the move visible.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{base}/")
    page.get_by_role("link", name="Mijn acties").click()
    expect(page.get_by_role("checkbox", name="Mijn acties")).to_be_checked()
    row = page.get_by_role("row").filter(has_text="Chauffeurs trainen")
    expect(row).to_contain_text(f"K1 {YEAR}")
    assert axe_check(page) == []
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(SCREENSHOTS / "actions-390.png"), full_page=True)
