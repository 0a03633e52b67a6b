"""In a real browser, on a phone, a tablet and a laptop: the bell in the menu bar, the list of
notifications and opening one; and the box that tells the second of two editors what the
first one changed. No sideways scrolling, nothing axe calls serious."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from mvo.models import MailStatus, Notification
from tests.factories import ActionFactory, PlanFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VIEWPORTS = {
    "phone": {"width": 390, "height": 844},
    "tablet": {"width": 1024, "height": 768},
    "laptop": {"width": 1280, "height": 800},
}
LONG_WORD = "Duurzaamheidsverslaggevingsrichtlijnimplementatietraject"


def no_sideways_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], width


@pytest.mark.parametrize("size", VIEWPORTS)
def test_the_bell_the_list_and_opening_a_notification(
    size, browser, live_server, org_a, log_in, axe_check
):
    plan = PlanFactory(organisation=org_a.org, title=f"MVO-plan {LONG_WORD}")
    target = reverse("plans:detail", args=[org_a.org.slug, plan.pk])
    Notification.objects.bulk_create(
        Notification(
            organisation=org_a.org,
            user=org_a.viewer,
            event=f"browser:{n}",
            title_nl=f"Ter goedkeuring: {plan.title} ({n})",
            title_en=f"For approval: {plan.title} ({n})",
            body_nl=f"Iemand heeft het plan ingediend. {LONG_WORD}",
            url=target,
            mail_status=MailStatus.NONE,
        )
        for n in range(3)
    )
    page = browser.new_context(viewport=VIEWPORTS[size]).new_page()
    log_in(page, org_a.viewer.email)  # a viewer: these are their own notifications
    page.goto(live_server.url + reverse("reports:dashboard", args=[org_a.org.slug]))
    bell = page.get_by_role("link", name="3 ongelezen meldingen")
    expect(bell).to_be_visible()  # also on a phone, outside the folded menu
    page.screenshot(path=f"/tmp/notifications_bell_{size}.png")
    bell.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name="Meldingen")).to_be_visible()
    no_sideways_scroll(page)
    assert axe_check(page) == []
    page.screenshot(path=f"/tmp/notifications_list_{size}.png", full_page=True)

    page.get_by_role("link", name=f"Ter goedkeuring: {plan.title} (0)").click()
    assert page.url == live_server.url + target
    expect(page.get_by_role("link", name="2 ongelezen meldingen")).to_be_visible()
    page.goto(live_server.url + reverse("notifications", args=[org_a.org.slug]))
    page.get_by_role("button", name="Alles als gelezen markeren").click()
    expect(page.get_by_text("Alle meldingen zijn gelezen.")).to_be_visible()
    expect(page.get_by_role("link", name="Meldingen: geen ongelezen")).to_be_visible()
    assert axe_check(page) == []


@pytest.mark.parametrize("size", VIEWPORTS)
def test_the_second_editor_sees_what_the_first_changed(
    size, browser, live_server, org_a, log_in, axe_check
):
    org_a.member.full_name = "Anna de Vries"
    org_a.member.save()
    plan = PlanFactory(organisation=org_a.org, start_year=2025, end_year=2027)
    action = ActionFactory(plan=plan, title="Fietsplan invoeren", description="Kort.")
    path = live_server.url + reverse("plans:action_update", args=[org_a.org.slug, action.pk])
    anna = browser.new_context(viewport=VIEWPORTS[size]).new_page()
    bram = browser.new_context(viewport=VIEWPORTS[size]).new_page()
    log_in(anna, org_a.member.email)
    log_in(bram, org_a.manager.email)
    anna.goto(path)
    bram.goto(path)
    anna.locator("#id_title").fill(f"Fietsplan voor iedereen: {LONG_WORD}")
    anna.get_by_label("Wat houdt het in?").fill("Lang verhaal. " * 40)
    anna.get_by_role("button", name="Opslaan").click()
    expect(anna.get_by_text("De actie is opgeslagen.")).to_be_visible()

    bram.locator("#id_title").fill("Fietsplan met e-bikes")
    bram.get_by_role("button", name="Opslaan").click()
    box = bram.get_by_role("alert").filter(has_text="Intussen gewijzigd door Anna de Vries")
    expect(box).to_be_visible()
    expect(box.get_by_role("heading", level=2)).to_have_text(
        "Intussen gewijzigd door Anna de Vries"
    )
    expect(bram.locator("#id_title")).to_have_value("Fietsplan met e-bikes")
    no_sideways_scroll(bram)
    assert axe_check(bram) == []
    bram.screenshot(path=f"/tmp/conflict_{size}.png", full_page=True)

    bram.get_by_role("button", name="Opslaan").click()  # knowingly, a second time
    expect(bram.get_by_text("De actie is opgeslagen.")).to_be_visible()
    action.refresh_from_db()
    assert action.title == "Fietsplan met e-bikes"
