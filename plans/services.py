"""Writes of the plans app that touch several rows: one function per use case, atomic."""

import difflib
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from mvo import history
from mvo.models import Membership, Role
from mvo.versioning import EditConflict

from .models import (
    LAST_YEAR,
    MAX_GOALS_PER_THEME,
    MAX_PLAN_YEARS,
    OPEN_STATUSES,
    URGENT_VOTES_PER_THEME,
    Action,
    ActionStatus,
    Goal,
    Method,
    MethodStep,
    MissionVision,
    MissionVisionVersion,
    Plan,
    PlanStep,
    Stage,
    UrgentVote,
)

# --- Plans and steps -----------------------------------------------------------------------


def install_steps(plan, user=None):
    """Give the plan a row per step of its method (missing ones only; safe to run twice)."""
    have = set(plan.steps.values_list("step_id", flat=True))
    steps = PlanStep.objects.bulk_create(
        [
            PlanStep(plan=plan, step=step)
            for step in MethodStep.objects.filter(method=plan.method)
            if step.pk not in have
        ]
    )
    history.record(PlanStep, steps, history.CREATED, user)


@transaction.atomic
def create_plan(plan, user):
    """Save a new plan (from a validated form's unsaved instance) with its steps and, for
    MVO STEPS, an empty mission and vision."""
    plan.created_by = user
    plan.save()
    install_steps(plan, user)
    if plan.method == Method.MVO_STEPS:
        MissionVision.objects.get_or_create(plan=plan, defaults={"updated_by": user})
    return plan


# --- Mission and vision ---------------------------------------------------------------------


class StageError(ValidationError):
    pass


def _keep_version(mission_vision, user):
    last = mission_vision.versions.order_by("-number").values_list("number", flat=True).first()
    return MissionVisionVersion.objects.create(
        mission_vision=mission_vision,
        number=(last or 0) + 1,
        stage=mission_vision.stage,
        mission=mission_vision.mission,
        vision=mission_vision.vision,
        answers=mission_vision.answers,
        created_by=user,
    )


@transaction.atomic
def save_mission_vision(mission_vision, user):
    """After a form saved the texts: stamp who and when, and keep the new state as a version.
    Nothing is kept when nothing changed."""
    last = mission_vision.versions.order_by("-number").first()
    if last and (last.mission, last.vision, last.answers, last.stage) == (
        mission_vision.mission,
        mission_vision.vision,
        mission_vision.answers,
        mission_vision.stage,
    ):
        return last
    now = timezone.now()
    MissionVision.objects.filter(pk=mission_vision.pk).update(updated_at=now, updated_by=user)
    # The form's save wrote the history record of this change: it gets the stamp as well.
    latest = mission_vision.history.order_by("-history_date", "-history_id")
    MissionVision.history.filter(history_id__in=latest.values("history_id")[:1]).update(
        updated_at=now, updated_by=user
    )
    return _keep_version(mission_vision, user)


NEXT_STAGE = {Stage.DRAFT: Stage.TESTED, Stage.TESTED: Stage.FINAL}


@transaction.atomic
def change_stage(mission_vision, stage, user, *, confirmed=False):
    """Move voorlopig → getoetst → definitief, or back to voorlopig (reopen).

    Getoetst needs at least one reaction; definitief with unprocessed reactions needs
    ``confirmed``. Raises StageError with a message for the user otherwise."""
    current = MissionVision.objects.select_for_update().get(pk=mission_vision.pk)
    if stage == current.stage:
        return current
    if stage != Stage.DRAFT and NEXT_STAGE.get(current.stage) != stage:
        raise StageError(_("Deze stap kan nu niet: missie en visie gaan één fase tegelijk verder."))
    if not (current.mission.strip() and current.vision.strip()) and stage != Stage.DRAFT:
        raise StageError(_("Schrijf eerst zowel de missie als de visie."))
    if stage == Stage.TESTED and not current.feedback.exists():
        raise StageError(
            _("Verzamel eerst minstens één reactie van collega's, directie of stakeholders.")
        )
    if stage == Stage.FINAL and current.feedback.filter(processed=False).exists() and not confirmed:
        raise StageError(_("Er zijn nog reacties die niet zijn verwerkt."), code="unprocessed")
    current.stage = stage
    current.version += 1
    current.updated_at, current.updated_by = timezone.now(), user
    current.save(update_fields=["stage", "version", "updated_at", "updated_by"])
    _keep_version(current, user)
    return current


DIFF_LIMIT = 200  # items per side that difflib compares at once (its worst case grows ~n³)
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\n+")


def text_diff(old, new):
    """The difference of two texts, word by word: [(kind, text)] with kind one of
    "same", "added", "removed".

    Long texts are compared sentence by sentence first, and the changed sentences word by
    word, so that no comparison takes long however the texts are made."""
    parts = []
    old_words, new_words = old.split(), new.split()
    if not _compare(old_words, new_words, parts):
        old_units = [u for u in _SENTENCE_END.split(old) if u.strip()]
        new_units = [u for u in _SENTENCE_END.split(new) if u.strip()]
        if not _compare(old_units, new_units, parts, refine=True):
            _changed(parts, old_words, new_words)
    merged = []
    for kind, text in parts:
        if merged and merged[-1][0] == kind:
            merged[-1] = (kind, f"{merged[-1][1]} {text}")
        else:
            merged.append((kind, text))
    return merged


def _compare(old, new, parts, refine=False):
    """Append the difference of two lists of words (or sentences, with ``refine``) to
    ``parts``; False, appending nothing, when what differs is too long to compare."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    middle_old, middle_new = old[start : len(old) - end], new[start : len(new) - end]
    if len(middle_old) > DIFF_LIMIT or len(middle_new) > DIFF_LIMIT:
        return False
    found = []
    if start:
        found.append(("same", old[:start]))
    matcher = difflib.SequenceMatcher(a=middle_old, b=middle_new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            found.append(("same", middle_old[a1:a2]))
        elif refine:
            found.append(("refine", (middle_old[a1:a2], middle_new[b1:b2])))
        else:
            found.append(("removed", middle_old[a1:a2]))
            found.append(("added", middle_new[b1:b2]))
    if end:
        found.append(("same", old[len(old) - end :]))
    for kind, items in found:
        if kind == "refine":
            old_words = " ".join(items[0]).split()
            new_words = " ".join(items[1]).split()
            if not _compare(old_words, new_words, parts):
                _changed(parts, old_words, new_words)
        elif items:
            parts.append((kind, " ".join(" ".join(items).split())))
    return True


def _changed(parts, old_words, new_words):
    if old_words:
        parts.append(("removed", " ".join(old_words)))
    if new_words:
        parts.append(("added", " ".join(new_words)))


def set_feedback_processed(feedback, processed):
    """Mark a reaction on the mission and vision as processed (step 1.5) or not."""
    feedback.processed = bool(processed)
    feedback.save(update_fields=["processed"])
    return feedback


# --- Goals, droombeelden and urgent actions -------------------------------------------------


def check_goal_limit(goal):
    """At most three goals per theme in a plan; raises ValidationError on the theme field."""
    if not goal.theme_id:
        return
    others = Goal.objects.filter(plan_id=goal.plan_id, theme_id=goal.theme_id).exclude(pk=goal.pk)
    if others.count() >= MAX_GOALS_PER_THEME:
        raise ValidationError(
            {
                "theme": _(
                    "Dit thema heeft al %(max)s doelen in dit plan. Kies er hoogstens %(max)s per "
                    "thema: voeg droombeelden samen of maak een bestaand doel breder."
                )
                % {"max": MAX_GOALS_PER_THEME}
            }
        )


@transaction.atomic
def save_goal(form):
    """Save a goal form, checking the three-goals-per-theme rule under a lock on the plan so
    that two people adding a goal at once cannot both pass it."""
    goal = form.instance
    Plan.objects.select_for_update().filter(pk=goal.plan_id).first()
    try:
        check_goal_limit(goal)
    except ValidationError as error:
        form.add_error(None if "theme" not in form.fields else "theme", error.messages[0])
        raise EditConflict from error
    goal.needs_review = False  # saved through the form: someone has looked at it again
    return form.save()


@transaction.atomic
def group_wishes(plan, wishes, goal):
    """Put droombeelden of the plan into a goal of the same plan (the coordinator's grouping)."""
    if goal.plan_id != plan.pk:
        raise ValidationError(_("Dit doel hoort niet bij dit plan."))
    wrong_theme = [w for w in wishes if goal.theme_id and w.theme_id != goal.theme_id]
    if wrong_theme:
        raise ValidationError(_("Groepeer alleen droombeelden van het thema van het doel."))
    return plan.wishes.filter(pk__in=[w.pk for w in wishes]).update(goal=goal)


@transaction.atomic
def group_wishes_into_new_goal(plan, wishes, title, theme_id):
    """Make a new goal on the theme from droombeelden of the plan (the coordinator's grouping).
    Refused with a ValidationError beyond three goals for the theme, checked under a lock on
    the plan so that two people grouping at once cannot both pass it."""
    Plan.objects.select_for_update().filter(pk=plan.pk).first()
    goal = Goal(organisation_id=plan.organisation_id, plan=plan, theme_id=theme_id, title=title)
    check_goal_limit(goal)
    goal.save()
    group_wishes(plan, wishes, goal)
    return goal


@transaction.atomic
def toggle_urgent(plan, action, user):
    """Mark or unmark an action as one of the voter's two most urgent for its theme.
    Returns True if it is now marked. Raises ValidationError beyond two per theme."""
    if action.plan_id != plan.pk or not action.theme_id:
        raise ValidationError(
            _("Alleen acties met een thema binnen dit plan kunnen een stem krijgen.")
        )
    Plan.objects.select_for_update().filter(pk=plan.pk).first()
    existing = UrgentVote.objects.filter(voter=user, action=action)
    if existing.exists():
        existing.delete()
        return False
    used = UrgentVote.objects.filter(voter=user, plan=plan, theme_id=action.theme_id).count()
    if used >= URGENT_VOTES_PER_THEME:
        raise ValidationError(
            _(
                "U heeft voor dit thema al %(max)s acties als meest urgent gekozen. Haal eerst "
                "een stem weg."
            )
            % {"max": URGENT_VOTES_PER_THEME}
        )
    UrgentVote.objects.create(
        organisation_id=plan.organisation_id,
        plan=plan,
        theme_id=action.theme_id,
        action=action,
        voter=user,
    )
    return True


# --- Actions --------------------------------------------------------------------------------


@transaction.atomic
def move_action(action, year, quarter, version, plan=None, user=None):
    """Plan an action in another quarter (the board); None, None takes it off the calendar.
    The quarter must lie in the plan period. EditConflict if the card was changed meanwhile.
    The move is recorded in the history and, being a change of the plan, turns an approved
    plan back into a concept."""
    from . import approval

    plan = plan or action.plan
    if year is not None and (year, quarter) not in plan.quarters:
        raise ValidationError(_("Kies een kwartaal binnen de planperiode."))
    period = year * 10 + quarter if year is not None else None
    before = (action.planned_year, action.planned_quarter)
    claimed = Action.objects.filter(pk=action.pk, version=version).update(
        planned_year=year,
        planned_quarter=quarter,
        planned_period=period,
        updated_at=timezone.now(),
        version=F("version") + 1,
    )
    if not claimed:
        raise EditConflict
    action.refresh_from_db()
    history.record(Action, [action], history.CHANGED, user)
    if before != (year, quarter):
        approval.content_changed({action.plan_id}, user)
    return action


@transaction.atomic
def bulk_set_status(actions_queryset, status, user=None):
    """Give every action of the queryset (already scoped to the organisation) a status, in
    one statement; their versions go up so open forms are told. Each gets a history record;
    the status is work on the plan, not its content, so approvals stay as they are."""
    if status not in ActionStatus.values:
        raise ValidationError(_("Kies een geldige status."))
    return history.record_update(
        actions_queryset, user, status=status, updated_at=timezone.now(), version=F("version") + 1
    )


def actions_handed_over(action_ids, user):
    """mvo.ownership handed these actions to someone else: their plans changed."""
    from . import approval

    plans = Action.objects.filter(pk__in=action_ids).values_list("plan_id", flat=True)
    approval.content_changed(set(plans), user)


def plans_handed_over(plan_ids, user):
    """mvo.ownership gave these plans another coordinator: they changed."""
    from . import approval

    approval.content_changed(set(plan_ids), user)


# --- Next cycle -----------------------------------------------------------------------------


class CycleError(ValidationError):
    pass


def next_period(plan):
    """(first year, last year) of the cycle after ``plan``: as long as it, right after it."""
    length = plan.end_year - plan.start_year + 1
    return plan.end_year + 1, plan.end_year + length


def next_cycle_problem(plan):
    """Why ``plan`` cannot get a next cycle now, as a message for the user; None if it can."""
    start, end = next_period(plan)
    if end > LAST_YEAR:
        return _(
            "De volgende cyclus zou lopen van %(start)s tot en met %(end)s, maar Koers plant tot "
            "en met %(last)s. Maak het vervolgplan zelf aan, met een periode die uiterlijk in "
            "%(last)s eindigt."
        ) % {"start": start, "end": end, "last": LAST_YEAR}
    if end - start >= MAX_PLAN_YEARS:
        return _(
            "Dit plan loopt langer dan tien jaar, dus een volgende cyclus van dezelfde lengte "
            "kan niet. Maak het vervolgplan zelf aan, met een periode van hoogstens tien jaar."
        )
    existing = plan.successors.filter(start_year__lte=end, end_year__gte=start).first()
    if existing is not None:
        return _(
            "Er is al een volgende cyclus voor deze periode: %(plan)s. Werk in dat plan verder "
            "in plaats van een tweede te starten."
        ) % {"plan": existing}
    return None


def _next_title(plan, start, end):
    """The title with the old period replaced by the new one, where it names the period."""
    label = str(start) if start == end else f"{start}–{end}"
    for old in (plan.period_label, f"{plan.start_year}-{plan.end_year}"):
        if old in plan.title:
            return plan.title.replace(old, label)[:200]
    return plan.title


def _still_writer(plan, user_id):
    writers = [role for role in Role.values if Role.at_least(role, Role.MEMBER)]
    return (
        user_id is not None
        and Membership.objects.filter(
            user_id=user_id, organisation_id=plan.organisation_id, role__in=writers
        ).exists()
    )


@transaction.atomic
def start_next_cycle(plan, user):
    """A new plan for the next period, linked to this one: same method, themes and KPIs; the
    goals copied (marked to review); unfinished actions carried over; for MVO STEPS phase 1
    and the mission and vision taken along, so the new cycle starts at phase 2.
    The old plan is left exactly as it is. Raises CycleError with a message for the user when
    the next period does not fit or the plan already has a next cycle for it."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)  # two clicks: one successor
    problem = next_cycle_problem(plan)
    if problem:
        raise CycleError(problem)
    start, end = next_period(plan)
    new = Plan(
        organisation_id=plan.organisation_id,
        title=_next_title(plan, start, end),
        method=plan.method,
        start_year=start,
        end_year=end,
        coordinator_id=plan.coordinator_id if _still_writer(plan, plan.coordinator_id) else None,
        description=plan.description,
        predecessor=plan,
    )
    try:
        new.full_clean(exclude=["organisation", "coordinator", "predecessor", "created_by"])
    except ValidationError as error:
        raise CycleError(" ".join(error.messages)) from error
    create_plan(new, user)
    new.themes.set(plan.themes.all())
    new.kpis.set(plan.kpis.all())
    goal_map = {}
    for goal in plan.goals.order_by("pk"):
        copy = Goal.objects.create(
            organisation_id=plan.organisation_id,
            plan=new,
            kind=goal.kind,
            title=goal.title,
            theme_id=goal.theme_id,
            kpi_id=goal.kpi_id,
            target_value=goal.target_value,
            deadline=goal.deadline,
            specific=goal.specific,
            acceptable=goal.acceptable,
            realistic=goal.realistic,
            needs_review=True,
            carried_from=goal,
        )
        goal_map[goal.pk] = copy.pk
    now = timezone.now()
    carried = Action.objects.bulk_create(
        Action(
            organisation_id=plan.organisation_id,
            plan=new,
            title=action.title,
            description=action.description,
            why=action.why,
            goal_id=goal_map.get(action.goal_id),
            theme_id=action.theme_id,
            responsible_id=action.responsible_id,
            team=action.team,
            budget=action.budget,
            hours=action.hours,
            within_budget=action.within_budget,
            status=ActionStatus.PLANNED,
            progress_notes=action.progress_notes,
            carried_from=action,
            created_at=now,
            updated_at=now,
        )
        for action in plan.actions.filter(status__in=OPEN_STATUSES).order_by("pk")
    )
    history.record(Action, carried, history.CREATED, user, now)
    if plan.method == Method.MVO_STEPS:
        _carry_phase_one(plan, new, user)
    return new


def _carry_phase_one(old, new, user):
    """Phase 1 (mission and vision) as the old plan left it: status, notes and answers of its
    steps, and the mission and vision with their stage, kept as the new plan's first version."""
    now = timezone.now()
    old_steps = {s.step_id: s for s in old.steps.filter(step__phase__number=1)}
    for plan_step in new.steps.filter(step_id__in=old_steps):
        source = old_steps[plan_step.step_id]
        plan_step.status = source.status
        plan_step.notes, plan_step.answers = source.notes, source.answers
        plan_step.updated_at, plan_step.updated_by = now, user
        plan_step.save(update_fields=["status", "notes", "answers", "updated_at", "updated_by"])
    source = MissionVision.objects.filter(plan=old).first()
    if source is not None:
        target = new.mission_vision
        target.mission, target.vision = source.mission, source.vision
        target.answers, target.stage = source.answers, source.stage
        target.updated_at, target.updated_by = now, user
        target.save(
            update_fields=["mission", "vision", "answers", "stage", "updated_at", "updated_by"]
        )
        _keep_version(target, user)


# --- Import, calendar feed and weekly reminders (plans.importer, plans.reminders) ----------

IMPORT_BATCH = 500  # rows per INSERT statement


def import_actions(plan, rows, user):
    """Add the action rows read from an xlsx (plans.importer.read_rows) to the plan, all or
    nothing: every row is checked first; if any is wrong, ImportRowsError lists the messages
    and nothing is saved. Returns the number of actions added."""
    from . import approval
    from .importer import ImportRowsError, build_actions

    actions, errors = build_actions(plan, rows, user)
    if errors:
        raise ImportRowsError(errors)
    with transaction.atomic():
        Action.objects.bulk_create(actions, batch_size=IMPORT_BATCH)
        history.record(Action, actions, history.CREATED, user)
        approval.content_changed({plan.pk}, user)
    return len(actions)


@transaction.atomic
def renew_calendar_feed(user):
    """Give the person a (new) private calendar link; an old link stops working at once."""
    from .models import CalendarFeed, new_feed_token

    feed, created = CalendarFeed.objects.select_for_update().get_or_create(user=user)
    if not created:
        feed.token, feed.created_at = new_feed_token(), timezone.now()
        feed.save(update_fields=["token", "created_at"])
    return feed


def revoke_calendar_feed(user):
    """Switch the person's calendar link off: the address no longer answers."""
    from .models import CalendarFeed

    return CalendarFeed.objects.filter(user=user).delete()[0]


def queue_weekly_reminders(today=None):
    """Claim this week's reminder for every person who should get one and hand each to a
    worker (plans.tasks.send_reminder) once the claim is committed.

    The claim is a ReminderLog row, unique per person and week: a second run in the same week
    finds the rows and queues nothing again. Returns the number of reminders queued."""
    from django.db import IntegrityError

    from .models import ReminderLog, ReminderStatus
    from .reminders import recipients, week_start
    from .tasks import send_reminder

    week = week_start(today)
    queued = 0
    for user_id in recipients().values_list("pk", flat=True).iterator():
        try:
            with transaction.atomic():
                log, claimed = ReminderLog.objects.get_or_create(user_id=user_id, week=week)
                if not claimed and log.status == ReminderStatus.FAILED:
                    # A reminder that failed earlier this week is tried again, once per run.
                    claimed = ReminderLog.objects.filter(
                        pk=log.pk, status=ReminderStatus.FAILED
                    ).update(status=ReminderStatus.QUEUED, error="")
                if claimed:
                    transaction.on_commit(lambda pk=log.pk: send_reminder.delay(pk))
        except IntegrityError:  # another run claimed it at the same moment
            continue
        queued += bool(claimed)
    return queued
