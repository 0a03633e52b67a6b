"""The exports' xlsx writer: what Excel (here openpyxl) reads back is what went in."""

import io
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.test import override_settings
from openpyxl import load_workbook

from mvo.xlsx import column_letters, write_xlsx


def read_back(headers, rows, title="KPI's", text=str):
    output = io.BytesIO()
    write_xlsx(output, headers, rows, title, text=text)
    output.seek(0)
    return load_workbook(output)


def test_column_letters():
    assert [column_letters(i) for i in (0, 25, 26, 51, 52, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AZ",
        "BA",
        "ZZ",
        "AAA",
    ]


@override_settings(TIME_ZONE="Europe/Amsterdam")
def test_every_kind_of_value_reads_back_as_it_went_in():
    aware = datetime(2026, 3, 31, 22, 30, tzinfo=ZoneInfo("UTC"))  # 1 April 00:30 in NL
    rows = [
        ["CO₂ & <uitstoot>", Decimal("1234.5"), 7, date(2026, 6, 30), aware, True, None, "=1+1"],
        [
            "  spaties  ",
            Decimal("-0.25"),
            0,
            date(1990, 1, 1),
            datetime(2026, 1, 1, 8, 0),
            False,
            "laatste",
            "tab\tjes\x07",
        ],
    ]
    book = read_back(
        ["Naam", "Waarde", "Aantal", "Datum", "Moment", "Ja/nee", "Leeg", "Tekst"],
        rows,
        text=lambda value: ("ja" if value else "nee") if isinstance(value, bool) else str(value),
    )
    sheet = book.active
    assert sheet.title == "KPI's"
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].value == "Naam" and sheet["A1"].font.b
    first = [cell.value for cell in sheet[2]]
    assert first[:3] == ["CO₂ & <uitstoot>", 1234.5, 7]
    assert first[3] == datetime(2026, 6, 30)
    assert sheet["D2"].number_format == "dd\\-mm\\-yyyy"
    assert first[4] == datetime(2026, 4, 1, 0, 30)  # local time, as people read it
    assert first[5] == "ja" and first[6] is None
    assert first[7] == "=1+1" and sheet["H2"].data_type == "s"  # text, never a formula
    second = [cell.value for cell in sheet[3]]
    assert second[0] == "  spaties  " and second[1] == -0.25 and second[5] == "nee"
    assert second[7] == "tab\tjes"  # the control character is dropped, the tab kept


def test_wide_and_long_sheets_and_an_awkward_title():
    headers = [f"Kolom {i}" for i in range(30)]
    rows = ([n * 100 + i for i in range(30)] for n in range(5000))
    book = read_back(headers, rows, title='Een "heel" lange titel <met> tekens & meer dan 31')
    sheet = book.active
    assert sheet.title == 'Een "heel" lange titel <met> te'
    assert sheet.max_row == 5001 and sheet.max_column == 30
    assert sheet["AD5001"].value == 4999 * 100 + 29


def test_the_sheet_says_its_size_for_readers_that_stream():
    output = io.BytesIO()
    write_xlsx(output, ["A", "B"], ([i, str(i)] for i in range(20000)), "Groot")
    output.seek(0)
    sheet = load_workbook(output, read_only=True).active
    assert (sheet.max_row, sheet.max_column) == (20001, 2)
    assert sheet.calculate_dimension() == "A1:B20001"
