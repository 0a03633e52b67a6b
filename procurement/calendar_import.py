"""Reading an MVOI plan's tender calendar from Excel (xlsx), and saving it all or nothing.

The file checks and cell readers are those of every import (mvo.spreadsheet). The first sheet
is read; its column headers are Dutch in every language (they are the names the file is read
by). Each row is checked as the tender form would check it, and every wrong cell is listed
with its row and column. If one row is wrong, nothing is saved.

- Productgroep: a group of the organisation (case ignored), or one of the standard groups
  (models.STANDARD_PRODUCT_GROUPS), which is then created.
- Procedure, Status, Kansrijk: the value or the label, case ignored.
- Thema's: "Klimaat: eis; Circulair: gunningscriterium": names of the plan's themes, each
  with an optional instrument. Criteria: "Klimaat: MVI ICT-1; Circulair: ..." (a criterion
  without a theme name belongs to the only theme of the row).
- Comply or explain (procurement.rules): a promising tender that has started without any
  theme needs an explanation.

- A row without a number whose title, year and quarter match a tender of the plan is a row
  error (the same file read twice would double the calendar).
- Nummer: the tender's number as the export writes it. A row with the number of a tender of
  this plan updates that tender (its themes become the row's); a row without one, or with the
  number of a tender of another plan of the organisation (an export read into the next plan),
  adds a tender. A number the organisation does not have is a row error.
"""

import io
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

import xlsxwriter
from django.db import transaction
from django.db.models import CharField, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mvo import history, spreadsheet, validation
from mvo.spreadsheet import MAX_FILE_BYTES, CellError, ImportRowsError
from plans import approval
from plans.models import encode_quarter

from . import rules
from .filters import plan_years
from .models import (
    STANDARD_PRODUCT_GROUPS,
    Instrument,
    Procedure,
    ProductGroup,
    Tender,
    TenderStatus,
    TenderTheme,
)

MAX_ROWS = 5000  # tender rows per file
MAX_SHEET_ROWS = 2 * MAX_ROWS
MAX_TEXT = validation.MAX_TEXT  # characters of an explanation (what the tender form allows)
MAX_AMOUNT = Decimal("999999999999.99")  # what the estimated value holds (14 digits, 2 decimals)
BATCH = 500  # rows per INSERT
UPDATE_BATCH = 200  # rows per UPDATE (bulk_update writes a CASE per field)
SHEET = "Aanbestedingen"
LISTS_SHEET = "Keuzelijsten"

# The template's example row starts with this; rows named so are skipped, so importing the
# template as downloaded adds nothing.
EXAMPLE_PREFIX = "Voorbeeld: "


@dataclass(frozen=True)
class Column:
    header: str  # the Dutch header, as written in the template and the export
    field: str
    required: bool
    explanation: str

    @property
    def key(self):
        return spreadsheet.header_key(self.header)


COLUMNS = [
    Column(
        "Aanbesteding",
        "title",
        True,
        gettext_lazy("Verplicht. Wat er wordt aanbesteed, kort (hoogstens 200 tekens)."),
    ),
    Column(
        "Productgroep",
        "product_group",
        True,
        gettext_lazy(
            "Verplicht. Een productgroep van uw organisatie of een van de standaardgroepen "
            "(zie het blad Keuzelijsten); een standaardgroep die u nog niet had, wordt "
            "aangemaakt."
        ),
    ),
    Column(
        "Geraamde waarde (€)",
        "estimated_value",
        False,
        gettext_lazy("Een bedrag in euro's; 1.234,50 en 1234.5 mogen allebei."),
    ),
    Column(
        "Procedure",
        "procedure",
        False,
        gettext_lazy("Een van de procedures op het blad Keuzelijsten. Leeg = nog niet bekend."),
    ),
    Column(
        "Opdrachtgever",
        "budget_holder",
        False,
        gettext_lazy("De budgethouder die de aanbesteding laat doen (hoogstens 200 tekens)."),
    ),
    Column(
        "Inkoper",
        "purchaser",
        False,
        gettext_lazy("Wie de aanbesteding begeleidt (hoogstens 200 tekens)."),
    ),
    Column(
        "Startjaar",
        "planned_year",
        True,
        gettext_lazy(
            "Verplicht. Het jaar waarin de aanbesteding start: in de planperiode of tot en "
            "met 2030."
        ),
    ),
    Column(
        "Startkwartaal",
        "planned_quarter",
        True,
        gettext_lazy("Verplicht. 1, 2, 3 of 4 (K3 mag ook)."),
    ),
    Column(
        "Kansrijk (ja/nee)",
        "promising",
        False,
        gettext_lazy("ja als het MVOI-team hier kansen ziet, anders nee. Leeg = ja."),
    ),
    Column(
        "Thema's",
        "themes",
        False,
        gettext_lazy(
            "De thema's van het plan die worden toegepast, gescheiden door een puntkomma, elk "
            "met het instrument erachter als u dat weet. Bijvoorbeeld: Klimaat: eis; "
            "Circulair: gunningscriterium."
        ),
    ),
    Column(
        "Criteria",
        "criteria",
        False,
        gettext_lazy(
            "Per thema het criterium, bijvoorbeeld uit de MVI-criteriatool: Klimaat: MVI "
            "ICT-1; Circulair: CIRC-2. Met één thema mag de themanaam weg."
        ),
    ),
    Column(
        "Status",
        "status",
        False,
        gettext_lazy("Een van de statussen op het blad Keuzelijsten. Leeg = gepland."),
    ),
    Column(
        "Uitleg bij afwijking",
        "explanation",
        False,
        gettext_lazy(
            "Pas toe of leg uit: verplicht voor een kansrijke aanbesteding die gepubliceerd of "
            "verder is zonder thema. Waarom is er geen MVOI-thema toegepast?"
        ),
    ),
    Column(
        "Nummer",
        "number",
        False,
        gettext_lazy(
            "Leeg voor een nieuwe aanbesteding. Staat hier het nummer uit een export van dit "
            "plan, dan werkt Koers die aanbesteding bij met de gegevens van de rij."
        ),
    ),
]

BY_KEY = {column.key: column for column in COLUMNS}
# Headers people type without the part in brackets, or without the apostrophe.
ALIASES = {
    "geraamde waarde": "geraamde waarde (€)",
    "kansrijk": "kansrijk (ja/nee)",
    "themas": "thema's",
}
KNOWN = {*BY_KEY, *ALIASES}
REQUIRED = [column.key for column in COLUMNS if column.required]

SHEET_MESSAGES = spreadsheet.SheetMessages(
    empty=gettext_lazy(
        "Het werkblad is leeg. Zet de kolomnamen in de eerste rij en de aanbestedingen eronder."
    ),
    no_rows=gettext_lazy("Het werkblad heeft kolomnamen maar geen aanbestedingen eronder."),
    too_many=gettext_lazy(
        "Het bestand heeft meer dan %(max)s aanbestedingen. Splits de lijst in bestanden van "
        "hoogstens %(max)s rijen."
    ),
    runs_on=gettext_lazy(
        "Het werkblad loopt door tot voorbij rij %(max)s. Zet de aanbestedingen direct onder "
        "de kolomnamen, zonder lege rijen ertussen, en splits een lange lijst."
    ),
)


def fold(text):
    """How names are compared: spaces folded, case ignored."""
    return " ".join(str(text).split()).lower()


def is_example(row):
    title = row.values.get("aanbesteding")
    return isinstance(title, str) and fold(title).startswith(fold(EXAMPLE_PREFIX))


# --- Reading the file ---------------------------------------------------------------------


def read_file(uploaded):
    """The tender rows of the first sheet (blank rows and the template's example skipped);
    ImportFileError with a message for the user when the file cannot be used."""
    with spreadsheet.open_workbook(uploaded, MAX_FILE_BYTES) as workbook:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        rows = spreadsheet.read_sheet(
            sheet, KNOWN, REQUIRED, SHEET_MESSAGES, MAX_ROWS, MAX_SHEET_ROWS
        )
    for row in rows:
        for alias, key in ALIASES.items():
            if alias in row.values:
                row.values.setdefault(key, row.values.pop(alias))
    own = [row for row in rows if not is_example(row)]
    if not own:
        raise spreadsheet.ImportFileError(
            _(
                "Het bestand bevat alleen de voorbeeldrij van het sjabloon. Zet uw eigen "
                "aanbestedingen eronder en lees het opnieuw in."
            )
        )
    return own


# --- What rows are checked against ---------------------------------------------------------


def theme_names(plan, language="nl"):
    """[(pk, name)] of the plan's themes, the name in ``language``, in the plan's order."""
    name = Coalesce(
        NullIf("own_name", Value("")), f"framework_theme__name_{language}", output_field=CharField()
    )
    return list(plan.themes.annotate(label=name).values_list("pk", "label"))


def _choices(choices, extra=None):
    """{folded value or label (Dutch and English): value}."""
    found = {}
    for language in ("en", "nl"):
        with translation.override(language):
            found.update({fold(label): value for value, label in choices.choices})
    found.update({value: value for value in choices.values})
    found.update(extra or {})
    return found


INSTRUMENT_WORDS = {
    "aanmoedigen": Instrument.AWARD_CRITERION,
    "uitnodigen": Instrument.FUNCTIONAL,
    "functionele uitvraag": Instrument.FUNCTIONAL,
    "voorschrijven: eis": Instrument.REQUIREMENT,
}


class Lookups:
    """What the rows are checked against, fetched once per import (not once per row)."""

    def __init__(self, plan):
        self.plan = plan
        years = plan_years(plan)  # what the tender form allows: the plan period, or to 2030
        self.first_year, self.last_year = years[0], years[-1]
        self.themes = {}
        for language in ("en", "nl"):  # a Dutch name wins over an English one
            self.themes.update({fold(name): pk for pk, name in theme_names(plan, language) if name})
        self.theme_list = [name for _pk, name in theme_names(plan) if name]
        self.groups = dict(
            ProductGroup.objects.for_org(plan.organisation_id).values_list("name", "pk")
        )
        self.groups = {fold(name): pk for name, pk in self.groups.items()}
        self.standard = {}
        for name in STANDARD_PRODUCT_GROUPS:
            self.standard[fold(name)] = name
            self.standard.setdefault(fold(name.split(" (")[0]), name)  # "GWW" for the long name
        self.numbers = {}  # {tender number in the file: its plan's id}; see find_numbers
        # The plan's calendar by (title, year, quarter): a new row that matches is a repeat.
        self.calendar = {
            (fold(title), year, quarter): pk
            for pk, title, year, quarter in Tender.objects.filter(plan=plan).values_list(
                "pk", "title", "planned_year", "planned_quarter"
            )
        }
        self.procedures = _choices(Procedure)
        self.statuses = _choices(TenderStatus)
        self.instruments = _choices(Instrument, INSTRUMENT_WORDS)

    def find_numbers(self, rows):
        """Which plan each tender number of the file belongs to, in one query (numbers the
        organisation does not have are left out)."""
        wanted = set()
        for row in rows:
            try:
                number = spreadsheet.whole(row.values.get("nummer"), "")
            except CellError:
                continue  # blank or not a number: the row check says so
            if 0 < number < 2**63:  # what the database's ids can be; anything else is unknown
                wanted.add(number)
        tenders = Tender.objects.for_org(self.plan.organisation_id).filter(pk__in=wanted)
        self.numbers = dict(tenders.values_list("pk", "plan_id"))


# --- Checking the rows --------------------------------------------------------------------


@dataclass
class Line:
    """A row as checked: the tender's fields, its product group (an existing group's id or a
    standard group's name), its themes [(theme id, instrument, criterion)] and the tender of
    this plan it updates (None: a new tender)."""

    fields: dict
    group_id: int | None
    new_group: str | None
    themes: list
    update: int | None = None


def _message(row, key, text):
    return _("Rij %(row)s, kolom %(column)s: %(message)s") % {
        "row": row.number,
        "column": BY_KEY[key].header,
        "message": text,
    }


def _choice(value, found, choices):
    typed = fold(value)
    if typed in found:
        return str(found[typed])
    labels = ", ".join(str(label) for label in choices.labels)
    raise CellError(_("kies een van: %(values)s.") % {"values": labels})


def _group(value, lookups):
    """(existing group's id, None) or (None, standard group's name)."""
    name = fold(spreadsheet.text(value, 120))
    if name in lookups.groups:
        return lookups.groups[name], None
    if name in lookups.standard:
        standard = lookups.standard[name]
        if fold(standard) in lookups.groups:
            return lookups.groups[fold(standard)], None
        return None, standard
    raise CellError(
        _(
            "de productgroep ‘%(name)s’ heeft uw organisatie niet en is geen standaardgroep. "
            "Kies een productgroep van het blad Keuzelijsten of maak hem eerst aan."
        )
        % {"name": str(value).strip()[:100]}
    )


def _split_theme(part, lookups):
    """(theme id, folded theme name, what follows the name after a colon) of one part of
    the Thema's or Criteria cell; CellError when it names no theme of the plan. The longest
    theme name that starts the part wins (a theme name may hold a colon itself)."""
    text_ = " ".join(part.split())
    for name in sorted(lookups.themes, key=len, reverse=True):
        head, rest = text_[: len(name)], text_[len(name) :].lstrip()
        if head.lower() != name:
            continue
        if not rest:
            return lookups.themes[name], name, ""
        if rest.startswith(":"):
            return lookups.themes[name], name, rest[1:].strip()
    raise CellError(
        _("het thema ‘%(name)s’ hoort niet bij dit plan. De thema's van het plan: %(themes)s.")
        % {
            "name": text_.split(":")[0][:100],
            "themes": ", ".join(lookups.theme_list) or _("(nog geen)"),
        }
    )


def _parts(value):
    return [part for part in str(value).split(";") if part.strip()]


def _themes(value, lookups):
    """{theme id: instrument} in the order of the cell."""
    themes = {}
    for part in _parts(value):
        theme, _name, instrument = _split_theme(part, lookups)
        if theme in themes:
            raise CellError(_("het thema ‘%(name)s’ staat er twee keer in.") % {"name": _name})
        if instrument:
            found = lookups.instruments.get(fold(instrument))
            if found is None:
                raise CellError(
                    _("het instrument ‘%(text)s’ kennen we niet; kies een van: %(values)s.")
                    % {
                        "text": instrument[:100],
                        "values": ", ".join(Instrument.values),
                    }
                )
            instrument = str(found)
        themes[theme] = instrument
    return themes


def _criteria(value, themes, lookups):
    """{theme id: criterion} for the themes of the row."""
    if not themes:
        raise CellError(
            _("een criterium hoort bij een toegepast thema; vul ook de kolom Thema's in.")
        )
    criteria = {}
    for part in _parts(value):
        try:
            theme, name, criterion = _split_theme(part, lookups)
        except CellError:
            if len(themes) != 1 or len(_parts(value)) != 1:
                raise CellError(
                    _(
                        "zet de themanaam voor elk criterium, bijvoorbeeld Klimaat: MVI ICT-1; "
                        "alleen bij één thema mag die weg."
                    )
                ) from None
            theme, criterion = next(iter(themes)), " ".join(part.split())
        else:
            if theme not in themes:
                raise CellError(
                    _("het thema ‘%(name)s’ staat niet in de kolom Thema's van deze rij.")
                    % {"name": name}
                )
        if len(criterion) > 200:
            raise CellError(_("een criterium heeft hoogstens 200 tekens."))
        criteria[theme] = criterion
    return criteria


def _cell(key, value, lookups):
    """The value of one filled cell; CellError with a message if it is wrong."""
    if key == "aanbesteding":
        return spreadsheet.text(value, 200)
    if key == "productgroep":
        return _group(value, lookups)
    if key == "geraamde waarde (€)":
        return spreadsheet.amount(value, MAX_AMOUNT)
    if key == "procedure":
        return _choice(value, lookups.procedures, Procedure)
    if key in ("opdrachtgever", "inkoper"):
        return spreadsheet.text(value, 200)
    if key == "startjaar":
        year = spreadsheet.whole(value, _("geen jaartal, bijvoorbeeld 2026."))
        if not lookups.first_year <= year <= lookups.last_year:
            raise CellError(
                _("kies een jaar van %(first)s tot en met %(last)s (de planperiode of tot 2030).")
                % {"first": lookups.first_year, "last": lookups.last_year}
            )
        return year
    if key == "startkwartaal":
        quarter = spreadsheet.whole(value, _("kies kwartaal 1, 2, 3 of 4."))
        if not 1 <= quarter <= 4:
            raise CellError(_("kies kwartaal 1, 2, 3 of 4."))
        return quarter
    if key == "kansrijk (ja/nee)":
        return spreadsheet.yes_no(value)
    if key == "thema's":
        return _themes(value, lookups)
    if key == "status":
        return _choice(value, lookups.statuses, TenderStatus)
    if key == "uitleg bij afwijking":
        return spreadsheet.text(value, MAX_TEXT)
    if key == "nummer":
        number = spreadsheet.whole(value, _("geen nummer; laat de cel leeg voor een nieuwe."))
        if number not in lookups.numbers:
            raise CellError(
                _(
                    "uw organisatie heeft geen aanbesteding met nummer %(number)s. Laat de cel "
                    "leeg om een nieuwe aanbesteding toe te voegen."
                )
                % {"number": number}
            )
        return number
    raise AssertionError(key)


def check(rows, lookups):
    """(lines, row messages): every row is checked, also after an error, so that the user
    sees all that is wrong at once."""
    lines, errors = [], []
    lookups.find_numbers(rows)
    seen = {}  # tender number: the row that updates it
    for row in rows:
        fields, row_errors = {}, []
        for column in COLUMNS:
            if column.key == "criteria":
                continue  # read with the themes, below
            value = row.values.get(column.key)
            if spreadsheet.blank(value):
                if column.required:
                    row_errors.append(_message(row, column.key, _("verplicht; deze cel is leeg.")))
                continue
            try:
                fields[column.field] = _cell(column.key, value, lookups)
            except CellError as error:
                row_errors.append(_message(row, column.key, error.args[0]))
        themes_read = "themes" in fields or spreadsheet.blank(row.values.get("thema's"))
        themes = fields.pop("themes", {})
        criteria = {}
        # Criteria are read against the row's themes: only when those could be read.
        if themes_read and not spreadsheet.blank(row.values.get("criteria")):
            try:
                criteria = _criteria(row.values["criteria"], themes, lookups)
            except CellError as error:
                row_errors.append(_message(row, "criteria", error.args[0]))
        number = fields.pop("number", None)
        update = number if lookups.numbers.get(number) == lookups.plan.pk else None
        if update in seen:
            row_errors.append(
                _message(
                    row,
                    "nummer",
                    _("deze aanbesteding staat al in rij %(row)s.") % {"row": seen[update]},
                )
            )
        elif update:
            seen[update] = row.number
        elif {"title", "planned_year", "planned_quarter"} <= fields.keys():
            key = (fold(fields["title"]), fields["planned_year"], fields["planned_quarter"])
            if key in lookups.calendar:
                row_errors.append(
                    _message(
                        row,
                        "aanbesteding",
                        _(
                            "deze aanbesteding staat in hetzelfde kwartaal al op de kalender "
                            "(nummer %(number)s). Zet dat nummer in de kolom Nummer om haar bij "
                            "te werken, of haal de rij weg."
                        )
                        % {"number": lookups.calendar[key]},
                    )
                )
        fields.setdefault("promising", True)
        fields.setdefault("status", TenderStatus.PLANNED)
        if (
            not row_errors
            and rules.needs_explanation(fields["promising"], fields["status"], bool(themes))
            and not fields.get("explanation")
        ):
            row_errors.append(
                _message(
                    row,
                    "uitleg bij afwijking",
                    _(
                        "deze kansrijke aanbesteding is gestart zonder MVOI-thema. Pas toe of "
                        "leg uit: vul een thema in of leg hier uit waarom er geen is."
                    ),
                )
            )
        if row_errors:
            errors.extend(row_errors)
            continue
        group_id, new_group = fields.pop("product_group")
        lines.append(
            Line(
                fields,
                group_id,
                new_group,
                [
                    (theme, instrument, criteria.get(theme, ""))
                    for theme, instrument in themes.items()
                ],
                update,
            )
        )
    return lines, errors


# --- Saving -------------------------------------------------------------------------------


@dataclass
class ImportResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0


# What an empty cell of an optional column means.
DEFAULTS = {
    "estimated_value": None,
    "procedure": "",
    "budget_holder": "",
    "purchaser": "",
    "explanation": "",
}


def import_tenders(plan, rows, user):
    """Add the tender rows read from an xlsx (read_file) to the plan's calendar, or update
    the plan's tenders whose number they carry; all or nothing: every row is checked first;
    if any is wrong, ImportRowsError lists the messages and nothing is saved. Standard
    product groups the organisation did not have yet are created. Everything is written in
    batches with a history record per changed row, so the number of queries does not grow
    with the rows; an approved plan becomes a concept again when its content changed (a
    status is progress). Returns an ImportResult."""
    organisation_id = plan.organisation_id
    with transaction.atomic():
        lines, errors = check(rows, Lookups(plan))
        if errors:
            raise ImportRowsError(errors)
        new_groups = {}
        for line in lines:
            if line.new_group and line.new_group not in new_groups:
                new_groups[line.new_group] = ProductGroup(
                    organisation_id=organisation_id, name=line.new_group
                )
        ProductGroup.objects.bulk_create(new_groups.values(), batch_size=BATCH)
        now = timezone.now()
        existing = Tender.objects.select_for_update().in_bulk(
            [line.update for line in lines if line.update]
        )
        applied_before = defaultdict(dict)  # tender id: {theme id: TenderTheme}
        for applied in TenderTheme.objects.filter(tender_id__in=list(existing)):
            applied_before[applied.tender_id][applied.theme_id] = applied
        added, changed, content = [], [], False
        by_fields = defaultdict(list)  # changed field names: the tenders with those changes
        targets = []  # the tender of each line, new or existing
        for line in lines:
            group_id = line.group_id or new_groups[line.new_group].pk
            values = {**DEFAULTS, **line.fields, "product_group_id": group_id}
            tender = existing.get(line.update)
            if tender is None:
                tender = Tender(
                    organisation_id=organisation_id, plan=plan, created_at=now, **values
                )
                added.append(tender)
            else:
                names = {name for name, value in values.items() if getattr(tender, name) != value}
                for name in names:
                    setattr(tender, name, values[name])
                if names:
                    changed.append(tender)
                    by_fields[frozenset(names)].append(tender)
                    content = content or bool(names - {"status"})
            # What Tender.save does (plans.models.with_planned_period); bulk writes skip save.
            tender.planned_period = encode_quarter(tender.planned_year, tender.planned_quarter)
            targets.append(tender)
        Tender.objects.bulk_create(added, batch_size=BATCH)
        for tender in changed:
            tender.version += 1
        # One batch of UPDATEs per combination of changed fields (a few): bulk_update's CASE
        # costs grow with every field it writes.
        for names, tenders in by_fields.items():
            fields = [*names, "version"]
            if "planned_year" in names or "planned_quarter" in names:
                fields.append("planned_period")
            Tender.objects.bulk_update(tenders, fields, batch_size=UPDATE_BATCH)

        new_themes, changed_themes, removed_themes = [], [], []
        touched = {tender.pk for tender in changed}
        for line, tender in zip(lines, targets, strict=True):
            before = applied_before.get(tender.pk, {})
            for theme, instrument, criterion in line.themes:
                applied = before.pop(theme, None)
                if applied is None:
                    new_themes.append(
                        TenderTheme(
                            organisation_id=organisation_id,
                            tender=tender,
                            theme_id=theme,
                            instrument=instrument,
                            criterion_ref=criterion,
                        )
                    )
                elif (applied.instrument, applied.criterion_ref) != (instrument, criterion):
                    applied.instrument, applied.criterion_ref = instrument, criterion
                    changed_themes.append(applied)
            removed_themes.extend(before.values())
        touched |= {applied.tender_id for applied in (*changed_themes, *removed_themes)}
        touched |= {applied.tender_id for applied in new_themes if applied.tender_id in existing}
        TenderTheme.objects.bulk_create(new_themes, batch_size=BATCH)
        TenderTheme.objects.bulk_update(
            changed_themes, ["instrument", "criterion_ref"], batch_size=UPDATE_BATCH
        )
        history.delete_recorded(TenderTheme, removed_themes, user, now)
        history.record(ProductGroup, new_groups.values(), history.CREATED, user, now)
        history.record(Tender, added, history.CREATED, user, now)
        history.record(Tender, changed, history.CHANGED, user, now)
        history.record(TenderTheme, new_themes, history.CREATED, user, now)
        history.record(TenderTheme, changed_themes, history.CHANGED, user, now)
        if added or content or new_themes or changed_themes or removed_themes:
            approval.content_changed({plan.pk}, user)
    return ImportResult(len(added), len(touched), len(existing) - len(touched))


# --- The template -------------------------------------------------------------------------


def template_bytes(plan):
    """An xlsx with the column headers, one example row, drop-down lists, a sheet with the
    allowed values (the plan's themes, product groups, procedures, statuses, instruments) and
    a sheet that explains every column."""
    with translation.override("nl"):
        return _template_bytes(plan)


def _template_bytes(plan):
    themes = [name for _pk, name in theme_names(plan) if name]
    own_groups = list(
        ProductGroup.objects.for_org(plan.organisation_id)
        .order_by("name")
        .values_list("name", flat=True)
    )
    groups = own_groups + [
        name for name in STANDARD_PRODUCT_GROUPS if fold(name) not in {fold(g) for g in own_groups}
    ]
    year = min(plan.start_year + 1, plan_years(plan)[-1])
    theme_cell = "; ".join(
        f"{name}: {instrument}"
        for name, instrument in zip(themes[:2], ("eis", "gunningscriterium"), strict=False)
    )
    example = {
        "aanbesteding": EXAMPLE_PREFIX + "Laptops en beeldschermen",
        "productgroep": "ICT",
        "geraamde waarde (€)": Decimal("250000"),
        "procedure": str(Procedure.EUROPEAN.label),
        "opdrachtgever": "Afdeling Bedrijfsvoering",
        "inkoper": "J. de Vries",
        "startjaar": year,
        "startkwartaal": 2,
        "kansrijk (ja/nee)": "ja",
        "thema's": theme_cell,
        "criteria": f"{themes[0]}: MVI-criteriatool ICT, ambitieniveau 2" if themes else "",
        "status": str(TenderStatus.PLANNED.label),
        "uitleg bij afwijking": "",
        "nummer": "",  # a new tender
    }
    output = io.BytesIO()
    book = xlsxwriter.Workbook(
        output, {"strings_to_formulas": False, "strings_to_urls": False, "in_memory": True}
    )
    bold = book.add_format({"bold": True})
    money = book.add_format({"num_format": "#,##0.00"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    sheet = book.add_worksheet(SHEET)
    lists = {
        "productgroep": groups,
        "procedure": [str(label) for label in Procedure.labels],
        "kansrijk (ja/nee)": ["ja", "nee"],
        "status": [str(label) for label in TenderStatus.labels],
    }
    list_columns = list(lists)
    for index, column in enumerate(COLUMNS):
        sheet.write_string(0, index, column.header, bold)
        sheet.set_column(index, index, max(14, len(column.header) + 4))
        value = example[column.key]
        if isinstance(value, Decimal):
            sheet.write_number(1, index, value, money)
        elif isinstance(value, int):
            sheet.write_number(1, index, value)
        elif value:
            sheet.write_string(1, index, value)
        if column.key in lists:
            letter = chr(ord("A") + list_columns.index(column.key))
            last = len(lists[column.key]) + 1
            sheet.data_validation(
                1,
                index,
                MAX_ROWS,
                index,
                {
                    "validate": "list",
                    "source": f"='{LISTS_SHEET}'!${letter}$2:${letter}${last}",
                    "error_type": "information",  # a value or another spelling is fine too
                },
            )
    sheet.set_column(0, 0, 36)
    sheet.set_column(9, 10, 40)
    sheet.freeze_panes(1, 0)

    listing = book.add_worksheet(LISTS_SHEET)
    headers = [_("Productgroep"), _("Procedure"), _("Kansrijk"), _("Status")]
    for index, key in enumerate(list_columns):
        listing.write_string(0, index, headers[index], bold)
        listing.set_column(index, index, 30)
        for row, value in enumerate(lists[key], start=1):
            listing.write_string(row, index, value)
    extra = [
        (_("Thema's van dit plan"), themes or [_("(het plan heeft nog geen thema's)")]),
        (_("Instrument (waarde)"), list(Instrument.values)),
        (_("Instrument (betekenis)"), [str(label) for label in Instrument.labels]),
    ]
    for offset, (title, values) in enumerate(extra, start=len(list_columns)):
        listing.write_string(0, offset, title, bold)
        listing.set_column(offset, offset, 34)
        for row, value in enumerate(values, start=1):
            listing.write_string(row, offset, value)

    notes = book.add_worksheet(_("Uitleg")[:31])
    notes.set_column(0, 0, 22)
    notes.set_column(1, 1, 12)
    notes.set_column(2, 2, 90)
    for index, header in enumerate([_("Kolom"), _("Verplicht"), _("Uitleg")]):
        notes.write_string(0, index, header, bold)
    for row, column in enumerate(COLUMNS, start=1):
        notes.write_string(row, 0, column.header, bold)
        notes.write_string(row, 1, _("ja") if column.required else _("nee"))
        notes.write_string(row, 2, str(column.explanation), wrap)
    general = [
        _(
            "Zet elke aanbesteding op een eigen rij onder de kolomnamen; lege rijen worden "
            "overgeslagen."
        ),
        _("Koers leest alleen het eerste werkblad. Kolommen met een andere naam worden genegeerd."),
        _(
            "Een rij zonder nummer voegt een aanbesteding toe aan de kalender. Een rij met het "
            "nummer van een aanbesteding van dit plan (uit een export) werkt die aanbesteding "
            "bij. Aanbestedingen die niet in het bestand staan, blijven zoals ze zijn."
        ),
        _(
            "Als één rij niet klopt, wordt niets ingelezen: u krijgt per rij te zien wat er mis "
            "is. Verbeter het bestand en lees het opnieuw in."
        ),
        _("Hoogstens %(rows)s rijen en %(mb)s MB per bestand.")
        % {
            "rows": number_format(MAX_ROWS, force_grouping=True),
            "mb": MAX_FILE_BYTES // (1024 * 1024),
        },
        _(
            "De rij waarvan de aanbesteding met ‘Voorbeeld:’ begint, slaat Koers over. Zet uw "
            "eigen rijen eronder of in de plaats ervan."
        ),
    ]
    start = len(COLUMNS) + 2
    for offset, line in enumerate(general):
        notes.write_string(start + offset, 0, line)
    book.close()
    return output.getvalue()
