"""Download a table as Excel (xlsx) or CSV. One code path for every export of Koers.

CSV follows what Dutch Excel opens without a wizard: UTF-8 with BOM, semicolons, decimal
comma. Text that a spreadsheet would run as a formula (starting with = + - @) is prefixed
with an apostrophe, in both formats.
"""

import csv
import io
from datetime import date, datetime
from decimal import Decimal

from django.http import Http404, HttpResponse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_text(value):
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, Decimal | float):
        return format(value, "f").rstrip("0").rstrip(".").replace(".", ",") if value else "0"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return safe_text(str(value))


def _xlsx_cell(value):
    if isinstance(value, Promise):  # a lazily translated label
        value = str(value)
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters pasted from elsewhere
    return safe_text(value)


def table_response(filename, headers, rows, fmt, sheet_title="Koers"):
    """An attachment with ``headers`` and ``rows`` as ``fmt`` ("xlsx" or "csv")."""
    if fmt == "csv":
        buffer = io.StringIO()
        buffer.write("\ufeff")
        writer = csv.writer(buffer, delimiter=";")
        writer.writerow(headers)
        for row in rows:
            writer.writerow([_csv_cell(v) for v in row])
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        workbook = Workbook(write_only=True)  # streams rows: fast and light on memory
        sheet = workbook.create_sheet(sheet_title[:31])
        for index, header in enumerate(headers, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = max(12, len(str(header)) + 2)
        sheet.freeze_panes = "A2"
        header_cells = []
        for header in headers:
            cell = WriteOnlyCell(sheet, value=str(header))
            cell.font = Font(bold=True)
            header_cells.append(cell)
        sheet.append(header_cells)
        for row in rows:
            sheet.append([_xlsx_cell(v) for v in row])
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
