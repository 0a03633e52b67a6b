"""Reading an action list from Excel (xlsx): the columns and the checks of every row. The
file checks and cell readers are shared with other imports (mvo.spreadsheet). Saving is done
by plans.services.import_actions, all or nothing.

The column headers are Dutch in every language: they are the names the file is read by.
Dates may be Excel dates or text (dd-mm-jjjj); numbers may be typed the Dutch way (1.234,50).
"""

import io
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

import xlsxwriter
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kpis.models import quarter_end
from mvo import spreadsheet
from mvo.models import Membership, Role
from mvo.spreadsheet import (  # noqa: F401 (ImportFileError, ImportRowsError, Row: used by callers)
    MAX_FILE_BYTES,
    MAX_LISTED_ERRORS,
    CellError,
    ImportFileError,
    ImportRowsError,
    Row,
)
from themes.models import OrgTheme

from .models import Action, ActionStatus, encode_quarter

MAX_ROWS = 5000  # action rows per file
# A sheet may declare any size and place one cell at row 1,048,576; openpyxl then hands over
# every empty row in between. Reading stops at this row (and at spreadsheet.MAX_COLUMNS),
# whatever it declares.
MAX_SHEET_ROWS = 2 * MAX_ROWS
MAX_TEXT = 10000  # characters in omschrijving / waarom
MAX_AMOUNT = Decimal("9999999999.99")  # what budget (€) and hours can hold (12 digits, 2 decimals)


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

# --- Reading the file ---------------------------------------------------------------------

SHEET_MESSAGES = spreadsheet.SheetMessages(
    empty=gettext_lazy(
        "Het eerste werkblad is leeg. Zet de kolomnamen in de eerste rij en de acties eronder."
    ),
    no_rows=gettext_lazy("Het bestand heeft kolomnamen maar geen acties eronder."),
    too_many=gettext_lazy(
        "Het bestand heeft meer dan %(max)s acties. Splits de lijst in bestanden "
        "van hoogstens %(max)s rijen."
    ),
    runs_on=gettext_lazy(
        "Het werkblad loopt door tot voorbij rij %(max)s. Zet de acties direct onder "
        "de kolomnamen, zonder lege rijen ertussen, en splits een lange lijst."
    ),
)


def read_rows(uploaded):
    """The rows of the first sheet as Row objects; ImportFileError with a message for the
    user when the file cannot be used. Blank rows are skipped."""
    with spreadsheet.open_workbook(uploaded, MAX_FILE_BYTES) as workbook:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        return spreadsheet.read_sheet(
            sheet, BY_KEY, REQUIRED, SHEET_MESSAGES, MAX_ROWS, MAX_SHEET_ROWS
        )


# --- Checking the rows --------------------------------------------------------------------


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


def _cell(row, key, lookups):
    """The value for the model field of column ``key``; CellError with a message if wrong."""
    value = row.values.get(key)
    if spreadsheet.blank(value):
        if BY_KEY[key].required:
            raise CellError(_("verplicht; deze cel is leeg."))
        return None
    if key == "titel":
        return spreadsheet.text(value, 200)
    if key in ("omschrijving", "waarom"):
        return spreadsheet.text(value, MAX_TEXT)
    if key == "team":
        return spreadsheet.text(value, 120)
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
        return spreadsheet.whole(value, _("geen jaartal, bijvoorbeeld 2026."))
    if key == "kwartaal":
        quarter = spreadsheet.whole(value, _("kies kwartaal 1, 2, 3 of 4."))
        if not 1 <= quarter <= 4:
            raise CellError(_("kies kwartaal 1, 2, 3 of 4."))
        return quarter
    if key in ("startdatum", "einddatum"):
        return spreadsheet.day(value)
    if key in ("budget", "uren"):
        return spreadsheet.amount(value, MAX_AMOUNT)
    if key == "binnen budget":
        return spreadsheet.yes_no(value)
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
