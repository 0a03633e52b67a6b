"""Goals: the SMART check, the live KPI status, the three-goals-per-theme limit, one-department
hints, isolation between organisations and constant query counts."""

import threading
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.urls import reverse

from kpis.progress import Point, Progress, Status
from mvo.models import Membership
from plans.models import Goal, GoalKind, Wish
from plans.smart import smart_check
from tests.factories import (
    ActionFactory,
    GoalFactory,
    KpiFactory,
    MeasurementFactory,
    OrgThemeFactory,
    PlanFactory,
)
from tests.helpers import assert_queries_constant

pytestmark = pytest.mark.django_db


def url(org, name, **kwargs):
    return reverse(f"plans:{name}", kwargs={"org_slug": org.slug, **kwargs})


def complete_goal(plan, **changes):
    """A theme goal that is SMART, unsaved; ``changes`` break one thing at a time."""
    theme = changes.pop("theme", None) or OrgThemeFactory(organisation=plan.organisation)
    kpi = changes.pop("kpi", "default")
    if kpi == "default":
        kpi = KpiFactory(
            organisation=plan.organisation,
            theme=theme,
            name="Afval",
            direction="lager",
            baseline_value=Decimal(100),
            baseline_date=date(2024, 12, 31),
        )
    values = {
        "organisation": plan.organisation,
        "plan": plan,
        "kind": GoalKind.THEME,
        "title": "Minder restafval",
        "theme": theme,
        "kpi": kpi,
        "target_value": Decimal(60),
        "deadline": date(2027, 12, 31),
        "specific": "Restafval van kantoor en werkplaats.",
        "acceptable": "Facilitair en de werkgroep.",
        "realistic": "Andere vestigingen haalden dit al.",
    }
    values.update(changes)
    return Goal(**values)


def latest(value):
    return Progress(Status.NO_DATA, latest=Point(date(2025, 6, 30), Decimal(value)))


# --- The SMART check -----------------------------------------------------------------------


def test_a_complete_theme_goal_is_smart(org_a):
    plan = PlanFactory(organisation=org_a.org)
    assert smart_check(complete_goal(plan), plan) == []


def test_a_complete_general_goal_is_smart(org_a):
    plan = PlanFactory(organisation=org_a.org)
    goal = complete_goal(plan, kind=GoalKind.GENERAL, theme=None, kpi=None, target_value=None)
    goal.theme = None
    assert smart_check(goal, plan) == []


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kpi": None}, "Meetbaar: er is geen KPI gekozen."),
        ({"target_value": None}, "Meetbaar: er is geen streefwaarde ingevuld."),
        ({"deadline": None}, "Tijdgebonden: er is geen deadline."),
        (
            {"deadline": date(2029, 6, 30)},
            "Tijdgebonden: de deadline 30-06-2029 valt buiten de planperiode 2025–2027.",
        ),
        (
            {"target_value": Decimal(120)},
            "Meetbaar: voor deze KPI geldt ‘lager is beter’, maar de streefwaarde (120) "
            "ligt boven de nulmeting (100).",
        ),
        (
            {"target_value": Decimal(100)},
            "Meetbaar: de streefwaarde is gelijk aan de nulmeting (100); er hoeft dan niets "
            "te veranderen.",
        ),
        ({"specific": " "}, "Specifiek: beschrijf wat dit doel precies bereikt."),
        ({"acceptable": ""}, "Acceptabel: noem wie achter dit doel staan."),
        ({"realistic": ""}, "Realistisch: leg uit waarom dit doel haalbaar is."),
    ],
)
def test_the_smart_check_names_what_is_missing(changes, message, org_a):
    plan = PlanFactory(organisation=org_a.org)
    assert smart_check(complete_goal(plan, **changes), plan) == [message]


def test_a_higher_is_better_target_below_the_baseline(org_a):
    plan = PlanFactory(organisation=org_a.org)
    theme = OrgThemeFactory(organisation=org_a.org)
    kpi = KpiFactory(
        organisation=org_a.org,
        theme=theme,
        direction="hoger",
        baseline_value=Decimal("40.5"),
        baseline_date=date(2024, 12, 31),
    )
    goal = complete_goal(plan, theme=theme, kpi=kpi, target_value=Decimal(30))
    assert smart_check(goal, plan) == [
        "Meetbaar: voor deze KPI geldt ‘hoger is beter’, maar de streefwaarde (30) ligt onder de "
        "nulmeting (40,5)."
    ]


@pytest.mark.parametrize(
    ("direction", "target", "message"),
    [
        (
            "lager",
            80,
            "‘lager is beter’, maar de streefwaarde (80) ligt boven de laatste meting (70)",
        ),
        (
            "hoger",
            60,
            "‘hoger is beter’, maar de streefwaarde (60) ligt onder de laatste meting (70)",
        ),
    ],
)
def test_without_a_baseline_the_target_is_compared_with_the_latest_value(
    direction, target, message, org_a
):
    plan = PlanFactory(organisation=org_a.org)
    theme = OrgThemeFactory(organisation=org_a.org)
    kpi = KpiFactory(organisation=org_a.org, theme=theme, direction=direction)
    goal = complete_goal(plan, theme=theme, kpi=kpi, target_value=Decimal(target))
    assert smart_check(goal, plan) == []  # nothing known to compare with
    (found,) = smart_check(goal, plan, latest(70))
    assert message in found


def test_a_kpi_of_another_theme_is_pointed_out(org_a):
    plan = PlanFactory(organisation=org_a.org)
    water = OrgThemeFactory(organisation=org_a.org, own_name="Water")
    energy = OrgThemeFactory(organisation=org_a.org, own_name="Energie")
    kpi = KpiFactory(organisation=org_a.org, theme=energy, name="kWh")
    goal = complete_goal(plan, theme=water, kpi=kpi)
    assert smart_check(goal, plan) == [
        "Meetbaar: de KPI „kWh” hoort bij het thema „Energie”, dit doel bij „Water”."
    ]


def test_a_general_goal_needs_a_deadline_but_no_kpi(org_a):
    plan = PlanFactory(organisation=org_a.org)
    goal = complete_goal(
        plan, kind=GoalKind.GENERAL, kpi=None, target_value=None, deadline=None, specific=""
    )
    assert smart_check(goal, plan) == [
        "Specifiek: beschrijf wat dit doel precies bereikt.",
        "Tijdgebonden: er is geen deadline.",
    ]


# --- The goals page ------------------------------------------------------------------------


def test_the_page_shows_the_check_the_live_status_and_groups_by_theme(org_a, client_for):
    plan = PlanFactory(organisation=org_a.org, start_year=2025, end_year=2027)
    theme = OrgThemeFactory(organisation=org_a.org, own_name="Circulair")
    kpi = KpiFactory(
        organisation=org_a.org,
        theme=theme,
        name="Hergebruik",
        direction="hoger",
        baseline_value=Decimal(0),
        baseline_date=date(2025, 1, 1),
    )
    MeasurementFactory(kpi=kpi, year=2025, quarter=4, value=50)
    good = complete_goal(plan, theme=theme, kpi=kpi, target_value=Decimal(100))
    good.title = "Helft hergebruikt"
    good.save()
    GoalFactory(plan=plan, title="Duurzaamheidsverslag publiceren")  # general, incomplete
    page = client_for(org_a.viewer).get(url(org_a.org, "goals", pk=plan.pk)).content.decode()
    assert page.index("Circulair") < page.index("Helft hergebruikt")
    assert page.index("Algemene MVO-doelen") < page.index("Duurzaamheidsverslag publiceren")
    assert "Op koers" in page and "50% op weg" in page
    assert "✓</span> SMART" in page
    assert "Nog niet SMART" in page and "Tijdgebonden: er is geen deadline." in page
    assert "Nieuw doel" not in page  # a viewer does not get the buttons


def test_a_member_adds_a_goal_and_hears_what_is_not_smart_yet(org_a, client_for):
    plan = PlanFactory(organisation=org_a.org)
    theme = OrgThemeFactory(organisation=org_a.org)
    response = client_for(org_a.member).post(
        url(org_a.org, "goal_create", pk=plan.pk),
        {"kind": "thema", "title": "Minder CO2", "theme": theme.pk},
        follow=True,
    )
    goal = Goal.objects.get()
    assert goal.plan == plan and goal.organisation == org_a.org and goal.theme == theme
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == url(org_a.org, "goals", pk=plan.pk)
    assert "Dit doel is nog niet SMART. " in page
    assert "Meetbaar: er is geen KPI gekozen." in page


def test_a_complete_goal_gets_no_warning_after_saving(org_a, client_for):
    plan = PlanFactory(organisation=org_a.org)
    goal = complete_goal(plan)
    goal.save()
    data = {
        "kind": "thema",
        "title": "Nog minder restafval",
        "theme": goal.theme_id,
        "kpi": goal.kpi_id,
        "target_value": "55,5",
        "deadline": "2027-06-30",
        "specific": goal.specific,
        "acceptable": goal.acceptable,
        "realistic": goal.realistic,
        "version": goal.version,
    }
    response = client_for(org_a.member).post(
        url(org_a.org, "goal_update", pk=goal.pk), data, follow=True
    )
    goal.refresh_from_db()
    assert goal.title == "Nog minder restafval" and goal.target_value == Decimal("55.5")
    assert "nog niet SMART" not in response.content.decode()


def test_the_edit_page_shows_the_current_check(org_a, client_for):
    plan = PlanFactory(organisation=org_a.org)
    goal = GoalFactory(plan=plan)
    page = client_for(org_a.member).get(url(org_a.org, "goal_update", pk=goal.pk)).content
    assert "Realistisch: leg uit waarom dit doel haalbaar is." in page.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "thema", "title": "Zonder thema"}, "Kies het thema waar dit doel bij hoort."),
        (
            {"kind": "algemeen", "title": "Met streefwaarde", "target_value": "10"},
            "Een algemeen MVO-doel hoort niet bij een thema, KPI of streefwaarde.",
        ),
        ({"kind": "thema", "title": ""}, "Dit veld is verplicht."),
    ],
)
def test_bad_goals_are_refused_with_a_message(data, message, org_a, client_for):
    plan = PlanFactory(organisation=org_a.org)
    response = client_for(org_a.member).post(url(org_a.org, "goal_create", pk=plan.pk), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Goal.objects.exists()


def test_a_fourth_goal_on_a_theme_is_refused(org_a, client_for):
    plan = PlanFactory(organisation=org_a.org)
    theme = OrgThemeFactory(organisation=org_a.org)
    first = GoalFactory(plan=plan, kind="thema", theme=theme)
    GoalFactory.create_batch(2, plan=plan, kind="thema", theme=theme)
    GoalFactory(kind="thema", theme=theme, plan=PlanFactory(organisation=org_a.org))  # other plan
    client = client_for(org_a.member)
    response = client.post(
        url(org_a.org, "goal_create", pk=plan.pk),
        {"kind": "thema", "title": "Vierde", "theme": theme.pk},
    )
    assert response.status_code == 200
    assert "Dit thema heeft al 3 doelen in dit plan." in response.content.decode()
    assert plan.goals.count() == 3
    edit = {"kind": "thema", "title": "Eerste, breder", "theme": theme.pk, "version": 1}
    assert client.post(url(org_a.org, "goal_update", pk=first.pk), edit).status_code == 302


@pytest.mark.django_db(transaction=True)
def test_two_people_adding_the_fourth_goal_at_once_do_not_both_pass(org_a, client_for):
    """Two requests in two threads, each with its own database connection. services.save_goal
    locks the plan (PostgreSQL: SELECT ... FOR UPDATE; SQLite: BEGIN IMMEDIATE, see settings),
    so the second one counts the first one's goal."""
    plan = PlanFactory(organisation=org_a.org)
    theme = OrgThemeFactory(organisation=org_a.org)
    GoalFactory.create_batch(2, plan=plan, kind="thema", theme=theme)
    clients = [client_for(org_a.member), client_for(org_a.admin)]
    target = url(org_a.org, "goal_create", pk=plan.pk)
    barrier = threading.Barrier(2)
    codes = []

    def post(client, title):
        try:
            barrier.wait()
            codes.append(client.post(target, {"kind": "thema", "title": title, "theme": theme.pk}))
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(c, f"Doel {i}")) for i, c in enumerate(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(r.status_code for r in codes) == [200, 302]
    assert Goal.objects.filter(plan=plan, theme=theme).count() == 3


def test_theme_and_kpi_of_another_organisation_are_refused(org_a, org_b, client_for):
    plan = PlanFactory(organisation=org_a.org)
    foreign_theme = OrgThemeFactory(organisation=org_b.org)
    foreign_kpi = KpiFactory(organisation=org_b.org)
    mine = OrgThemeFactory(organisation=org_a.org)
    client = client_for(org_a.member)
    for data in (
        {"kind": "thema", "title": "X", "theme": foreign_theme.pk},
        {"kind": "thema", "title": "X", "theme": mine.pk, "kpi": foreign_kpi.pk},
    ):
        response = client.post(url(org_a.org, "goal_create", pk=plan.pk), data)
        assert response.status_code == 200
        assert "Selecteer een geldige keuze" in response.content.decode()
    assert not Goal.objects.exists()


def test_goals_of_another_organisation_are_404(org_a, org_b, client_for):
    theirs = GoalFactory(plan=PlanFactory(organisation=org_b.org))
    client = client_for(org_a.admin)
    assert client.get(url(org_a.org, "goals", pk=theirs.plan_id)).status_code == 404
    assert client.get(url(org_a.org, "goal_create", pk=theirs.plan_id)).status_code == 404
    assert client.get(url(org_a.org, "goal_update", pk=theirs.pk)).status_code == 404
    assert client.post(url(org_a.org, "goal_delete", pk=theirs.pk)).status_code == 404
    assert Goal.objects.filter(pk=theirs.pk).exists()


def test_viewers_cannot_write_goals(org_a, client_for):
    plan = PlanFactory(organisation=org_a.org)
    goal = GoalFactory(plan=plan)
    client = client_for(org_a.viewer)
    create = client.post(url(org_a.org, "goal_create", pk=plan.pk), {"title": "X"})
    assert create.status_code == 403
    assert client.post(url(org_a.org, "goal_delete", pk=goal.pk)).status_code == 403
    assert client.post(url(org_a.org, "goal_update", pk=goal.pk), {}).status_code == 403


def test_a_member_deletes_a_goal_and_its_wishes_stay(org_a, client_for):
    plan = PlanFactory(organisation=org_a.org)
    theme = OrgThemeFactory(organisation=org_a.org)
    goal = GoalFactory(plan=plan, kind="thema", theme=theme)
    wish = Wish.objects.create(organisation=org_a.org, plan=plan, theme=theme, text="x", goal=goal)
    response = client_for(org_a.member).post(url(org_a.org, "goal_delete", pk=goal.pk))
    assert response["Location"] == url(org_a.org, "goals", pk=plan.pk)
    wish.refresh_from_db()
    assert not Goal.objects.exists() and wish.goal is None


# --- One department only -------------------------------------------------------------------


def test_a_goal_carried_by_one_department_gets_a_hint(org_a, client_for):
    plan = PlanFactory(organisation=org_a.org)
    theme = OrgThemeFactory(organisation=org_a.org)
    goal = GoalFactory(plan=plan, kind="thema", theme=theme, title="Schone werkplaats")
    Membership.objects.filter(user=org_a.member).update(department="Inkoop")
    # No department on the wish: the author's department counts.
    Wish.objects.create(
        organisation=org_a.org, plan=plan, theme=theme, text="a", goal=goal, author=org_a.member
    )
    Wish.objects.create(
        organisation=org_a.org, plan=plan, theme=theme, text="b", goal=goal, department="inkoop "
    )
    action = ActionFactory(plan=plan, goal=goal, team="Inkoop")
    client = client_for(org_a.viewer)
    hint = "Dit doel leeft alleen bij Inkoop."
    assert hint in client.get(url(org_a.org, "goals", pk=plan.pk)).content.decode()
    action.team = "HR"
    action.save()
    assert hint not in client.get(url(org_a.org, "goals", pk=plan.pk)).content.decode()


def test_a_goal_without_any_department_gets_no_hint(org_a, client_for):
    plan = PlanFactory(organisation=org_a.org)
    GoalFactory(plan=plan)
    page = client_for(org_a.viewer).get(url(org_a.org, "goals", pk=plan.pk)).content.decode()
    assert "Dit doel leeft alleen bij" not in page


# --- Query counts --------------------------------------------------------------------------


def test_the_goals_page_takes_the_same_queries_for_few_or_many_goals(org_a, client_for):
    plan = PlanFactory(organisation=org_a.org)

    def add(n):
        for _ in range(n):
            theme = OrgThemeFactory(organisation=org_a.org)
            kpi = KpiFactory(
                organisation=org_a.org,
                theme=theme,
                baseline_value=1,
                baseline_date=date(2025, 1, 1),
            )
            MeasurementFactory(kpi=kpi, year=2025, quarter=2)
            goal = GoalFactory(
                plan=plan,
                kind="thema",
                theme=theme,
                kpi=kpi,
                target_value=80,
                deadline=date(2026, 1, 1),
            )
            Wish.objects.create(
                organisation=org_a.org,
                plan=plan,
                theme=theme,
                text="w",
                goal=goal,
                author=org_a.member,
            )
            ActionFactory(plan=plan, goal=goal, team="Inkoop")
            GoalFactory(plan=plan)

    path = url(org_a.org, "goals", pk=plan.pk)
    assert assert_queries_constant(client_for(org_a.member), path, add, large=30) <= 15
