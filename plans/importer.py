"""Reading an action list from Excel (xlsx): the columns, the file checks and the checks of
every row. Saving is done by plans.services.import_actions, all or nothing.

The column headers are Dutch in every language: they are the names the file is read by.
Dates may be Excel dates or text (dd-mm-jjjj); numbers may be typed the Dutch way (1.234,50).
"""

import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import xlsxwriter
from django.core.exceptions import ValidationError
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook
from openpyxl.utils.datetime import from_excel

from kpis.models import quarter_end
from mvo.models import Membership, Role
from mvo.validation import FIRST_DATE, LAST_DATE, parse_number
from themes.models import OrgTheme

from .models import Action, ActionStatus, encode_quarter

MAX_FILE_BYTES = 5 * 1024 * 1024  # what an upload may weigh (checked before reading)
MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # what its contents may unpack to (a "zip bomb")
MAX_ROWS = 5000  # action rows per file
# A sheet may declare any size and place one cell at row 1,048,576; openpyxl then hands over
# every empty row in between. Reading stops at this row and this column, whatever it declares.
MAX_SHEET_ROWS = 2 * MAX_ROWS
MAX_COLUMNS = 60
MAX_LISTED_ERRORS = 50  # row messages shown; the rest are counted
MAX_TEXT = 10000  # characters in omschrijving / waarom
MAX_AMOUNT = Decimal("9999999999.99")  # what budget (€) and hours can hold (12 digits, 2 decimals)
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Column:
    key: str  # the Dutch header, as read and written
    field: str
    required: bool
    explanation: str
    example: object


COLUMNS = [
    Column(
        "titel",
        "title",
        True,
        gettext_lazy("Verplicht. Wat er gedaan wordt, in een korte zin (hoogstens 200 tekens)."),
        "Led-verlichting in het magazijn",
    ),
    Column(
        "omschrijving",
        "description",
        False,
        gettext_lazy("Wat houdt de actie in?"),
        "Alle tl-buizen in het magazijn vervangen door led.",
    ),
    Column(
        "waarom",
        "why",
        False,
        gettext_lazy("Waarom doen we dit? Bijvoorbeeld het doel of de KPI waaraan het bijdraagt."),
        "Minder stroomverbruik en CO2-uitstoot.",
    ),
    Column(
        "thema",
        "theme_id",
        False,
        gettext_lazy("De naam van een thema dat uw organisatie in Koers heeft (zie Thema's)."),
        "",
    ),
    Column(
        "verantwoordelijke",
        "responsible_id",
        False,
        gettext_lazy(
            "Het e-mailadres van een lid van de organisatie dat gegevens mag invoeren "
            "(niet een meelezer)."
        ),
        "",
    ),
    Column(
        "team",
        "team",
        False,
        gettext_lazy("Het team of de afdeling die de actie uitvoert."),
        "Facilitair",
    ),
    Column(
        "jaar",
        "planned_year",
        False,
        gettext_lazy("Het jaar waarin de actie gepland is; vul dan ook het kwartaal in."),
        None,
    ),
    Column(
        "kwartaal",
        "planned_quarter",
        False,
        gettext_lazy("1, 2, 3 of 4. Jaar en kwartaal liggen samen binnen de planperiode."),
        None,
    ),
    Column(
        "startdatum",
        "start_date",
        False,
        gettext_lazy("Een datum in Excel, of als tekst in de vorm dd-mm-jjjj."),
        None,
    ),
    Column(
        "einddatum",
        "due_date",
        False,
        gettext_lazy("Wanneer de actie af moet zijn; niet vóór de startdatum."),
        None,
    ),
    Column(
        "budget",
        "budget",
        False,
        gettext_lazy("Bedrag in euro, zonder €-teken; 1.234,50 en 1234.5 mogen allebei."),
        Decimal("1234.50"),
    ),
    Column(
        "uren",
        "hours",
        False,
        gettext_lazy("De capaciteit in uren."),
        Decimal("16"),
    ),
    Column(
        "binnen budget",
        "within_budget",
        False,
        gettext_lazy("ja of nee: past de actie binnen het bestaande budget? Leeg betekent ja."),
        "ja",
    ),
    Column(
        "status",
        "status",
        False,
        gettext_lazy(
            "Een van: gepland, lopend, afgerond, uitgesteld, geschrapt. Leeg betekent gepland."
        ),
        "gepland",
    ),
]
BY_KEY = {column.key: column for column in COLUMNS}
REQUIRED = [column.key for column in COLUMNS if column.required]

YES = {"ja", "j", "yes", "y", "true", "waar", "1", "x"}
NO = {"nee", "n", "no", "false", "onwaar", "0"}
DATE_FORMATS = ("%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d")


class ImportFileError(ValidationError):
    """The file as a whole cannot be read (wrong type, empty, too big, headers missing)."""


class ImportRowsError(Exception):
    """One or more rows are wrong: nothing was saved. ``errors``: the row messages in order."""

    def __init__(self, errors):
        super().__init__(f"{len(errors)} errors")
        self.errors = errors

    @property
    def shown(self):
        return self.errors[:MAX_LISTED_ERRORS]

    @property
    def hidden_count(self):
        return max(0, len(self.errors) - MAX_LISTED_ERRORS)


@dataclass
class Row:
    number: int  # the row number Excel shows
    values: dict  # {column key: cell value}; absent columns are missing


# --- Reading the file ---------------------------------------------------------------------


def check_upload(uploaded):
    """Refuse a file that is too big or not an xlsx, before anything reads its contents."""
    if uploaded.size > MAX_FILE_BYTES:
        raise ImportFileError(
            _("Het bestand is groter dan %(mb)s MB. Splits de lijst in kleinere bestanden.")
            % {"mb": MAX_FILE_BYTES // (1024 * 1024)}
        )
    if not uploaded.name.lower().endswith(".xlsx"):
        raise ImportFileError(
            _(
                "Kies een Excel-bestand (.xlsx). Een .xls- of .csv-bestand slaat u in Excel "
                "eerst op als Excel-werkmap (.xlsx)."
            )
        )


def _not_xlsx():
    return ImportFileError(
        _(
            "Dit bestand is geen geldig Excel-bestand (.xlsx): het is beschadigd of het is een "
            "ander soort bestand met een andere naam. Sla de lijst in Excel op als "
            "Excel-werkmap (.xlsx) en probeer het opnieuw."
        )
    )


def read_rows(uploaded):
    """The rows of the first sheet as Row objects; ImportFileError with a message for the
    user when the file cannot be used. Blank rows are skipped."""
    check_upload(uploaded)
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise _not_xlsx() from error
    if unpacked > MAX_UNPACKED_BYTES:
        raise ImportFileError(_("Het bestand bevat te veel gegevens om in te lezen."))
    uploaded.seek(0)
    try:
        workbook = load_workbook(uploaded, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for files it cannot read
        raise _not_xlsx() from error
    try:
        return _rows_of(workbook.worksheets[0] if workbook.worksheets else None)
    except ImportFileError:
        raise
    except Exception as error:  # a broken sheet inside a valid zip
        raise _not_xlsx() from error
    finally:
        workbook.close()


def _rows_of(sheet):
    empty = ImportFileError(
        _("Het eerste werkblad is leeg. Zet de kolomnamen in de eerste rij en de acties eronder.")
    )
    if sheet is None:
        raise empty
    sheet.reset_dimensions()  # do not trust the size the file declares
    lines = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
    header = next(lines, None)
    if header is None or all(_blank(cell) for cell in header):
        raise empty
    columns = _columns(header)
    rows = []
    for number, cells in enumerate(lines, start=2):
        if number > MAX_SHEET_ROWS:
            raise ImportFileError(
                _(
                    "Het werkblad loopt door tot voorbij rij %(max)s. Zet de acties direct onder "
                    "de kolomnamen, zonder lege rijen ertussen, en splits een lange lijst."
                )
                % {"max": number_format(MAX_SHEET_ROWS, force_grouping=True)}
            )
        if all(_blank(cell) for cell in cells):
            continue
        if len(rows) >= MAX_ROWS:
            raise ImportFileError(
                _(
                    "Het bestand heeft meer dan %(max)s acties. Splits de lijst in bestanden "
                    "van hoogstens %(max)s rijen."
                )
                % {"max": number_format(MAX_ROWS, force_grouping=True)}
            )
        values = {key: cells[i] for i, key in columns.items() if i < len(cells)}
        rows.append(Row(number, values))
    if not rows:
        raise ImportFileError(_("Het bestand heeft kolomnamen maar geen acties eronder."))
    return rows


def _columns(header):
    """{cell index: column key} of the known columns in the header row."""
    columns, seen = {}, set()
    for index, cell in enumerate(header):
        key = " ".join(str(cell).split()).lower() if not _blank(cell) else ""
        if key not in BY_KEY:
            continue  # a column of the user's own: left alone
        if key in seen:
            raise ImportFileError(
                _("De kolom '%(column)s' staat twee keer in de eerste rij.") % {"column": key}
            )
        seen.add(key)
        columns[index] = key
    missing = [key for key in REQUIRED if key not in seen]
    if missing:
        raise ImportFileError(
            _(
                "De eerste rij mist de verplichte kolom %(columns)s. Gebruik de kolomnamen van "
                "het sjabloon."
            )
            % {"columns": ", ".join(f"'{key}'" for key in missing)}
        )
    return columns


def _blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


# --- Checking the rows --------------------------------------------------------------------


class CellError(Exception):
    pass


class Lookups:
    """What rows are checked against, fetched once per import (not once per row)."""

    def __init__(self, plan):
        self.plan = plan
        self.quarters = set(plan.quarters)
        self.themes = {}
        rows = OrgTheme.objects.for_org(plan.organisation_id).values_list(
            "pk",
            "framework_theme_id",
            "own_name",
            "framework_theme__name_nl",
            "framework_theme__name_en",
        )
        for pk, framework_theme, own_name, name_nl, name_en in rows:
            names = (name_nl, name_en) if framework_theme else (own_name,)
            for name in names:
                if name:
                    self.themes.setdefault(" ".join(name.split()).lower(), pk)
        writers = [role for role in Role.values if Role.at_least(role, Role.MEMBER)]
        self.writers = dict(
            Membership.objects.filter(
                organisation_id=plan.organisation_id, role__in=writers, user__is_active=True
            ).values_list(Lower("user__email"), "user_id")
        )
        self.statuses = {}
        for value, label in ActionStatus.choices:
            self.statuses[value] = value
            self.statuses[str(label).lower()] = value


def _text(value, limit):
    if isinstance(value, datetime | date):
        value = value.strftime("%d-%m-%Y")
    elif isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if len(text) > limit:
        raise CellError(
            _("hoogstens %(max)s tekens (nu %(count)s).") % {"max": limit, "count": len(text)}
        )
    return text


def _whole(value, what):
    if isinstance(value, bool):
        raise CellError(what)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = str(value).strip().upper().removeprefix("K").removeprefix("Q")
    if text.isascii() and text.isdigit() and len(text) <= 4:
        return int(text)
    raise CellError(what)


def _date(value):
    if isinstance(value, datetime):
        value = value.date()
    elif isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value < 80000:
        value = from_excel(value).date()
    elif isinstance(value, str):
        text = value.strip()
        for fmt in DATE_FORMATS:
            try:
                value = datetime.strptime(text, fmt).date()  # noqa: DTZ007 (a pure date)
                break
            except ValueError:
                continue
    if not isinstance(value, date):
        raise CellError(_("geen datum; gebruik een Excel-datum of dd-mm-jjjj, bijv. 31-12-2026."))
    if not FIRST_DATE <= value <= LAST_DATE:
        raise CellError(_("kies een datum tussen 01-01-1990 en 31-12-2100."))
    return value


def _amount(value):
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int | Decimal):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
    else:
        number = parse_number(str(value).replace("€", ""))
    if number is None or not number.is_finite():
        raise CellError(_("geen getal; schrijf bijvoorbeeld 1.234,50 of 1234.5."))
    if number < 0:
        raise CellError(_("vul 0 of meer in."))
    try:
        number = number.quantize(CENT, rounding=ROUND_HALF_UP)
    except InvalidOperation as error:
        raise CellError(_("dit getal is te groot.")) from error
    if number > MAX_AMOUNT:
        raise CellError(_("dit getal is te groot."))
    return number


def _yes_no(value):
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in YES:
        return True
    if text in NO:
        return False
    raise CellError(_("vul ja of nee in."))


def _cell(row, key, lookups):
    """The value for the model field of column ``key``; CellError with a message if wrong."""
    value = row.values.get(key)
    if _blank(value):
        if BY_KEY[key].required:
            raise CellError(_("verplicht; deze cel is leeg."))
        return None
    if key == "titel":
        return _text(value, 200)
    if key in ("omschrijving", "waarom"):
        return _text(value, MAX_TEXT)
    if key == "team":
        return _text(value, 120)
    if key == "thema":
        name = " ".join(str(value).split()).lower()
        if name not in lookups.themes:
            raise CellError(
                _("het thema '%(name)s' bestaat niet in deze organisatie.")
                % {"name": str(value).strip()[:100]}
            )
        return lookups.themes[name]
    if key == "verantwoordelijke":
        email = str(value).strip().lower()
        if email not in lookups.writers:
            raise CellError(
                _("%(email)s is geen lid van deze organisatie dat acties mag bewerken.")
                % {"email": email[:150]}
            )
        return lookups.writers[email]
    if key == "jaar":
        return _whole(value, _("geen jaartal, bijvoorbeeld 2026."))
    if key == "kwartaal":
        quarter = _whole(value, _("kies kwartaal 1, 2, 3 of 4."))
        if not 1 <= quarter <= 4:
            raise CellError(_("kies kwartaal 1, 2, 3 of 4."))
        return quarter
    if key in ("startdatum", "einddatum"):
        return _date(value)
    if key in ("budget", "uren"):
        return _amount(value)
    if key == "binnen budget":
        return _yes_no(value)
    if key == "status":
        status = lookups.statuses.get(str(value).strip().lower())
        if status is None:
            raise CellError(
                _("kies een van: %(values)s.") % {"values": ", ".join(ActionStatus.values)}
            )
        return status
    raise AssertionError(key)


def _message(row, key, text):
    return _("Rij %(row)s, kolom %(column)s: %(message)s") % {
        "row": row.number,
        "column": key,
        "message": text,
    }


def build_actions(plan, rows, user=None):
    """(unsaved actions, row messages) for the rows: every row is checked, also after an
    error, so that the user sees all that is wrong at once."""
    lookups = Lookups(plan)
    actions, errors = [], []
    now = timezone.now()
    for row in rows:
        fields, row_errors = {}, []
        for column in COLUMNS:
            try:
                value = _cell(row, column.key, lookups)
            except CellError as error:
                row_errors.append(_message(row, column.key, error.args[0]))
                continue
            if value is not None:
                fields[column.field] = value
        if not row_errors:
            row_errors = _row_rules(row, fields, lookups)
        if row_errors:
            errors.extend(row_errors)
            continue
        action = Action(
            organisation_id=plan.organisation_id,
            plan=plan,
            created_at=now,
            updated_at=now,
            **fields,
        )
        if action.planned_year and action.planned_quarter:
            action.planned_period = encode_quarter(action.planned_year, action.planned_quarter)
        actions.append(action)
    return actions, errors


def _row_rules(row, fields, lookups):
    """Rules between the columns of one row."""
    errors = []
    year, quarter = fields.get("planned_year"), fields.get("planned_quarter")
    if bool(year) != bool(quarter):
        missing = "kwartaal" if year else "jaar"
        errors.append(
            _message(row, missing, _("vul zowel het jaar als het kwartaal in, of geen van beide."))
        )
    elif year and (year, quarter) not in lookups.quarters:
        errors.append(
            _message(
                row,
                "jaar",
                _("K%(quarter)s %(year)s ligt buiten de planperiode %(period)s.")
                % {"quarter": quarter, "year": year, "period": lookups.plan.period_label},
            )
        )
    start, due = fields.get("start_date"), fields.get("due_date")
    if start and due and due < start:
        errors.append(_message(row, "einddatum", _("ligt vóór de startdatum.")))
    return errors


# --- The template -------------------------------------------------------------------------


def template_bytes(theme_name="", responsible_email="", today=None):
    """An xlsx with the column headers, one example row (with a theme and a person of the
    organisation when given) and a second sheet that explains every column."""
    today = today or timezone.localdate()
    quarter = (today.month - 1) // 3 + 1
    example = {column.key: column.example for column in COLUMNS}
    example.update(
        {
            "thema": theme_name,
            "verantwoordelijke": responsible_email,
            "jaar": today.year,
            "kwartaal": quarter,
            "startdatum": today,
            "einddatum": quarter_end(today.year, quarter),
        }
    )
    output = io.BytesIO()
    book = xlsxwriter.Workbook(
        output, {"strings_to_formulas": False, "strings_to_urls": False, "in_memory": True}
    )
    bold = book.add_format({"bold": True})
    day = book.add_format({"num_format": "dd-mm-yyyy"})
    money = book.add_format({"num_format": "#,##0.00"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    sheet = book.add_worksheet(_("Acties")[:31])
    for index, column in enumerate(COLUMNS):
        sheet.write_string(0, index, column.key, bold)
        sheet.set_column(index, index, max(14, len(column.key) + 4))
        value = example[column.key]
        if value in (None, ""):
            continue
        if isinstance(value, date):
            sheet.write_datetime(1, index, datetime(value.year, value.month, value.day), day)
        elif isinstance(value, Decimal):
            sheet.write_number(1, index, value, money)
        elif isinstance(value, int):
            sheet.write_number(1, index, value)
        else:
            sheet.write_string(1, index, str(value))
    status_column = [c.key for c in COLUMNS].index("status")
    budget_column = [c.key for c in COLUMNS].index("binnen budget")
    sheet.data_validation(
        1,
        status_column,
        MAX_ROWS,
        status_column,
        {"validate": "list", "source": ActionStatus.values},
    )
    sheet.data_validation(
        1, budget_column, MAX_ROWS, budget_column, {"validate": "list", "source": ["ja", "nee"]}
    )
    sheet.freeze_panes(1, 0)

    notes = book.add_worksheet(_("Uitleg")[:31])
    notes.set_column(0, 0, 20)
    notes.set_column(1, 1, 12)
    notes.set_column(2, 2, 80)
    for index, header in enumerate([_("Kolom"), _("Verplicht"), _("Uitleg")]):
        notes.write_string(0, index, header, bold)
    for row, column in enumerate(COLUMNS, start=1):
        notes.write_string(row, 0, column.key, bold)
        notes.write_string(row, 1, _("ja") if column.required else _("nee"))
        notes.write_string(row, 2, str(column.explanation), wrap)
    row = len(COLUMNS) + 2
    notes.write_string(row, 0, _("Statussen"), bold)
    for offset, (value, label) in enumerate(ActionStatus.choices, start=1):
        notes.write_string(row + offset, 0, value)
        notes.write_string(row + offset, 2, str(label))
    row += len(ActionStatus.choices) + 2
    general = [
        _("Zet elke actie op een eigen rij onder de kolomnamen; lege rijen worden overgeslagen."),
        _("Koers leest alleen het eerste werkblad. Kolommen met een andere naam worden genegeerd."),
        _(
            "Als één rij niet klopt, wordt niets ingelezen: u krijgt per rij te zien wat er "
            "mis is. Verbeter het bestand en lees het opnieuw in."
        ),
        _("Hoogstens %(rows)s acties en %(mb)s MB per bestand.")
        % {
            "rows": number_format(MAX_ROWS, force_grouping=True),
            "mb": MAX_FILE_BYTES // (1024 * 1024),
        },
        _("Vervang of verwijder de voorbeeldrij voordat u het bestand inleest."),
    ]
    for offset, text in enumerate(general):
        notes.write_string(row + offset, 0, text)
    book.close()
    return output.getvalue()
