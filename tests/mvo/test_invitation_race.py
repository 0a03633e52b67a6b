"""One invitation link used several times at the same moment (a double click, two tabs, a
mail client that opens links twice): exactly one account and membership, a clear "already
used" page for the others, never a server error.

Real threads against the real database: the SQLite test file, or PostgreSQL where
DATABASE_URL points at it.
"""

import threading
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from mvo import services
from mvo.models import Invitation, Membership, Role
from tests.threads import at_once, client

ATTEMPTS = 4
pytestmark = pytest.mark.django_db(transaction=True)


def _invitation(org_a, email):
    invitation = services.invite_member(org_a.org, email, Role.MEMBER, invited_by=org_a.admin)
    return invitation, services.invitation_url(invitation)


def _all_past_the_first_check():
    """Hold every request just after it found the invitation still open, until all have: the
    race is then decided by the service's lock alone, not by which thread happened to start
    first."""
    barrier = threading.Barrier(ATTEMPTS)
    original = services.load_invitation

    def load_then_wait(token):
        invitation = original(token)
        barrier.wait(30)
        return invitation

    return mock.patch.object(services, "load_invitation", side_effect=load_then_wait)


def _one_winner(responses):
    """One request joins (a redirect into the organisation). Each other one is told the link
    was used, or, when it looked for an account after the winner had made it, is sent to
    log in with that account; never a second join and never an error."""
    joined = [r for r in responses if r.status_code == 302 and "/o/" in r["Location"]]
    assert len(joined) == 1, [(r.status_code, r.get("Location")) for r in responses]
    for response in responses:
        if response in joined:
            continue
        if response.status_code == 302:
            assert response["Location"].startswith(reverse("login")), response["Location"]
        else:
            assert response.status_code == 410, response.status_code
            assert "al gebruikt" in response.content.decode()


def test_simultaneous_signups_make_one_account(org_a):
    email = "gelijktijdig@test.example"
    invitation, link = _invitation(org_a, email)
    password = "Zeer-geheim-42"
    clients = [client() for _ in range(ATTEMPTS)]
    posts = [
        lambda c=c, i=i: c.post(
            link, {"full_name": f"Poging {i}", "password1": password, "password2": password}
        )
        for i, c in enumerate(clients)
    ]
    with _all_past_the_first_check():
        responses = at_once(*posts)
    _one_winner(responses)
    user = get_user_model().objects.get(email__iexact=email)
    assert Membership.objects.filter(user=user, organisation=org_a.org).count() == 1
    invitation.refresh_from_db()
    assert invitation.accepted_by == user
    winner = clients[
        [r.status_code == 302 and "/o/" in r["Location"] for r in responses].index(True)
    ]
    assert winner.get(f"/o/{org_a.org.slug}/").status_code == 200  # logged in as the new user


def test_simultaneous_accepts_make_one_membership(org_a, org_b):
    invitation, link = _invitation(org_a, org_b.member.email)
    clients = [client(org_b.member) for _ in range(ATTEMPTS)]
    with _all_past_the_first_check():
        responses = at_once(*[lambda c=c: c.post(link) for c in clients])
    _one_winner(responses)
    assert Membership.objects.filter(user=org_b.member, organisation=org_a.org).count() == 1
    assert Invitation.objects.get(pk=invitation.pk).accepted_by == org_b.member


def test_simultaneous_signups_without_help_still_make_one_account(org_a):
    """The same race, started together but left to run at its own pace. A request that finds
    the account already made (but the invitation not yet used, a moment earlier) is sent to
    the login page: also fine."""
    email = "vrij@test.example"
    _invitation_row, link = _invitation(org_a, email)
    data = {"full_name": "Vrij", "password1": "Zeer-geheim-42", "password2": "Zeer-geheim-42"}
    clients = [client() for _ in range(ATTEMPTS)]
    responses = at_once(*[lambda c=c: c.post(link, data) for c in clients])
    outcomes = [
        "used"
        if r.status_code == 410 and "al gebruikt" in r.content.decode()
        else r.get("Location", r.status_code)
        for r in responses
    ]
    assert outcomes.count(f"/o/{org_a.org.slug}/") == 1, outcomes
    others = [o for o in outcomes if o != f"/o/{org_a.org.slug}/"]
    assert all(o == "used" or str(o).startswith("/account/inloggen/") for o in others), outcomes
    assert get_user_model().objects.filter(email__iexact=email).count() == 1
    assert Membership.objects.filter(user__email__iexact=email).count() == 1
