"""Plans for tests of approval and of the approved plan as PDF."""

from datetime import date
from decimal import Decimal

from django.utils.translation import gettext_lazy

from mvo.models import Role
from plans import approval, snapshot
from plans.models import PlanStatus
from tests.factories import (
    ActionFactory,
    GoalFactory,
    KpiFactory,
    OrgThemeFactory,
    PlanFactory,
    TargetFactory,
)


def build_full_plan(org):
    """A plan with everything a snapshot holds: mission, themes, a goal on a KPI with its
    baseline and targets, actions and steps."""
    theme = OrgThemeFactory(
        organisation=org, own_name="Afval", is_focus=True, ambition_current=2, ambition_target=3
    )
    kpi = KpiFactory(
        organisation=org,
        theme=theme,
        name="Restafval per medewerker",
        unit="kg",
        baseline_value=Decimal("120.5"),
        baseline_date=date(2024, 12, 31),
    )
    TargetFactory(kpi=kpi, date=date(2027, 12, 31), value=Decimal("80"))
    TargetFactory(kpi=kpi, date=date(2026, 12, 31), value=Decimal("100"))
    plan = PlanFactory(organisation=org, title="MVO-plan Zuid", description="Ons eerste plan.")
    plan.themes.set([theme])
    plan.kpis.set([kpi])
    mission = plan.mission_vision
    mission.mission = "Wij maken schoon en zuinig."
    mission.vision = "In 2030 gooien wij niets meer weg."
    mission.save()
    goal = GoalFactory(
        plan=plan,
        kind="thema",
        title="Een derde minder restafval",
        theme=theme,
        kpi=kpi,
        target_value=Decimal("80"),
        deadline=date(2027, 12, 31),
        specific="Van 120 naar 80 kg per medewerker per jaar.",
    )
    ActionFactory(
        plan=plan,
        title="Afvalbakken per soort",
        goal=goal,
        budget=Decimal("2500"),
        planned_year=2025,
        planned_quarter=2,
        description="In elke kantine drie bakken.",
    )
    ActionFactory(plan=plan, title="Lunch zonder plastic", status="lopend")
    return {"plan": plan, "kpi": kpi, "goal": goal, "theme": theme}


def approve(org_a, plan, comment=""):
    """Submit (as the member) unless submitted, then approve (as the manager)."""
    plan.refresh_from_db()
    if plan.status != PlanStatus.SUBMITTED:
        approval.submit_plan(plan, org_a.member, Role.MEMBER, "Graag een oordeel.")
    version = approval.approve_plan(plan, org_a.manager, Role.MANAGER, comment)
    plan.refresh_from_db()
    return version


def risk_provider(plan):
    """A ``snapshot`` provider as a higher app (due diligence) would register one: one table
    section with one risk named after the plan."""
    labels = snapshot.Labels()
    return [
        snapshot.section(
            labels,
            "risks",
            gettext_lazy("Risico's in de keten"),
            [
                snapshot.column(labels, "name", gettext_lazy("risico")),
                snapshot.column(labels, "score", gettext_lazy("score"), "number"),
            ],
            [{"id": "risk-1", "cells": {"name": f"Kinderarbeid ({plan.title})", "score": "12"}}],
        )
    ]
