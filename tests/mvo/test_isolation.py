"""No organisation sees another's data; read-only roles cannot write. Generated from the URLs."""

import re

import pytest

from tests.urls import concrete, org_routes

ROUTES = org_routes()


def test_the_route_list_is_not_empty():
    # Guards the generator itself: if it found nothing, the tests below would prove nothing.
    assert len(ROUTES) >= 12
    assert "o/<slug:org_slug>/" in ROUTES


@pytest.mark.parametrize("route", ROUTES)
def test_member_of_other_organisation_gets_404(route, org_a, org_b, client_for):
    client = client_for(org_b.member)
    path = concrete(route, org_a.org.slug)
    assert client.get(path).status_code == 404
    assert client.post(path, {"name": "x", "role": "admin"}).status_code == 404


@pytest.mark.parametrize("route", ROUTES)
def test_unknown_organisation_gives_the_same_404(route, org_a, org_b, client_for):
    client = client_for(org_b.member)
    foreign = client.get(concrete(route, org_a.org.slug))
    missing = client.get(concrete(route, "bestaat-niet"))
    assert foreign.status_code == missing.status_code == 404
    assert _normalised(foreign.content, "org-a") == _normalised(missing.content, "bestaat-niet")


def _normalised(content, slug):
    """The page minus what differs by design: CSRF tokens and the requested address itself."""
    content = re.sub(rb'(csrfmiddlewaretoken" value="|X-CSRFToken": ")[^"]+', rb"\1", content)
    return content.replace(slug.encode(), b"SLUG")


@pytest.mark.parametrize("route", ROUTES)
def test_viewer_cannot_post(route, org_a, client_for):
    response = client_for(org_a.viewer).post(concrete(route, org_a.org.slug), {"role": "admin"})
    assert response.status_code == 403


@pytest.mark.parametrize("route", ROUTES)
def test_anonymous_is_sent_to_login(route, org_a, client_for):
    path = concrete(route, org_a.org.slug)
    response = client_for(None).get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/inloggen/")


@pytest.mark.parametrize("route", ROUTES)
def test_admin_gets_no_server_error(route, org_a, client_for):
    response = client_for(org_a.admin).get(concrete(route, org_a.org.slug))
    # 403: a grievance's own pages are for grievance handlers only, admins included.
    assert response.status_code in (200, 302, 403, 404, 405)
