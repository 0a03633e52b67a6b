"""Things people own in an organisation, and handing them over when someone leaves.

A member can be responsible for rows of higher apps (KPIs now; actions and plans later). The
core app may not import those apps, so each registers the kind of thing it owns here, in its
``AppConfig.ready()``. The members page then lists former members who still own something and
lets an admin hand it all over to a current member in one go. Every row handed over gets a
history record (mvo.history), and a kind can ask to hear which rows moved (``moved``).
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Exists, F, OuterRef

from . import history
from .models import Membership, User


@dataclass(frozen=True)
class OwnedKind:
    label: object  # a lazy plural label, e.g. _("KPI's")
    model: type  # an org-scoped model
    field: str  # its foreign key to the user who owns the row
    only: object = None  # a Q of the rows that still need an owner (e.g. open actions)
    moved: object = None  # a function (ids of the rows handed over, who did it), or None


_KINDS: list[OwnedKind] = []


def register(label, model, field="owner", only=None, moved=None):
    """Called from an app's ``ready()``: rows of ``model`` are owned through ``field``;
    ``only`` (a Q) limits it to the rows that still need someone (done work keeps its name);
    ``moved`` (a module-level function) is called with the ids of the rows handed over."""
    kind = OwnedKind(label, model, field, only, moved)
    if kind not in _KINDS:
        _KINDS.append(kind)


def _owned_rows(kind, organisation):
    rows = kind.model.objects.filter(organisation=organisation, **{f"{kind.field}__isnull": False})
    return rows.filter(kind.only) if kind.only is not None else rows


def former_owners(organisation):
    """People who are no longer members but still own rows: [(user, [(label, count), ...])],
    one query per registered kind, however many rows there are."""
    counts = {}
    for kind in _KINDS:
        still_member = Membership.objects.filter(
            organisation=organisation, user=OuterRef(kind.field)
        )
        rows = (
            _owned_rows(kind, organisation)
            .exclude(Exists(still_member))
            .values(kind.field)
            .annotate(n=Count("pk"))
            .values_list(kind.field, "n")
        )
        for user_id, n in rows:
            counts.setdefault(user_id, []).append((kind.label, n))
    users = User.objects.in_bulk(counts.keys()) if counts else {}
    return [
        (users[user_id], counts[user_id])
        for user_id in sorted(counts, key=lambda pk: str(users[pk]).lower())
    ]


def owned_by(organisation, user):
    """[(label, count)] of what ``user`` owns in ``organisation``, leaving out kinds with none."""
    result = []
    for kind in _KINDS:
        n = _owned_rows(kind, organisation).filter(**{kind.field: user}).count()
        if n:
            result.append((kind.label, n))
    return result


@transaction.atomic
def hand_over(organisation, from_user, to_user, by=None):
    """Give everything ``from_user`` owns in the organisation to ``to_user``; returns the
    number of rows moved. Rows of other organisations are never touched. ``by``: the person
    doing it, named in the history."""
    moved = 0
    for kind in _KINDS:
        changes = {kind.field: to_user}
        if any(f.name == "version" for f in kind.model._meta.concrete_fields):
            changes["version"] = F("version") + 1  # an open edit form of the row is told
        rows = _owned_rows(kind, organisation).filter(**{kind.field: from_user})
        ids = list(rows.values_list("pk", flat=True))
        if not ids:
            continue
        rows = kind.model._base_manager.filter(pk__in=ids)
        if getattr(kind.model._meta, "simple_history_manager_attribute", None):
            moved += history.record_update(rows, by, **changes)
        else:
            moved += rows.update(**changes)
        if kind.moved is not None:
            kind.moved(ids, by)
    return moved
