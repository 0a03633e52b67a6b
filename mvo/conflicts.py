"""What someone else changed while you were editing: the second writer's view of a conflict.

When VersionedModelForm refuses a save because the row's version moved on, ``describe``
compares the historical row (django-simple-history) of the version the form was loaded with
against the row as it is now, field by field, and names who saved in between and when. The
values are shown as people read them: field labels, choice labels, the names of linked rows,
Dutch numbers and dates. Without a historical row for the loaded version (rows older than
the history) there is nothing to compare with and ``describe`` returns None.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format, number_format, time_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from simple_history.utils import get_m2m_reverse_field_name


@dataclass
class Change:
    """One field: what the form was loaded with, what is stored now, what the form holds."""

    label: str
    old: str
    new: str
    yours: str
    reverts: bool = False  # saving the form as it is would undo the other person's change


@dataclass
class Conflict:
    authors: list = field(default_factory=list)  # names, in the order they saved
    changed_at: datetime | None = None
    changes: list = field(default_factory=list)
    version: int = 0  # the version stored now

    @property
    def names(self):
        return names_text(self.authors) if self.authors else _("iemand anders")

    @property
    def changed_at_text(self):
        return moment(self.changed_at) if self.changed_at else ""


def moment(value):
    """ "1 december 2026 om 14:05" in the active language."""
    value = timezone.localtime(value)
    return _("%(date)s om %(time)s") % {
        "date": date_format(value, "DATE_FORMAT"),
        "time": time_format(value, "H:i"),
    }


def names_text(names):
    """ "Anna", "Anna en Bert", "Anna, Bert en Carla"."""
    if len(names) == 1:
        return names[0]
    return _("%(first)s en %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def person_name(user):
    if user is None:
        return None
    return user.get_full_name() if hasattr(user, "get_full_name") else str(user)


def history_manager(model):
    """The model's simple-history manager, or None when its changes are not recorded."""
    manager = getattr(model, "history", None)
    return manager if hasattr(manager, "model") and hasattr(manager.model, "history_id") else None


def describe(form, current, loaded_version):
    """The Conflict between ``loaded_version`` of a row and ``current`` (the row as stored
    now), for the fields of ``form`` (its labels, its choices and what it holds now); None
    when the history cannot say (no historical row for that version).

    A form with values that are no model field of their own (answers kept in a JSON field)
    adds them with ``conflict_extras(old_record, current_row)``: (label, old, new, yours)
    texts, e.g. from ``text_changes``."""
    model = type(current)
    manager = history_manager(model)
    if manager is None or "version" not in {f.name for f in manager.model._meta.get_fields()}:
        return None
    records = manager.filter(**{model._meta.pk.attname: current.pk})
    base = records.filter(version=loaded_version).order_by("-history_date", "-history_id").first()
    if base is None:
        return None
    later = list(
        records.filter(version__gt=loaded_version)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    authors = []
    for record in later:
        name = person_name(record.history_user)
        if name and name not in authors:
            authors.append(name)
    conflict = Conflict(
        authors=authors,
        changed_at=later[-1].history_date if later else None,
        version=current.version,
    )
    extras = form.conflict_extras(base, current) if hasattr(form, "conflict_extras") else []
    conflict.changes = Comparison(form, base, current).changes() + [
        Change(label, old, new, yours, reverts=(yours == old and old != new))
        for label, old, new, yours in extras
        if old != new
    ]
    return conflict


class Comparison:
    """Old (historical row) against new (stored row) for the model fields of a form."""

    def __init__(self, form, base, current):
        self.form, self.base, self.current = form, base, current
        self.opts = type(current)._meta
        tracked = {f.name for f in base._meta.get_fields()}
        m2m_tracked = {f.name for f in getattr(base, "_history_m2m_fields", [])}
        self.fields = []
        # Besides its own fields a form may name model fields that other pages change
        # (``conflict_also``, e.g. the stage of a mission), shown without "your" value.
        named = [(name, form_field) for name, form_field in form.fields.items()]
        named += [(name, None) for name in getattr(form, "conflict_also", ())]
        for name, form_field in named:
            if name == "version":
                continue
            try:
                model_field = self.opts.get_field(name)
            except FieldDoesNotExist:  # a form-only field (answers): the form adds it itself
                continue
            known = m2m_tracked if model_field.many_to_many else tracked
            if name in known and (model_field.many_to_many or model_field.concrete):
                self.fields.append((name, form_field, model_field))
        self._names = {}

    def changes(self):
        rows = []
        for name, form_field, model_field in self.fields:
            old, new = self.old_value(model_field), self.new_value(model_field)
            if old == new:
                continue
            yours = self.your_value(name, model_field, new)
            rows.append((name, form_field, model_field, old, new, yours))
        self._load_names(rows)
        return [
            Change(
                label=self.label(name, form_field, model_field),
                old=self.show(form_field, model_field, old),
                new=self.show(form_field, model_field, new),
                yours=self.show(form_field, model_field, yours),
                reverts=yours == old,
            )
            for name, form_field, model_field, old, new, yours in rows
        ]

    # --- raw values: pks for links, sets of pks for many-to-many ---

    def old_value(self, model_field):
        if model_field.many_to_many:
            through = getattr(self.base, model_field.name)
            column = get_m2m_reverse_field_name(model_field)
            return frozenset(through.values_list(f"{column}_id", flat=True))
        return getattr(self.base, model_field.attname)

    def new_value(self, model_field):
        if model_field.many_to_many:
            related = getattr(self.current, model_field.name)
            return frozenset(related.values_list("pk", flat=True))
        return getattr(self.current, model_field.attname)

    def your_value(self, name, model_field, new):
        if name not in self.form.fields:
            return new  # not in the form: nothing of the user's to compare
        value = self.form.cleaned_data.get(name)
        if model_field.many_to_many:
            return frozenset(obj.pk for obj in value or [])
        if model_field.is_relation:
            return getattr(value, "pk", value)
        if value == "" and model_field.null:
            return None
        return value

    # --- as people read them ---

    def label(self, name, form_field, model_field):
        return str(getattr(form_field, "label", None) or capfirst(model_field.verbose_name))

    def _load_names(self, rows):
        """The names of every linked row these changes mention, one query per kind."""
        wanted = {}
        for _name, _form_field, model_field, *values in rows:
            if model_field.is_relation:
                ids = wanted.setdefault(model_field.related_model, set())
                for value in values:
                    ids.update(value if isinstance(value, frozenset) else {value})
        for related, ids in wanted.items():
            ids.discard(None)
            found = related._base_manager.filter(pk__in=ids) if ids else []
            self._names[related] = {obj.pk: str(obj) for obj in found}

    def show(self, form_field, model_field, value):
        if model_field.is_relation:
            names = self._names.get(model_field.related_model, {})
            if model_field.many_to_many:
                shown = sorted(names.get(pk, _("(verwijderd)")) for pk in value)
                return ", ".join(shown) if shown else empty()
            if value is None:
                return empty()
            return names.get(value, _("(verwijderd)"))
        amount = getattr(model_field, "decimal_places", None) == 2
        if amount and isinstance(value, Decimal) and value != value.to_integral_value():
            # an amount: 1.250,50 (and 1.250 when whole, as any number)
            return number_format(value, decimal_pos=2, use_l10n=True, force_grouping=True)
        return show_value(value, choices_of(form_field, model_field))


def empty():
    return _("(leeg)")


def choices_of(form_field, model_field):
    if model_field.choices:
        return {str(key): label for key, label in model_field.flatchoices}
    if isinstance(form_field, forms.ChoiceField) and not isinstance(
        form_field, forms.ModelChoiceField
    ):
        return {str(key): label for key, label in form_field.choices}
    return None


def show_value(value, choices=None):
    """A stored value as text in the active language."""
    if value is None or value == "":
        return empty()
    if choices is not None and str(value) in choices:
        return str(choices[str(value)])
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, Decimal):
        normal = value.normalize()
        places = max(0, -normal.as_tuple().exponent)
        return number_format(normal, decimal_pos=places, use_l10n=True, force_grouping=True)
    if isinstance(value, float):
        return number_format(value, use_l10n=True, force_grouping=True)
    if isinstance(value, datetime):
        return moment(value)
    if isinstance(value, date):
        return date_format(value, "DATE_FORMAT")
    if isinstance(value, models.Model):
        return str(value)
    return str(value)  # whole numbers (years, quarters) without a thousands separator


def text_changes(labels, old, new, yours):
    """(label, old, new, yours) texts for parallel lists of answers (see ``describe``)."""
    rows = []
    for i, label in enumerate(labels):
        values = [show_value(items[i] if i < len(items) else "") for items in (old, new, yours)]
        rows.append((str(label), *values))
    return rows
