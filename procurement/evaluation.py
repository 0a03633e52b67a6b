"""Step 7, the yearly evaluation: the facts of a year, the sentences that start the
procesgericht part of a new evaluation, finishing (the facts are frozen on the evaluation)
and "prepare next year".

The facts of a year (``year_facts``), from the database in a handful of queries:

- the actual share against the year's target (procurement.share);
- the plan's actions planned in that year: done, not done (still open) and cancelled, with the
  titles of the first open ones;
- the explained deviations of that year (comply or explain: started without a theme, with an
  explanation);
- the tenders of that year that were postponed.

``prepare_next_year`` moves the postponed tenders of a year to the next year and copies the
open actions into it, in one transaction and only once per evaluation.
"""

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from plans import approval
from plans.models import OPEN_STATUSES, Action, ActionStatus

from . import rules
from .models import ActionDetail, Evaluation, Tender, TenderStatus
from .share import share_by_year

LISTED = 10  # titles shown per list of facts; the counts say how many there are in all


def year_facts(plan, year):
    """The facts of ``year`` for ``plan`` as plain values (stored as JSON when an evaluation
    is finished)."""
    share = next((row for row in share_by_year(plan) if row["year"] == year), None)
    share = share or {"tenders": 0, "applying": 0, "actual_pct": None, "target_pct": None}
    actions = Action.objects.for_org(plan.organisation_id).filter(plan=plan, planned_year=year)
    counts = actions.aggregate(
        done=Count("pk", filter=Q(status=ActionStatus.DONE)),
        not_done=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
        cancelled=Count("pk", filter=Q(status=ActionStatus.CANCELLED)),
    )
    open_titles = list(
        actions.filter(status__in=OPEN_STATUSES)
        .order_by("planned_period", "title", "pk")
        .values_list("title", flat=True)[:LISTED]
    )
    tenders = Tender.objects.for_org(plan.organisation_id).filter(plan=plan, planned_year=year)
    explained = rules.deviations(tenders).exclude(explanation="")
    deviations = [
        {"title": t["title"], "quarter": t["planned_quarter"], "explanation": t["explanation"]}
        for t in explained.values("title", "planned_quarter", "explanation")
    ]
    postponed = [
        {"title": t["title"], "quarter": t["planned_quarter"]}
        for t in tenders.filter(status=TenderStatus.POSTPONED)
        .order_by("planned_period", "title", "pk")
        .values("title", "planned_quarter")
    ]
    return {
        "year": year,
        "share": {key: share[key] for key in ("tenders", "applying", "actual_pct", "target_pct")},
        "actions": {**counts, "open_titles": open_titles},
        "deviations": deviations,
        "postponed": postponed,
    }


def share_sentence(share):
    if share["actual_pct"] is None:
        return _("Er startten geen kansrijke aanbestedingen, dus er is geen aandeel met MVOI.")
    if share["target_pct"] is None:
        return _("Aandeel kansrijke aanbestedingen met MVOI: %(actual)s%% (geen doel gesteld).") % {
            "actual": share["actual_pct"]
        }
    return _("Aandeel kansrijke aanbestedingen met MVOI: %(actual)s%% (doel %(target)s%%).") % {
        "actual": share["actual_pct"],
        "target": share["target_pct"],
    }


def met_target(share):
    return (
        share["actual_pct"] is not None
        and share["target_pct"] is not None
        and share["actual_pct"] >= share["target_pct"]
    )


def prefill(facts):
    """The first text of the procesgericht fields of a new evaluation, from the facts: short
    factual sentences the team then edits."""
    share, actions = facts["share"], facts["actions"]
    good, better, watch = [], [], []
    (good if met_target(share) else better).append(share_sentence(share))
    if actions["done"]:
        good.append(
            ngettext("Eén actie is afgerond.", "%(count)s acties zijn afgerond.", actions["done"])
            % {"count": actions["done"]}
        )
    if actions["not_done"]:
        better.append(
            ngettext(
                "Eén actie is niet afgerond: %(titles)s.",
                "%(count)s acties zijn niet afgerond, onder meer: %(titles)s.",
                actions["not_done"],
            )
            % {"count": actions["not_done"], "titles": "; ".join(actions["open_titles"][:5])}
        )
    if facts["deviations"]:
        better.append(
            ngettext(
                "Eén kansrijke aanbesteding startte zonder MVOI-thema (met uitleg).",
                "%(count)s kansrijke aanbestedingen startten zonder MVOI-thema (met uitleg).",
                len(facts["deviations"]),
            )
            % {"count": len(facts["deviations"])}
        )
    if facts["postponed"]:
        watch.append(
            ngettext(
                "Eén uitgestelde aanbesteding schuift door naar %(next)s.",
                "%(count)s uitgestelde aanbestedingen schuiven door naar %(next)s.",
                len(facts["postponed"]),
            )
            % {"count": len(facts["postponed"]), "next": facts["year"] + 1}
        )
    if actions["not_done"]:
        watch.append(_("Bepaal welke open acties doorgaan in het nieuwe jaar."))
    return {
        "procesgericht_goed": "\n".join(good),
        "procesgericht_beter": "\n".join(better),
        "procesgericht_letten": "\n".join(watch),
    }


def save_evaluation(form, user, finish=False):
    """Save the evaluation form; ``finish`` freezes the year's facts on it and marks it done.
    Raises EditConflict (from the form) when someone saved it meanwhile."""
    evaluation = form.instance
    with transaction.atomic():
        if finish:
            evaluation.facts = year_facts(evaluation.plan, evaluation.year)
            evaluation.finished_at = timezone.now()
            evaluation.finished_by = user
        return form.save()


def reopen(evaluation):
    """A finished evaluation becomes a concept again; its facts are live again."""
    evaluation.finished_at = None
    evaluation.finished_by = None
    evaluation.facts = {}
    evaluation.version += 1
    evaluation.save(update_fields=["finished_at", "finished_by", "facts", "version"])


def next_year_allowed(plan, year):
    """Only a year with a next year inside the plan period can prepare that next year."""
    return plan.start_year <= year < plan.end_year


def one_year_later(value):
    if value is None:
        return None
    try:
        return value.replace(year=value.year + 1)
    except ValueError:  # 29 February
        return value.replace(year=value.year + 1, day=28)


ACTION_FIELDS = (
    "title",
    "description",
    "why",
    "goal_id",
    "theme_id",
    "responsible_id",
    "team",
    "planned_quarter",
    "budget",
    "hours",
    "within_budget",
)


def carry_action(action, year):
    """A copy of an open action in ``year``: same content, status gepland, linked to the
    original; its MVOI details copied too."""
    copy = Action(
        organisation_id=action.organisation_id,
        plan_id=action.plan_id,
        planned_year=year,
        start_date=one_year_later(action.start_date),
        due_date=one_year_later(action.due_date),
        status=ActionStatus.PLANNED,
        carried_from=action,
        created_at=timezone.now(),
        updated_at=timezone.now(),
        **{field: getattr(action, field) for field in ACTION_FIELDS},
    )
    copy.save()
    detail = getattr(action, "mvoi", None)  # None: the action has no MVOI details
    if detail is not None:
        ActionDetail.objects.create(
            organisation_id=action.organisation_id,
            action=copy,
            anchoring=detail.anchoring,
            extra_budget=detail.extra_budget,
            extra_capacity=detail.extra_capacity,
        )
    return copy


def prepare_next_year(plan, year, user):
    """Move the postponed tenders of ``year`` to the next year (same quarter, gepland again;
    recorded in each tender's history) and copy its open actions into the next year, then mark
    the year's evaluation as prepared. All or nothing, and only once: returns the counts
    {"tenders", "actions"}, or None when it was done already (or the evaluation does not
    exist)."""
    next_year = year + 1
    with transaction.atomic():
        evaluation = (
            Evaluation.objects.select_for_update()
            .filter(organisation_id=plan.organisation_id, plan=plan, year=year)
            .first()
        )
        if evaluation is None or evaluation.next_year_prepared_at is not None:
            return None
        tenders = (
            Tender.objects.for_org(plan.organisation_id)
            .select_for_update()
            .filter(plan=plan, planned_year=year, status=TenderStatus.POSTPONED)
        )
        moved = 0
        for tender in tenders:
            tender.planned_year = next_year
            tender.status = TenderStatus.PLANNED
            tender.version += 1
            tender.save(update_fields=["planned_year", "status", "version"])
            moved += 1
        actions = (
            Action.objects.for_org(plan.organisation_id)
            .filter(plan=plan, planned_year=year, status__in=OPEN_STATUSES)
            .exclude(carried_to__planned_year=next_year)
            .select_related("mvoi")
            .order_by("planned_period", "pk")
        )
        copied = [carry_action(action, next_year) for action in actions]
        evaluation.next_year_prepared_at = timezone.now()
        evaluation.save(update_fields=["next_year_prepared_at"])
        if moved or copied:  # the calendar and the actions are content of the plan
            approval.content_changed({plan.pk}, user)
    return {"tenders": moved, "actions": len(copied)}


def evaluation_states(plan):
    """[(year, evaluation or None)] for every year of the plan, in one query."""
    evaluations = {
        e.year: e
        for e in Evaluation.objects.for_org(plan.organisation_id)
        .filter(plan=plan)
        .select_related("finished_by")
    }
    return [(year, evaluations.get(year)) for year in range(plan.start_year, plan.end_year + 1)]
