"""A member who leaves while owning KPIs: shown as former member, the admin hands over."""

import pytest
from django.urls import reverse

from kpis.models import Kpi
from mvo.models import Membership, Role

from ..factories import KpiFactory, MembershipFactory, OrgThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def leaver(org_a):
    theme = OrgThemeFactory(organisation=org_a.org)
    person = MembershipFactory(
        organisation=org_a.org, role=Role.MEMBER, user__full_name="Vera Vertrek"
    ).user
    kpis = [KpiFactory(organisation=org_a.org, theme=theme, owner=person) for _ in range(3)]
    return person, kpis


def members_url(org):
    return reverse("members", kwargs={"org_slug": org.slug})


def remove(client, org, user):
    pk = Membership.objects.get(organisation=org, user=user).pk
    return client.post(
        reverse("remove_member", kwargs={"org_slug": org.slug, "pk": pk}), follow=True
    )


def test_removing_an_owner_asks_the_admin_to_hand_over(org_a, leaver, client_for):
    person, _kpis = leaver
    page = remove(client_for(org_a.admin), org_a.org, person).content.decode()
    assert "Vera Vertrek is nog eigenaar van: 3 KPI" in page
    assert "Voormalige leden met taken" in page
    assert f'name="from_user" value="{person.pk}"' in page


def test_hand_over_moves_every_kpi_and_bumps_its_version(org_a, leaver, client_for):
    person, kpis = leaver
    Membership.objects.filter(organisation=org_a.org, user=person).delete()
    client = client_for(org_a.admin)
    response = client.post(
        reverse("hand_over", kwargs={"org_slug": org_a.org.slug}),
        {"from_user": person.pk, "to_user": org_a.member.pk},
        follow=True,
    )
    assert "overgedragen aan" in response.content.decode()
    assert set(Kpi.objects.filter(owner=org_a.member)) == set(kpis)
    assert all(k.version == 2 for k in Kpi.objects.filter(pk__in=[k.pk for k in kpis]))
    assert "Voormalige leden met taken" not in client.get(members_url(org_a.org)).content.decode()


def test_hand_over_refuses_a_viewer_an_outsider_or_a_current_member(
    org_a, org_b, leaver, client_for
):
    person, _kpis = leaver
    Membership.objects.filter(organisation=org_a.org, user=person).delete()
    client = client_for(org_a.admin)
    target = reverse("hand_over", kwargs={"org_slug": org_a.org.slug})
    for data in (
        {"from_user": person.pk, "to_user": org_a.viewer.pk},  # may not enter data
        {"from_user": person.pk, "to_user": org_b.member.pk},  # another organisation
        {"from_user": org_a.member.pk, "to_user": org_a.manager.pk},  # still a member
        {"from_user": "99999999999999999999999", "to_user": org_a.member.pk},
        {"from_user": "²", "to_user": "x"},
    ):
        response = client.post(target, data, follow=True)
        assert response.status_code == 200
        assert "alert-danger" in response.content.decode() or "alert-error" in (
            response.content.decode()
        )
    assert Kpi.objects.filter(owner=person).count() == 3


def test_hand_over_is_for_admins_only(org_a, leaver, client_for):
    person, _kpis = leaver
    Membership.objects.filter(organisation=org_a.org, user=person).delete()
    response = client_for(org_a.manager).post(
        reverse("hand_over", kwargs={"org_slug": org_a.org.slug}),
        {"from_user": person.pk, "to_user": org_a.member.pk},
    )
    assert response.status_code == 403
    assert Kpi.objects.filter(owner=person).count() == 3


def test_hand_over_leaves_the_other_organisation_alone(org_a, org_b, client_for):
    person = MembershipFactory(organisation=org_b.org, role=Role.MEMBER).user
    theme_b = OrgThemeFactory(organisation=org_b.org)
    theirs = KpiFactory(organisation=org_b.org, theme=theme_b, owner=person)
    theme_a = OrgThemeFactory(organisation=org_a.org)
    ours = KpiFactory(organisation=org_a.org, theme=theme_a, owner=person)  # left org A
    client_for(org_a.admin).post(
        reverse("hand_over", kwargs={"org_slug": org_a.org.slug}),
        {"from_user": person.pk, "to_user": org_a.member.pk},
    )
    ours.refresh_from_db()
    theirs.refresh_from_db()
    assert ours.owner == org_a.member
    assert theirs.owner == person


def test_a_working_group_member_who_left_is_shown_as_former_member(org_a, client_for):
    from tests.factories import WorkingGroupMemberFactory

    person = MembershipFactory(organisation=org_a.org, user__full_name="Olaf Oudlid").user
    WorkingGroupMemberFactory(organisation=org_a.org, user=person)
    page_url = reverse("stakeholders:working_group", kwargs={"org_slug": org_a.org.slug})
    client = client_for(org_a.member)
    assert "voormalig lid" not in client.get(page_url).content.decode()
    Membership.objects.filter(organisation=org_a.org, user=person).delete()
    page = client.get(page_url).content.decode()
    assert "Olaf Oudlid" in page and "voormalig lid" in page


def test_hand_over_tells_nothing_about_people_of_other_organisations(org_a, org_b, client_for):
    target = reverse("hand_over", kwargs={"org_slug": org_a.org.slug})
    response = client_for(org_a.admin).post(
        target, {"from_user": org_b.member.pk, "to_user": org_a.member.pk}, follow=True
    )
    page = response.content.decode()
    assert "Deze persoon is geen voormalig lid." in page
    assert org_b.member.get_full_name() not in page


def test_open_actions_and_coordinated_plans_are_handed_over_too(org_a, leaver, client_for):
    from plans.models import Action, Plan
    from tests.factories import ActionFactory, PlanFactory

    person, _kpis = leaver
    plan = PlanFactory(organisation=org_a.org, coordinator=person)
    open_action = ActionFactory(plan=plan, responsible=person, status="lopend")
    done_action = ActionFactory(plan=plan, responsible=person, status="afgerond")
    remove(client_for(org_a.admin), org_a.org, person)
    page = client_for(org_a.admin).get(members_url(org_a.org)).content.decode()
    assert "3 KPI" in page and "1 open acties" in page and "1 plannen als coördinator" in page
    client_for(org_a.admin).post(
        reverse("hand_over", kwargs={"org_slug": org_a.org.slug}),
        {"from_user": person.pk, "to_user": org_a.manager.pk},
    )
    assert Action.objects.get(pk=open_action.pk).responsible == org_a.manager
    assert Action.objects.get(pk=done_action.pk).responsible == person  # who did it stays
    assert Plan.objects.get(pk=plan.pk).coordinator == org_a.manager
