"""Droombeelden: wishes per theme, the coordinator's grouping into at most three goals per
theme, the vote for the two most urgent actions per theme and the one-department hint."""

import threading

import pytest
from django.db import connection
from django.urls import reverse
from django.utils.html import escape

from mvo.models import Membership
from plans import services
from plans.models import Goal, UrgentVote, Wish
from tests.factories import (
    ActionFactory,
    GoalFactory,
    MembershipFactory,
    OrgThemeFactory,
    PlanFactory,
)
from tests.helpers import assert_queries_constant

pytestmark = pytest.mark.django_db


def url(org, name, **kwargs):
    return reverse(f"plans:{name}", kwargs={"org_slug": org.slug, **kwargs})


def wish(plan, theme, text="Een droombeeld", **extra):
    return Wish.objects.create(
        organisation=plan.organisation, plan=plan, theme=theme, text=text, **extra
    )


def page_of(client, org, plan, theme=None):
    path = url(org, "wishes", pk=plan.pk) + (f"?thema={theme.pk}" if theme else "")
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def plan(org_a):
    return PlanFactory(organisation=org_a.org, coordinator=org_a.member)


# --- Writing droombeelden ------------------------------------------------------------------


def test_a_member_adds_a_wish_with_their_department(org_a, plan, client_for):
    theme = OrgThemeFactory(organisation=org_a.org, own_name="Mobiliteit")
    Membership.objects.filter(user=org_a.manager).update(department="Logistiek")
    client = client_for(org_a.manager)
    form = page_of(client, org_a.org, plan)
    assert 'value="Logistiek"' in form  # the department is filled in from the membership
    response = client.post(
        url(org_a.org, "wishes", pk=plan.pk),
        {"theme": theme.pk, "text": "Iedereen komt op de fiets.", "department": "Logistiek"},
    )
    assert response.status_code == 302
    saved = Wish.objects.get()
    assert (saved.plan, saved.theme, saved.author) == (plan, theme, org_a.manager)
    assert saved.department == "Logistiek" and saved.organisation == org_a.org
    page = page_of(client, org_a.org, plan, theme)
    # the page escapes the name (a generated one may hold an apostrophe: "van 't Hout")
    assert "Iedereen komt op de fiets." in page and escape(org_a.manager.get_full_name()) in page


def test_the_page_offers_the_plans_themes_or_else_all_themes(org_a, plan, client_for):
    water = OrgThemeFactory(organisation=org_a.org, own_name="Water")
    OrgThemeFactory(organisation=org_a.org, own_name="Energie")
    client = client_for(org_a.member)
    page = page_of(client, org_a.org, plan)
    assert "Water" in page and "Energie" in page
    plan.themes.set([water])
    page = page_of(client, org_a.org, plan)
    assert "Water" in page and "Energie" not in page


def test_a_wish_on_a_theme_outside_the_plan_or_organisation_is_refused(
    org_a, org_b, plan, client_for
):
    water = OrgThemeFactory(organisation=org_a.org, own_name="Water")
    other = OrgThemeFactory(organisation=org_a.org, own_name="Energie")
    foreign = OrgThemeFactory(organisation=org_b.org)
    plan.themes.set([water])
    client = client_for(org_a.member)
    for theme in (other, foreign):
        response = client.post(
            url(org_a.org, "wishes", pk=plan.pk), {"theme": theme.pk, "text": "x"}
        )
        assert response.status_code == 200
        assert "Selecteer een geldige keuze" in response.content.decode()
    assert not Wish.objects.exists()


def test_wish_delete_by_author_or_coordinator_only(org_a, plan, client_for):
    theme = OrgThemeFactory(organisation=org_a.org)
    by_admin = wish(plan, theme, author=org_a.admin)
    by_manager = wish(plan, theme, author=org_a.manager)
    other_member = MembershipFactory(organisation=org_a.org).user
    refused = client_for(other_member).post(url(org_a.org, "wish_delete", pk=by_admin.pk))
    assert refused.status_code == 403
    response = client_for(org_a.member).post(url(org_a.org, "wish_delete", pk=by_admin.pk))
    assert response["Location"] == url(org_a.org, "wishes", pk=plan.pk) + f"?thema={theme.pk}"
    assert client_for(org_a.manager).post(url(org_a.org, "wish_delete", pk=by_manager.pk))
    assert not Wish.objects.exists()


def test_wishes_of_another_organisation_are_404(org_a, org_b, client_for):
    theirs = PlanFactory(organisation=org_b.org)
    theme = OrgThemeFactory(organisation=org_b.org)
    their_wish = wish(theirs, theme)
    action = ActionFactory(plan=theirs, theme=theme)
    client = client_for(org_a.admin)
    assert client.get(url(org_a.org, "wishes", pk=theirs.pk)).status_code == 404
    assert client.post(url(org_a.org, "wish_delete", pk=their_wish.pk)).status_code == 404
    assert client.post(url(org_a.org, "wishes_group", pk=theirs.pk)).status_code == 404
    toggle = url(org_a.org, "urgent_toggle", pk=theirs.pk, action_pk=action.pk)
    assert client.post(toggle).status_code == 404
    assert Wish.objects.filter(pk=their_wish.pk).exists() and not UrgentVote.objects.exists()


def test_viewers_get_403_on_every_write(org_a, plan, client_for):
    theme = OrgThemeFactory(organisation=org_a.org)
    mine = wish(plan, theme, author=org_a.viewer)
    action = ActionFactory(plan=plan, theme=theme)
    client = client_for(org_a.viewer)
    for path in (
        url(org_a.org, "wishes", pk=plan.pk),
        url(org_a.org, "wishes_group", pk=plan.pk),
        url(org_a.org, "wish_delete", pk=mine.pk),
        url(org_a.org, "urgent_toggle", pk=plan.pk, action_pk=action.pk),
    ):
        assert client.post(path, {"theme": theme.pk, "text": "x"}).status_code == 403
    page = page_of(client, org_a.org, plan)
    assert "Droombeeld toevoegen" not in page and "Groeperen" not in page


# --- Grouping into goals -------------------------------------------------------------------


def test_the_coordinator_groups_wishes_into_a_new_goal(org_a, plan, client_for):
    theme = OrgThemeFactory(organisation=org_a.org)
    first, second = wish(plan, theme, "Minder plastic"), wish(plan, theme, "Geen plastic")
    client = client_for(org_a.member)  # the plan's coordinator
    assert "Groeperen" in page_of(client, org_a.org, plan, theme)
    response = client.post(
        url(org_a.org, "wishes_group", pk=plan.pk),
        {"wishes": [first.pk, second.pk], "title": "Plasticvrij kantoor", "theme": theme.pk},
        follow=True,
    )
    goal = Goal.objects.get()
    assert (goal.plan, goal.theme, goal.kind, goal.title) == (
        plan,
        theme,
        "thema",
        "Plasticvrij kantoor",
    )
    assert set(goal.wishes.all()) == {first, second}
    assert "gegroepeerd in het doel „Plasticvrij kantoor”" in response.content.decode()


def test_grouping_into_an_existing_goal_of_the_theme(org_a, plan, client_for):
    theme = OrgThemeFactory(organisation=org_a.org)
    other_theme = OrgThemeFactory(organisation=org_a.org)
    goal = GoalFactory(plan=plan, kind="thema", theme=theme)
    elsewhere = GoalFactory(plan=plan, kind="thema", theme=other_theme)
    one = wish(plan, theme)
    client = client_for(org_a.manager)  # managers may group too
    target = url(org_a.org, "wishes_group", pk=plan.pk)
    response = client.post(target, {"wishes": [one.pk], "goal": elsewhere.pk}, follow=True)
    assert "Kies een doel van hetzelfde thema als de droombeelden." in response.content.decode()
    assert client.post(target, {"wishes": [one.pk], "goal": goal.pk}).status_code == 302
    one.refresh_from_db()
    assert one.goal == goal


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "Nieuw"}, "Vink eerst de droombeelden aan die u wilt groeperen."),
        ({"wishes": "mine"}, "Kies een bestaand doel of geef een nieuw doel een titel."),
        ({"wishes": "mine", "goal": "mine", "title": "X"}, "niet allebei"),
        (
            {"wishes": "two themes", "title": "X"},
            "Groepeer de droombeelden van één thema tegelijk.",
        ),
    ],
)
def test_grouping_needs_wishes_of_one_theme_and_one_goal(data, message, org_a, plan, client_for):
    theme, other = OrgThemeFactory(organisation=org_a.org), OrgThemeFactory(organisation=org_a.org)
    goal = GoalFactory(plan=plan, kind="thema", theme=theme)
    mine = wish(plan, theme)
    data = dict(data)
    if data.get("wishes") == "mine":
        data["wishes"] = [mine.pk]
    elif data.get("wishes") == "two themes":
        data["wishes"] = [mine.pk, wish(plan, other).pk]
    if data.get("goal") == "mine":
        data["goal"] = goal.pk
    response = client_for(org_a.member).post(
        url(org_a.org, "wishes_group", pk=plan.pk), data, follow=True
    )
    assert message in response.content.decode()
    assert not Wish.objects.filter(goal__isnull=False).exists()


def test_only_the_coordinator_or_a_manager_groups(org_a, plan, client_for):
    theme = OrgThemeFactory(organisation=org_a.org)
    one = wish(plan, theme)
    plan.coordinator = org_a.admin
    plan.save()
    client = client_for(org_a.member)
    assert "Groeperen" not in page_of(client, org_a.org, plan, theme)
    target = url(org_a.org, "wishes_group", pk=plan.pk)
    assert client.post(target, {"wishes": [one.pk], "title": "X"}).status_code == 403
    assert not Goal.objects.exists()


def test_grouping_beyond_three_goals_per_theme_is_refused(org_a, plan, client_for):
    theme = OrgThemeFactory(organisation=org_a.org)
    GoalFactory.create_batch(3, plan=plan, kind="thema", theme=theme)
    one = wish(plan, theme)
    response = client_for(org_a.member).post(
        url(org_a.org, "wishes_group", pk=plan.pk),
        {"wishes": [one.pk], "title": "Vierde doel"},
        follow=True,
    )
    assert "Dit thema heeft al 3 doelen in dit plan." in response.content.decode()
    assert plan.goals.count() == 3
    one.refresh_from_db()
    assert one.goal is None


def test_foreign_wish_and_goal_ids_are_refused(org_a, org_b, plan, client_for):
    theme = OrgThemeFactory(organisation=org_a.org)
    mine = wish(plan, theme)
    other_plan = PlanFactory(organisation=org_a.org)
    foreign_plan = PlanFactory(organisation=org_b.org)
    foreign_theme = OrgThemeFactory(organisation=org_b.org)
    foreign_wish = wish(foreign_plan, foreign_theme)
    other_plans_wish = wish(other_plan, theme)
    foreign_goal = GoalFactory(plan=foreign_plan, kind="thema", theme=foreign_theme)
    other_plans_goal = GoalFactory(plan=other_plan, kind="thema", theme=theme)
    client = client_for(org_a.member)
    target = url(org_a.org, "wishes_group", pk=plan.pk)
    for data, message in (
        ({"wishes": [foreign_wish.pk], "title": "X"}, "Kies alleen droombeelden van dit plan."),
        ({"wishes": [other_plans_wish.pk], "title": "X"}, "Kies alleen droombeelden van dit plan."),
        ({"wishes": [mine.pk], "goal": foreign_goal.pk}, "Kies een doel van dit plan."),
        ({"wishes": [mine.pk], "goal": other_plans_goal.pk}, "Kies een doel van dit plan."),
        ({"wishes": [str(2**70)], "title": "X"}, "Kies alleen droombeelden van dit plan."),
    ):
        assert message in client.post(target, data, follow=True).content.decode()
    assert not Wish.objects.filter(goal__isnull=False).exists()
    assert Goal.objects.filter(plan=plan).count() == 0


@pytest.mark.django_db(transaction=True)
def test_two_coordinators_grouping_a_fourth_goal_at_once_do_not_both_pass(org_a):
    plan = PlanFactory(organisation=org_a.org, coordinator=org_a.member)
    theme = OrgThemeFactory(organisation=org_a.org)
    GoalFactory.create_batch(2, plan=plan, kind="thema", theme=theme)
    wishes = [wish(plan, theme, f"Droom {i}") for i in range(2)]
    barrier = threading.Barrier(2)
    outcomes = []

    def group(one, title):
        try:
            barrier.wait()
            services.group_wishes_into_new_goal(plan, [one], title, theme.pk)
            outcomes.append("saved")
        except services.ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=group, args=(w, f"Doel {i}")) for i, w in enumerate(wishes)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["refused", "saved"]
    assert Goal.objects.filter(plan=plan, theme=theme).count() == 3


# --- The most urgent actions ---------------------------------------------------------------


def vote(client, org, plan, action):
    return client.post(url(org, "urgent_toggle", pk=plan.pk, action_pk=action.pk), follow=True)


def test_actions_are_listed_by_their_tally_with_the_voters_own_marks(org_a, plan, client_for):
    theme = OrgThemeFactory(organisation=org_a.org)
    quiet = ActionFactory(plan=plan, theme=theme, title="Aaa zonder stemmen")
    popular = ActionFactory(plan=plan, theme=theme, title="Zzz met twee stemmen")
    middle = ActionFactory(plan=plan, theme=theme, title="Mmm met een stem")
    ActionFactory(plan=plan, title="Zonder thema")
    vote(client_for(org_a.admin), org_a.org, plan, popular)
    vote(client_for(org_a.manager), org_a.org, plan, popular)
    member = client_for(org_a.member)
    vote(member, org_a.org, plan, middle)
    page = page_of(member, org_a.org, plan, theme)
    assert page.index(popular.title) < page.index(middle.title) < page.index(quiet.title)
    assert "2 stemmen" in page and "1 stem" in page and "0 stemmen" in page
    assert page.count("uw keuze") == 1 and "U heeft 1 van de 2 stemmen gebruikt." in page
    assert "Zonder thema" not in page


def test_two_votes_per_theme_a_third_is_refused_and_a_vote_can_be_taken_back(
    org_a, plan, client_for
):
    theme, other = OrgThemeFactory(organisation=org_a.org), OrgThemeFactory(organisation=org_a.org)
    first, second, third = ActionFactory.create_batch(3, plan=plan, theme=theme)
    elsewhere = ActionFactory(plan=plan, theme=other)
    client = client_for(org_a.member)
    vote(client, org_a.org, plan, first)
    vote(client, org_a.org, plan, second)
    refused = vote(client, org_a.org, plan, third).content.decode()
    assert "U heeft voor dit thema al 2 acties als meest urgent gekozen." in refused
    assert "U heeft 2 van de 2 stemmen gebruikt." in refused
    vote(client, org_a.org, plan, elsewhere)  # another theme has its own two votes
    assert UrgentVote.objects.filter(voter=org_a.member).count() == 3
    taken_back = vote(client, org_a.org, plan, first).content.decode()
    assert "Uw stem voor deze actie is weggehaald." in taken_back
    assert (
        "De actie staat bij uw meest urgente acties."
        in vote(client, org_a.org, plan, third).content.decode()
    )
    assert set(
        UrgentVote.objects.filter(voter=org_a.member, theme=theme).values_list("action", flat=True)
    ) == {second.pk, third.pk}


def test_an_action_without_a_theme_or_of_another_plan_gets_no_vote(org_a, plan, client_for):
    no_theme = ActionFactory(plan=plan)
    other_plan = ActionFactory(plan=PlanFactory(organisation=org_a.org))
    client = client_for(org_a.member)
    response = vote(client, org_a.org, plan, no_theme)
    assert "Alleen acties met een thema binnen dit plan" in response.content.decode()
    path = url(org_a.org, "urgent_toggle", pk=plan.pk, action_pk=other_plan.pk)
    assert client.post(path).status_code == 404
    assert not UrgentVote.objects.exists()


# --- One department only -------------------------------------------------------------------


def test_the_wishes_page_points_out_goals_of_one_department(org_a, plan, client_for):
    theme = OrgThemeFactory(organisation=org_a.org)
    goal = GoalFactory(plan=plan, kind="thema", theme=theme, title="Groene inkoop")
    wish(plan, theme, department="Inkoop", goal=goal)
    client = client_for(org_a.viewer)
    hint = "Dit doel leeft alleen bij Inkoop."
    assert hint in page_of(client, org_a.org, plan, theme)
    wish(plan, theme, department="Financiën", goal=goal)
    assert hint not in page_of(client, org_a.org, plan, theme)


# --- Query counts --------------------------------------------------------------------------


def test_the_wishes_page_takes_the_same_queries_for_few_or_many_rows(org_a, plan, client_for):
    theme = OrgThemeFactory(organisation=org_a.org)
    goal = GoalFactory(plan=plan, kind="thema", theme=theme)

    def add(n):
        for i in range(n):
            wish(plan, theme, author=org_a.admin, department=f"Afdeling {i}", goal=goal)
            action = ActionFactory(plan=plan, theme=theme, goal=goal, team=f"Team {i}")
            UrgentVote.objects.create(
                organisation=org_a.org, plan=plan, theme=theme, action=action, voter=org_a.admin
            )
            OrgThemeFactory(organisation=org_a.org)

    path = url(org_a.org, "wishes", pk=plan.pk) + f"?thema={theme.pk}"
    assert assert_queries_constant(client_for(org_a.member), path, add, large=60) <= 20
