"""The demo plans let a new user follow Lexman BV and AGV BV through MVO STEPS, and Gemeente
Voorbeeld through its MVOI plan."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mvo.models import Membership, Organisation, Role
from plans import services
from plans.models import (
    MAX_GOALS_PER_THEME,
    Action,
    Goal,
    Plan,
    StepStatus,
    UrgentVote,
    Wish,
)

COMPANIES = ["lexman", "agv"]


@pytest.fixture
def seeded(db):
    call_command("seed_demo", stdout=StringIO())


def plan_of(slug):
    """The organisation's MVO STEPS or MVOI plan (AGV also has a due-diligence plan)."""
    return Plan.objects.exclude(method="due_diligence").get(organisation__slug=slug)


def statuses(plan, phase):
    return [s.status for s in plan.steps.filter(step__phase__number=phase)]


@pytest.mark.parametrize("slug", COMPANIES)
def test_companies_have_an_mvo_steps_plan_done_through_phase_two(seeded, slug):
    plan = plan_of(slug)
    today = timezone.localdate()
    assert plan.method == "mvo_steps"
    assert (plan.start_year, plan.end_year) == (today.year - 1, today.year + 1)
    assert plan.coordinator is not None
    for phase in (1, 2):
        assert set(statuses(plan, phase)) == {StepStatus.DONE}
    for step in plan.steps.filter(step__phase__number__in=[1, 2]).select_related("step"):
        assert step.notes, step.step.code
        answers = [a for a in step.answers if a.strip()]
        assert len(answers) == len(step.step.questions_nl), step.step.code
    phase_three = Counter(statuses(plan, 3))
    assert phase_three[StepStatus.IN_PROGRESS] >= 1 and phase_three[StepStatus.NOT_STARTED] >= 1
    assert set(statuses(plan, 4)) == {StepStatus.NOT_STARTED}
    assert plan.kpis.count() >= 8 and plan.themes.filter(is_focus=True).count() == 3


@pytest.mark.parametrize("slug", COMPANIES)
def test_mission_and_vision_are_final_with_processed_feedback_and_versions(seeded, slug):
    mission_vision = plan_of(slug).mission_vision
    assert mission_vision.stage == "definitief"
    assert mission_vision.mission and mission_vision.vision
    assert len(mission_vision.answers["mission"]) == 5
    assert len(mission_vision.answers["vision"]) == 4
    feedback = list(mission_vision.feedback.all())
    assert 2 <= len(feedback) <= 3 and all(f.processed for f in feedback)
    versions = list(mission_vision.versions.order_by("number"))
    assert [v.stage for v in versions] == [
        "voorlopig",
        "voorlopig",
        "getoetst",
        "getoetst",
        "definitief",
    ]
    assert versions[0].mission != versions[-1].mission
    assert versions[-1].mission == mission_vision.mission
    dates = [v.created_at for v in versions]
    assert dates == sorted(dates) and dates[-1] < timezone.now()


@pytest.mark.parametrize("slug", COMPANIES)
def test_droombeelden_are_grouped_into_at_most_three_goals_per_theme(seeded, slug):
    plan = plan_of(slug)
    per_theme = (
        Goal.objects.filter(plan=plan, theme__isnull=False)
        .values("theme")
        .annotate(n=Count("pk"))
        .values_list("n", flat=True)
    )
    assert max(per_theme) == MAX_GOALS_PER_THEME
    wishes = Wish.objects.filter(plan=plan).select_related("goal")
    assert wishes.count() >= 12
    for focus in plan.themes.filter(is_focus=True):
        mine = [w for w in wishes if w.theme_id == focus.pk]
        assert len({w.department for w in mine}) >= 3, focus
        assert len({w.author_id for w in mine}) >= 3, focus
    grouped = [w for w in wishes if w.goal_id]
    assert all(w.goal.theme_id == w.theme_id for w in grouped)
    assert len(grouped) < wishes.count()  # some still wait for the coordinator


@pytest.mark.parametrize("slug", COMPANIES)
def test_goals_are_mostly_smart_with_one_incomplete_and_one_general(seeded, slug):
    smart = pytest.importorskip("plans.smart")
    plan = plan_of(slug)
    goals = list(plan.goals.select_related("kpi__theme", "theme"))
    assert 10 <= len(goals) <= 14
    general = [g for g in goals if g.kind == "algemeen"]
    assert len(general) == 1 and general[0].kpi is None
    incomplete = [g for g in goals if smart.smart_check(g, plan)]
    assert len(incomplete) == 1, [(g.title, smart.smart_check(g, plan)) for g in incomplete]
    themed = [g for g in goals if g.kind == "thema"]
    assert all(g.kpi and g.kpi.organisation_id == plan.organisation_id for g in themed)
    assert all(plan.contains(g.deadline) for g in goals if g.deadline)


@pytest.mark.parametrize("slug", COMPANIES)
def test_actions_show_every_status_and_some_are_late(seeded, slug):
    plan = plan_of(slug)
    actions = Action.objects.filter(plan=plan)
    assert 28 <= actions.count() <= 35
    assert set(actions.values_list("status", flat=True)) == {
        "gepland",
        "lopend",
        "afgerond",
        "uitgesteld",
        "geschrapt",
    }
    assert actions.overdue().count() >= 3
    periods = set(actions.values_list("planned_year", "planned_quarter"))
    assert len(periods) >= 7 and all(p in plan.quarters for p in periods)
    assert actions.filter(within_budget=False).exists()
    assert actions.filter(budget__isnull=False).exists() and actions.filter(budget=None).exists()
    assert actions.filter(hours__isnull=False).exists()
    writers = set(
        Membership.objects.filter(
            organisation=plan.organisation, role__in=[Role.MEMBER, Role.MANAGER, Role.ADMIN]
        ).values_list("user_id", flat=True)
    )
    assert set(actions.values_list("responsible_id", flat=True)) <= writers
    votes = UrgentVote.objects.filter(plan=plan)
    assert votes.count() >= 5
    per_voter = Counter(votes.values_list("voter_id", "theme_id"))
    assert max(per_voter.values()) <= 2
    assert all(v.theme_id == v.action.theme_id for v in votes.select_related("action"))


def test_the_municipality_has_an_mvoi_plan_with_the_first_three_steps_done(seeded):
    plan = plan_of("gemeente-voorbeeld")
    today = timezone.localdate()
    assert plan.method == "mvoi"
    assert (plan.start_year, plan.end_year) == (today.year - 2, today.year + 1)
    done = set(plan.steps.filter(status="afgerond").values_list("step__code", flat=True))
    assert done == {"1", "2", "3"}
    assert 4 <= plan.actions.count() <= 8 and plan.actions.overdue().exists()
    assert plan.goals.exists()


def test_seeding_again_adds_nothing(seeded):
    models = (Plan, Goal, Wish, Action, UrgentVote)

    def counts():
        return [m.objects.count() for m in models]

    before = counts()
    plan = plan_of("lexman")
    plan.actions.filter(pk=plan.actions.first().pk).update(title="Eigen titel")
    call_command("seed_demo", stdout=StringIO())
    assert counts() == before
    assert Action.objects.filter(title="Eigen titel").count() == 1  # users' edits stay


def test_the_demo_can_start_its_next_cycle(seeded):
    plan = plan_of("lexman")
    user = plan.coordinator
    still_to_do = plan.actions.open().count()
    new = services.start_next_cycle(plan, user)
    assert new.title == f"MVO-plan Lexman {plan.end_year + 1}–{plan.end_year + 3}"
    assert new.goals.filter(needs_review=True).count() == plan.goals.count()
    assert new.actions.count() == still_to_do > 0
    assert not plan.actions.open().exists()  # carried over: to do in the new plan only
    assert set(statuses(new, 1)) == {StepStatus.DONE}
    assert new.mission_vision.stage == "definitief"


@pytest.mark.parametrize("slug", ["lexman", "agv", "gemeente-voorbeeld"])
def test_demo_plan_pages_open(seeded, slug):
    plan = plan_of(slug)
    member = Membership.objects.filter(organisation=plan.organisation, role=Role.MEMBER).first()
    client = Client()
    client.force_login(member.user)
    org = Organisation.objects.get(slug=slug)
    for name in ("detail", "next_cycle"):
        response = client.get(reverse(f"plans:{name}", args=[org.slug, plan.pk]))
        assert response.status_code == 200, name


def test_the_demo_shows_the_approval_workflow(seeded, client_for):
    from django.core import mail

    from plans import approval
    from plans.models import PlanStatus, TransitionKind

    lexman = plan_of("lexman")
    version = lexman.versions.get()
    assert (version.number, version.approved_by.email) == (1, "directie@lexman.example")
    assert version.submitted_by.email == "werkgroep@lexman.example"
    assert version.submitted_at < version.approved_at < timezone.now()
    assert lexman.status == PlanStatus.DRAFT  # changed since version 1
    kinds = list(lexman.transitions.order_by("at").values_list("kind", flat=True))
    assert kinds == [TransitionKind.SUBMIT, TransitionKind.APPROVE, TransitionKind.CHANGED]
    _version, _now, changes = approval.changes_since_approval(lexman)
    assert [part["key"] for part in changes] == ["goals"]
    changed = {
        c["column"]["key"]: (c["old"], c["new"]) for c in changes[0]["changed"][0]["changes"]
    }
    assert changed["target_value"] == ("92", "90")

    agv = plan_of("agv")
    assert agv.status == PlanStatus.SUBMITTED and agv.submitted_by.email == "werkgroep@agv.example"
    assert not agv.versions.exists()
    assert mail.outbox == []  # the demo's notifications stay in the app

    for plan in (lexman, agv):
        manager = Membership.objects.get(organisation=plan.organisation, role=Role.MANAGER).user
        page = client_for(manager).get(
            reverse("plans:approval", args=[plan.organisation.slug, plan.pk])
        )
        assert page.status_code == 200
    assert "Plan goedkeuren" in page.content.decode()  # the AGV director may approve
    page = client_for(manager).get(reverse("plans:version", args=["lexman", lexman.pk, 1]))
    assert page.status_code == 404  # the AGV director does not see Lexman's plan
    page = client_for(version.approved_by).get(
        reverse("plans:version", args=["lexman", lexman.pk, 1])
    )
    assert "Vastgesteld plan, versie 1" in page.content.decode()
