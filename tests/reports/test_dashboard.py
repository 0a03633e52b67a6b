"""The dashboard shows plans, KPI and goal statuses, actions, dialogues and what needs the
signed-in user, at a glance, in a number of queries that does not grow with the rows."""

from datetime import date

from django.utils import timezone

from plans.models import Plan
from tests.factories import (
    ActionFactory,
    DialogueFactory,
    GoalFactory,
    KpiFactory,
    MeasurementFactory,
    OrgThemeFactory,
    PlanFactory,
    StakeholderFactory,
    TargetFactory,
)
from tests.helpers import assert_queries_constant


def test_dashboard_summarises(org_a, client_for):
    theme = OrgThemeFactory(organisation=org_a.org, own_name="Water", is_focus=True)
    behind = KpiFactory(
        organisation=org_a.org,
        theme=theme,
        name="Waterverbruik",
        baseline_value=0,
        baseline_date=date(2020, 1, 1),
    )
    TargetFactory(kpi=behind, date=date(2020, 12, 31), value=100)
    MeasurementFactory(kpi=behind, year=2020, quarter=4, value=10)
    KpiFactory(organisation=org_a.org, theme=theme, name="Zonder data")
    DialogueFactory(
        organisation=org_a.org, stakeholders=[StakeholderFactory(organisation=org_a.org)]
    )
    page = client_for(org_a.viewer).get(f"/o/{org_a.org.slug}/").content.decode()
    assert "Waterverbruik" in page  # listed as behind
    assert "1 dialoog wacht nog op opvolging" in page
    assert "Water" in page and org_a.admin.email not in page  # names, not addresses
    assert "?status=achter" in page


def test_dashboard_queries_do_not_grow(org_a, client_for):
    def add(n):
        theme = OrgThemeFactory(organisation=org_a.org, is_focus=True)
        for kpi in KpiFactory.create_batch(n, organisation=org_a.org, theme=theme):
            MeasurementFactory(kpi=kpi)

    assert assert_queries_constant(client_for(org_a.viewer), f"/o/{org_a.org.slug}/", add) <= 25


# --- Plans, goals, actions and the "what needs you" list ------------------------------------


def _late_action(org, **kwargs):
    return ActionFactory(
        plan=kwargs.pop("plan"), organisation=org, due_date=date(2020, 1, 1), **kwargs
    )


def _set_status(plans, status, by=None):
    """Plans moved by the workflow (which writes its fields with an UPDATE). Done after their
    goals and actions are added: a change of plan content makes a plan a concept again."""
    plans.update(status=status, submitted_by=by)


def test_dashboard_shows_plans_goals_and_actions(org_a, client_for):
    plan = PlanFactory(organisation=org_a.org, title="Duurzaam 2025")
    step = plan.steps.first()
    step.status = "afgerond"
    step.save()
    GoalFactory(plan=plan, specific="x", acceptable="y", realistic="z", deadline=date(2026, 6, 1))
    GoalFactory(plan=plan)  # nothing filled in: not SMART
    late = _late_action(org_a.org, plan=plan, title="Zonnepanelen plaatsen")
    today = timezone.localdate()
    soon = ActionFactory(plan=plan, title="Fietsplan invoeren", due_date=today)
    ActionFactory(plan=plan, title="Al klaar", due_date=date(2020, 1, 1), status="afgerond")
    _set_status(Plan.objects.filter(pk=plan.pk), "goedgekeurd")
    page = client_for(org_a.viewer).get(f"/o/{org_a.org.slug}/").content.decode()
    assert f"/plannen/{plan.pk}/" in page and "Goedgekeurd" in page
    total = plan.steps.count()
    assert f"1 van {total} stappen afgerond" in page
    assert "1 van 2 doelen SMART" in page
    assert "Zonnepanelen plaatsen" in page and f"/plannen/acties/{late.pk}/" in page
    assert "Fietsplan invoeren" in page and f"/plannen/acties/{soon.pk}/" in page
    assert "Al klaar" not in page
    assert 'style="' not in page and "<script>" not in page


def test_long_lists_are_capped_with_a_link(org_a, client_for):
    plan = PlanFactory(organisation=org_a.org)
    for n in range(13):
        _late_action(org_a.org, plan=plan, title=f"Laat {n:02}")
    page = client_for(org_a.viewer).get(f"/o/{org_a.org.slug}/").content.decode()
    assert "en nog 3 andere" in page and "?late=on" in page
    assert page.count("Laat ") == 10


def test_attention_list_for_the_signed_in_user(org_a, client_for):
    plan = PlanFactory(organisation=org_a.org, title="Ter goedkeuring")
    mine = _late_action(org_a.org, plan=plan, title="Mijn late actie", responsible=org_a.manager)
    _late_action(org_a.org, plan=plan, title="Andermans actie", responsible=org_a.member)
    owed = KpiFactory(organisation=org_a.org, name="CO2-uitstoot", owner=org_a.manager)
    _set_status(Plan.objects.filter(pk=plan.pk), "ingediend", by=org_a.member)
    page = client_for(org_a.manager).get(f"/o/{org_a.org.slug}/").content.decode()
    attention = page[page.index("Wat vraagt uw aandacht") : page.index('id="plans-heading"')]
    assert "Mijn late actie" in attention and f"/plannen/acties/{mine.pk}/" in attention
    assert "Andermans actie" not in attention
    assert "CO2-uitstoot" in attention and f"/kpis/{owed.pk}/" in attention
    assert f"/plannen/{plan.pk}/goedkeuring/" in attention

    # the submitter may not approve; a viewer cannot approve at all
    for user in (org_a.member, org_a.viewer):
        page = client_for(user).get(f"/o/{org_a.org.slug}/").content.decode()
        attention = page[page.index("Wat vraagt uw aandacht") : page.index('id="plans-heading"')]
        assert "/goedkeuring/" not in attention


def test_recent_dialogues_are_the_last_five(org_a, client_for):
    stakeholder = StakeholderFactory(organisation=org_a.org)
    for day in range(1, 8):
        DialogueFactory(
            organisation=org_a.org,
            date=date(2025, 3, day),
            subject=f"Gesprek {day}",
            stakeholders=[stakeholder],
        )
    page = client_for(org_a.member).get(f"/o/{org_a.org.slug}/").content.decode()
    assert "Gesprek 7" in page and "Gesprek 3" in page and "Gesprek 2" not in page


def test_other_organisations_rows_stay_out(org_a, org_b, client_for):
    plan = PlanFactory(organisation=org_b.org, title="Plan van B")
    _late_action(org_b.org, plan=plan, title="Actie van B")
    page = client_for(org_a.admin).get(f"/o/{org_a.org.slug}/").content.decode()
    assert "Plan van B" not in page and "Actie van B" not in page


def test_dashboard_queries_do_not_grow_with_plans_goals_actions(org_a, client_for):
    today = timezone.localdate()

    def add(n):
        for _ in range(max(1, n // 15)):
            plan = PlanFactory(organisation=org_a.org)
        kpi = KpiFactory(organisation=org_a.org, owner=org_a.manager)
        for i in range(n):
            GoalFactory(plan=plan, kind="thema", kpi=kpi, target_value=i)
            _late_action(org_a.org, plan=plan, responsible=org_a.manager)
            ActionFactory(plan=plan, due_date=today)
        _set_status(Plan.objects.for_org(org_a.org), "ingediend", by=org_a.member)

    client = client_for(org_a.manager)
    assert assert_queries_constant(client, f"/o/{org_a.org.slug}/", add) <= 25


def test_many_plans_are_capped(org_a, client_for):
    for n in range(12):
        PlanFactory(organisation=org_a.org, title=f"Plan {n:02}", method="mvoi")
    page = client_for(org_a.viewer).get(f"/o/{org_a.org.slug}/").content.decode()
    assert "en nog 2 andere plannen" in page
