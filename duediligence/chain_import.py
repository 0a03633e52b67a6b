"""Reading a value chain from Excel (xlsx): suppliers on the sheet "Leveranciers", purchased
products and services on the sheet "Producten". The file checks are those of every import
(mvo.spreadsheet); saving is done by duediligence.services_chain.import_chain, all or nothing.

The sheet names and column headers are Dutch in every language: they are the names the file
is read by. A supplier or product whose name is already in the plan is updated, not added
twice; an empty cell then keeps what the plan holds. A product may take several rows, one per
supplier or origin country: each row adds a link of its chain.
"""

import io
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

import xlsxwriter
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mvo import spreadsheet
from mvo.spreadsheet import MAX_FILE_BYTES, CellError, ImportFileError

from . import countries
from .models import ItemKind

SUPPLIER_SHEET = "Leveranciers"
ITEM_SHEET = "Producten"
MAX_ROWS = 5000  # rows per sheet
MAX_SHEET_ROWS = 2 * MAX_ROWS
MAX_AMOUNT = Decimal("999999999999.99")  # what volume and spend can hold (14 digits, 2 decimals)
MAX_TIER = 5
MAX_CELL = 32767  # what an Excel cell holds


@dataclass(frozen=True)
class Column:
    key: str  # the Dutch header, as read and written
    required: bool
    explanation: str
    examples: tuple  # one value per example row of the template


SUPPLIER_COLUMNS = [
    Column(
        "naam",
        True,
        gettext_lazy("Verplicht. De naam van de leverancier (hoogstens 200 tekens)."),
        ("Cacao Coöperatie Abidjan", "Handelshuis Amsterdam BV"),
    ),
    Column(
        "land",
        False,
        gettext_lazy(
            "Het land van de leverancier: de landcode (CI) of de naam, in het Nederlands of "
            "Engels (Ivoorkust, Côte d’Ivoire). Leeg = onbekend."
        ),
        ("Ivoorkust", "NL"),
    ),
    Column(
        "tier",
        False,
        gettext_lazy(
            "1 = directe leverancier, 2 = de leverancier daarvan, en zo verder tot 5. Leeg = 1."
        ),
        (2, 1),
    ),
    Column(
        "contract",
        False,
        gettext_lazy("ja of nee: is er een contract met deze leverancier? Leeg = nee."),
        ("nee", "ja"),
    ),
    Column(
        "certificeringen",
        False,
        gettext_lazy("Bijvoorbeeld Fairtrade, Rainforest Alliance (hoogstens 300 tekens)."),
        ("Fairtrade", ""),
    ),
    Column(
        "gedragscode",
        False,
        gettext_lazy("ja of nee: heeft de leverancier de gedragscode ondertekend? Leeg = nee."),
        ("ja", "ja"),
    ),
]

ITEM_COLUMNS = [
    Column(
        "naam",
        True,
        gettext_lazy(
            "Verplicht. Het product, ingrediënt, de grondstof of dienst. Komt het van meer "
            "leveranciers of landen, zet het dan op meer rijen met dezelfde naam."
        ),
        ("Cacaobonen", "Koffiebonen"),
    ),
    Column(
        "soort",
        False,
        gettext_lazy(
            "product, ingredient, grondstof of dienst. Verplicht voor een product dat nog niet "
            "in het plan staat."
        ),
        ("grondstof", "grondstof"),
    ),
    Column(
        "volume",
        False,
        gettext_lazy("Hoeveel u per jaar inkoopt, als getal; 1.234,50 en 1234.5 mogen allebei."),
        (Decimal("12000"), Decimal("3500")),
    ),
    Column(
        "eenheid",
        False,
        gettext_lazy("De eenheid van het volume, bijvoorbeeld kg, liter of uur."),
        ("kg", "kg"),
    ),
    Column(
        "uitgaven",
        False,
        gettext_lazy("Wat u er per jaar aan uitgeeft, in euro, zonder €-teken."),
        (Decimal("54000"), Decimal("21000.50")),
    ),
    Column(
        "leverancier",
        False,
        gettext_lazy(
            "De naam van de leverancier, precies zoals op het blad Leveranciers of zoals hij "
            "al in het plan staat. Leeg = onbekend."
        ),
        ("Cacao Coöperatie Abidjan", "Handelshuis Amsterdam BV"),
    ),
    Column(
        "land van herkomst",
        False,
        gettext_lazy(
            "Waar het product vandaan komt: landcode of naam, zoals bij land. Leeg = onbekend; "
            "Koers toont het dan als gat in de ketenkaart."
        ),
        ("Ivoorkust", ""),
    ),
]

SUPPLIER_KEYS = {column.key: column for column in SUPPLIER_COLUMNS}
ITEM_KEYS = {column.key: column for column in ITEM_COLUMNS}

SHEET_MESSAGES = spreadsheet.SheetMessages(
    empty=gettext_lazy(
        "Het blad is leeg. Zet de kolomnamen in de eerste rij en de gegevens eronder."
    ),
    no_rows=None,  # one of the two sheets may be empty; checked for both together
    too_many=gettext_lazy(
        "Het blad heeft meer dan %(max)s rijen. Splits de lijst in bestanden van hoogstens "
        "%(max)s rijen per blad."
    ),
    runs_on=gettext_lazy(
        "Het blad loopt door tot voorbij rij %(max)s. Zet de gegevens direct onder de "
        "kolomnamen, zonder lege rijen ertussen, en splits een lange lijst."
    ),
)


# The template's example rows carry this in front of their names; rows named so are skipped,
# so importing the template as downloaded never changes real rows of the same name.
EXAMPLE_PREFIX = "Voorbeeld: "


def is_example(row):
    name = row.values.get("naam")
    return isinstance(name, str) and name.strip().casefold().startswith(
        EXAMPLE_PREFIX.strip().casefold()
    )


@dataclass
class ChainFile:
    """The rows of both sheets (either may be empty)."""

    suppliers: list
    items: list


# --- Reading the file ---------------------------------------------------------------------


def read_file(uploaded):
    """Both sheets' rows; ImportFileError with a message for the user when the file cannot
    be used (not an xlsx, too big, neither sheet, a sheet without headers, no rows at all)."""
    with spreadsheet.open_workbook(uploaded, MAX_FILE_BYTES) as workbook:
        sheets = {name.strip().casefold(): name for name in workbook.sheetnames}
        found = {}
        for wanted, known in ((SUPPLIER_SHEET, SUPPLIER_KEYS), (ITEM_SHEET, ITEM_KEYS)):
            name = sheets.get(wanted.casefold())
            if name is None:
                found[wanted] = []
                continue
            try:
                found[wanted] = spreadsheet.read_sheet(
                    workbook[name], known, ["naam"], SHEET_MESSAGES, MAX_ROWS, MAX_SHEET_ROWS
                )
            except ImportFileError as error:
                raise ImportFileError(
                    [sheet_message(wanted, message) for message in error.messages]
                ) from error
    if not any(name.casefold() in sheets for name in (SUPPLIER_SHEET, ITEM_SHEET)):
        raise ImportFileError(
            _(
                "Het bestand heeft geen blad ‘%(suppliers)s’ en geen blad ‘%(items)s’. "
                "Gebruik het sjabloon: de namen van de bladen en kolommen lezen we zo in."
            )
            % {"suppliers": SUPPLIER_SHEET, "items": ITEM_SHEET}
        )
    if not found[SUPPLIER_SHEET] and not found[ITEM_SHEET]:
        raise ImportFileError(
            _("Het bestand heeft kolomnamen maar geen leveranciers of producten eronder.")
        )
    examples = 0
    for sheet in (SUPPLIER_SHEET, ITEM_SHEET):
        rows = found[sheet]
        found[sheet] = [row for row in rows if not is_example(row)]
        examples += len(rows) - len(found[sheet])
    if examples and not found[SUPPLIER_SHEET] and not found[ITEM_SHEET]:
        raise ImportFileError(
            _(
                "Het bestand bevat alleen de voorbeeldrijen van het sjabloon. Zet uw eigen "
                "leveranciers en producten eronder en lees het opnieuw in."
            )
        )
    return ChainFile(suppliers=found[SUPPLIER_SHEET], items=found[ITEM_SHEET])


def sheet_message(sheet, message):
    return _("Blad %(sheet)s: %(message)s") % {"sheet": sheet, "message": message}


def row_message(sheet, row, key, message):
    return _("Blad %(sheet)s, rij %(row)s, kolom %(column)s: %(message)s") % {
        "sheet": sheet,
        "row": row.number,
        "column": key,
        "message": message,
    }


def fold(name):
    """How names are compared: spaces folded, case ignored."""
    return " ".join(str(name).split()).casefold()


# --- Checking the rows --------------------------------------------------------------------


@dataclass
class SupplierLine:
    """A supplier row as checked: its name and the fields the file fills in."""

    row: int
    name: str
    fields: dict


@dataclass
class ItemLine:
    """A product as checked, from one or more rows: its fields and the links of its chain,
    (supplier's folded name or None, origin code or "")."""

    row: int
    name: str
    fields: dict = field(default_factory=dict)
    field_rows: dict = field(default_factory=dict)
    links: list = field(default_factory=list)


@dataclass
class Checked:
    suppliers: list  # SupplierLine
    items: list  # ItemLine
    errors: list  # row messages, in order


@lru_cache(maxsize=2048)
def _code_for(text):
    """countries.code_for, once per distinct text (it compares every country's names, and
    a file names the same few countries on many rows)."""
    return countries.code_for(text)


def _country(value):
    code = _code_for(str(value))
    if code is None:
        raise CellError(
            _(
                "het land ‘%(text)s’ kennen we niet. Gebruik de landcode (bijv. CI) of de "
                "naam van het land in het Nederlands of Engels."
            )
            % {"text": str(value).strip()[:100]}
        )
    return code


ENGLISH_KINDS = {"raw material": ItemKind.RAW_MATERIAL, "service": ItemKind.SERVICE}


def _kind(value):
    """An item kind from its value ("grondstof") or its name, Dutch or English."""
    typed = fold(value)
    with translation.override("nl"):  # the Dutch names, whatever language the page is in
        kinds = {**ENGLISH_KINDS, **{fold(label): kind for kind, label in ItemKind.choices}}
    kinds.update({kind: kind for kind in ItemKind.values})
    if typed in kinds:
        return str(kinds[typed])
    raise CellError(_("kies een van: %(values)s.") % {"values": ", ".join(ItemKind.values)})


def _supplier_cell(key, value):
    if key == "naam":
        return "name", spreadsheet.text(value, 200)
    if key == "land":
        return "country", _country(value)
    if key == "tier":
        tier = spreadsheet.whole(value, _("vul een getal van 1 tot en met 5 in."))
        if not 1 <= tier <= MAX_TIER:
            raise CellError(_("vul een getal van 1 tot en met 5 in."))
        return "tier", tier
    if key == "contract":
        return "has_contract", spreadsheet.yes_no(value)
    if key == "certificeringen":
        return "certifications", spreadsheet.text(value, 300)
    if key == "gedragscode":
        return "code_of_conduct_signed", spreadsheet.yes_no(value)
    raise AssertionError(key)


def _item_cell(key, value):
    if key == "naam":
        return "name", spreadsheet.text(value, 200)
    if key == "soort":
        return "kind", _kind(value)
    if key == "volume":
        return "volume", spreadsheet.amount(value, MAX_AMOUNT)
    if key == "eenheid":
        return "unit", spreadsheet.text(value, 40)
    if key == "uitgaven":
        return "spend", spreadsheet.amount(value, MAX_AMOUNT)
    if key == "leverancier":
        return "supplier", fold(spreadsheet.text(value, 200))
    if key == "land van herkomst":
        return "origin", _country(value)
    raise AssertionError(key)


def _read_cells(sheet, row, columns, reader):
    """({field: value} of the filled cells, row messages)."""
    fields, errors = {}, []
    for column in columns:
        value = row.values.get(column.key)
        if spreadsheet.blank(value):
            if column.required:
                errors.append(
                    row_message(sheet, row, column.key, _("verplicht; deze cel is leeg."))
                )
            continue
        try:
            name, parsed = reader(column.key, value)
        except CellError as error:
            errors.append(row_message(sheet, row, column.key, error.args[0]))
            continue
        fields[name] = parsed
    return fields, errors


ITEM_FIELD_COLUMNS = {"kind": "soort", "volume": "volume", "unit": "eenheid", "spend": "uitgaven"}


def check(chain_file, known_suppliers, known_items):
    """Check every row of both sheets, also after an error, so that the user sees all that is
    wrong at once. ``known_suppliers`` / ``known_items``: the folded names already in the plan
    (a set or dict)."""
    errors = []
    suppliers, seen = [], {}
    for row in chain_file.suppliers:
        fields, row_errors = _read_cells(SUPPLIER_SHEET, row, SUPPLIER_COLUMNS, _supplier_cell)
        name = fields.pop("name", None)
        if name and fold(name) in seen:
            row_errors.append(
                row_message(
                    SUPPLIER_SHEET,
                    row,
                    "naam",
                    _("deze leverancier staat al op rij %(row)s.") % {"row": seen[fold(name)]},
                )
            )
        if row_errors:
            errors.extend(row_errors)
            continue
        seen[fold(name)] = row.number
        suppliers.append(SupplierLine(row.number, name, fields))

    # Every name on the supplier sheet counts, also of a row with an error of its own: the
    # product rows that name it are not wrong as well.
    in_file = {
        fold(spreadsheet.text(row.values["naam"], MAX_CELL))
        for row in chain_file.suppliers
        if not spreadsheet.blank(row.values.get("naam"))
    }
    items = {}
    for row in chain_file.items:
        fields, row_errors = _read_cells(ITEM_SHEET, row, ITEM_COLUMNS, _item_cell)
        supplier = fields.pop("supplier", None)
        origin = fields.pop("origin", "")
        name = fields.pop("name", None)
        if supplier and supplier not in in_file and supplier not in known_suppliers:
            row_errors.append(
                row_message(
                    ITEM_SHEET,
                    row,
                    "leverancier",
                    _(
                        "de leverancier ‘%(name)s’ staat niet op het blad Leveranciers en ook "
                        "niet in dit plan."
                    )
                    % {"name": str(row.values.get("leverancier")).strip()[:100]},
                )
            )
        line = items.get(fold(name)) if name else None
        new_item = name and line is None and fold(name) not in known_items
        if new_item and spreadsheet.blank(row.values.get("soort")):
            message = _(
                "verplicht voor een product dat nog niet in het plan staat; kies product, "
                "ingredient, grondstof of dienst."
            )
            row_errors.append(row_message(ITEM_SHEET, row, "soort", message))
        if line is not None:
            for key, value in fields.items():
                if key in line.fields and line.fields[key] != value:
                    row_errors.append(
                        row_message(
                            ITEM_SHEET,
                            row,
                            ITEM_FIELD_COLUMNS[key],
                            _("wijkt af van rij %(row)s van hetzelfde product.")
                            % {"row": line.field_rows[key]},
                        )
                    )
        if row_errors:
            errors.extend(row_errors)
            continue
        if line is None:
            line = items[fold(name)] = ItemLine(row.number, name)
        for key, value in fields.items():
            if key not in line.fields:
                line.fields[key] = value
                line.field_rows[key] = row.number
        if (supplier or origin) and (supplier, origin) not in line.links:
            line.links.append((supplier, origin))
    return Checked(suppliers, list(items.values()), errors)


# --- The template -------------------------------------------------------------------------


def template_bytes():
    """An xlsx with the two sheets (headers, two example rows, drop-downs for soort and
    ja/nee), an explanation sheet and a list of countries with their codes."""
    output = io.BytesIO()
    book = xlsxwriter.Workbook(
        output, {"strings_to_formulas": False, "strings_to_urls": False, "in_memory": True}
    )
    bold = book.add_format({"bold": True})
    money = book.add_format({"num_format": "#,##0.00"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    yes_no = {"validate": "list", "source": ["ja", "nee"]}
    country_list = {
        "validate": "list",
        "source": f"='{_('Landen')[:31]}'!$B$2:$B${len(countries.names()) + 1}",
        "error_type": "information",  # a code or an English name is fine too
        "error_title": _("Land"),
        "error_message": _("Staat dit land niet in de lijst? Een landcode mag ook, bijv. CI."),
    }
    validations = {
        SUPPLIER_SHEET: {
            "land": country_list,
            "contract": yes_no,
            "gedragscode": yes_no,
            "tier": {"validate": "integer", "criteria": "between", "minimum": 1, "maximum": 5},
        },
        ITEM_SHEET: {
            "soort": {"validate": "list", "source": ItemKind.values},
            "land van herkomst": country_list,
        },
    }
    for title, columns in ((SUPPLIER_SHEET, SUPPLIER_COLUMNS), (ITEM_SHEET, ITEM_COLUMNS)):
        sheet = book.add_worksheet(title)
        for index, column in enumerate(columns):
            sheet.write_string(0, index, column.key, bold)
            sheet.set_column(index, index, max(16, len(column.key) + 4))
            for row, value in enumerate(column.examples, start=1):
                if column.key in ("naam", "leverancier") and value:
                    value = EXAMPLE_PREFIX + value
                if isinstance(value, Decimal):
                    sheet.write_number(row, index, value, money)
                elif isinstance(value, int):
                    sheet.write_number(row, index, value)
                elif value:
                    sheet.write_string(row, index, str(value))
            if column.key in validations[title]:
                sheet.data_validation(1, index, MAX_ROWS, index, validations[title][column.key])
        sheet.set_column(0, 0, 32)
        sheet.freeze_panes(1, 0)

    notes = book.add_worksheet(_("Uitleg")[:31])
    notes.set_column(0, 0, 22)
    notes.set_column(1, 1, 12)
    notes.set_column(2, 2, 90)
    row = 0
    for title, columns in ((SUPPLIER_SHEET, SUPPLIER_COLUMNS), (ITEM_SHEET, ITEM_COLUMNS)):
        notes.write_string(row, 0, _("Blad %(sheet)s") % {"sheet": title}, bold)
        notes.write_string(row, 1, _("Verplicht"), bold)
        notes.write_string(row, 2, _("Uitleg"), bold)
        for offset, column in enumerate(columns, start=1):
            notes.write_string(row + offset, 0, column.key)
            notes.write_string(row + offset, 1, _("ja") if column.required else _("nee"))
            notes.write_string(row + offset, 2, str(column.explanation), wrap)
        row += len(columns) + 2
    general = [
        _("Zet elke leverancier en elk product op een eigen rij; lege rijen worden overgeslagen."),
        _(
            "Staat een leverancier of product met dezelfde naam al in het plan, dan wordt die "
            "bijgewerkt en niet dubbel toegevoegd. Een lege cel laat dan de huidige waarde staan."
        ),
        _(
            "Als één rij niet klopt, wordt niets ingelezen: u krijgt per rij te zien wat er mis "
            "is. Verbeter het bestand en lees het opnieuw in."
        ),
        _("Hoogstens %(rows)s rijen per blad en %(mb)s MB per bestand.")
        % {
            "rows": number_format(MAX_ROWS, force_grouping=True),
            "mb": MAX_FILE_BYTES // (1024 * 1024),
        },
        _(
            "Rijen waarvan de naam met ‘Voorbeeld:’ begint, slaat Koers over: zo verandert het "
            "sjabloon zoals het is niets aan uw plan. Zet uw eigen rijen eronder of in hun plaats."
        ),
    ]
    for offset, line in enumerate(general):
        notes.write_string(row + offset, 0, line)

    listing = book.add_worksheet(_("Landen")[:31])
    listing.write_string(0, 0, _("Code"), bold)
    listing.write_string(0, 1, _("Land"), bold)
    listing.set_column(1, 1, 40)
    for index, (code, name) in enumerate(countries.names().items(), start=1):
        listing.write_string(index, 0, code)
        listing.write_string(index, 1, name)
    book.close()
    return output.getvalue()
