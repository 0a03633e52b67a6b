"""Members: admins change roles and remove people; the last admin always stays."""

import pytest

from mvo.models import Membership, Role
from tests.factories import MembershipFactory
from tests.helpers import assert_queries_constant


def _change(client, membership, role, department=""):
    return client.post(
        f"/o/{membership.organisation.slug}/leden/{membership.pk}/wijzigen/",
        {"role": role, "department": department},
        follow=True,
    )


def test_admin_changes_role_and_department(org_a, client_for):
    membership = Membership.objects.get(user=org_a.member)
    response = _change(client_for(org_a.admin), membership, Role.MANAGER, "Inkoop")
    assert response.status_code == 200
    membership.refresh_from_db()
    assert (membership.role, membership.department) == (Role.MANAGER, "Inkoop")


def test_last_admin_cannot_demote_themself(org_a, client_for):
    own = Membership.objects.get(user=org_a.admin)
    response = _change(client_for(org_a.admin), own, Role.MEMBER)
    assert "De laatste beheerder kan niet worden teruggezet" in response.content.decode()
    own.refresh_from_db()
    assert own.role == Role.ADMIN


def test_last_admin_cannot_remove_themself(org_a, client_for):
    own = Membership.objects.get(user=org_a.admin)
    response = client_for(org_a.admin).post(
        f"/o/{org_a.org.slug}/leden/{own.pk}/verwijderen/", follow=True
    )
    assert "De laatste beheerder kan niet worden verwijderd" in response.content.decode()
    assert Membership.objects.filter(pk=own.pk).exists()


def test_with_a_second_admin_an_admin_may_step_down(org_a, client_for):
    MembershipFactory(organisation=org_a.org, role=Role.ADMIN)
    own = Membership.objects.get(user=org_a.admin)
    _change(client_for(org_a.admin), own, Role.MEMBER)
    own.refresh_from_db()
    assert own.role == Role.MEMBER
    # Now a member: further admin actions are refused.
    other = Membership.objects.get(user=org_a.viewer)
    assert _change(client_for(org_a.admin), other, Role.ADMIN).status_code == 403


def test_admin_removes_member(org_a, client_for):
    membership = Membership.objects.get(user=org_a.member)
    response = client_for(org_a.admin).post(
        f"/o/{org_a.org.slug}/leden/{membership.pk}/verwijderen/"
    )
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()
    # The removed person no longer gets in.
    assert client_for(org_a.member).get(f"/o/{org_a.org.slug}/").status_code == 404


def test_admin_cannot_touch_memberships_of_another_organisation(org_a, org_b, client_for):
    foreign = Membership.objects.get(user=org_b.member)
    client = client_for(org_a.admin)
    assert (
        client.post(
            f"/o/{org_a.org.slug}/leden/{foreign.pk}/wijzigen/", {"role": "viewer"}
        ).status_code
        == 404
    )
    assert client.post(f"/o/{org_a.org.slug}/leden/{foreign.pk}/verwijderen/").status_code == 404
    foreign.refresh_from_db()
    assert foreign.role == Role.MEMBER


def test_invalid_role_is_refused_with_message(org_a, client_for):
    membership = Membership.objects.get(user=org_a.member)
    response = _change(client_for(org_a.admin), membership, "baas")
    assert "Kies een geldige rol." in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == Role.MEMBER


@pytest.mark.parametrize("role", ["viewer", "member", "manager"])
def test_non_admins_cannot_change_roles(role, org_a, client_for):
    target = Membership.objects.get(user=org_a.viewer)
    response = client_for(getattr(org_a, role)).post(
        f"/o/{org_a.org.slug}/leden/{target.pk}/wijzigen/", {"role": "admin"}
    )
    assert response.status_code == 403
    target.refresh_from_db()
    assert target.role == Role.VIEWER


def test_members_page_lists_everyone_for_every_role(org_a, client_for):
    page = client_for(org_a.viewer).get(f"/o/{org_a.org.slug}/leden/").content.decode()
    for user in (org_a.admin, org_a.manager, org_a.member, org_a.viewer):
        assert user.email in page
    assert "Iemand uitnodigen" not in page  # only admins see the admin controls
    assert (
        "Iemand uitnodigen"
        in client_for(org_a.admin).get(f"/o/{org_a.org.slug}/leden/").content.decode()
    )


@pytest.mark.parametrize("page", ["leden/", ""])
def test_member_pages_query_count_does_not_grow(page, org_a, client_for):
    def add_members(n):
        MembershipFactory.create_batch(n, organisation=org_a.org, role=Role.MEMBER)

    path = f"/o/{org_a.org.slug}/{page}"
    # constant in the number of members; the ceiling is the dashboard's (its lists, the
    # last reports, the due-diligence card and the MVOI card each take one query)
    assert assert_queries_constant(client_for(org_a.admin), path, add_members) <= 18


def test_organisation_settings_saved_and_conflict_detected(org_a, client_for):
    url = f"/o/{org_a.org.slug}/instellingen/"
    first, second = client_for(org_a.admin), client_for(org_a.admin)
    data = {
        "name": "Nieuwe naam",
        "kind": "overheid",
        "sector": "Bouw",
        "size": "groot",
        "version": 1,
    }
    assert first.post(url, data).status_code == 302
    org_a.org.refresh_from_db()
    assert (org_a.org.name, org_a.org.version) == ("Nieuwe naam", 2)
    # A second admin still has the old form open (version 1): told, not overwriting.
    stale = second.post(url, {**data, "name": "Oude stand"})
    assert stale.status_code == 200
    assert "Iemand anders heeft dit intussen gewijzigd" in stale.content.decode()
    org_a.org.refresh_from_db()
    assert org_a.org.name == "Nieuwe naam"


def test_organisation_settings_bad_input(org_a, client_for):
    response = client_for(org_a.admin).post(
        f"/o/{org_a.org.slug}/instellingen/",
        {"name": "", "kind": "x", "size": "groot", "version": "a"},
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "Dit veld is verplicht." in text
    org_a.org.refresh_from_db()
    assert org_a.org.name == "Organisatie A"
