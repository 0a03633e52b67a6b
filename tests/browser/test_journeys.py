"""User journeys in a real browser: log in, move around, switch organisation and language,
invite a colleague who joins through the e-mailed link."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from mvo.models import Membership, Role
from tests.factories import MembershipFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_member_logs_in_switches_organisation_and_language(
    page, live_server, org_a, org_b, axe_check, log_in
):
    MembershipFactory(user=org_b.member, organisation=org_a.org, role=Role.VIEWER)
    log_in(page, org_b.member.email)
    # Two organisations: the chooser lists both.
    expect(page.get_by_role("heading", name="Kies een organisatie")).to_be_visible()
    assert axe_check(page) == []
    page.get_by_role("link", name=re.compile("Organisatie B")).click()
    expect(page.get_by_role("heading", name="Organisatie B")).to_be_visible()
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_contain_text("Inkoop (MVOI)")
    assert axe_check(page) == []

    # Switch organisation from the menu.
    page.locator("#org-switch").click()
    page.get_by_role("link", name=re.compile("Organisatie A")).click()
    expect(page.get_by_role("heading", name="Organisatie A")).to_be_visible()

    # The MVOI area, its heading in Dutch.
    page.get_by_role("link", name="Inkoop (MVOI)").click()
    expect(page.get_by_role("heading", name="Inkoop (MVOI)")).to_be_visible()
    assert axe_check(page) == []

    # Switch to English and back to Dutch: the page stays where it was.
    page.get_by_label("Taal").select_option("en")
    page.get_by_role("button", name="Wissel taal").click()
    expect(page.get_by_role("heading", name="Procurement (MVOI)")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_label("Language").select_option("nl")
    page.get_by_role("button", name="Switch language").click()
    expect(page.get_by_role("heading", name="Inkoop (MVOI)")).to_be_visible()


def test_admin_invites_colleague_who_joins(page, browser, live_server, org_a, axe_check, log_in):
    log_in(page, org_a.admin.email)
    page.goto(f"{live_server.url}/o/{org_a.org.slug}/leden/")
    assert axe_check(page) == []
    page.get_by_role("link", name="Iemand uitnodigen").click()
    page.get_by_label("E-mailadres").fill("collega@test.example")
    page.get_by_label("Rol").select_option("manager")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.get_by_text("Uitnodiging verstuurd naar collega@test.example.")).to_be_visible()

    link = re.search(r"http://\S+/uitnodiging/\S+/", mail.outbox[-1].body)[0]
    newcomer = browser.new_context().new_page()
    newcomer.goto(link)
    newcomer.get_by_label("Uw naam").fill("Chris Collega")
    newcomer.locator("#id_password1").fill("Een-sterk-wachtwoord-9")
    newcomer.locator("#id_password2").fill("Een-sterk-wachtwoord-9")
    newcomer.get_by_role("button", name="Account aanmaken en deelnemen").click()
    expect(newcomer.get_by_text("Welkom bij Organisatie A.")).to_be_visible()
    assert Membership.objects.get(user__email="collega@test.example").role == Role.MANAGER

    # Removing someone asks for confirmation first; dismissing keeps them.
    page.goto(f"{live_server.url}/o/{org_a.org.slug}/leden/")
    row = page.get_by_role("row").filter(has_text=org_a.viewer.email)
    page.once("dialog", lambda dialog: dialog.dismiss())
    row.get_by_role("button", name="Verwijderen").click()
    assert Membership.objects.filter(user=org_a.viewer).exists()
    page.once("dialog", lambda dialog: dialog.accept())
    row.get_by_role("button", name="Verwijderen").click()
    expect(page.get_by_text("is geen lid meer")).to_be_visible()
    assert not Membership.objects.filter(user=org_a.viewer).exists()


def test_viewer_sees_no_admin_controls(page, live_server, org_a, log_in):
    log_in(page, org_a.viewer.email)
    page.goto(f"{live_server.url}/o/{org_a.org.slug}/leden/")
    expect(page.get_by_role("heading", name="Leden")).to_be_visible()
    expect(page.get_by_role("link", name="Iemand uitnodigen")).to_have_count(0)
    expect(page.get_by_role("button", name="Verwijderen")).to_have_count(0)
