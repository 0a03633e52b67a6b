"""A working group writes its mission and vision on a phone: draft → reactions → tested →
final (confirmed despite an open reaction) → two versions compared. Every screen fits 390 px
and passes axe."""

import re

import pytest
from playwright.sync_api import expect

from plans.models import MissionVision
from tests.factories import PlanFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
LONG_WORD = "Duurzaamheidsverantwoordelijkheidsketenbeheersingsmaatregelen"


def fits(page):
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], (page.url, width)


def test_mission_and_vision_from_draft_to_final_on_a_phone(
    browser, live_server, org_a, axe_check, log_in
):
    plan = PlanFactory(organisation=org_a.org, title="MVO-plan Lexman")
    page = browser.new_page(viewport=PHONE)
    log_in(page, org_a.member.email)
    page.goto(f"{live_server.url}/o/{org_a.org.slug}/plannen/{plan.pk}/")
    page.get_by_role("link", name="Missie en visie", exact=True).first.click()
    expect(page.get_by_role("heading", name="Missie en visie", exact=True)).to_be_visible()
    fits(page)
    assert axe_check(page) == []

    # A first draft, with an answer to a guiding question.
    page.get_by_text("Missie en visie bewerken").click()
    page.get_by_label("Waar staan wij als bedrijf voor?").fill("Voor vervoer dat de buurt ontziet.")
    page.get_by_label("Missie", exact=True).fill(f"Wij vervoeren goederen veilig. {LONG_WORD}")
    page.get_by_label("Visie", exact=True).fill("In 2030 rijden wij emissievrij.")
    assert axe_check(page) == []
    page.get_by_role("button", name="Opslaan als nieuwe versie").click()
    expect(page.get_by_text("opgeslagen als versie 1")).to_be_visible()
    fits(page)

    # A reaction, then tested.
    page.get_by_label("Van wie").fill("Ondernemingsraad")
    page.get_by_role("textbox", name=re.compile(r"^Reactie")).fill("Noem ook de chauffeurs.")
    page.get_by_role("button", name="Reactie toevoegen").click()
    expect(page.get_by_text("De reactie is toegevoegd.")).to_be_visible()
    page.get_by_role("button", name="Markeer als getoetst").click()
    expect(page.get_by_text("Missie en visie zijn nu getoetst.")).to_be_visible()
    fits(page)
    assert axe_check(page) == []

    # Final while the reaction is still open: Koers asks first.
    page.get_by_role("button", name="Maak definitief").click()
    expect(page.get_by_text("Noem ook de chauffeurs.")).to_be_visible()
    fits(page)
    assert axe_check(page) == []
    page.get_by_role("button", name="Toch definitief maken").click()
    expect(page.get_by_text("Missie en visie zijn nu definitief.")).to_be_visible()
    assert MissionVision.objects.get(plan=plan).stage == "definitief"

    # Versions: compare the draft with the final one.
    page.get_by_role("link", name="Alle versies bekijken en vergelijken").click()
    page.get_by_label("Oude versie").fill("1")
    page.get_by_label("Nieuwe versie").fill("3")
    page.get_by_role("button", name="Vergelijken").click()
    expect(page.get_by_role("heading", name="Versie 1 vergeleken met versie 3")).to_be_visible()
    fits(page)
    assert axe_check(page) == []
    page.get_by_role("link", name=re.compile(r"^Versie 1$")).click()
    expect(page.get_by_text("Voor vervoer dat de buurt ontziet.")).to_be_visible()
    fits(page)
    assert axe_check(page) == []
