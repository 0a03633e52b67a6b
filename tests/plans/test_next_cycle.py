"""Step 4.5: the next cycle copies themes, KPIs and goals, carries open actions and phase 1,
and leaves the old plan exactly as it was."""

from datetime import date
from decimal import Decimal

import pytest
from django.forms.models import model_to_dict
from django.urls import reverse

from plans import services
from plans.models import Action, Goal, MissionVision, Plan, PlanStep, Stage, StepStatus
from tests.factories import (
    ActionFactory,
    GoalFactory,
    KpiFactory,
    OrgThemeFactory,
    PlanFactory,
)
from tests.helpers import assert_queries_constant

pytestmark = pytest.mark.django_db


def url(org, name, **kwargs):
    return reverse(f"plans:{name}", kwargs={"org_slug": org.slug, **kwargs})


@pytest.fixture
def full_plan(org_a):
    """A 2025–2027 MVO STEPS plan with phase 1 done, a final mission, goals and actions."""
    org = org_a.org
    plan = PlanFactory(
        organisation=org, title="MVO-plan 2025–2027", coordinator=org_a.member, description="D"
    )
    theme, other_theme = OrgThemeFactory.create_batch(2, organisation=org)
    kpi = KpiFactory(organisation=org, theme=theme)
    plan.themes.set([theme, other_theme])
    plan.kpis.set([kpi])
    PlanStep.objects.filter(plan=plan, step__phase__number=1).update(
        status=StepStatus.DONE, notes="Fase 1 klaar", answers=["Antwoord"]
    )
    PlanStep.objects.filter(plan=plan, step__code="2.1").update(status=StepStatus.DONE)
    MissionVision.objects.filter(plan=plan).update(
        mission="Wij rijden schoon.", vision="In 2030 emissievrij.", stage=Stage.FINAL
    )
    goal = GoalFactory(
        plan=plan,
        kind="thema",
        theme=theme,
        kpi=kpi,
        title="CO2 omlaag",
        target_value=Decimal("85"),
        deadline=date(2027, 12, 31),
    )
    general = GoalFactory(plan=plan, title="Duurzaamheidsverslag")
    statuses = ["gepland", "lopend", "uitgesteld", "afgerond", "geschrapt"]
    for status in statuses:
        ActionFactory(
            plan=plan,
            status=status,
            title=f"Actie {status}",
            goal=goal,
            theme=theme,
            responsible=org_a.member,
            planned_year=2026,
            planned_quarter=2,
            budget=Decimal("1000"),
            hours=Decimal("8"),
            within_budget=False,
        )
    return plan, goal, general


def snapshot(plan):
    """Everything of a plan that the next cycle might touch, as plain values."""
    plan.refresh_from_db()
    mission = MissionVision.objects.get(plan=plan)
    return {
        "plan": model_to_dict(plan, exclude=["themes", "kpis"]),
        "themes": sorted(plan.themes.values_list("pk", flat=True)),
        "kpis": sorted(plan.kpis.values_list("pk", flat=True)),
        "steps": list(plan.steps.values_list("pk", "status", "notes", "answers", "version")),
        "goals": [model_to_dict(g) for g in plan.goals.order_by("pk")],
        "actions": [model_to_dict(a) for a in plan.actions.order_by("pk")],
        "mission": model_to_dict(mission),
        "versions": mission.versions.count(),
    }


def test_the_next_cycle_copies_what_the_method_says(full_plan, org_a, client_for):
    plan, goal, general = full_plan
    response = client_for(org_a.member).post(url(org_a.org, "next_cycle", pk=plan.pk))
    new = Plan.objects.get(predecessor=plan)
    assert response.status_code == 302
    assert response["Location"] == url(org_a.org, "detail", pk=new.pk)
    assert (new.start_year, new.end_year, new.title) == (2028, 2030, "MVO-plan 2028–2030")
    assert new.organisation == org_a.org and new.method == "mvo_steps"
    assert new.status == "concept" and new.created_by == org_a.member
    assert new.coordinator == org_a.member and new.description == "D"
    assert set(new.themes.all()) == set(plan.themes.all())
    assert set(new.kpis.all()) == set(plan.kpis.all())

    goals = {g.title: g for g in new.goals.all()}
    assert set(goals) == {"CO2 omlaag", "Duurzaamheidsverslag"}
    copied = goals["CO2 omlaag"]
    assert copied.needs_review and copied.carried_from == goal
    assert (copied.theme, copied.kpi, copied.target_value) == (goal.theme, goal.kpi, Decimal(85))
    assert copied.organisation == org_a.org and goals["Duurzaamheidsverslag"].needs_review

    actions = list(new.actions.order_by("pk"))
    assert [a.carried_from.title for a in actions] == [
        "Actie gepland",
        "Actie lopend",
        "Actie uitgesteld",
    ]
    for action in actions:
        assert action.status == "gepland" and action.goal == copied
        assert action.planned_period is None and action.responsible == org_a.member
        assert (action.budget, action.within_budget) == (Decimal(1000), False)

    steps = {s.step.code: s for s in new.steps.select_related("step")}
    assert len(steps) == 20
    assert all(steps[f"1.{i}"].status == "afgerond" for i in range(1, 6))
    assert steps["1.1"].notes == "Fase 1 klaar" and steps["1.1"].answers == ["Antwoord"]
    assert all(s.status == "niet_gestart" for code, s in steps.items() if code[0] != "1")
    mission = new.mission_vision
    assert (mission.mission, mission.vision, mission.stage) == (
        "Wij rijden schoon.",
        "In 2030 emissievrij.",
        "definitief",
    )
    assert mission.versions.count() == 1


def test_the_old_plan_stays_exactly_as_it_was(full_plan, org_a):
    plan, _goal, _general = full_plan
    before = snapshot(plan)
    counts = (Goal.objects.filter(plan=plan).count(), Action.objects.filter(plan=plan).count())
    services.start_next_cycle(plan, org_a.member)
    assert snapshot(plan) == before
    assert counts == (plan.goals.count(), plan.actions.count())
    assert Plan.objects.count() == 2


def test_an_unfinished_phase_one_stays_unfinished(org_a):
    plan = PlanFactory(organisation=org_a.org)
    PlanStep.objects.filter(plan=plan, step__code__in=["1.1", "1.2", "1.3"]).update(
        status=StepStatus.DONE
    )
    new = services.start_next_cycle(plan, org_a.member)
    done = set(new.steps.filter(status="afgerond").values_list("step__code", flat=True))
    assert done == {"1.1", "1.2", "1.3"}
    assert new.mission_vision.stage == "voorlopig"


def test_another_method_gets_its_steps_but_nothing_of_phase_one(org_a):
    plan = PlanFactory(organisation=org_a.org, method="mvoi", start_year=2024, end_year=2027)
    plan.steps.update(status=StepStatus.DONE)
    new = services.start_next_cycle(plan, org_a.member)
    assert (new.start_year, new.end_year) == (2028, 2031)
    assert new.steps.count() == 7 and not new.steps.filter(status="afgerond").exists()
    assert not MissionVision.objects.filter(plan=new).exists()


def test_a_former_member_is_not_coordinator_of_the_new_cycle(org_a, org_b):
    plan = PlanFactory(organisation=org_a.org, coordinator=org_b.member)
    assert services.start_next_cycle(plan, org_a.member).coordinator is None


def test_a_second_successor_for_the_same_period_is_refused(full_plan, org_a, client_for):
    plan, _goal, _general = full_plan
    client = client_for(org_a.member)
    assert client.post(url(org_a.org, "next_cycle", pk=plan.pk)).status_code == 302
    response = client.post(url(org_a.org, "next_cycle", pk=plan.pk), follow=True)
    assert "Er is al een volgende cyclus voor deze periode" in response.content.decode()
    assert Plan.objects.filter(predecessor=plan).count() == 1
    page = client.get(url(org_a.org, "next_cycle", pk=plan.pk)).content.decode()
    assert "Er is al een volgende cyclus" in page and "Ja, start" not in page


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (2096, 2098, "maar Koers plant tot en met 2100"),
        (2100, 2100, "maar Koers plant tot en met 2100"),
        (2020, 2031, "Dit plan loopt langer dan tien jaar"),
    ],
)
def test_a_next_period_beyond_the_limits_is_refused(start, end, message, org_a, client_for):
    plan = PlanFactory(organisation=org_a.org)
    Plan.objects.filter(pk=plan.pk).update(start_year=start, end_year=end)  # older data
    client = client_for(org_a.member)
    page = client.get(url(org_a.org, "next_cycle", pk=plan.pk)).content.decode()
    assert message in page and "Ja, start" not in page
    response = client.post(url(org_a.org, "next_cycle", pk=plan.pk), follow=True)
    assert response.status_code == 200 and message in response.content.decode()
    assert Plan.objects.count() == 1


def test_the_page_says_what_will_happen(full_plan, org_a, client_for):
    plan, _goal, _general = full_plan
    page = client_for(org_a.member).get(url(org_a.org, "next_cycle", pk=plan.pk))
    text = page.content.decode()
    assert page.status_code == 200
    assert "2028–2030" in text and "te herzien" in text and "Ja, start de volgende cyclus" in text
    assert "5 van 5 stappen afgerond" in text and "Definitief" in text


def test_the_new_plan_shows_its_goals_need_review_and_its_predecessor(full_plan, org_a, client_for):
    plan, _goal, _general = full_plan
    new = services.start_next_cycle(plan, org_a.member)
    client = client_for(org_a.viewer)
    text = client.get(url(org_a.org, "detail", pk=new.pk)).content.decode()
    assert "2 doelen zijn overgenomen uit de vorige cyclus" in text
    assert url(org_a.org, "detail", pk=plan.pk) in text
    old_page = client.get(url(org_a.org, "detail", pk=plan.pk)).content.decode()
    assert url(org_a.org, "detail", pk=new.pk) in old_page
    assert "overgenomen uit de vorige cyclus" not in old_page


def test_saving_a_goal_through_the_service_clears_needs_review(full_plan, org_a):
    from django import forms

    class GoalForm(forms.ModelForm):
        class Meta:
            model = Goal
            fields = ["title"]

    plan, _goal, _general = full_plan
    new = services.start_next_cycle(plan, org_a.member)
    copied = new.goals.get(title="CO2 omlaag")
    form = GoalForm({"title": "CO2 omlaag, herzien"}, instance=copied)
    assert form.is_valid()
    services.save_goal(form)
    copied.refresh_from_db()
    assert not copied.needs_review and copied.title == "CO2 omlaag, herzien"


def test_a_viewer_reads_the_page_but_may_not_start(full_plan, org_a, client_for):
    plan, _goal, _general = full_plan
    client = client_for(org_a.viewer)
    page = client.get(url(org_a.org, "next_cycle", pk=plan.pk))
    assert page.status_code == 200 and "Ja, start" not in page.content.decode()
    assert client.post(url(org_a.org, "next_cycle", pk=plan.pk)).status_code == 403
    assert Plan.objects.count() == 1


def test_another_organisations_plan_is_404(org_a, org_b, client_for):
    other = PlanFactory(organisation=org_b.org)
    client = client_for(org_a.member)
    assert client.get(url(org_a.org, "next_cycle", pk=other.pk)).status_code == 404
    assert client.post(url(org_a.org, "next_cycle", pk=other.pk)).status_code == 404
    assert (
        client_for(org_b.member).get(url(org_a.org, "next_cycle", pk=other.pk)).status_code == 404
    )
    assert Plan.objects.count() == 1


def test_the_page_takes_the_same_queries_for_few_or_many_rows(org_a, client_for):
    plan = PlanFactory(organisation=org_a.org)

    def add(n):
        ActionFactory.create_batch(n, plan=plan)
        GoalFactory.create_batch(n, plan=plan)
        plan.themes.add(*OrgThemeFactory.create_batch(n, organisation=org_a.org))
        plan.kpis.add(*KpiFactory.create_batch(n, organisation=org_a.org))

    path = url(org_a.org, "next_cycle", pk=plan.pk)
    assert assert_queries_constant(client_for(org_a.member), path, add, large=30) <= 15


def test_the_step_links_to_the_next_cycle(org_a, client_for):
    plan = PlanFactory(organisation=org_a.org)
    step = plan.steps.get(step__code="4.5")
    page = client_for(org_a.viewer).get(url(org_a.org, "step", pk=plan.pk, step_pk=step.pk))
    assert url(org_a.org, "next_cycle", pk=plan.pk) in page.content.decode()


def test_a_carried_action_counts_once_as_open_and_late(org_a):
    plan = PlanFactory(organisation=org_a.org, start_year=2020, end_year=2022)
    late = ActionFactory(plan=plan, status="lopend", planned_year=2021, planned_quarter=2)
    done = ActionFactory(plan=plan, status="afgerond", planned_year=2021, planned_quarter=1)
    assert set(Action.objects.for_org(org_a.org).overdue()) == {late}
    new = services.start_next_cycle(plan, org_a.member)
    copy = new.actions.get()
    assert copy.carried_from == late
    # The original stays in the old plan as it was, but only the copy is still to do.
    late.refresh_from_db()
    assert late.status == "lopend" and done.status == "afgerond"
    assert list(Action.objects.for_org(org_a.org).open()) == [copy]
    assert not Action.objects.for_org(org_a.org).overdue().exists()


def test_a_second_start_says_why_once_and_counts_nothing_left_to_carry(org_a, client_for):
    plan = PlanFactory(organisation=org_a.org, start_year=2020, end_year=2022)
    ActionFactory(plan=plan, status="lopend")
    client = client_for(org_a.member)
    target = reverse("plans:next_cycle", kwargs={"org_slug": org_a.org.slug, "pk": plan.pk})
    assert client.post(target).status_code == 302
    page = client.post(target, follow=True).content.decode()
    assert page.count("Er is al een volgende cyclus") == 1
    assert client.get(target).context["preview"]["open_actions"] == 0
