"""Download a table as Excel (xlsx) or CSV. One code path for every export of Koers.

Rows are plain values (str, int, Decimal, date, datetime, bool, None, lazy translations),
never model objects: the views fetch them with ``values_list`` so that an export of tens of
thousands of rows stays fast and light.

CSV is streamed as it is written and follows what Dutch Excel opens without a wizard: UTF-8
with BOM, semicolons, decimal comma. Text that a spreadsheet would run as a formula (starting
with = + - @, a tab or a carriage return) gets an apostrophe in front, in CSV only: in xlsx
every text is written as a text cell, which Excel never runs.
"""

import csv
import io
import re
from datetime import date, datetime
from decimal import Decimal

import xlsxwriter
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils.translation import gettext as _

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Characters XML 1.0 (and so xlsx) cannot hold: control characters pasted from elsewhere.
ILLEGAL_CHARACTERS = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


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


class _Echo:
    """A file-like object whose write() hands the line back, for streaming csv.writer."""

    def write(self, value):
        return value


def _csv_stream(headers, rows):
    writer = csv.writer(_Echo(), delimiter=";")
    yield "\ufeff" + writer.writerow([str(h) for h in headers])
    for row in rows:
        yield writer.writerow([_csv_cell(v) for v in row])


def _xlsx_bytes(headers, rows, sheet_title):
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        output,
        {
            "constant_memory": True,  # rows go to disk as they come: memory stays flat
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
            "remove_timezone": True,
        },
    )
    sheet = workbook.add_worksheet(sheet_title[:31])
    bold = workbook.add_format({"bold": True})
    day = workbook.add_format({"num_format": "dd-mm-yyyy"})
    moment = workbook.add_format({"num_format": "dd-mm-yyyy hh:mm"})
    yes, no = _("ja"), _("nee")
    for column, header in enumerate(headers):
        sheet.set_column(column, column, max(12, len(str(header)) + 2))
        sheet.write_string(0, column, str(header), bold)
    sheet.freeze_panes(1, 0)
    write_string, write_number = sheet.write_string, sheet.write_number
    for row_number, row in enumerate(rows, start=1):
        for column, value in enumerate(row):
            kind = type(value)
            if value is None:
                continue
            if kind is str:
                write_string(row_number, column, ILLEGAL_CHARACTERS.sub("", value))
            elif kind is Decimal or kind is int or kind is float:
                write_number(row_number, column, value)
            elif kind is bool:
                write_string(row_number, column, yes if value else no)
            elif kind is datetime:
                sheet.write_datetime(row_number, column, value, moment)
            elif kind is date:
                sheet.write_datetime(row_number, column, value, day)
            else:  # a lazily translated label, or anything else that reads as text
                write_string(row_number, column, ILLEGAL_CHARACTERS.sub("", str(value)))
    workbook.close()
    return output.getvalue()


def table_response(filename, headers, rows, fmt, sheet_title="Koers"):
    """An attachment with ``headers`` and ``rows`` (an iterable of plain-value sequences) as
    ``fmt``: "csv" (streamed) or "xlsx"."""
    if fmt == "csv":
        response = StreamingHttpResponse(
            _csv_stream(headers, rows), content_type="text/csv; charset=utf-8"
        )
    elif fmt == "xlsx":
        response = HttpResponse(_xlsx_bytes(headers, rows, str(sheet_title)), content_type=XLSX)
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def labels(choices):
    """{stored value: translated label} of a TextChoices class, translated once per export
    instead of once per row."""
    return {value: str(label) for value, label in choices.choices}
