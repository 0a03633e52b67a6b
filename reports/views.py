from django.db.models import Count, Q, Window
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from kpis.models import Kpi, StatusLabel, current_quarter, quarter_end, status_counts
from mvo.models import Membership, Role
from plans import registry
from plans.approval import APPROVERS
from plans.models import Action, Goal, Plan, PlanStatus, encode_quarter
from plans.reminders import missing_measurements
from plans.smart import smart_check
from stakeholders.models import Dialogue
from themes.models import OrgTheme

from .models import Report

BEHIND_SHOWN = 10  # the dashboard names this many KPIs that are behind; the list has the rest
LIST_SHOWN = 10  # each list of plans or actions shows this many; its full list has the rest
DIALOGUES_SHOWN = 5
REPORTS_SHOWN = 5


def smart_summary(org, progress):
    """({plan id: [smart goals, all goals]}, smart total, goal total) over the organisation's
    goals. One query: the SMART check reads only the goal, its plan, KPI and themes, and the
    KPI's latest value comes from ``progress`` (the dashboard's progress_map)."""
    goals = Goal.objects.for_org(org).select_related(
        "plan", "theme__framework_theme", "kpi__theme__framework_theme"
    )
    per_plan = {}
    for goal in goals:
        counts = per_plan.setdefault(goal.plan_id, [0, 0])
        counts[1] += 1
        if not smart_check(goal, goal.plan, progress.get(goal.kpi_id)):
            counts[0] += 1
    smart = sum(c[0] for c in per_plan.values())
    total = sum(c[1] for c in per_plan.values())
    return per_plan, smart, total


def due_this_quarter(actions, today):
    """Open actions not yet late that are due in the current quarter: by due date, or
    without one, planned for this quarter."""
    year, quarter = current_quarter(today)
    return actions.open().filter(
        Q(due_date__gte=today, due_date__lte=quarter_end(year, quarter))
        | Q(due_date__isnull=True, planned_period=encode_quarter(year, quarter))
    )


@require_safe
def dashboard(request, org_slug):
    """The organisation at a glance: plans, KPI and goal statuses, actions, dialogues, what
    needs the signed-in user's attention, who is on board. The query count does not grow with
    the rows: every list is capped and counted in the database."""
    org = request.organisation
    user = request.user
    today = timezone.localdate()
    progress = Kpi.objects.for_org(org).progress_map(today)
    behind = [pk for pk, p in progress.items() if p.status == StatusLabel.BEHIND]

    per_plan, smart_total, goal_total = smart_summary(org, progress)
    # the number of plans comes with the rows (a window count), not from a second query
    plans = list(
        Plan.objects.for_org(org)
        .with_progress()
        .annotate(plan_count=Window(Count("pk")))[:LIST_SHOWN]
    )
    plans_more = plans[0].plan_count - len(plans) if plans else 0
    for plan in plans:
        plan.goals_smart, plan.goals_total = per_plan.get(plan.pk, (0, 0))

    base = Action.objects.for_org(org)
    lists = {
        "overdue": base.overdue(today),
        "due": due_this_quarter(base, today),
        "my_overdue": base.overdue(today).filter(responsible=user),
    }
    # one query counts all three lists; each list then shows its first rows
    totals = base.aggregate(
        **{key: Count("pk", filter=Q(pk__in=qs.values("pk"))) for key, qs in lists.items()}
    )
    shown = {
        key: list(qs.with_related()[:LIST_SHOWN]) if totals[key] else []
        for key, qs in lists.items()
    }
    overdue, due, my_overdue = shown["overdue"], shown["due"], shown["my_overdue"]
    more = {key: max(0, totals[key] - len(shown[key])) for key in lists}
    overdue_more, due_more, my_overdue_more = more["overdue"], more["due"], more["my_overdue"]
    year, quarter = current_quarter(today)
    actions_url = reverse("plans:actions", args=[org.slug])

    owed = missing_measurements(user, [org.pk], today)
    role = request.membership.role if request.membership else None
    to_approve = []
    if role in APPROVERS:
        to_approve = list(
            Plan.objects.for_org(org)
            .filter(status=PlanStatus.SUBMITTED)
            .exclude(submitted_by=user)
            .only("title", "start_year", "end_year", "submitted_at")
        )

    context = {
        "plans": plans,
        "plans_more": plans_more,
        "status_counts": status_counts(progress.values()),
        "kpi_total": len(progress),
        "behind": Kpi.objects.filter(pk__in=behind[:BEHIND_SHOWN]).only("name"),
        "behind_more": max(0, len(behind) - BEHIND_SHOWN),
        "goal_total": goal_total,
        "goals_smart": smart_total,
        "goals_incomplete": goal_total - smart_total,
        "overdue": overdue,
        "overdue_more": overdue_more,
        "due": due,
        "due_more": due_more,
        "this_year": year,
        "this_quarter": quarter,
        "due_more_url": f"{actions_url}?year={year}&quarter={quarter}",
        "my_overdue": my_overdue,
        "my_overdue_more": my_overdue_more,
        "owed": owed[:LIST_SHOWN],
        "owed_more": max(0, len(owed) - LIST_SHOWN),
        "to_approve": to_approve,
        "attention_empty": not (my_overdue or owed or to_approve),
        "can_edit_dialogues": role is not None and Role.at_least(role, Role.MEMBER),
        "dialogues": Dialogue.objects.for_org(org)[:DIALOGUES_SHOWN],
        "recent_reports": Report.objects.for_org(org)
        .for_list()
        .defer("version__data")[:REPORTS_SHOWN],
        "focus_themes": OrgTheme.objects.for_org(org).focus().select_related("framework_theme"),
        "open_dialogues": Dialogue.objects.for_org(org).needing_attention().count(),
        "members": Membership.objects.for_org(org).with_users(),
        # cards of higher apps (due diligence, MVOI); a provider returns None to show none
        "provider_cards": [
            card
            for _key, provider in registry.providers("dashboard")
            if (card := provider(request))
        ],
    }
    return render(request, "reports/dashboard.html", context)
