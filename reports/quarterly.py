"""The content of the quarterly report of a plan: ``context(report)`` for
``templates/reports/pdf/quarterly.html`` (reports.rendering renders it in the report's language).

The report shows the plan as it stood on ``as_of``: today for the running quarter (so its
numbers are the dashboard's), the quarter's last day for a finished quarter. KPI measurements
of later quarters do not count for a finished quarter; for the running quarter every
measurement counts, as on the dashboard.

Everything is read with a fixed number of queries, whatever the number of KPIs, actions or
dialogues: counts are aggregates, lists are ``values()`` rows or select/prefetch-related
objects, and "when did this action become done" is a subquery on the action's history.

Sections of higher apps (due diligence, MVOI) come from ``plans.registry`` ("report_sections";
the dict shape is described there) and are rendered generically.
"""

from datetime import date, datetime, time, timedelta

from django.db.models import (
    Count,
    DateTimeField,
    F,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _

from kpis.charts import kpi_chart, year_label
from kpis.charts import quarter_label as chart_quarter_label
from kpis.models import (
    MISSING_LABELS,
    Frequency,
    Kpi,
    StatusLabel,
    current_quarter,
    quarter_end,
    status_counts,
)
from plans import registry
from plans.models import (
    Action,
    ActionStatus,
    Goal,
    Plan,
    PlanStep,
    PlanVersion,
    StepStatus,
    encode_quarter,
)
from plans.smart import smart_check
from stakeholders.models import Dialogue
from themes.expressions import person_name, theme_name

from .models import QuarterNote
from .rendering import svg_image
from .views import due_this_quarter

# The SMART letters, found from the Dutch start of each smart_check message.
SMART_LETTERS = {
    "Specifiek": "S",
    "Meetbaar": "M",
    "Acceptabel": "A",
    "Realistisch": "R",
    "Tijdgebonden": "T",
}
LIGHTS = {
    StatusLabel.ACHIEVED: "behaald",
    StatusLabel.ON_TRACK: "op_koers",
    StatusLabel.BEHIND: "achter",
    StatusLabel.NO_DATA: "geen_data",
}


def quarter_start(year, quarter):
    return date(year, (quarter - 1) * 3 + 1, 1)


def next_quarter(year, quarter):
    return (year, quarter + 1) if quarter < 4 else (year + 1, 1)


def as_of_date(year, quarter, today=None):
    """The day the report describes: today in the running quarter, else the quarter's end."""
    today = today or timezone.localdate()
    return min(today, quarter_end(year, quarter))


def quarter_label(year, quarter):
    return _("K%(quarter)s %(year)s") % {"quarter": quarter, "year": year}


def _day_start(day):
    return timezone.make_aware(datetime.combine(day, time.min))


# --- KPIs ------------------------------------------------------------------------------------


def plan_kpis(plan):
    """The KPIs of a plan: those linked to it, plus those its goals are measured with (as in
    the approved plan's snapshot, plans/snapshot.py), so a goal's KPI is never missing."""
    linked = Plan.kpis.through.objects.filter(plan=plan).values("kpi_id")
    of_goals = Goal.objects.filter(plan=plan, kpi__isnull=False).values("kpi_id")
    return Kpi.objects.for_org(plan.organisation_id).filter(Q(pk__in=linked) | Q(pk__in=of_goals))


def kpi_section(kpis, progress, as_of, until):
    """One row per KPI with its progress and chart; targets and measurements prefetched (two
    queries), measurements after ``until`` left out of the chart. The chart's "today" line
    marks ``as_of``; for a finished quarter it is labelled as the quarter's end."""
    line_label = None
    if until is not None:
        line_label = _("eind %(quarter)s") % {"quarter": quarter_label(*until)}
    rows = []
    for kpi in kpis.with_full_data(until=until).order_by("name", "pk"):
        result = progress[kpi.pk]
        status = StatusLabel(result.status)
        rows.append(
            {
                "kpi": kpi,
                "theme": kpi.theme.name,
                "progress": result,
                "status": status.label,
                "light": LIGHTS[status],
                "missing": MISSING_LABELS[result.missing] if result.missing else "",
                "target": result.target,
                "latest": result.latest,
                "latest_label": _latest_label(kpi, result.latest),
                "chart": svg_image(kpi_chart(kpi, today=as_of, today_label=line_label)),
            }
        )
    return rows


def _latest_label(kpi, latest):
    if latest is None:
        return ""
    if kpi.frequency == Frequency.YEARLY:
        return year_label(latest.date)
    return chart_quarter_label(latest.date)


# --- Goals -----------------------------------------------------------------------------------


def smart_letters(goal, plan, kpi_progress):
    """The SMART letters the goal still misses, e.g. "M, T"."""
    with translation.override("nl"):
        messages = smart_check(goal, plan, kpi_progress)
    letters = []
    for message in messages:
        letter = SMART_LETTERS.get(message.split(":", 1)[0])
        if letter and letter not in letters:
            letters.append(letter)
    return letters


def goal_section(plan, progress, note_items):
    goals = (
        Goal.objects.filter(plan=plan)
        .select_related("plan", "theme__framework_theme", "kpi__theme__framework_theme")
        .annotate(theme_label=theme_name("theme"))
        .order_by("theme_label", "title", "pk")
    )
    rows = []
    for goal in goals:
        kpi_progress = progress.get(goal.kpi_id)
        messages = smart_check(goal, goal.plan, kpi_progress)
        rows.append(
            {
                "goal": goal,
                "theme": goal.theme_label or "",
                "smart": not messages,
                "missing": smart_letters(goal, goal.plan, kpi_progress) if messages else [],
                "messages": messages,
                "note": note_items.get(("goal", goal.pk)),
            }
        )
    return rows


# --- Actions ---------------------------------------------------------------------------------


def done_since():
    """Subquery: when the action last became afgerond (the first history record of its
    current afgerond stretch), from the simple-history records of Action."""
    history = Action.history.model
    last_not_done = (
        history.objects.filter(id=OuterRef(OuterRef("pk")))
        .exclude(status=ActionStatus.DONE)
        .order_by("-history_date")
        .values("history_date")[:1]
    )
    earliest = timezone.make_aware(datetime(1900, 1, 1))
    return (
        history.objects.filter(id=OuterRef("pk"), status=ActionStatus.DONE)
        .filter(
            history_date__gt=Coalesce(
                Subquery(last_not_done), Value(earliest), output_field=DateTimeField()
            )
        )
        .order_by("history_date")
        .values("history_date")[:1]
    )


def action_querysets(plan, year, quarter, as_of):
    """The action lists of the report as querysets (not yet evaluated)."""
    actions = Action.objects.for_org(plan.organisation_id).filter(plan=plan)
    start = _day_start(quarter_start(year, quarter))
    end = _day_start(quarter_end(year, quarter) + timedelta(days=1))
    next_year, next_q = next_quarter(year, quarter)
    next_start, next_end = quarter_start(next_year, next_q), quarter_end(next_year, next_q)
    return {
        "done": actions.filter(status=ActionStatus.DONE)
        .annotate(done_at=Subquery(done_since()))
        .filter(done_at__gte=start, done_at__lt=end),
        "late": actions.overdue(as_of),
        "due": due_this_quarter(actions, as_of),
        "next": actions.open().filter(
            Q(due_date__gte=next_start, due_date__lte=next_end)
            | Q(due_date__isnull=True, planned_period=encode_quarter(next_year, next_q))
        ),
        "open": actions.open(),
        "all": actions,
    }


def action_counts(querysets):
    """All counts in one query."""
    base = querysets["all"]
    return base.aggregate(
        **{
            key: Count("pk", filter=Q(pk__in=qs.values("pk")))
            for key, qs in querysets.items()
            if key != "all"
        },
        all=Count("pk"),
    )


# The action chapter shows this many actions per list (with the number of the others); the
# appendix lists every action of the plan, so long lists are not printed twice.
LIST_CAP = 25

ACTION_FIELDS = (
    "pk",
    "title",
    "status",
    "due_date",
    "planned_year",
    "planned_quarter",
    "goal_title",
    "theme_label",
    "responsible_name",
)


def action_rows(queryset, limit=None):
    """Plain rows for a table: one query, no model objects; the first ``limit`` rows only
    when given."""
    labels = dict(ActionStatus.choices)
    rows = list(
        queryset.annotate(
            goal_title=F("goal__title"),
            theme_label=theme_name("theme"),
            responsible_name=person_name("responsible"),
        )
        .order_by("planned_period", "due_date", "title", "pk")
        .values(*ACTION_FIELDS)[:limit]
    )
    for row in rows:
        row["status_label"] = labels.get(row["status"], row["status"])
        row["planned"] = (
            quarter_label(row["planned_year"], row["planned_quarter"])
            if row["planned_year"] and row["planned_quarter"]
            else ""
        )
        # the goal it serves, or else its theme (a goal already names its theme)
        row["serves"] = row["goal_title"] or row["theme_label"] or ""
        row["when"] = " · ".join(
            v
            for v in (row["planned"], row["due_date"] and date_format(row["due_date"], "d-m-Y"))
            if v
        )
    return rows


def appendix_groups(rows):
    """The appendix's actions grouped by the goal they serve (or else their theme), groups in
    alphabetical order and those without either last: [{"title", "rows"}]. Three columns per
    row instead of five halves WeasyPrint's work on a long appendix (each cell is a box)."""
    groups = {}
    for row in rows:
        groups.setdefault(row["serves"], []).append(row)
    ordered = sorted(groups.items(), key=lambda item: (item[0] == "", item[0].casefold()))
    return [{"title": title, "rows": group} for title, group in ordered]


# --- Steps, dialogues, toelichting -----------------------------------------------------------


def step_section(plan):
    """The plan's steps grouped by phase: [{phase, steps, done, total}]."""
    steps = PlanStep.objects.filter(plan=plan).select_related("step__phase", "updated_by")
    phases = []
    for plan_step in steps.order_by("step__phase__number", "step__order"):
        phase = plan_step.step.phase
        if not phases or phases[-1]["phase"].pk != phase.pk:
            phases.append({"phase": phase, "steps": [], "done": 0})
        phases[-1]["steps"].append(plan_step)
        phases[-1]["done"] += plan_step.status == StepStatus.DONE
    for group in phases:
        group["total"] = len(group["steps"])
    return phases


def dialogues_of_quarter(plan, year, quarter):
    """The organisation's dialogues dated in the quarter. Dialogues belong to the organisation
    and name themes, not plans; a plan's stakeholder work is the organisation's, so the report
    shows all of them (with the themes they touched) rather than guessing which plan each one
    served."""
    return list(
        Dialogue.objects.for_org(plan.organisation_id)
        .filter(date__gte=quarter_start(year, quarter), date__lte=quarter_end(year, quarter))
        .with_related()
        .order_by("date", "pk")
    )


def quarter_note(plan, year, quarter):
    """(note or None, {("theme"|"goal", id): item}, [theme items in name order])."""
    note = (
        QuarterNote.objects.filter(plan=plan, year=year, quarter=quarter)
        .select_related("updated_by")
        .prefetch_related("items__theme__framework_theme")
        .first()
    )
    if note is None:
        return None, {}, []
    items, themes = {}, []
    for item in note.items.all():
        if item.theme_id:
            items[("theme", item.theme_id)] = item
            themes.append(item)
        else:
            items[("goal", item.goal_id)] = item
    themes.sort(key=lambda item: item.theme.name.lower())
    return note, items, themes


def provider_sections(plan, year, quarter):
    """The sections of higher apps (plans.registry "report_sections"), skipping empty ones,
    with each table's cells paired with their column's alignment for the template."""
    sections = []
    for key, section in registry.collect("report_sections", plan, year, quarter).items():
        if not section:
            continue
        tables = []
        for table in section.get("tables") or []:
            columns = [
                column if isinstance(column, dict) else {"label": column, "numeric": False}
                for column in table.get("columns", [])
            ]
            rows = [
                [
                    {
                        "value": "–" if value in (None, "") else value,
                        "numeric": index < len(columns) and columns[index].get("numeric", False),
                    }
                    for index, value in enumerate(row)
                ]
                for row in table.get("rows", [])
            ]
            tables.append({**table, "columns": columns, "rows": rows})
        figure = section.get("figure")
        if figure and figure.get("svg"):
            figure = {**figure, "image": svg_image(figure["svg"])}
        sections.append({**section, "key": key, "tables": tables, "figure": figure})
    return sections


def approval(plan):
    version = PlanVersion.objects.filter(plan=plan).order_by("-number").first()
    return version


# --- The whole report ------------------------------------------------------------------------


def context(report, today=None):
    plan = (
        Plan.objects.select_related("organisation", "coordinator").filter(pk=report.plan_id).first()
    )
    if plan is None:
        from .rendering import GoneError

        raise GoneError(f"plan {report.plan_id} is gone")
    year, quarter = report.year, report.quarter
    today = today or timezone.localdate()
    as_of = as_of_date(year, quarter, today)
    running = (year, quarter) >= current_quarter(today)
    until = None if running else (year, quarter)

    kpis = plan_kpis(plan)
    progress = kpis.progress_map(as_of, until=until)
    note, note_items, theme_notes = quarter_note(plan, year, quarter)
    goals = goal_section(plan, progress, note_items)
    querysets = action_querysets(plan, year, quarter, as_of)
    counts = action_counts(querysets)
    phases = step_section(plan)
    steps_total = sum(group["total"] for group in phases)
    steps_done = sum(group["done"] for group in phases)
    label = quarter_label(year, quarter)
    next_label = quarter_label(*next_quarter(year, quarter))
    goals_smart = sum(1 for goal in goals if goal["smart"])

    result = {
        "plan": plan,
        "organisation": plan.organisation,
        "year": year,
        "quarter": quarter,
        "quarter_label": label,
        "next_quarter_label": next_label,
        "as_of": as_of,
        "running": running,
        "title": _("Kwartaalrapportage %(quarter)s – %(plan)s")
        % {"quarter": label, "plan": plan.title},
        "version": approval(plan),
        "kpi_status_counts": [
            {"label": status.label, "light": LIGHTS[status], "count": count}
            for status, count in status_counts(progress.values())
        ],
        "kpi_total": len(progress),
        "kpis": kpi_section(kpis, progress, as_of, until),
        "goals": goals,
        "goal_total": len(goals),
        "goal_notes": sum(1 for goal in goals if goal["note"]),
        "goals_smart": goals_smart,
        "goals_incomplete": len(goals) - goals_smart,
        "counts": counts,
        **{
            f"{key}_actions": action_rows(querysets[key], LIST_CAP)
            for key in ("done", "late", "next")
        },
        "appendix": appendix_groups(action_rows(querysets["all"])),
        "phases": phases,
        "steps_total": steps_total,
        "steps_done": steps_done,
        "dialogues": dialogues_of_quarter(plan, year, quarter),
        "note": note,
        "theme_notes": theme_notes,
        "sections": provider_sections(plan, year, quarter),
    }
    result["more"] = {
        key: max(0, counts[key] - len(result[f"{key}_actions"])) for key in ("done", "late", "next")
    }
    return result
