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
from datetime import date, datetime
from decimal import Decimal

from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils.translation import gettext as _

from .xlsx import write_xlsx

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
    yes, no = _("ja"), _("nee")

    def text(value):  # booleans as ja / nee; lazy translations and the rest as their text
        if isinstance(value, bool):
            return yes if value else no
        return str(value)

    output = io.BytesIO()
    write_xlsx(output, headers, rows, sheet_title, text=text)
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
