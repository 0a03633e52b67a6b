"""Language kept on the account, one order for organisations, switching keeps the section,
the favicon."""

import re

import pytest
from django.core import mail
from django.test import Client

from mvo.models import Organisation, Role, User
from tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_language_choice_is_kept_on_the_account(org_a, client_for):
    client = client_for(org_a.member)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    org_a.member.refresh_from_db()
    assert org_a.member.language == "en"
    # Another browser (no cookie) logs in as the same person: English at once.
    other = Client()
    other.force_login(org_a.member)
    page = other.get(f"/o/{org_a.org.slug}/").content.decode()
    assert '<html lang="en">' in page


def test_an_account_without_a_choice_takes_the_cookie_of_its_browser(org_a):
    client = Client()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})  # before logging in
    client.force_login(org_a.viewer)
    client.get(f"/o/{org_a.org.slug}/")
    org_a.viewer.refresh_from_db()
    assert org_a.viewer.language == "en"
    assert org_a.viewer.preferred_language == "en"


def test_an_account_choice_beats_an_old_cookie(org_a, client_for):
    User.objects.filter(pk=org_a.manager.pk).update(language="nl")
    client = client_for(org_a.manager)
    client.cookies["django_language"] = "en"
    assert '<html lang="nl">' in client.get(f"/o/{org_a.org.slug}/").content.decode()


def test_password_reset_mail_follows_the_language(org_a):
    client = Client()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    client.post("/account/wachtwoord/vergeten/", {"email": org_a.member.email})
    assert len(mail.outbox) == 1
    assert "password" in mail.outbox[0].body.lower()


def test_an_unknown_language_is_refused_and_nothing_is_stored(org_a, client_for):
    client = client_for(org_a.member)
    client.post("/i18n/setlang/", {"language": "xx", "next": "/"})
    org_a.member.refresh_from_db()
    assert org_a.member.language == ""


def _menu_names(page):
    menu = page.split('aria-labelledby="org-switch"', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'class="dropdown-item[^"]*" href="[^"]*">([^<]+?) <span', menu)


def test_chooser_and_menu_list_organisations_in_the_same_order(user_factory, client_for):
    user = user_factory()
    for name in ("zeeland BV", "Alfa", "beta", "Gemeente Delta"):
        MembershipFactory(user=user, organisation=OrganisationFactory(name=name))
    client = client_for(user)
    chooser = client.get("/").content.decode()
    expected = ["Alfa", "beta", "Gemeente Delta", "zeeland BV"]
    positions = [chooser.index(name) for name in expected]
    assert positions == sorted(positions)
    org = Organisation.objects.get(name="Alfa")
    assert _menu_names(client.get(f"/o/{org.slug}/").content.decode()) == expected


@pytest.mark.parametrize(
    ("here", "there"),
    [
        ("kpis/", "kpis/"),
        ("kpis/kwartaal/", "kpis/"),
        ("themas/", "themas/"),
        ("stakeholders/werkgroep/", "stakeholders/"),
        ("leden/", "leden/"),
        ("", ""),
    ],
)
def test_switching_organisation_keeps_the_section(here, there, org_a, org_b, client_for):
    MembershipFactory(user=org_b.member, organisation=org_a.org, role=Role.MEMBER)
    page = client_for(org_b.member).get(f"/o/{org_b.org.slug}/{here}").content.decode()
    assert f'href="/o/{org_a.org.slug}/{there}"' in page


def test_favicon(client_for):
    response = Client().get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("favicon.svg")
    page = Client().get("/account/inloggen/").content.decode()
    assert 'rel="icon"' in page
