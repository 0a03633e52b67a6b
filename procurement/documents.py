"""The year's documents of an MVOI plan as PDFs, made through the report pipeline.

Two report kinds belong to MVOI (reports.models.ReportKind, a row with ``year`` set):

- ``jaarplan``: the year plan, i.e. the year's target and ambitions, the tender calendar of
  that year per quarter, and the jaarplanning (the plan's actions per quarter × team, with
  their need for extra budget or capacity);
- ``evaluatie``: the year's evaluation, i.e. the three levels × three questions and the facts
  of the year: frozen on the evaluation when it was finished, computed now otherwise
  (procurement.evaluation.year_facts).

They are registered as ``documents`` providers of plans.registry, so reports renders them
(reports.rendering) like its own kinds without importing procurement. Each reads with a
fixed number of queries, whatever the number of tenders or actions.
"""

from collections import defaultdict

from django.utils.translation import gettext as _

from plans import registry
from plans.models import Method

from .evaluation import year_facts
from .models import (
    Evaluation,
    EvaluationLevel,
    EvaluationQuestion,
    Procedure,
    Tender,
    TenderStatus,
    ThemeAmbition,
    evaluation_field,
)
from .providers import applied_text, applied_themes_of, pct, quarter_text, theme_name
from .share import share_by_year
from .year_plan import OTHER_TEAM, year_grid

YEAR_PLAN = "jaarplan"
EVALUATION = "evaluatie"
KINDS = (YEAR_PLAN, EVALUATION)
QUARTERS = (1, 2, 3, 4)


class Document:
    """A documents provider: ``accepts(plan)`` says whether a plan can have this document,
    ``build(report)`` gives (template, context)."""

    def __init__(self, build):
        self.build = build

    @staticmethod
    def accepts(plan):
        return plan.method == Method.MVOI

    def __call__(self, report):
        return self.build(report)


def register():
    registry.register("documents", YEAR_PLAN, Document(year_plan))
    registry.register("documents", EVALUATION, Document(evaluation))


def year_share(plan, year):
    row = next((row for row in share_by_year(plan) if row["year"] == year), None)
    return row or {
        "year": year,
        "tenders": 0,
        "applying": 0,
        "actual_pct": None,
        "target_pct": None,
    }


# --- The year plan -----------------------------------------------------------------------------


def calendar_of(plan, year):
    """The year's tenders per quarter, each with its applied themes (two queries)."""
    applied_of = applied_themes_of({"plan": plan, "planned_year": year})
    statuses = dict(TenderStatus.choices)
    procedures = dict(Procedure.choices)
    per_quarter = defaultdict(list)
    tenders = (
        Tender.objects.for_org(plan.organisation_id)
        .filter(plan=plan, planned_year=year)
        .select_related("product_group")
        .order_by("planned_quarter", "title", "pk")
    )
    for tender in tenders:
        per_quarter[tender.planned_quarter].append(
            {
                "title": tender.title,
                "group": tender.product_group.name,
                "value": tender.estimated_value,
                "procedure": procedures.get(tender.procedure, ""),
                "status": statuses.get(tender.status, tender.status),
                "promising": tender.promising,
                "themes": applied_text(applied_of[tender.pk]),
                "explanation": tender.explanation,
            }
        )
    return [
        {"quarter": q, "label": quarter_text(year, q), "tenders": per_quarter[q]} for q in QUARTERS
    ]


def year_plan(report):
    plan, year = report.plan, report.year
    ambitions = [
        {"theme": theme_name(row.theme), "statement": row.statement}
        for row in ThemeAmbition.objects.filter(plan=plan)
        .select_related("theme__framework_theme")
        .order_by("theme_id", "pk")
    ]
    grid = year_grid(plan, year)
    quarters = calendar_of(plan, year)
    share = year_share(plan, year)
    return "reports/pdf/mvoi_year_plan.html", {
        "organisation": report.organisation,
        "plan": plan,
        "year": year,
        "title": _("Jaarplan %(year)s") % {"year": year},
        "share": share,
        "target": pct(share["target_pct"]),
        "actual": pct(share["actual_pct"]),
        "ambitions": ambitions,
        "quarters": quarters,
        "tender_count": sum(len(q["tenders"]) for q in quarters),
        "grid": grid,
        "other_team": OTHER_TEAM,
    }


# --- The evaluation ----------------------------------------------------------------------------


def answers_of(row):
    """The three levels, each with its three questions and answers."""
    return [
        {
            "level": level.label,
            "answers": [
                {
                    "question": question.label,
                    "text": getattr(row, evaluation_field(level.value, question.value), "")
                    if row
                    else "",
                }
                for question in EvaluationQuestion
            ],
        }
        for level in EvaluationLevel
    ]


def evaluation(report):
    plan, year = report.plan, report.year
    row = (
        Evaluation.objects.for_org(plan.organisation_id)
        .filter(plan=plan, year=year)
        .select_related("finished_by")
        .first()
    )
    finished = bool(row and row.finished_at and row.facts)
    facts = row.facts if finished else year_facts(plan, year)
    share = facts.get("share") or {}
    return "reports/pdf/mvoi_evaluation.html", {
        "organisation": report.organisation,
        "plan": plan,
        "year": year,
        "title": _("Evaluatie %(year)s") % {"year": year},
        "evaluation": row,
        "finished": finished,
        "levels": answers_of(row),
        "facts": facts,
        "share": share,
        "target": pct(share.get("target_pct")),
        "actual": pct(share.get("actual_pct")),
        "actions": facts.get("actions") or {},
        "deviations": [
            {**item, "label": quarter_text(year, item.get("quarter"))}
            for item in facts.get("deviations") or []
        ],
        "postponed": [
            {**item, "label": quarter_text(year, item.get("quarter"))}
            for item in facts.get("postponed") or []
        ],
    }
