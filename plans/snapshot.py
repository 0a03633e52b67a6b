"""The approved version of a plan as plain data: built once, rendered from itself for ever.

A snapshot is JSON that carries everything it needs to be shown: section titles, column
labels and choice labels in both languages, values as text, numbers as decimal strings and
dates as ISO strings. Nothing in it refers to today's models, so renaming a field, changing a
choice label or deleting a row leaves every approved version exactly as it was. ``FORMAT``
says which shape a snapshot has; a future shape gets a new number and the renderer keeps
reading the old ones.

Shape (format 1)::

    {"format": 1,
     "plan": {"title": "...", "period": "2025–2027", "method": {"nl": "...", "en": "..."}},
     "sections": [
        {"key": "goals", "title": {"nl", "en"}, "layout": "table" | "fields",
         "columns": [{"key", "label": {"nl", "en"}, "type": TYPE, "progress": bool}],
         "rows": [{"id": "goal-12", "cells": {column key: value}}]},
        ...]}

Column types: ``text``, ``longtext``, ``number``, ``money``, ``date`` (ISO) and ``label``
(``{"nl", "en"}``). ``progress`` columns (an action's status, a step's status) show how
far the work is; they are frozen with the version but do not count as a change of the plan.

Higher apps add sections through the ``snapshot`` provider of plans.registry: each returns a
list of sections in this same shape.
"""

import hashlib
import json
from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.utils import translation
from django.utils.formats import date_format, number_format
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from . import registry

FORMAT = 1
READABLE_FORMATS = (1,)  # the shapes this code base can show; keep old ones readable
LANGUAGES = ("nl", "en")


class Labels:
    """Translatable texts in both languages, remembered so thousands of rows stay fast."""

    def __init__(self):
        self._seen = {}

    def __call__(self, text, **params):
        """``text`` (a lazy translation, optionally with %-parameters) in both languages."""
        if text is None or text == "":
            return None
        if not isinstance(text, Promise):
            raise TypeError("Labels need a lazy translation; use same() for typed text.")
        with translation.override("nl"):
            key = (str(text), tuple(sorted(params.items())))
        if key not in self._seen:
            both = {}
            for language in LANGUAGES:
                with translation.override(language):
                    both[language] = str(text) % params if params else str(text)
            self._seen[key] = both
        return self._seen[key]


def same(text):
    """A text that is the same in both languages (a name someone typed)."""
    return {"nl": text, "en": text} if text else None


def column(labels, key, label, kind="text", progress=False):
    return {"key": key, "label": labels(label), "type": kind, "progress": progress}


def section(labels, key, title, columns, rows, layout="table"):
    return {
        "key": key,
        "title": labels(title),
        "layout": layout,
        "columns": columns,
        "rows": rows,
    }


def plain(value):
    """A model value as plain JSON."""
    if value is None or value == "":
        return None
    if isinstance(value, Decimal):
        # Without the trailing zeros the database adds (98765.4300 → "98765.43"), and never
        # in exponent notation (80 → "80", not "8E+1").
        return format(value.normalize(), "f")
    if isinstance(value, date):
        return value.isoformat()
    return value


def linked(kind, pk, names):
    """A linked row (a person, goal, KPI, theme) or a choice: its name in both languages and
    a ``ref`` that stays the same when the name changes. Comparisons go by the ref, so
    renaming a person or a goal is not a change of every plan that mentions them."""
    if not names:
        return None
    return {**names, "ref": f"{kind}:{pk}"}


def choice(labels, member):
    """A choice (status, method, stage ...) in both languages, compared by its code."""
    return linked("choice", member.value, labels(member.label))


def choice_of(labels, choices, value):
    """A choice value (a code) as a snapshot label, or None when empty or unknown."""
    if value in (None, "") or value not in choices.values:
        return None
    return choice(labels, choices(value))


def yes_no(labels, value):
    return labels(_("ja") if value else _("nee"))


def grouped(rows, key):
    """{key value: [row, ...]} of one query's rows. Sections of higher apps read a whole
    plan's links with one join filtered on the plan instead of prefetch_related, whose list
    of thousands of ids SQLite refuses ("Expression tree is too large")."""
    groups = defaultdict(list)
    for row in rows:
        groups[getattr(row, key)].append(row)
    return groups


def person(user):
    if user is None:
        return None
    return linked("user", user.pk, same(user.full_name or user.email))


# --- Building ------------------------------------------------------------------------------


def build(plan):
    """The snapshot of ``plan`` as it is now (a handful of queries, whatever its size)."""
    from .models import Goal, Method, MissionVision, Stage

    labels = Labels()
    sections = [
        section(
            labels,
            "plan",
            _("Plan"),
            [
                column(labels, "title", _("titel")),
                column(labels, "method", _("methode"), "label"),
                column(labels, "period", _("periode")),
                column(labels, "coordinator", _("coördinator"), "label"),
                column(labels, "description", _("toelichting"), "longtext"),
            ],
            [
                {
                    "id": "plan",
                    "cells": {
                        "title": plan.title,
                        "method": choice(labels, Method(plan.method)),
                        "period": plan.period_label,
                        "coordinator": person(plan.coordinator),
                        "description": plain(plan.description),
                    },
                }
            ],
            layout="fields",
        )
    ]
    mission = MissionVision.objects.filter(plan=plan).first()
    if mission is not None:
        sections.append(
            section(
                labels,
                "mission",
                _("Missie en visie"),
                [
                    column(labels, "mission", _("missie"), "longtext"),
                    column(labels, "vision", _("visie"), "longtext"),
                    column(labels, "stage", _("fase"), "label"),
                ],
                [
                    {
                        "id": "mission",
                        "cells": {
                            "mission": plain(mission.mission),
                            "vision": plain(mission.vision),
                            "stage": choice(labels, Stage(mission.stage)),
                        },
                    }
                ],
                layout="fields",
            )
        )
    sections.append(_themes(plan, labels))
    goals = list(
        Goal.objects.filter(plan=plan)
        .select_related("theme__framework_theme", "kpi")
        .order_by("theme_id", "title", "pk")
    )
    sections.append(_goals(goals, labels))
    sections.extend(_kpis(plan, goals, labels))
    sections.append(_actions(plan, labels))
    sections.append(_steps(plan, labels))
    for _key, provided in registry.collect("snapshot", plan).items():
        sections.extend(provided)
    return {
        "format": FORMAT,
        "plan": {
            "title": plan.title,
            "period": plan.period_label,
            "method": choice(labels, Method(plan.method)),
        },
        "sections": sections,
    }


def theme_label(theme):
    """A theme's name in both languages, as the snapshot keeps it."""
    if theme is None:
        return None
    if theme.framework_theme_id:
        names = {"nl": theme.framework_theme.name_nl, "en": theme.framework_theme.name_en}
    else:
        names = same(theme.own_name)
    return linked("theme", theme.pk, names)


def _themes(plan, labels):
    rows = []
    for theme in plan.themes.select_related("framework_theme").order_by("pk"):
        rows.append(
            {
                "id": f"theme-{theme.pk}",
                "cells": {
                    "name": theme_label(theme),
                    "focus": labels(_("ja") if theme.is_focus else _("nee")),
                    "ambition_current": ambition(labels, theme.ambition_current),
                    "ambition_target": ambition(labels, theme.ambition_target),
                },
            }
        )
    return section(
        labels,
        "themes",
        _("Thema's en ambitieniveaus"),
        [
            column(labels, "name", _("thema"), "label"),
            column(labels, "focus", _("focusthema"), "label"),
            column(labels, "ambition_current", _("huidig ambitieniveau"), "label"),
            column(labels, "ambition_target", _("beoogd ambitieniveau"), "label"),
        ],
        rows,
    )


def ambition(labels, level):
    from themes.models import AmbitionLevel

    return choice(labels, AmbitionLevel(level)) if level else None


def _goals(goals, labels):
    from .models import GoalKind

    rows = [
        {
            "id": f"goal-{goal.pk}",
            "cells": {
                "title": goal.title,
                "kind": choice(labels, GoalKind(goal.kind)),
                "theme": theme_label(goal.theme),
                "kpi": linked("kpi", goal.kpi_id, same(goal.kpi.name)) if goal.kpi else None,
                "target_value": plain(goal.target_value),
                "deadline": plain(goal.deadline),
                "specific": plain(goal.specific),
                "acceptable": plain(goal.acceptable),
                "realistic": plain(goal.realistic),
            },
        }
        for goal in goals
    ]
    return section(
        labels,
        "goals",
        _("Doelen"),
        [
            column(labels, "title", _("doel")),
            column(labels, "kind", _("soort doel"), "label"),
            column(labels, "theme", _("thema"), "label"),
            column(labels, "kpi", _("KPI"), "label"),
            column(labels, "target_value", _("streefwaarde"), "number"),
            column(labels, "deadline", _("deadline"), "date"),
            column(labels, "specific", _("specifiek"), "longtext"),
            column(labels, "acceptable", _("acceptabel"), "longtext"),
            column(labels, "realistic", _("realistisch"), "longtext"),
        ],
        rows,
    )


def _kpis(plan, goals, labels):
    from kpis.models import Direction, Kpi, Target

    kpi_ids = set(plan.kpis.values_list("pk", flat=True))
    kpi_ids.update(goal.kpi_id for goal in goals if goal.kpi_id)
    kpis = list(
        Kpi.objects.filter(pk__in=kpi_ids)
        .select_related("theme__framework_theme")
        .order_by("name", "pk")
    )
    names = {kpi.pk: kpi.name for kpi in kpis}
    kpi_rows = [
        {
            "id": f"kpi-{kpi.pk}",
            "cells": {
                "name": kpi.name,
                "theme": theme_label(kpi.theme),
                "unit": kpi.unit,
                "direction": choice(labels, Direction(kpi.direction)),
                "baseline_value": plain(kpi.baseline_value),
                "baseline_date": plain(kpi.baseline_date),
            },
        }
        for kpi in kpis
    ]
    targets = Target.objects.filter(kpi_id__in=kpi_ids).order_by("kpi_id", "date")
    target_rows = [
        {
            # By KPI and date, so a target whose value changes is one change, not two.
            "id": f"target-{target.kpi_id}-{target.date.isoformat()}",
            "cells": {
                "kpi": linked("kpi", target.kpi_id, same(names[target.kpi_id])),
                "date": plain(target.date),
                "value": plain(target.value),
            },
        }
        for target in targets
    ]
    return [
        section(
            labels,
            "kpis",
            _("KPI's en nulmetingen"),
            [
                column(labels, "name", _("KPI")),
                column(labels, "theme", _("thema"), "label"),
                column(labels, "unit", _("eenheid")),
                column(labels, "direction", _("richting"), "label"),
                column(labels, "baseline_value", _("nulmeting: waarde"), "number"),
                column(labels, "baseline_date", _("nulmeting: datum"), "date"),
            ],
            kpi_rows,
        ),
        section(
            labels,
            "targets",
            _("Streefwaarden"),
            [
                column(labels, "kpi", _("KPI"), "label"),
                column(labels, "date", _("datum"), "date"),
                column(labels, "value", _("streefwaarde"), "number"),
            ],
            target_rows,
        ),
    ]


def _actions(plan, labels):
    from .models import ActionStatus

    rows = []
    actions = plan.actions.select_related("theme__framework_theme", "goal", "responsible").order_by(
        "planned_period", "due_date", "title", "pk"
    )
    for action in actions:
        planned = None
        if action.planned_year and action.planned_quarter:
            planned = labels(
                _("K%(quarter)s %(year)s"),
                quarter=action.planned_quarter,
                year=action.planned_year,
            )
        rows.append(
            {
                "id": f"action-{action.pk}",
                "cells": {
                    "title": action.title,
                    "theme": theme_label(action.theme),
                    "goal": linked("goal", action.goal_id, same(action.goal.title))
                    if action.goal
                    else None,
                    "responsible": person(action.responsible),
                    "team": plain(action.team),
                    "planned": planned,
                    "start_date": plain(action.start_date),
                    "due_date": plain(action.due_date),
                    "budget": plain(action.budget),
                    "hours": plain(action.hours),
                    "within_budget": labels(_("ja") if action.within_budget else _("nee")),
                    "description": plain(action.description),
                    "why": plain(action.why),
                    "status": choice(labels, ActionStatus(action.status)),
                },
            }
        )
    return section(
        labels,
        "actions",
        _("Acties"),
        [
            column(labels, "title", _("actie")),
            column(labels, "theme", _("thema"), "label"),
            column(labels, "goal", _("doel"), "label"),
            column(labels, "responsible", _("verantwoordelijke"), "label"),
            column(labels, "team", _("team of afdeling")),
            column(labels, "planned", _("gepland"), "label"),
            column(labels, "start_date", _("startdatum"), "date"),
            column(labels, "due_date", _("einddatum"), "date"),
            column(labels, "budget", _("budget (€)"), "money"),
            column(labels, "hours", _("capaciteit (uren)"), "number"),
            column(labels, "within_budget", _("binnen bestaand budget"), "label"),
            column(labels, "description", _("wat houdt het in?"), "longtext"),
            column(labels, "why", _("waarom?"), "longtext"),
            column(labels, "status", _("status"), "label", progress=True),
        ],
        rows,
    )


def _steps(plan, labels):
    from .models import StepStatus

    rows = []
    for plan_step in plan.steps.select_related("step__phase").order_by("step__order"):
        step = plan_step.step
        rows.append(
            {
                "id": f"step-{step.code}",
                "cells": {
                    "step": {
                        language: f"{step.code} {getattr(step, f'name_{language}') or step.name_nl}"
                        for language in LANGUAGES
                    },
                    "status": choice(labels, StepStatus(plan_step.status)),
                },
            }
        )
    return section(
        labels,
        "steps",
        _("Voortgang van de stappen"),
        [
            column(labels, "step", _("stap"), "label"),
            column(labels, "status", _("status"), "label", progress=True),
        ],
        rows,
    )


# --- Comparing -----------------------------------------------------------------------------


def content(snapshot):
    """The snapshot without its progress columns: what a change of the plan changes."""
    sections = []
    for part in snapshot.get("sections", []):
        keys = [c["key"] for c in part["columns"] if not c.get("progress")]
        sections.append(
            {
                "key": part["key"],
                "rows": [
                    {"id": row["id"], "cells": {k: comparable(row["cells"].get(k)) for k in keys}}
                    for row in part["rows"]
                ],
            }
        )
    return sections


def fingerprint(snapshot):
    """A short, stable hash of the plan's content (progress left out)."""
    text = json.dumps(content(snapshot), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def row_title(part, row):
    """What a row is called in a list of changes: its first column."""
    first = part["columns"][0]["key"] if part["columns"] else None
    return row["cells"].get(first) if first else row["id"]


def comparable(value):
    """What a comparison looks at: the ref of a linked row or choice, else the value."""
    if isinstance(value, dict) and "ref" in value:
        return value["ref"]
    return value


def differs(old, new):
    if isinstance(old, dict) and isinstance(new, dict) and "ref" in old and "ref" in new:
        return old["ref"] != new["ref"]
    return old != new


def diff(old, new):
    """What changed from snapshot ``old`` to snapshot ``new``, section by section.

    [{"key", "title", "layout", "added": [row], "removed": [row],
      "changed": [{"row", "title", "changes": [{"column", "old", "new"}]}]}]
    for the sections that changed; progress columns do not count. Rows are matched by id,
    columns by key, so a section or column that only one side has is compared with nothing.
    """
    old_sections = {part["key"]: part for part in (old or {}).get("sections", [])}
    result = []
    new_parts = (new or {}).get("sections", [])
    new_keys = {part["key"] for part in new_parts}
    seen = set()
    for part in new_parts + list(old_sections.values()):
        if part["key"] in seen:
            continue
        seen.add(part["key"])
        before = old_sections.get(part["key"], {"rows": [], "columns": []})
        # A section only the old snapshot has: all its rows are gone. (Compared by key, not
        # by identity, so that a snapshot compared with itself has no changes.)
        after = part if part["key"] in new_keys else {"rows": [], "columns": part["columns"]}
        columns = {c["key"]: c for c in before["columns"]}
        columns.update({c["key"]: c for c in after["columns"]})
        compared = [c for c in columns.values() if not c.get("progress")]
        old_rows = {row["id"]: row for row in before["rows"]}
        new_rows = {row["id"]: row for row in after["rows"]}
        found = {"added": [], "removed": [], "changed": []}
        for row_id, row in new_rows.items():
            if row_id not in old_rows:
                found["added"].append(row)
                continue
            before_cells, after_cells = old_rows[row_id]["cells"], row["cells"]
            changes = [
                {"column": c, "old": before_cells.get(c["key"]), "new": after_cells.get(c["key"])}
                for c in compared
                if differs(before_cells.get(c["key"]), after_cells.get(c["key"]))
            ]
            if changes:
                found["changed"].append(
                    {"row": row, "title": row_title(part, row), "changes": changes}
                )
        found["removed"] = [row for row_id, row in old_rows.items() if row_id not in new_rows]
        if any(found.values()):
            result.append(
                {
                    "key": part["key"],
                    "title": part["title"],
                    "layout": part.get("layout", "table"),
                    "columns": list(columns.values()),
                    **found,
                }
            )
    return result


# --- Showing -------------------------------------------------------------------------------


def local(value):
    """A ``{"nl", "en"}`` text in the active language (Dutch when English is missing)."""
    if isinstance(value, dict):
        language = "en" if (translation.get_language() or "nl").startswith("en") else "nl"
        return value.get(language) or value.get("nl") or ""
    return value


def show(value, kind):
    """A snapshot value as text for the page or the PDF, in the active language."""
    if value is None or value == "":
        return ""
    if kind == "label":
        return local(value)
    if kind in ("number", "money"):
        try:
            number = Decimal(str(value))
        except ArithmeticError:
            return str(value)
        places = 2 if kind == "money" else None
        text = number_format(number, decimal_pos=places, use_l10n=True, force_grouping=True)
        return f"€ {text}" if kind == "money" else text
    if kind == "date":
        try:
            return date_format(date.fromisoformat(value), "SHORT_DATE_FORMAT")
        except (TypeError, ValueError):
            return str(value)
    return str(value)
