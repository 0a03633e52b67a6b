"""The UI shell: Dutch by default, English on request, navigation, honest empty areas."""

import pytest
from django.test import Client

from mvo.context_processors import AREAS
from mvo.models import Role
from tests.factories import MembershipFactory


def test_dutch_is_the_default(org_a, client_for):
    page = client_for(org_a.member).get(f"/o/{org_a.org.slug}/").content.decode()
    assert '<html lang="nl">' in page
    assert "Leden en rollen" in page


def test_language_switch_to_english_and_back(org_a, client_for):
    client = client_for(org_a.member)
    path = f"/o/{org_a.org.slug}/"
    response = client.post("/i18n/setlang/", {"language": "en", "next": path})
    assert response.status_code == 302 and response["Location"] == path
    page = client.get(path).content.decode()
    assert '<html lang="en">' in page
    assert "Members and roles" in page
    assert "Plans" in page and "Procurement (MVOI)" in page
    client.post("/i18n/setlang/", {"language": "nl", "next": path})
    assert "Leden en rollen" in client.get(path).content.decode()


def test_language_switch_ignores_foreign_next(org_a, client_for):
    response = client_for(org_a.member).post(
        "/i18n/setlang/", {"language": "en", "next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


def test_navigation_covers_all_areas(org_a, client_for):
    page = client_for(org_a.viewer).get(f"/o/{org_a.org.slug}/").content.decode()
    for label in [
        "Dashboard",
        "Plannen",
        "Thema&#x27;s",
        "KPI&#x27;s",
        "Stakeholders",
        "Due diligence",
        "Inkoop (MVOI)",
        "Rapportages",
    ]:
        assert label in page
    assert len(AREAS) == 8


def test_user_with_two_organisations_switches(org_a, org_b, client_for):
    MembershipFactory(user=org_b.member, organisation=org_a.org, role=Role.VIEWER)
    client = client_for(org_b.member)
    chooser = client.get("/")
    assert chooser.status_code == 200
    assert (
        "Organisatie A" in chooser.content.decode() and "Organisatie B" in chooser.content.decode()
    )
    client.get(f"/o/{org_a.org.slug}/")
    assert client.get("/")["Location"] == f"/o/{org_a.org.slug}/"  # remembers the last one
    page = client.get(f"/o/{org_b.org.slug}/").content.decode()
    assert f'href="/o/{org_a.org.slug}/"' in page  # the switcher links to the other one


def test_user_without_organisation_is_told(user_factory, client_for):
    page = client_for(user_factory()).get("/").content.decode()
    assert "nog geen lid van een organisatie" in page


def test_styled_404_and_403(org_a, client_for):
    missing = client_for(org_a.member).get("/bestaat/niet/")
    assert missing.status_code == 404
    assert "Deze pagina bestaat niet" in missing.content.decode()
    forbidden = client_for(org_a.member).get(f"/o/{org_a.org.slug}/leden/uitnodigen/")
    assert forbidden.status_code == 403
    assert "Geen toegang" in forbidden.content.decode()


def test_styled_500(org_a, settings):
    from django.urls import path as url_path

    def broken(request):
        raise RuntimeError("kapot")

    settings.ROOT_URLCONF = type("urls", (), {"urlpatterns": [url_path("kapot/", broken)]})
    client = Client(raise_request_exception=False)
    response = client.get("/kapot/")
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()


def test_static_assets_are_vendored():
    from django.contrib.staticfiles import finders

    for asset in [
        "vendor/bootstrap/bootstrap.min.css",
        "vendor/bootstrap/bootstrap.bundle.min.js",
        "vendor/htmx/htmx.min.js",
    ]:
        assert finders.find(asset), asset


def test_htmx_request_is_recognised(org_a, client_for):
    # django-htmx is active: request.htmx is set for every request (used by list partials).
    response = client_for(org_a.member).get(f"/o/{org_a.org.slug}/", HTTP_HX_REQUEST="true")
    assert response.wsgi_request.htmx


def test_browser_language_does_not_override_dutch(org_a, client_for):
    page = client_for(org_a.member).get(f"/o/{org_a.org.slug}/", HTTP_ACCEPT_LANGUAGE="en-US,en")
    assert '<html lang="nl">' in page.content.decode()


@pytest.mark.parametrize("path", ["themas/nieuw/", "kpis/nieuw/", "stakeholders/nieuw/"])
def test_page_titles_follow_the_language(path, org_a, client_for):
    client = client_for(org_a.member)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get(f"/o/{org_a.org.slug}/{path}").content.decode()
    assert "toevoegen" not in page.split("<main", 1)[1].split("</h1>", 1)[0]
