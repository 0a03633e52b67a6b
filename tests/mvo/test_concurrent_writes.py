"""Writers at the same moment wait their turn: each succeeds, or the loser of an edit race is
told someone else changed the row. Nobody gets a server error ("database is locked" on SQLite,
where every transaction now begins IMMEDIATE; see mvo/settings.py).

The sleeps keep the first writer inside its transaction while the second arrives, so the
requests really overlap instead of happening to run one after the other.
"""

import time
from unittest import mock

import pytest

from mvo import services
from mvo.models import Membership, Organisation, Role
from mvo.versioning import CONFLICT_MESSAGE
from stakeholders.models import Stakeholder
from tests.factories import MembershipFactory
from tests.threads import at_once, client

pytestmark = pytest.mark.django_db(transaction=True)
PAUSE = 0.3


def _slowly(function):
    def wrapper(*args, **kwargs):
        result = function(*args, **kwargs)
        time.sleep(PAUSE)
        return result

    return wrapper


def test_two_edits_of_one_row_give_one_save_and_one_conflict_message(org_a):
    second_admin = MembershipFactory(organisation=org_a.org, role=Role.ADMIN).user
    path = f"/o/{org_a.org.slug}/instellingen/"
    start = Organisation.objects.get(pk=org_a.org.pk)
    editors = [(client(org_a.admin), "Eerste naam"), (client(second_admin), "Tweede naam")]
    posts = [
        lambda c=c, name=name: c.post(
            path,
            {"name": name, "kind": start.kind, "sector": "", "size": start.size, "version": 1},
        )
        for c, name in editors
    ]
    # Inside the transaction, after the version check: the other request arrives meanwhile.
    with mock.patch.object(Organisation, "save", _slowly(Organisation.save)):
        responses = at_once(*posts)
    assert sorted(r.status_code for r in responses) == [200, 302]
    loser = next(r for r in responses if r.status_code == 200)
    assert str(CONFLICT_MESSAGE) in loser.content.decode()
    saved = Organisation.objects.get(pk=org_a.org.pk)
    winner = responses.index(next(r for r in responses if r.status_code == 302))
    assert (saved.name, saved.version) == (("Eerste naam", "Tweede naam")[winner], 2)


def test_read_then_write_transactions_wait_for_each_other(org_a):
    """Each role change first reads (and locks) the organisation's admins, then writes. With
    SQLite's default deferred transactions the second of two such writers failed at once with
    "database is locked"; now it waits."""
    second_admin = MembershipFactory(organisation=org_a.org, role=Role.ADMIN).user
    changes = [
        (org_a.admin, Membership.objects.get(user=org_a.member), Role.VIEWER),
        (second_admin, Membership.objects.get(user=org_a.viewer), Role.MEMBER),
    ]
    clients = [client(user) for user, _membership, _role in changes]
    posts = [
        lambda c=c, m=membership, role=role: c.post(
            f"/o/{org_a.org.slug}/leden/{m.pk}/wijzigen/", {"role": role, "department": ""}
        )
        for c, (_user, membership, role) in zip(clients, changes, strict=True)
    ]
    slow_check = _slowly(services._refuse_if_last_admin)  # between the read and the write
    with mock.patch.object(services, "_refuse_if_last_admin", slow_check):
        responses = at_once(*posts)
    assert [r.status_code for r in responses] == [302, 302]
    for _user, membership, role in changes:
        membership.refresh_from_db()
        assert membership.role == role


def test_many_people_adding_rows_at_once_all_succeed(org_a):
    users = [org_a.admin, org_a.manager, org_a.member] * 2
    clients = [client(user) for user in users]
    posts = [
        lambda c=c, i=i: c.post(
            f"/o/{org_a.org.slug}/stakeholders/nieuw/",
            {"name": f"Gelijktijdig {i}", "category": "afnemers", "influence": 3, "interest": 3},
        )
        for i, c in enumerate(clients)
    ]
    responses = at_once(*posts)
    assert [r.status_code for r in responses] == [302] * len(users)
    assert Stakeholder.objects.filter(name__startswith="Gelijktijdig").count() == len(users)
