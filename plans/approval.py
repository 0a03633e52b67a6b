"""The approval workflow of a plan: who may move it where, the frozen versions, and how an
edit of plan content turns an approved (or submitted) plan back into a concept.

::

    concept ──submit──▶ ingediend ──approve──▶ goedgekeurd
       ▲  ▲               │  │                     │
       │  └──withdraw─────┘  └─return──▶ teruggestuurd
       │                                     │
       └──────── reopen, or any content change ┘ (also from goedgekeurd / ingediend)

Members and admins submit; managers and admins approve or send back; whoever submitted the
plan as it stands cannot approve it (four eyes). Every move is a PlanTransition row. Each
function runs in one transaction with the plan row locked, and raises ``Refused`` with a
message for the user when the move is not allowed.
"""

from contextvars import ContextVar

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from mvo.models import Membership, Notification, Role
from mvo.notifications import notify

from . import snapshot
from .models import Action, Goal, Plan, PlanStatus, PlanTransition, PlanVersion, TransitionKind

SUBMITTERS = (Role.MEMBER, Role.ADMIN)
APPROVERS = (Role.MANAGER, Role.ADMIN)

JUDGING = (TransitionKind.APPROVE, TransitionKind.RETURN)

# kind: (statuses it starts from, status it leads to, roles that may do it)
MOVES = {
    TransitionKind.SUBMIT: (
        (PlanStatus.DRAFT, PlanStatus.RETURNED),
        PlanStatus.SUBMITTED,
        SUBMITTERS,
    ),
    TransitionKind.WITHDRAW: ((PlanStatus.SUBMITTED,), PlanStatus.DRAFT, SUBMITTERS),
    TransitionKind.APPROVE: ((PlanStatus.SUBMITTED,), PlanStatus.APPROVED, APPROVERS),
    TransitionKind.RETURN: ((PlanStatus.SUBMITTED,), PlanStatus.RETURNED, APPROVERS),
    TransitionKind.REOPEN: ((PlanStatus.RETURNED,), PlanStatus.DRAFT, SUBMITTERS),
}

# The fields whose change is a change of the plan (they are what the snapshot shows). A
# change of anything else (an action's status, a step's progress, a measurement) is work
# on the plan, recorded in the history but leaving the approval as it is.
CONTENT_FIELDS = {
    "Plan": {
        "title",
        "method",
        "start_year",
        "end_year",
        "coordinator",
        "description",
        "themes",
        "kpis",
    },
    "MissionVision": {"mission", "vision", "stage"},
    "Goal": {
        "plan",
        "title",
        "kind",
        "theme",
        "kpi",
        "target_value",
        "deadline",
        "specific",
        "acceptable",
        "realistic",
    },
    "Action": {
        "plan",
        "title",
        "theme",
        "goal",
        "responsible",
        "team",
        "planned_year",
        "planned_quarter",
        "start_date",
        "due_date",
        "budget",
        "hours",
        "within_budget",
        "description",
        "why",
    },
    "Kpi": {"name", "theme", "unit", "direction", "baseline_value", "baseline_date"},
    "Target": {"kpi", "date", "value"},
    # A theme's name, focus and ambition levels are shown in the plans that hold it.
    "OrgTheme": {"framework_theme", "own_name", "is_focus", "ambition_current", "ambition_target"},
}


class Refused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def name_of(user):
    return (user.full_name or user.email) if user else ""


def refusal(plan, user, role, kind, comment=None):
    """Why ``user`` (with ``role`` in the plan's organisation) may not make move ``kind``
    now, or None when it is allowed. The comment is checked only when one is given (the
    page asks for it in the form; ``None`` means not asked yet)."""
    starts, _to, roles = MOVES[kind]
    if role not in roles:
        if kind in (TransitionKind.APPROVE, TransitionKind.RETURN):
            return _("Alleen een manager of beheerder kan een plan goedkeuren of terugsturen.")
        return _("Alleen werkgroepleden en beheerders kunnen een plan indienen of intrekken.")
    if kind == TransitionKind.APPROVE and plan.status == PlanStatus.APPROVED:
        return _("Dit plan is al goedgekeurd; de versie staat op de goedkeuringspagina.")
    if plan.status not in starts:
        return {
            TransitionKind.SUBMIT: _("Dit plan is al ingediend of goedgekeurd."),
            TransitionKind.WITHDRAW: _("Dit plan is niet ingediend; er valt niets in te trekken."),
            TransitionKind.APPROVE: _("Alleen een ingediend plan kan worden goedgekeurd."),
            TransitionKind.RETURN: _("Alleen een ingediend plan kan worden teruggestuurd."),
            TransitionKind.REOPEN: _("Alleen een teruggestuurd plan kan weer in concept."),
        }[kind]
    if kind == TransitionKind.APPROVE and plan.submitted_by_id == user.pk:
        return _(
            "U hebt dit plan zelf ingediend. Een andere manager of beheerder keurt het goed: "
            "zo kijken er altijd twee mensen naar."
        )
    if kind == TransitionKind.RETURN and plan.submitted_by_id == user.pk:
        return _("U hebt dit plan zelf ingediend. Trek het in als u het wilt aanpassen.")
    if kind == TransitionKind.RETURN and comment is not None and not comment.strip():
        return _("Schrijf erbij wat er anders moet; dat is verplicht bij terugsturen.")
    return None


def available(plan, user, role):
    """{kind: None (allowed) or the reason it is not} for every move, for the page."""
    return {kind: refusal(plan, user, role, kind) for kind in MOVES}


def last_version(plan):
    return plan.versions.select_related("approved_by").order_by("-number").first()


def _locked(plan):
    return Plan.objects.select_for_update().get(pk=plan.pk)


def _move(plan, user, role, kind, comment="", **extra):
    """Check and make one move; returns the locked, updated plan and its transition."""
    comment = (comment or "").strip()
    locked = _locked(plan)
    if reason := refusal(locked, user, role, kind, comment):
        raise Refused(reason)
    to_status = MOVES[kind][1]
    transition = PlanTransition.objects.create(
        plan=locked,
        kind=kind,
        from_status=locked.status,
        to_status=to_status,
        by=user,
        by_name=name_of(user),
        comment=comment,
        version=extra.pop("version", None),
    )
    if kind != TransitionKind.SUBMIT:
        settle_submission_notices(locked)
    fields = {"status": to_status, **extra}
    Plan.objects.filter(pk=locked.pk).update(**fields)
    for field, value in fields.items():
        setattr(locked, field, value)
        setattr(plan, field, value)
    plan.status = to_status
    return locked, transition


def settle_submission_notices(plan):
    """The plan no longer waits for a judgement: the "ter goedkeuring" notifications of its
    submissions count as read, so no manager's bell still asks for it."""
    events = [
        f"plan-transition:{pk}"
        for pk in plan.transitions.filter(kind=TransitionKind.SUBMIT).values_list("pk", flat=True)
    ]
    Notification.objects.filter(event__in=events, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def approvers_of(organisation):
    """The people who may judge the organisation's plans (managers and admins)."""
    memberships = (
        Membership.objects.for_org(organisation)
        .filter(role__in=APPROVERS, user__is_active=True)
        .select_related("user")
    )
    return [membership.user for membership in memberships]


def approval_url(plan):
    return reverse("plans:approval", kwargs={"org_slug": plan.organisation.slug, "pk": plan.pk})


@transaction.atomic
def submit_plan(plan, user, role, comment=""):
    plan, transition = _move(
        plan,
        user,
        role,
        TransitionKind.SUBMIT,
        comment,
        submitted_by=user,
        submitted_at=timezone.now(),
    )
    who = name_of(user)
    notify(
        plan.organisation,
        [person for person in approvers_of(plan.organisation) if person != user],
        f"plan-transition:{transition.pk}",
        title=lambda: _("Ter goedkeuring: %(plan)s") % {"plan": plan},
        body=lambda: (
            _("%(person)s heeft het plan ingediend. %(comment)s")
            % {"person": who, "comment": transition.comment}
        ),
        url=approval_url(plan),
    )
    return transition


@transaction.atomic
def withdraw_plan(plan, user, role, comment=""):
    _plan, transition = _move(
        plan, user, role, TransitionKind.WITHDRAW, comment, submitted_by=None, submitted_at=None
    )
    return transition


@transaction.atomic
def reopen_plan(plan, user, role, comment=""):
    _plan, transition = _move(plan, user, role, TransitionKind.REOPEN, comment)
    return transition


@transaction.atomic
def return_plan(plan, user, role, comment):
    submitter = plan.submitted_by
    locked, transition = _move(plan, user, role, TransitionKind.RETURN, comment)
    who = name_of(user)
    notify(
        locked.organisation,
        [submitter],
        f"plan-transition:{transition.pk}",
        title=lambda: _("Teruggestuurd: %(plan)s") % {"plan": locked},
        body=lambda: (
            _("%(person)s stuurde het plan terug: %(comment)s")
            % {"person": who, "comment": transition.comment}
        ),
        url=approval_url(locked),
    )
    return transition


@transaction.atomic
def approve_plan(plan, user, role, comment="", fingerprint=None):
    """Approve the plan as it is now and freeze it as the next version.

    ``fingerprint`` is the content hash of the comparison the approver looked at; when the
    plan changed since, the approval is refused, so nobody approves what they did not see."""
    locked = _locked(plan)
    if reason := refusal(locked, user, role, TransitionKind.APPROVE, comment):
        raise Refused(reason)
    data = snapshot.build(locked)
    current = snapshot.fingerprint(data)
    if fingerprint is not None and fingerprint != current:
        raise Refused(
            _(
                "Het plan is gewijzigd terwijl u het bekeek. Bekijk de wijzigingen opnieuw "
                "en keur dan goed."
            )
        )
    number = (locked.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    version = PlanVersion.objects.create(
        plan=locked,
        number=number,
        format=data["format"],
        data=data,
        fingerprint=current,
        submitted_by=locked.submitted_by,
        submitted_by_name=name_of(locked.submitted_by),
        submitted_at=locked.submitted_at,
        approved_by=user,
        approved_by_name=name_of(user),
        approved_at=timezone.now(),
        comment=(comment or "").strip(),
    )
    submitter = locked.submitted_by
    locked, transition = _move(plan, user, role, TransitionKind.APPROVE, comment, version=version)
    who = name_of(user)
    notify(
        locked.organisation,
        [submitter],
        f"plan-transition:{transition.pk}",
        title=lambda: (
            _("Goedgekeurd: %(plan)s, versie %(number)s") % {"plan": locked, "number": number}
        ),
        body=lambda: (
            _("%(person)s keurde het plan goed. %(comment)s")
            % {"person": who, "comment": transition.comment}
        ),
        url=reverse(
            "plans:version",
            kwargs={"org_slug": locked.organisation.slug, "pk": locked.pk, "number": number},
        ),
    )
    return version


# Plans being deleted right now: deleting a plan deletes its actions (and a higher app's
# rows) first, and each of those deletions is a content change of a plan that is about to
# go; recording it would leave a timeline row pointing at a deleted plan.
_deleting = ContextVar("plans_being_deleted", default=frozenset())


def plan_deleting(sender, instance, **kwargs):
    """pre_delete of a Plan: its own cascade is no change to record."""
    _deleting.set(_deleting.get() | {instance.pk})


def plan_deleted(sender, instance, **kwargs):
    _deleting.set(_deleting.get() - {instance.pk})


def changed_fields(history_instance):
    """(the fields a simple-history change record changed, the previous record), or None
    for a creation or deletion (which changes every field)."""
    if history_instance.history_type != "~":
        return None
    previous = history_instance.prev_record
    if previous is None:
        return None
    delta = history_instance.diff_against(previous, foreign_keys_are_objs=False)
    return {change.field for change in delta.changes}, previous


def touched_links(instance, history_instance, fields, link="plan"):
    """The ids the row's ``link`` pointed to before and after a recorded change, when the
    change touched one of ``fields`` (content); an empty set when it did not."""
    ids = {getattr(instance, f"{link}_id", None)}
    found = changed_fields(history_instance)
    if found is not None:
        changed, previous = found
        if not changed & fields:
            return set()
        if link in changed:
            ids.add(getattr(previous, f"{link}_id", None))
    return {pk for pk in ids if pk}


def content_changed(plan_ids, user=None):
    """The content of these plans changed: a submitted, returned or approved plan becomes a
    concept again (a new version to approve), recorded in its timeline. Call it inside the
    transaction of the change; it is a no-op for plans that are concept already."""
    plan_ids = {pk for pk in plan_ids if pk} - _deleting.get()
    if not plan_ids:
        return 0
    moved = 0
    with transaction.atomic():
        plans = Plan.objects.select_for_update(of=("self",)).filter(
            pk__in=plan_ids,
            status__in=(PlanStatus.SUBMITTED, PlanStatus.RETURNED, PlanStatus.APPROVED),
        )
        for plan in plans.select_related("organisation", "submitted_by"):
            transition = PlanTransition.objects.create(
                plan=plan,
                kind=TransitionKind.CHANGED,
                from_status=plan.status,
                to_status=PlanStatus.DRAFT,
                by=user,
                by_name=name_of(user),
            )
            moved += Plan.objects.filter(pk=plan.pk).update(
                status=PlanStatus.DRAFT, submitted_by=None, submitted_at=None
            )
            if transition.from_status == PlanStatus.SUBMITTED:
                settle_submission_notices(plan)
                _tell_submission_lapsed(plan, transition, user)
    return moved


def _tell_submission_lapsed(plan, transition, user):
    """A submitted plan was changed before anyone judged it: the submitter and the people
    who would judge it hear that it waits for a new submission, not for them."""
    people = [plan.submitted_by, *approvers_of(plan.organisation)]
    who = name_of(user) or _("iemand")
    notify(
        plan.organisation,
        [person for person in people if person != user],
        f"plan-transition:{transition.pk}",
        title=lambda: _("Weer concept: %(plan)s") % {"plan": plan},
        body=lambda: (
            _(
                "%(person)s wijzigde het plan terwijl het ter goedkeuring lag. Het is weer een "
                "concept en moet opnieuw worden ingediend."
            )
            % {"person": who}
        ),
        url=approval_url(plan),
    )


def plans_of(instance):
    """The ids of the plans whose content includes this row (plan, mission, goal, action,
    KPI or target)."""
    if hasattr(instance, "_plans_before_delete"):  # see remember_plans
        return set(instance._plans_before_delete)
    name = type(instance).__name__
    if name == "Plan":
        return {instance.pk}
    if name == "OrgTheme":  # chosen for the plan, or on one of its goals or actions
        return _plan_ids(
            Plan.themes.through.objects.filter(orgtheme=instance.pk).values("plan_id"),
            Goal.objects.filter(theme=instance.pk).values("plan_id"),
            Action.objects.filter(theme=instance.pk).values("plan_id"),
        )
    if name in ("MissionVision", "Goal", "Action"):
        return {instance.plan_id}
    kpi_id = instance.pk if name == "Kpi" else getattr(instance, "kpi_id", None)
    if kpi_id is None:
        return set()
    return _plan_ids(
        Plan.kpis.through.objects.filter(kpi=kpi_id).values("plan_id"),
        Goal.objects.filter(kpi=kpi_id).values("plan_id"),
    )


def _plan_ids(*querysets):
    """The distinct plan ids of several one-column querysets, in one UNION query (each
    part is a plain indexed lookup: no join that multiplies rows)."""
    first, *rest = (queryset.order_by() for queryset in querysets)
    return set(first.union(*rest).values_list("plan_id", flat=True))


def remember_plans(sender, instance, **kwargs):
    """Before a KPI or target is deleted, note the plans it belongs to: by the time its
    history record is made, its links with those plans (and the goals' KPI) are gone."""
    instance._plans_before_delete = plans_of(instance)


def on_history_record(sender, instance, history_instance, **kwargs):
    """simple-history made a record of a change: if it changed plan content, the plans it
    belongs to go back to concept."""
    fields = CONTENT_FIELDS.get(type(instance).__name__)
    if fields is None:
        return
    moved_from = None
    if history_instance.history_type == "~":
        previous = history_instance.prev_record
        if previous is not None:
            delta = history_instance.diff_against(previous, foreign_keys_are_objs=False)
            changed = {change.field for change in delta.changes}
            if not changed & fields:  # checked first: finding the plans costs a query
                return
            if "plan" in changed:  # moved to another plan: both plans changed
                moved_from = getattr(previous, "plan_id", None)
    plan_ids = plans_of(instance) | {moved_from}
    content_changed(plan_ids, history_instance.history_user)


def changes_since_approval(plan):
    """(last approved version or None, the snapshot as it is now, what changed since)."""
    version = last_version(plan)
    now = snapshot.build(plan)
    return version, now, snapshot.diff(version.data if version else None, now)
