"""Invitation flow: an admin invites by e-mail; the signed link expires and works once."""

import re
import time
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from mvo.models import Invitation, Membership, Role


@pytest.fixture
def invite(django_capture_on_commit_callbacks):
    """Post the invite form as an admin; the e-mail goes out when the transaction commits."""

    def post(client, org, email="nieuw@test.example", role=Role.MEMBER):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                f"/o/{org.slug}/leden/uitnodigen/",
                {"email": email, "role": role, "department": "HR"},
            )
        assert response.status_code == 302, response.content
        return response

    return post


def _link_from_outbox():
    assert mail.outbox, "no invitation e-mail was sent"
    match = re.search(r"https?://[^\s]+/uitnodiging/[^\s/]+/", mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(0).split("testserver", 1)[1]


def test_admin_invites_and_newcomer_signs_up(org_a, client_for, invite):
    invite(client_for(org_a.admin), org_a.org, "Nieuw@Test.example", Role.MANAGER)
    assert mail.outbox[0].to == ["nieuw@test.example"]
    assert "Organisatie A" in mail.outbox[0].subject
    link = _link_from_outbox()

    visitor = client_for(None)
    page = visitor.get(link)
    assert page.status_code == 200
    assert "Account aanmaken" in page.content.decode()
    response = visitor.post(
        link,
        {"full_name": "Nina Nieuw", "password1": "Zeer-geheim-42", "password2": "Zeer-geheim-42"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/o/{org_a.org.slug}/"
    membership = Membership.objects.get(user__email="nieuw@test.example")
    assert (membership.organisation, membership.role, membership.department) == (
        org_a.org,
        Role.MANAGER,
        "HR",
    )
    assert visitor.get(response["Location"]).status_code == 200  # logged in at once
    assert Invitation.objects.get().accepted_by == membership.user


def test_signup_with_bad_passwords_saves_nothing(org_a, client_for, invite):
    invite(client_for(org_a.admin), org_a.org)
    link = _link_from_outbox()
    response = client_for(None).post(
        link, {"full_name": "Nina", "password1": "Zeer-geheim-42", "password2": "anders-42-XX"}
    )
    assert response.status_code == 200
    assert "De twee wachtwoorden zijn niet gelijk." in response.content.decode()
    short = client_for(None).post(
        link, {"full_name": "Nina", "password1": "kort", "password2": "kort"}
    )
    assert short.status_code == 200
    assert "errorlist" in short.content.decode() or "invalid-feedback" in short.content.decode()
    assert not get_user_model().objects.filter(email="nieuw@test.example").exists()
    assert Invitation.objects.get().accepted_at is None


def test_existing_user_logs_in_and_accepts(org_a, org_b, client_for, invite):
    invite(client_for(org_a.admin), org_a.org, org_b.member.email, Role.VIEWER)
    link = _link_from_outbox()
    anonymous = client_for(None).get(link)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/account/inloggen/")

    client = client_for(org_b.member)
    assert client.get(link).status_code == 200
    assert client.post(link).status_code == 302
    assert Membership.objects.get(user=org_b.member, organisation=org_a.org).role == Role.VIEWER


def test_link_works_only_once(org_a, org_b, client_for, invite):
    invite(client_for(org_a.admin), org_a.org, org_b.member.email)
    link = _link_from_outbox()
    client = client_for(org_b.member)
    assert client.post(link).status_code == 302
    again = client.post(link)
    assert again.status_code == 410
    assert "al gebruikt" in again.content.decode()
    assert Membership.objects.filter(user=org_b.member, organisation=org_a.org).count() == 1


def test_expired_link_is_refused(org_a, org_b, client_for, settings, invite):
    settings.INVITATION_MAX_AGE_DAYS = 7
    invite(client_for(org_a.admin), org_a.org, org_b.member.email)
    link = _link_from_outbox()
    with mock.patch("django.core.signing.time.time", return_value=time.time() + 8 * 86400):
        response = client_for(org_b.member).post(link)
    assert response.status_code == 410
    assert "verlopen" in response.content.decode()
    assert not Membership.objects.filter(user=org_b.member, organisation=org_a.org).exists()


def test_tampered_link_is_refused(org_a, client_for, invite):
    invite(client_for(org_a.admin), org_a.org)
    link = _link_from_outbox()
    response = client_for(None).get(link[:-3] + "xx/")
    assert response.status_code == 404
    assert "klopt niet" in response.content.decode()


def test_wrong_user_cannot_accept(org_a, org_b, client_for, invite):
    invite(client_for(org_a.admin), org_a.org, "iemand.anders@test.example")
    link = _link_from_outbox()
    # Someone else with an account is logged in: page explains, POST is refused.
    get_user_model().objects.create_user("iemand.anders@test.example", "x")
    client = client_for(org_b.member)
    page = client.get(link)
    assert page.status_code == 403
    assert "ander e-mailadres" in page.content.decode()
    assert client.post(link).status_code == 403
    assert not Membership.objects.filter(organisation=org_a.org, user=org_b.member).exists()
    assert Invitation.objects.get().accepted_at is None


def test_revoked_link_is_refused(org_a, client_for, invite):
    admin = client_for(org_a.admin)
    invite(admin, org_a.org)
    link = _link_from_outbox()
    invitation = Invitation.objects.get()
    assert (
        admin.post(f"/o/{org_a.org.slug}/uitnodigingen/{invitation.pk}/intrekken/").status_code
        == 302
    )
    assert client_for(None).get(link).status_code == 410


def test_reinviting_replaces_open_invitation(org_a, client_for, invite):
    admin = client_for(org_a.admin)
    invite(admin, org_a.org)
    invite(admin, org_a.org)
    assert Invitation.objects.open().count() == 1


@pytest.mark.parametrize("role", ["manager", "member", "viewer"])
def test_only_admins_invite(role, org_a, client_for):
    client = client_for(getattr(org_a, role))
    assert client.get(f"/o/{org_a.org.slug}/leden/uitnodigen/").status_code == 403
    response = client.post(
        f"/o/{org_a.org.slug}/leden/uitnodigen/", {"email": "x@test.example", "role": "admin"}
    )
    assert response.status_code == 403
    assert not Invitation.objects.exists()
    assert not mail.outbox


def test_invite_form_messages_in_dutch(org_a, client_for):
    client = client_for(org_a.admin)
    bad = client.post(
        f"/o/{org_a.org.slug}/leden/uitnodigen/", {"email": "geen-adres", "role": "baas"}
    )
    text = bad.content.decode()
    assert bad.status_code == 200
    assert "Voer een geldig e-mailadres in." in text
    assert "Selecteer een geldige keuze" in text
    existing = client.post(
        f"/o/{org_a.org.slug}/leden/uitnodigen/",
        {"email": org_a.member.email.upper(), "role": "member"},
    )
    assert "al lid van de organisatie" in existing.content.decode()
    assert not Invitation.objects.exists()


def _logout_form(page):
    """The log-out form on the page and the address it sends the visitor back to."""
    html = page.content.decode()
    forms = re.findall(r'<form method="post" action="/account/uitloggen/".*?</form>', html, re.S)
    found = [re.search(r'name="next" value="([^"]+)"', form) for form in forms]
    found = [match.group(1) for match in found if match]
    assert len(found) == 1, forms  # the navbar's own log-out button has no way back
    return found[0]


def test_logged_in_as_someone_else_is_asked_to_log_out_before_signing_up(
    org_a, org_b, client_for, invite
):
    """An invitation for an address without an account, opened while logged in as another
    person: no sign-up form that would quietly switch accounts, but a log-out button."""
    invite(client_for(org_a.admin), org_a.org, "nog.geen.account@test.example")
    link = _link_from_outbox()
    client = client_for(org_b.member)
    page = client.get(link)
    assert page.status_code == 403
    text = page.content.decode()
    assert "nog.geen.account@test.example" in text and org_b.member.email in text
    assert "ander e-mailadres" in text
    assert "Account aanmaken" not in text
    assert _logout_form(page) == link

    signup = {"full_name": "X", "password1": "Zeer-geheim-42", "password2": "Zeer-geheim-42"}
    assert client.post(link, signup).status_code == 403
    assert not get_user_model().objects.filter(email="nog.geen.account@test.example").exists()
    assert client.session["_auth_user_id"] == str(org_b.member.pk)  # still the same person
    assert Invitation.objects.get().accepted_at is None

    logged_out = client.post("/account/uitloggen/", {"next": link})
    assert logged_out.status_code == 302 and logged_out["Location"] == link
    assert "_auth_user_id" not in client.session
    assert "Account aanmaken" in client.get(link).content.decode()


def test_logged_in_as_someone_else_logs_out_then_logs_in_as_the_invitee(
    org_a, org_b, client_for, invite
):
    invite(client_for(org_a.admin), org_a.org, org_a.viewer.email.replace("@a.", "@c."))
    invitee = get_user_model().objects.create_user(
        org_a.viewer.email.replace("@a.", "@c."), "Zeer-geheim-42"
    )
    link = _link_from_outbox()
    client = client_for(org_b.member)
    page = client.get(link)
    assert page.status_code == 403
    logged_out = client.post("/account/uitloggen/", {"next": _logout_form(page)})
    assert logged_out["Location"] == link
    to_login = client.get(link)
    assert to_login.status_code == 302
    assert to_login["Location"] == f"/account/inloggen/?next={link}"
    client.force_login(invitee)
    assert client.post(link).status_code == 302
    assert Membership.objects.filter(user=invitee, organisation=org_a.org).exists()
    assert not Membership.objects.filter(user=org_b.member, organisation=org_a.org).exists()
