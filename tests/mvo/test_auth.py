"""Login by e-mail, throttling of repeated failures, logout, password change and reset."""

import re

import pytest
from django.core import mail
from django.test import Client

from tests.factories import PASSWORD

LOGIN = "/account/inloggen/"


def _login(client, email, password):
    return client.post(LOGIN, {"username": email, "password": password})


def test_login_with_email_in_any_case(org_a):
    client = Client()
    response = _login(client, org_a.member.email.upper(), PASSWORD)
    assert response.status_code == 302
    assert client.get("/", follow=True).request["PATH_INFO"] == f"/o/{org_a.org.slug}/"


def test_wrong_password_gives_dutch_message(org_a):
    response = _login(Client(), org_a.member.email, "fout")
    assert response.status_code == 200
    assert "Dit e-mailadres en wachtwoord horen niet bij elkaar" in response.content.decode()


def test_repeated_failures_are_throttled(org_a, settings):
    settings.AXES_FAILURE_LIMIT = 3
    client = Client()
    # Changing the case of the address does not dodge the count.
    assert _login(client, org_a.member.email, "fout").status_code == 200
    assert _login(client, org_a.member.email.upper(), "fout").status_code == 200
    assert _login(client, org_a.member.email, "fout").status_code == 429  # the third failure
    locked = _login(client, org_a.member.email, PASSWORD)  # even the right password now waits
    assert locked.status_code == 429
    assert "Te veel mislukte pogingen" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # Another account from the same address is not locked out.
    assert _login(Client(), org_a.viewer.email, PASSWORD).status_code == 302


def test_logout_needs_post_and_ends_session(org_a, client_for):
    client = client_for(org_a.member)
    assert client.post("/account/uitloggen/").status_code == 302
    assert client.get(f"/o/{org_a.org.slug}/").status_code == 302  # back to login


def test_password_change(org_a, client_for):
    client = client_for(org_a.member)
    response = client.post(
        "/account/wachtwoord/wijzigen/",
        {
            "old_password": PASSWORD,
            "new_password1": "Nieuw-wachtwoord-77",
            "new_password2": "Nieuw-wachtwoord-77",
        },
    )
    assert response.status_code == 302
    assert _login(Client(), org_a.member.email, "Nieuw-wachtwoord-77").status_code == 302


def test_password_reset_by_mail(org_a):
    client = Client()
    assert (
        client.post("/account/wachtwoord/vergeten/", {"email": org_a.member.email}).status_code
        == 302
    )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Nieuw wachtwoord voor Koers"
    link = re.search(r"http://testserver(/account/wachtwoord/nieuw/\S+/)", mail.outbox[0].body)[1]
    form = client.get(link, follow=True)
    assert form.status_code == 200
    done = client.post(
        form.request["PATH_INFO"],
        {"new_password1": "Weer-nieuw-88", "new_password2": "Weer-nieuw-88"},
    )
    assert done.status_code == 302
    assert _login(Client(), org_a.member.email, "Weer-nieuw-88").status_code == 302


def test_password_reset_for_unknown_address_reveals_nothing(db):
    response = Client().post("/account/wachtwoord/vergeten/", {"email": "niemand@test.example"})
    assert response.status_code == 302
    assert not mail.outbox


@pytest.mark.parametrize("path", ["/", "/o/org-a/", "/o/org-a/leden/"])
def test_anonymous_must_log_in(path, org_a):
    response = Client().get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
