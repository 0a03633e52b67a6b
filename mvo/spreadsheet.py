"""Reading an uploaded Excel file (xlsx) safely: the checks every import of Koers shares.

- ``check_upload``: size and name, before anything reads the contents;
- ``open_workbook``: the zip is checked for what it unpacks to (a "zip bomb") before openpyxl
  opens it, read-only; whatever openpyxl cannot read becomes one clear message;
- ``read_sheet``: a sheet's header row and the rows under it, with limits on rows and columns
  whatever size the sheet declares; blank rows are skipped, row numbers stay Excel's;
- cell readers (``text``, ``whole``, ``day``, ``amount``, ``yes_no``) that turn what people
  type in Excel into values, or raise ``CellError`` with a message for the row list.

Each import (plans.importer, duediligence.chain_import) declares its own columns and words;
the messages that name what is imported ("acties", "producten") come from the caller.
"""

import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.datetime import from_excel

from .validation import FIRST_DATE, LAST_DATE, parse_number

MAX_FILE_BYTES = 5 * 1024 * 1024  # what an upload may weigh (checked before reading)
MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # what its contents may unpack to (a "zip bomb")
MAX_COLUMNS = 60  # reading stops at this column, whatever the sheet declares
MAX_LISTED_ERRORS = 50  # row messages shown; the rest are counted
MAX_AMOUNT = Decimal("9999999999.99")  # 12 digits, 2 decimals
CENT = Decimal("0.01")

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


def import_summary(counts):
    """The message after an import: "Ingelezen: 3 leveranciers toegevoegd, …." from
    [(count, ngettext_lazy(singular, plural, "n"))]; a count of 0 is left out."""
    parts = [str(text % {"n": count}) for count, text in counts if count]
    return _("Ingelezen: %(parts)s.") % {"parts": ", ".join(parts)}


class CellError(Exception):
    """One cell is wrong; ``args[0]`` says what, in words for the row list."""


@dataclass
class Row:
    number: int  # the row number Excel shows
    values: dict  # {column key: cell value}; absent columns are missing


def blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def header_key(cell):
    """A header cell as a column key: spaces folded, lower case ("  Land  van " → "land van")."""
    return " ".join(str(cell).split()).lower() if not blank(cell) else ""


# --- The file -----------------------------------------------------------------------------


def check_upload(uploaded, max_bytes=MAX_FILE_BYTES):
    """Refuse a file that is too big or not an xlsx, before anything reads its contents."""
    if uploaded.size > max_bytes:
        raise ImportFileError(
            _("Het bestand is groter dan %(mb)s MB. Splits de lijst in kleinere bestanden.")
            % {"mb": max_bytes // (1024 * 1024)}
        )
    if not uploaded.name.lower().endswith(".xlsx"):
        raise ImportFileError(
            _(
                "Kies een Excel-bestand (.xlsx). Een .xls- of .csv-bestand slaat u in Excel "
                "eerst op als Excel-werkmap (.xlsx)."
            )
        )


def not_xlsx():
    return ImportFileError(
        _(
            "Dit bestand is geen geldig Excel-bestand (.xlsx): het is beschadigd of het is een "
            "ander soort bestand met een andere naam. Sla de lijst in Excel op als "
            "Excel-werkmap (.xlsx) en probeer het opnieuw."
        )
    )


@contextmanager
def open_workbook(uploaded, max_bytes=MAX_FILE_BYTES, max_unpacked=MAX_UNPACKED_BYTES):
    """The upload as a read-only openpyxl workbook, closed afterwards. Raises ImportFileError
    for a file that is too big, not an xlsx, unpacks to too much, or breaks while it is read
    inside the ``with`` block (a broken sheet inside a valid zip)."""
    check_upload(uploaded, max_bytes)
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise not_xlsx() from error
    if unpacked > max_unpacked:
        raise ImportFileError(_("Het bestand bevat te veel gegevens om in te lezen."))
    uploaded.seek(0)
    try:
        workbook = load_workbook(uploaded, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for files it cannot read
        raise not_xlsx() from error
    try:
        yield workbook
    except ImportFileError:
        raise
    except Exception as error:  # a broken sheet inside a valid zip
        raise not_xlsx() from error
    finally:
        workbook.close()


# --- A sheet ------------------------------------------------------------------------------


@dataclass
class SheetMessages:
    """What read_sheet says, in the words of the import. Each is a text with placeholders:
    ``empty``: the sheet has no header row; ``no_rows``: headers but nothing under them;
    ``too_many``: more than %(max)s rows; ``runs_on``: the sheet goes on beyond row %(max)s."""

    empty: str
    no_rows: str
    too_many: str
    runs_on: str


def read_sheet(sheet, known, required, messages, max_rows, max_sheet_rows=None):
    """The rows under the header row of ``sheet`` as Row objects (blank rows skipped).

    ``known``: the column keys the import reads (other columns are left alone); ``required``:
    the keys that must be in the header. ImportFileError with the caller's ``messages`` (or a
    message about the header) when the sheet cannot be used. ``no_rows`` may be None: then
    a sheet with only headers gives an empty list."""
    max_sheet_rows = max_sheet_rows or 2 * max_rows
    if sheet is None:
        raise ImportFileError(messages.empty)
    sheet.reset_dimensions()  # do not trust the size the file declares
    lines = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
    header = next(lines, None)
    if header is None or all(blank(cell) for cell in header):
        raise ImportFileError(messages.empty)
    columns = header_columns(header, known, required)
    rows = []
    for number, cells in enumerate(lines, start=2):
        if number > max_sheet_rows:
            raise ImportFileError(
                messages.runs_on % {"max": number_format(max_sheet_rows, force_grouping=True)}
            )
        if all(blank(cell) for cell in cells):
            continue
        if len(rows) >= max_rows:
            raise ImportFileError(
                messages.too_many % {"max": number_format(max_rows, force_grouping=True)}
            )
        values = {key: cells[i] for i, key in columns.items() if i < len(cells)}
        rows.append(Row(number, values))
    if not rows and messages.no_rows:
        raise ImportFileError(messages.no_rows)
    return rows


def header_columns(header, known, required):
    """{cell index: column key} of the known columns in the header row."""
    columns, seen = {}, set()
    for index, cell in enumerate(header):
        key = header_key(cell)
        if key not in known:
            continue  # a column of the user's own: left alone
        if key in seen:
            raise ImportFileError(
                _("De kolom '%(column)s' staat twee keer in de eerste rij.") % {"column": key}
            )
        seen.add(key)
        columns[index] = key
    missing = [key for key in required if key not in seen]
    if missing:
        raise ImportFileError(
            _(
                "De eerste rij mist de verplichte kolom %(columns)s. Gebruik de kolomnamen van "
                "het sjabloon."
            )
            % {"columns": ", ".join(f"'{key}'" for key in missing)}
        )
    return columns


# --- Cells --------------------------------------------------------------------------------


def text(value, limit):
    if isinstance(value, datetime | date):
        value = value.strftime("%d-%m-%Y")
    elif isinstance(value, float) and value.is_integer():
        value = int(value)
    result = str(value).strip()
    if len(result) > limit:
        raise CellError(
            _("hoogstens %(max)s tekens (nu %(count)s).") % {"max": limit, "count": len(result)}
        )
    return result


def whole(value, message):
    """A whole number (also "K3" or "Q3" for a quarter); CellError(message) otherwise."""
    if isinstance(value, bool):
        raise CellError(message)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    digits = str(value).strip().upper().removeprefix("K").removeprefix("Q")
    if digits.isascii() and digits.isdigit() and len(digits) <= 4:
        return int(digits)
    raise CellError(message)


def day(value):
    """A date from an Excel date, an Excel serial number or text (dd-mm-jjjj and the like)."""
    if isinstance(value, datetime):
        value = value.date()
    elif isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value < 80000:
        value = from_excel(value).date()
    elif isinstance(value, str):
        typed = value.strip()
        for fmt in DATE_FORMATS:
            try:
                value = datetime.strptime(typed, fmt).date()  # noqa: DTZ007 (a pure date)
                break
            except ValueError:
                continue
    if not isinstance(value, date):
        raise CellError(_("geen datum; gebruik een Excel-datum of dd-mm-jjjj, bijv. 31-12-2026."))
    if not FIRST_DATE <= value <= LAST_DATE:
        raise CellError(_("kies een datum tussen 01-01-1990 en 31-12-2100."))
    return value


def amount(value, maximum=MAX_AMOUNT):
    """A number of 0 or more with two decimals (Excel numbers, or text typed the Dutch way)."""
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
    if number > maximum:
        raise CellError(_("dit getal is te groot."))
    return number


def yes_no(value):
    if isinstance(value, bool):
        return value
    typed = str(value).strip().lower()
    if typed in YES:
        return True
    if typed in NO:
        return False
    raise CellError(_("vul ja of nee in."))
