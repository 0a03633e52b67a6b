"""Who changed what, and when: the history that django-simple-history keeps of a row.

Writing. A row saved with ``save()`` gets its historical record from simple-history itself.
Rows written without it (``QuerySet.update``, ``bulk_create``, ``bulk_update``, a delete of
many rows at once) get theirs from ``record`` and ``delete_recorded``: a few statements per
batch, however many rows. They send no signals; a service that changes plan content this way
tells the approval itself.

Reading. ``history_page`` shows the changes of several history tables as one list, newest
first, filtered by person, dates and kind, a page at a time: the page's entries come from one
UNION of the tables, and only the records on the page are loaded (with the record before each
one, the people and the related rows they name), in a number of queries that does not grow
with the history. The apps above pass their historical querysets in, already limited to the
organisation (``Source``); this module knows none of them.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, models
from django.db.models import CharField, F, OuterRef, Q, Subquery, Value
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.models import HistoricalRecords

from .conflicts import show_value
from .generic import paginate
from .validation import DATE_VALIDATORS

CREATED, CHANGED, DELETED = "+", "~", "-"
BATCH = 500  # rows per INSERT or DELETE statement
PER_PAGE = 50
TEXT_LIMIT = 300  # characters of a text shown whole; longer texts are shortened
SAME_KEPT = 60  # characters kept on each side of an unchanged stretch in a text comparison

# Fields that are bookkeeping, not content: never shown as a change.
TECHNICAL = frozenset(
    {
        "id",
        "version",
        "organisation",
        "created_at",
        "created_by",
        "updated_at",
        "updated_by",
        "planned_period",
        "entered_at",
        "entered_by",
    }
)


# --- Writing -------------------------------------------------------------------------------


def _user_id(user, model):
    """The id of the person to record: ``user``, else whoever makes the current request."""
    if user is None:
        user = model.history.model.get_default_history_user(None)
    return getattr(user, "pk", None)


def record(model, rows, kind=CHANGED, user=None, when=None):
    """A historical record of each of the ``rows`` (objects or ids) of ``model`` as the
    database holds them now, as if each had been saved (``kind`` "+" or "~") or deleted ("-")
    by ``user`` at ``when``. Many-to-many links are recorded with them, as simple-history does
    on save. Returns the number of records.

    One INSERT … SELECT per batch of ids: the values never travel through Python, and a batch
    holds as many rows as there are parameters (a row-by-row INSERT of a wide table fits only
    a few dozen rows in SQLite's 999 parameters)."""
    pks = [pk for pk in (getattr(row, "pk", row) for row in rows) if pk is not None]
    if not pks or not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        return 0
    history = model.history.model
    when = when or timezone.now()
    user_id = _user_id(user, model)
    q = connection.ops.quote_name
    pairs = [(history._meta.get_field(f.name).column, f.column) for f in history.tracked_fields]
    extra = [history._meta.get_field(name).column for name in HISTORY_COLUMNS]
    columns = ", ".join(q(column) for column, _source in pairs + [(c, c) for c in extra])
    selected = ", ".join(q(source) for _column, source in pairs)
    table, source = (q(m._meta.db_table) for m in (history, model))
    key = q(model._meta.pk.column)
    # Names from the models' own meta, quoted; every value goes as a parameter.
    insert = (
        f"INSERT INTO {table} ({columns}) SELECT {selected}, %s, %s, %s "  # noqa: S608
        f"FROM {source} WHERE {key} IN "
    )
    stamp = connection.ops.adapt_datetimefield_value(when)
    count = 0
    with connection.cursor() as cursor:
        for start in range(0, len(pks), BATCH):
            batch = pks[start : start + BATCH]
            cursor.execute(
                insert + f"({', '.join(['%s'] * len(batch))})", [stamp, kind, user_id, *batch]
            )
            count += cursor.rowcount
            if history._history_m2m_fields:
                new = history.objects.filter(
                    id__in=batch, history_date=when, history_type=kind, history_user_id=user_id
                )
                _record_links(history, list(new))
    return count


HISTORY_COLUMNS = ("history_date", "history_type", "history_user")


def _record_links(history, records):
    """The many-to-many links of the rows now, beside their new records (one query and one
    INSERT per many-to-many field)."""
    for m2m in history._history_m2m_fields:
        through = m2m.remote_field.through
        own = m2m.m2m_field_name() + "_id"
        links = defaultdict(list)
        for link in through.objects.filter(**{f"{own}__in": [r.id for r in records]}):
            links[getattr(link, own)].append(link)
        linked = HistoricalRecords.m2m_models[m2m]
        linked.objects.bulk_create(
            [
                linked(
                    history=record,
                    **{f.attname: getattr(link, f.attname) for f in through._meta.fields},
                )
                for record in records
                for link in links[record.id]
            ],
            batch_size=BATCH,
        )


def delete_recorded(model, rows, user=None, when=None):
    """Delete the ``rows`` (objects or ids) with a "-" record of each: a few statements per
    batch, where a queryset delete would send a signal and write a record one row at a time.

    Only for models that no other row refers to (nothing to cascade) and whose only delete
    signals are simple-history's."""
    if model._meta.related_objects:
        raise ValueError(f"{model.__name__} has rows that refer to it; delete them one by one.")
    pks = [getattr(row, "pk", row) for row in rows]
    record(model, pks, DELETED, user, when)
    manager = model._base_manager
    for start in range(0, len(pks), BATCH):
        manager.filter(pk__in=pks[start : start + BATCH])._raw_delete(manager.db)
    return len(pks)


def record_update(queryset, user=None, when=None, **changes):
    """``queryset.update(**changes)`` with a "~" record of every row it changed: the ids
    first, then the UPDATE, then the records of the rows as they are now. Returns the number
    of rows changed."""
    model = queryset.model
    pks = list(queryset.values_list("pk", flat=True))
    if not pks:
        return 0
    changed = 0
    for start in range(0, len(pks), BATCH):
        changed += model._base_manager.filter(pk__in=pks[start : start + BATCH]).update(**changes)
    record(model, pks, CHANGED, user, when)
    return changed


# --- Reading: what to show -----------------------------------------------------------------


@dataclass
class Source:
    """One history table on a page: its kind (the key of the kind filter), a label for the
    person, and its records, already limited to the organisation's rows.

    ``title``: the field of a record that names the object, or a function (record, fk) →
    text, where fk(field name) gives the name of the row a foreign key of the record points
    at; ``title_fks`` lists the foreign keys it uses. ``url``: a function record → the link to
    the object's own history, or None. ``labels`` overrides a field's label, ``skip`` leaves
    more fields out."""

    kind: str
    label: object
    records: models.QuerySet
    title: object = "title"
    title_fks: tuple = ()
    url: object = None
    labels: dict = field(default_factory=dict)
    skip: frozenset = frozenset()

    @property
    def history(self):
        return self.records.model


@dataclass
class Change:
    label: str
    old: str = ""
    new: str = ""
    parts: list | None = None  # [(kind, text)] for a text compared word by word


@dataclass
class Entry:
    when: datetime
    person: str
    kind: str
    kind_label: str
    title: str
    url: str | None
    type: str  # "+", "~" or "-"
    action: str
    changes: list


# The change reason of the first record that migration plans 0005 gave every row that
# existed before the history was switched on: not a creation, just where the history starts.
HISTORY_START = "koers:start"

ACTIONS = {
    HISTORY_START: gettext_lazy("stand bij de start van de geschiedenis"),
    CREATED: gettext_lazy("aangemaakt"),
    CHANGED: gettext_lazy("gewijzigd"),
    DELETED: gettext_lazy("verwijderd"),
}


class HistoryFilterForm(forms.Form):
    """Who, from and until when, and (on pages with several kinds of rows) what."""

    persoon = forms.ModelChoiceField(
        queryset=get_user_model().objects.none(),
        required=False,
        label=gettext_lazy("Wie"),
        empty_label=gettext_lazy("Iedereen"),
        error_messages={"invalid_choice": gettext_lazy("Kies iemand uit de lijst.")},
    )
    van = forms.DateField(
        required=False,
        label=gettext_lazy("Vanaf"),
        validators=DATE_VALIDATORS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": gettext_lazy("Vul een datum in, bijvoorbeeld 31-12-2025.")},
    )
    tot = forms.DateField(
        required=False,
        label=gettext_lazy("Tot en met"),
        validators=DATE_VALIDATORS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": gettext_lazy("Vul een datum in, bijvoorbeeld 31-12-2025.")},
    )
    soort = forms.ChoiceField(
        required=False,
        label=gettext_lazy("Wat"),
        error_messages={"invalid_choice": gettext_lazy("Kies een van de soorten uit de lijst.")},
    )

    def __init__(self, *args, organisation, sources, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["persoon"].queryset = (
            get_user_model()
            .objects.filter(memberships__organisation=organisation)
            .order_by("full_name", "email")
        )
        if len(sources) > 1:
            self.fields["soort"].choices = [("", _("Alles")), *((s.kind, s.label) for s in sources)]
        else:
            del self.fields["soort"]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("van"), cleaned.get("tot")
        if start and end and start > end:
            self.add_error("tot", _("Deze datum ligt vóór de datum bij ‘Vanaf’."))
        return cleaned


def _start_of(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def merged(sources, person=None, start=None, end=None, kind=None):
    """The matching records of all sources as one queryset of dicts (history_id,
    history_date, history_user_id, history_type, source_kind, object_pk), newest first.
    ``start`` and ``end`` are dates, both included."""
    parts = []
    for source in sources:
        if kind and source.kind != kind:
            continue
        records = source.records.order_by()
        if person is not None:
            records = records.filter(history_user=person)
        if start:
            records = records.filter(history_date__gte=_start_of(start))
        if end:
            records = records.filter(history_date__lt=_start_of(end + timedelta(days=1)))
        parts.append(
            records.annotate(
                source_kind=Value(source.kind, output_field=CharField()), object_pk=F("id")
            ).values(
                "history_id",
                "history_date",
                "history_user_id",
                "history_type",
                "source_kind",
                "object_pk",
            )
        )
    if not parts:
        return []
    union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return union.order_by("-history_date", "-history_id", "source_kind")


# --- Reading: turning records into changes -------------------------------------------------


def _previous(history):
    """The history_id of the record before each record of the same row."""
    earlier = history.objects.filter(id=OuterRef("id")).filter(
        Q(history_date__lt=OuterRef("history_date"))
        | Q(history_date=OuterRef("history_date"), history_id__lt=OuterRef("history_id"))
    )
    return Subquery(earlier.order_by("-history_date", "-history_id").values("history_id")[:1])


def _fields(source):
    """The fields of the source worth showing: (field, is many-to-many)."""
    skip = TECHNICAL | source.skip
    shown = [(f, False) for f in source.history.tracked_fields if f.name not in skip]
    shown += [(f, True) for f in source.history._history_m2m_fields if f.name not in skip]
    return shown


class Names:
    """Names of rows that foreign keys point at, loaded per model in one query (a row that no
    longer exists: its last recorded name, from its own history when it has one)."""

    def __init__(self, querysets, organisation):
        self.querysets = querysets  # {model: queryset to load its rows from}
        self.organisation = organisation
        self.wanted = defaultdict(set)
        self.names = {}

    def want(self, model, pk):
        if pk is not None:
            self.wanted[model].add(pk)

    def load(self):
        for model, pks in self.wanted.items():
            queryset = self.querysets.get(model, model._base_manager.all())
            found = {pk: str(row) for pk, row in queryset.in_bulk(pks).items()}
            missing = pks - found.keys()
            latest = self._deleted(model, missing)
            if latest is not None:
                for row in latest:  # the last one of each row wins
                    found[row.id] = _("%(name)s (verwijderd)") % {"name": row.instance}
            for pk in missing - found.keys():
                found[pk] = _("nr. %(pk)s (verwijderd)") % {"pk": pk}
            self.names.update({(model, pk): name for pk, name in found.items()})

    def _deleted(self, model, pks):
        """The records of rows that no longer exist, when the model has a history that says
        which organisation a row was of."""
        history = getattr(model, "history", None)
        if not pks or history is None:
            return None
        records = history.model.objects.filter(id__in=pks)
        if self.organisation is not None:
            if not any(f.name == "organisation" for f in history.model._meta.fields):
                return None
            records = records.filter(organisation=self.organisation)
        return records.order_by("id", "history_date", "history_id")

    def get(self, model, pk):
        if pk is None:
            return ""
        return self.names.get((model, pk), "")


def _shorten(text, limit=TEXT_LIMIT):
    text = " ".join(text.split()) if len(text) > limit else text
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _plain(value):
    """A value that is neither a foreign key nor a choice, as a person reads it."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool | Decimal):
        return show_value(value)  # ja / nee, Dutch decimals: as the conflict message shows them
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%d-%m-%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list | tuple):
        flat = []
        for item in value:
            flat += item if isinstance(item, list | tuple) else [item]
        return _shorten(" · ".join(str(item) for item in flat if item not in (None, "")))
    return str(value)


class Describer:
    """Turns the page's records into entries; see describe()."""

    def __init__(self, sources, related, text_diff, organisation):
        self.sources = {s.kind: s for s in sources}
        self.names = Names(related, organisation)
        self.text_diff = text_diff
        self.people = {}

    def load(self, page_rows):
        """Records of the page and the ones before them: two queries per kind on the page,
        one per many-to-many field, then one per model of the rows they name."""
        ids = defaultdict(list)
        for row in page_rows:
            ids[row["source_kind"]].append(row["history_id"])
        self.records, self.before, self.links = {}, {}, {}
        for kind, history_ids in ids.items():
            source = self.sources[kind]
            history = source.history
            records = history.objects.filter(history_id__in=history_ids).annotate(
                previous_id=_previous(history)
            )
            records = {r.history_id: r for r in records}
            previous_ids = {r.previous_id for r in records.values() if r.previous_id}
            before = history.objects.in_bulk(previous_ids) if previous_ids else {}
            self.records[kind] = records
            self.before[kind] = before
            self.links[kind] = self._links(history, [*records, *before])
            for record in [*records.values(), *before.values()]:
                self._want(source, record)
        self.names.load()
        users = {row["history_user_id"] for row in page_rows} - {None}
        self.people = {
            pk: str(user) for pk, user in get_user_model()._base_manager.in_bulk(users).items()
        }

    def _links(self, history, history_ids):
        """{many-to-many field name: {history_id: set of linked ids}}."""
        links = {}
        for m2m in history._history_m2m_fields:
            linked = HistoricalRecords.m2m_models[m2m]
            target = m2m.m2m_reverse_field_name() + "_id"
            by_record = defaultdict(set)
            rows = linked.objects.filter(history_id__in=history_ids).values_list(
                "history_id", target
            )
            for history_id, pk in rows:
                by_record[history_id].add(pk)
            links[m2m.name] = by_record
        return links

    def _want(self, source, record):
        fks = {f.name for f, many in _fields(source) if f.is_relation and not many}
        for f in source.history.tracked_fields:
            if f.is_relation and (f.name in fks or f.name in source.title_fks):
                self.names.want(f.related_model, getattr(record, f.attname))
        for m2m in source.history._history_m2m_fields:
            for pk in self.links[source.kind][m2m.name].get(record.history_id, ()):
                self.names.want(m2m.related_model, pk)

    def value(self, source, f, many, record):
        if many:
            model = f.related_model
            pks = self.links[source.kind][f.name].get(record.history_id, set())
            return ", ".join(sorted((self.names.get(model, pk) for pk in pks), key=str.lower))
        raw = getattr(record, f.attname)
        if f.is_relation:
            return self.names.get(f.related_model, raw)
        if f.choices and raw not in (None, ""):
            return str(dict(f.flatchoices).get(raw, raw))
        if isinstance(f, models.DecimalField) and f.decimal_places == 2 and raw is not None:
            # amounts (budget, hours) with their cents, as the forms and lists show them
            return number_format(raw, decimal_pos=2, use_l10n=True, force_grouping=True)
        return _plain(raw)

    def label(self, source, f):
        return capfirst(str(source.labels.get(f.name, f.verbose_name)))

    def changes(self, source, record, before):
        if record.history_type == DELETED:
            return []
        result = []
        for f, many in _fields(source):
            new = self.value(source, f, many, record)
            if before is None:  # created: what it started with (empty and "no" left out)
                if new and not (isinstance(f, models.BooleanField) and not getattr(record, f.name)):
                    result.append(Change(self.label(source, f), new=_shorten(new)))
                continue
            old = self.value(source, f, many, before)
            if old == new:
                continue
            change = Change(self.label(source, f), _shorten(old), _shorten(new))
            long_text = len(old) > TEXT_LIMIT or len(new) > TEXT_LIMIT
            if self.text_diff and long_text and isinstance(f, models.TextField | models.JSONField):
                change.parts = _trimmed(self.text_diff(old, new))
            result.append(change)
        return result

    def title(self, source, record):
        if callable(source.title):

            def fk(name):
                f = source.history._meta.get_field(name)
                return self.names.get(f.related_model, getattr(record, f.attname))

            return str(source.title(record, fk))
        return str(getattr(record, source.title) or "")

    def entry(self, row):
        source = self.sources[row["source_kind"]]
        record = self.records[source.kind][row["history_id"]]
        before = None
        if record.history_type != CREATED and record.previous_id:
            before = self.before[source.kind].get(record.previous_id)
        start = record.history_change_reason == HISTORY_START
        return Entry(
            when=record.history_date,
            person=self.people.get(record.history_user_id, "") or ("—" if start else _("onbekend")),
            kind=source.kind,
            kind_label=str(source.label),
            title=self.title(source, record),
            url=source.url(record) if source.url else None,
            type=record.history_type,
            action=str(ACTIONS[HISTORY_START if start else record.history_type]),
            changes=self.changes(source, record, before),
        )


def _trimmed(parts):
    """A word-by-word comparison with long unchanged stretches cut down to their ends."""
    result = []
    for kind, text in parts:
        if kind == "same" and len(text) > 2 * SAME_KEPT + 10:
            text = f"{text[:SAME_KEPT].rstrip()} … {text[-SAME_KEPT:].lstrip()}"
        result.append((kind, text))
    return result


def describe(sources, page_rows, related=None, text_diff=None, organisation=None):
    """The entries of one page of merged() rows: when, who, what, and field by field what
    changed (old → new); a new row lists what it started with, a deleted one only that.

    ``related``: {model: queryset} to name the rows that foreign keys point at (default: the
    model's own rows); ``text_diff``: a function (old, new) → [(kind, text)] that compares
    long texts word by word (kind "same", "added" or "removed"); ``organisation``: a row
    that no longer exists is named from its history only when it was of this organisation."""
    page_rows = list(page_rows)
    describer = Describer(sources, related or {}, text_diff, organisation)
    describer.load(page_rows)
    return [describer.entry(row) for row in page_rows]


def history_page(
    request, sources, template, context=None, related=None, text_diff=None, per_page=PER_PAGE
):
    """A history page: the filter form, then a page of entries (an htmx request gets only
    the results). A filter that is not valid shows its message and no entries."""
    form = HistoryFilterForm(
        request.GET or None, organisation=request.organisation, sources=sources
    )
    rows = []
    if not form.is_bound:
        rows = merged(sources)
    elif form.is_valid():
        data = form.cleaned_data
        rows = merged(sources, data["persoon"], data["van"], data["tot"], data.get("soort") or None)
    page = paginate(request, rows, per_page)
    page.entries = describe(
        sources, page.object_list, related, text_diff, organisation=request.organisation
    )
    context = {**(context or {}), "filter": {"form": form}, "form": form, "page_obj": page}
    if request.htmx:
        return render(request, "partials/history_results.html", context)
    return render(request, template, context)
