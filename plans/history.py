"""What the history pages of plans show: the sources for mvo.history (the plan itself, its
mission and vision, steps, goals and actions, and the KPIs it measures itself by)."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kpis import history as kpi_history
from kpis.models import Kpi
from mvo import history as mvo_history
from mvo.history import Source

from .models import Action, Goal, MethodStep, MissionVision, Plan, PlanStep


def related(organisation):
    """The rows that the records of a plan point at, each loaded from the organisation."""
    return {
        **kpi_history.related(organisation),
        Plan: Plan.objects.for_org(organisation),
        Goal: Goal.objects.for_org(organisation),
        Action: Action.objects.for_org(organisation),
        MethodStep: MethodStep.objects.all(),
    }


def _url(organisation, name):
    def url(record):
        return reverse(name, kwargs={"org_slug": organisation.slug, "pk": record.id})

    return url


TITLE = {"title": _("titel")}


def action_source(organisation, records, link=True):
    return Source(
        "action",
        _("Actie"),
        records.filter(organisation=organisation),
        url=_url(organisation, "plans:action_history") if link else None,
        labels=TITLE,
    )


def goal_source(organisation, records, link=True):
    return Source(
        "goal",
        _("Doel"),
        records.filter(organisation=organisation),
        url=_url(organisation, "plans:goal_history") if link else None,
        labels=TITLE,
    )


def plan_sources(plan):
    """Everything that makes up the plan (a plan of ``plan.organisation``), and the KPIs
    linked to it or to its goals with their targets and measurements."""
    organisation = plan.organisation
    linked = Plan.kpis.through.objects.filter(plan=plan).values("kpi_id")
    measured = Goal.objects.filter(plan=plan, kpi__isnull=False).values("kpi_id")
    kpi_ids = (
        Kpi.objects.for_org(organisation).filter(Q(pk__in=linked) | Q(pk__in=measured)).values("pk")
    )
    return [
        Source(
            "plan",
            _("Plan"),
            Plan.history.filter(id=plan.pk, organisation=organisation),
            labels={"themes": _("thema's"), "kpis": _("KPI's")},
        ),
        Source(
            "mission",
            _("Missie en visie"),
            MissionVision.history.filter(plan_id=plan.pk),
            title=lambda record, fk: _("Missie en visie"),
            labels={"answers": _("antwoorden op de hulpvragen")},
            skip=frozenset({"plan"}),
        ),
        Source(  # steps come with the plan: only their changes are news
            "step",
            _("Stap"),
            PlanStep.history.filter(plan_id=plan.pk).exclude(history_type="+"),
            title=lambda record, fk: fk("step"),
            title_fks=("step",),
            labels={"answers": _("antwoorden")},
            skip=frozenset({"plan", "step"}),
        ),
        goal_source(organisation, Goal.history.filter(plan_id=plan.pk)),
        action_source(organisation, Action.history.filter(plan_id=plan.pk)),
        *kpi_history.kpi_sources(organisation, kpi_ids),
    ]


# --- Links emptied by a deletion -----------------------------------------------------------
# Deleting a goal empties the goal of its actions, deleting a KPI the KPI of its goals, and
# deleting a theme the theme of its actions: Django does that with one UPDATE (SET_NULL) that
# sends no signal, so simple-history would not see it. These hooks note the rows before the
# deletion and record them as changed after it.

EMPTIED = {  # deleted model name: [(model whose link is emptied, field)]
    "Goal": [(Action, "goal")],
    "Kpi": [(Goal, "kpi")],
    "OrgTheme": [(Action, "theme")],
}


def note_links(sender, instance, **kwargs):
    instance._emptied_links = [
        (model, list(model._base_manager.filter(**{field: instance.pk}).values_list("pk")))
        for model, field in EMPTIED.get(type(instance).__name__, [])
    ]


def record_emptied_links(sender, instance, **kwargs):
    from simple_history.models import HistoricalRecords

    request = getattr(HistoricalRecords.context, "request", None)
    user = getattr(request, "user", None)
    user = user if getattr(user, "is_authenticated", False) else None
    for model, rows in getattr(instance, "_emptied_links", []):
        mvo_history.record(model, [pk for (pk,) in rows], mvo_history.CHANGED, user)
