"""An outsider files a complaint on a phone, keeps the receipt code and checks the status; a
grievance handler logs in and finds it in the register."""

import re

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from duediligence.models import Grievance, GrievanceMechanism
from mvo.models import Role
from tests.factories import MembershipFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
STORY = "Wij werken 70 uur per week en het loon komt te laat. <b>Niet vet</b>"
WIDER_THAN_SCREEN = "document.documentElement.scrollWidth > window.innerWidth"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_a_complaint_from_the_public_form_reaches_the_handler(
    browser, live_server, org_a, axe_check, log_in
):
    GrievanceMechanism.objects.create(
        organisation=org_a.org,
        response_days=14,
        procedure_nl="Een onafhankelijke vertrouwenspersoon beoordeelt elke melding.",
        procedure_en="An independent counsellor reviews every complaint.",
    )
    handler = MembershipFactory(
        organisation=org_a.org,
        role=Role.MEMBER,
        handles_grievances=True,
        user__email="klachten@a.example",
    ).user
    visitor = browser.new_context(viewport=PHONE).new_page()

    # The form, in English first, then back to Dutch; nothing of the app around it.
    visitor.goto(f"{live_server.url}/meld/{org_a.org.slug}/?lang=en")
    expect(visitor.locator("html")).to_have_attribute("lang", "en")
    expect(
        visitor.get_by_text("An independent counsellor reviews every complaint.")
    ).to_be_visible()
    visitor.get_by_role("link", name="Nederlands").click()
    expect(visitor.get_by_role("heading", name="Een klacht melden")).to_be_visible()
    expect(visitor.get_by_text("Organisatie A", exact=True)).to_be_visible()
    assert visitor.locator("nav.navbar").count() == 0
    assert visitor.evaluate(WIDER_THAN_SCREEN) is False
    assert axe_check(visitor) == []

    # Forgetting the consent: a message at the field, nothing stored.
    visitor.get_by_label("Wat is er gebeurd?").fill(STORY)
    visitor.get_by_label("Wie bent u?").select_option("ketenwerker")
    visitor.get_by_role("button", name="Melding versturen").click()
    expect(visitor.get_by_text("Vink aan dat u dit begrijpt").first).to_be_visible()
    assert not Grievance.objects.exists()
    visitor.screenshot(path="/tmp/grievance_form_errors.png", full_page=True)

    # By keyboard: tick the consent with the space bar and send.
    visitor.get_by_label("Wat is er gebeurd?").fill(STORY)
    visitor.get_by_label(re.compile("Ik begrijp dat mijn melding")).focus()
    visitor.keyboard.press("Space")
    visitor.get_by_role("button", name="Melding versturen").focus()
    visitor.keyboard.press("Enter")
    expect(
        visitor.get_by_role("heading", name=re.compile("uw melding is ontvangen"))
    ).to_be_visible()
    code = visitor.locator("#ontvangstcode").inner_text().strip()
    assert re.fullmatch(r"[A-Z2-9]{4}(-[A-Z2-9]{4}){3}", code)
    assert code not in visitor.url
    visitor.screenshot(path="/tmp/grievance_thanks.png", full_page=True)
    assert visitor.evaluate(WIDER_THAN_SCREEN) is False
    assert axe_check(visitor) == []
    stored = Grievance.objects.get()
    assert stored.channel == "formulier" and stored.anonymous

    # Checking the status with the code, typed in lower case.
    visitor.get_by_role("link", name="Naar de statuspagina").click()
    visitor.get_by_label("Uw ontvangstcode").fill(code.lower())
    visitor.get_by_role("button", name="Opzoeken").click()
    expect(visitor.get_by_text("Ontvangen", exact=True)).to_be_visible()
    expect(visitor.get_by_text("70 uur per week")).to_have_count(0)  # never the description
    assert visitor.evaluate(WIDER_THAN_SCREEN) is False
    assert axe_check(visitor) == []
    visitor.get_by_label("Uw ontvangstcode").fill("AAAA-BBBB-CCCC-DDDD")
    visitor.get_by_role("button", name="Opzoeken").click()
    expect(visitor.get_by_role("heading", name="Niet gevonden")).to_be_visible()

    # The handler logs in (on a phone too) and finds it, the markup shown as text.
    staff = browser.new_context(viewport=PHONE).new_page()
    log_in(staff, handler.email)
    staff.goto(f"{live_server.url}/o/{org_a.org.slug}/due-diligence/klachten/")
    row = staff.get_by_role("row").filter(has_text="70 uur per week")
    expect(row).to_contain_text("Openbaar meldformulier")
    assert staff.evaluate(WIDER_THAN_SCREEN) is False
    assert axe_check(staff) == []
    staff.screenshot(path="/tmp/grievance_register.png", full_page=True)
    row.get_by_role("link").click()
    expect(staff.get_by_text("<b>Niet vet</b>")).to_be_visible()
    assert staff.locator("main b", has_text="Niet vet").count() == 0
    staff.screenshot(path="/tmp/grievance_detail.png", full_page=True)
    assert staff.evaluate(WIDER_THAN_SCREEN) is False
    assert axe_check(staff) == []

    # Taking it in hand: the complainant sees the new status and the message.
    staff.get_by_role("link", name="Afhandelen").click()
    staff.get_by_label("Status").select_option("in_behandeling")
    staff.get_by_label("Bericht voor de melder").fill("We spreken de leverancier deze week.")
    staff.get_by_role("button", name="Opslaan").click()
    expect(staff.get_by_text("De afhandeling is opgeslagen.")).to_be_visible()
    assert staff.evaluate(WIDER_THAN_SCREEN) is False
    staff.goto(f"{live_server.url}/o/{org_a.org.slug}/due-diligence/klachten/mechanisme/")
    staff.screenshot(path="/tmp/grievance_mechanism.png", full_page=True)
    assert staff.evaluate(WIDER_THAN_SCREEN) is False
    assert axe_check(staff) == []

    visitor.get_by_label("Uw ontvangstcode").fill(code)
    visitor.get_by_role("button", name="Opzoeken").click()
    expect(visitor.get_by_text("In behandeling", exact=True)).to_be_visible()
    expect(visitor.get_by_text("We spreken de leverancier deze week.")).to_be_visible()
