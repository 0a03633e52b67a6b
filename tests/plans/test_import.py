"""Import of an action list from Excel: good files, every kind of bad row, bad files, limits,
all or nothing, the template, and constant query counts."""

import html
import io
import zipfile
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from mvo import spreadsheet
from plans import importer, services
from plans.importer import ImportRowsError
from plans.models import Action
from tests.factories import OrgThemeFactory, PlanFactory
from tests.helpers import assert_queries_constant

HEADERS = [column.key for column in importer.COLUMNS]


def xlsx(rows, headers=HEADERS):
    """An xlsx file (bytes) with the header row and the given rows (lists or dicts)."""
    book = Workbook()
    sheet = book.active
    if headers is not None:
        sheet.append(list(headers))
    for row in rows:
        sheet.append([row.get(h) for h in headers] if isinstance(row, dict) else list(row))
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def upload(content, name="acties.xlsx"):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.fixture
def setup(org_a, org_b):
    plan = PlanFactory(organisation=org_a.org, start_year=2025, end_year=2027)
    theme = OrgThemeFactory(organisation=org_a.org, own_name="Energie")
    org_a.plan, org_a.theme = plan, theme
    org_a.url = reverse("plans:actions_import", kwargs={"org_slug": org_a.org.slug})
    return org_a


def post(client, setup, content, name="acties.xlsx", plan=None):
    return client.post(setup.url, {"plan": (plan or setup.plan).pk, "file": upload(content, name)})


def good_row(**extra):
    return {"titel": "Led-verlichting", **extra}


def test_a_good_file_is_imported_with_every_column(setup, client_for):
    client = client_for(setup.member)
    rows = [
        {
            "titel": "Led-verlichting",
            "omschrijving": "Alle tl-buizen vervangen",
            "waarom": "Minder stroom",
            "thema": "energie",
            "verantwoordelijke": "MEMBER@a.example",
            "team": "Facilitair",
            "jaar": 2026,
            "kwartaal": 2,
            "startdatum": datetime(2026, 4, 1),
            "einddatum": "30-06-2026",
            "budget": "1.234,50",
            "uren": 16,
            "binnen budget": "nee",
            "status": "Lopend",
        },
        {"titel": "Fietsplan", "budget": 99.999, "jaar": "2027", "kwartaal": "K4"},
        {"titel": "Afvalscheiding", "status": "afgerond", "einddatum": date(2025, 12, 31)},
    ]
    response = post(client, setup, xlsx(rows))
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "plans:detail", kwargs={"org_slug": setup.org.slug, "pk": setup.plan.pk}
    )
    actions = {a.title: a for a in Action.objects.filter(plan=setup.plan)}
    assert set(actions) == {"Led-verlichting", "Fietsplan", "Afvalscheiding"}
    led = actions["Led-verlichting"]
    assert led.organisation_id == setup.org.pk
    assert led.theme_id == setup.theme.pk
    assert led.responsible_id == setup.member.pk
    assert (led.planned_year, led.planned_quarter, led.planned_period) == (2026, 2, 20262)
    assert (led.start_date, led.due_date) == (date(2026, 4, 1), date(2026, 6, 30))
    assert led.budget == Decimal("1234.50") and led.hours == Decimal("16")
    assert led.within_budget is False and led.status == "lopend"
    assert (led.description, led.why, led.team) == (
        "Alle tl-buizen vervangen",
        "Minder stroom",
        "Facilitair",
    )
    fiets = actions["Fietsplan"]
    assert fiets.budget == Decimal("100.00") and fiets.planned_period == 20274
    assert fiets.within_budget is True and fiets.status == "gepland"
    assert actions["Afvalscheiding"].due_date == date(2025, 12, 31)


@pytest.mark.parametrize(
    ("cells", "column", "message"),
    [
        ({"titel": None, "team": "Inkoop"}, "titel", "verplicht"),
        ({"titel": "x" * 201}, "titel", "hoogstens 200 tekens"),
        ({"thema": "Bestaat niet"}, "thema", "het thema 'Bestaat niet' bestaat niet"),
        ({"verantwoordelijke": "member@b.example"}, "verantwoordelijke", "geen lid"),
        ({"verantwoordelijke": "viewer@a.example"}, "verantwoordelijke", "geen lid"),
        ({"jaar": "twintig", "kwartaal": 1}, "jaar", "geen jaartal"),
        ({"jaar": 2026, "kwartaal": 5}, "kwartaal", "kies kwartaal 1, 2, 3 of 4"),
        ({"jaar": 2026}, "kwartaal", "zowel het jaar als het kwartaal"),
        ({"jaar": 2030, "kwartaal": 1}, "jaar", "buiten de planperiode 2025–2027"),
        ({"startdatum": "31-02-2026"}, "startdatum", "geen datum"),
        ({"einddatum": "01-01-1800"}, "einddatum", "tussen 01-01-1990 en 31-12-2100"),
        (
            {"startdatum": "10-05-2026", "einddatum": "01-05-2026"},
            "einddatum",
            "ligt vóór de startdatum",
        ),
        ({"budget": "veel"}, "budget", "geen getal"),
        ({"budget": -5}, "budget", "0 of meer"),
        ({"uren": 1e12}, "uren", "te groot"),
        ({"binnen budget": "misschien"}, "binnen budget", "vul ja of nee in"),
        ({"status": "klaar"}, "status", "kies een van: gepland, lopend"),
    ],
)
def test_each_kind_of_bad_cell_gets_a_row_message(setup, client_for, cells, column, message):
    response = post(client_for(setup.member), setup, xlsx([good_row(**cells)]))
    assert response.status_code == 200
    text = html.unescape(response.content.decode())
    assert f"Rij 2, kolom {column}: " in text
    assert message in text
    assert "Er is niets ingelezen" in text
    assert not Action.objects.exists()


def test_all_or_nothing_one_bad_row_saves_nothing(setup, client_for):
    rows = [good_row(titel=f"Actie {i}") for i in range(10)]
    rows[5]["einddatum"] = "morgen"  # the sixth action sits on Excel row 7
    response = post(client_for(setup.member), setup, xlsx(rows))
    assert "Rij 7, kolom einddatum: geen datum" in response.content.decode()
    assert not Action.objects.exists()
    with pytest.raises(ImportRowsError):
        services.import_actions(setup.plan, importer.read_rows(upload(xlsx(rows))), setup.member)
    assert not Action.objects.exists()


def test_many_errors_are_capped_with_a_count_of_the_rest(setup, client_for):
    rows = [good_row(status="klaar") for _ in range(80)]
    text = post(client_for(setup.member), setup, xlsx(rows)).content.decode()
    assert text.count("kolom status") == 50
    assert "Rij 51, kolom status" in text and "Rij 52, kolom status" not in text
    assert "er zijn er nog 30" in text
    assert "80 fouten" in text


def test_blank_rows_are_skipped_and_row_numbers_stay_those_of_excel(setup, client_for):
    rows = [good_row(), [None] * len(HEADERS), good_row(status="klaar")]
    text = post(client_for(setup.member), setup, xlsx(rows)).content.decode()
    assert "Rij 4, kolom status" in text


def test_unknown_extra_columns_are_ignored(setup, client_for):
    content = xlsx([["Actie", "mijn notitie"]], headers=["Titel", "Notities"])
    response = post(client_for(setup.member), setup, content)
    assert response.status_code == 302
    assert Action.objects.get().title == "Actie"


def file_error(setup, client_for, content, name="acties.xlsx"):
    response = post(client_for(setup.member), setup, content, name=name)
    assert response.status_code == 200
    assert not Action.objects.exists()
    return html.unescape(response.content.decode())


def test_wrong_file_type_by_name(setup, client_for):
    text = file_error(setup, client_for, b"titel;team\nActie;Inkoop\n", name="acties.csv")
    assert "Kies een Excel-bestand (.xlsx)" in text


def test_a_renamed_text_file(setup, client_for):
    text = file_error(setup, client_for, b"Dit is gewoon tekst.\n" * 20)
    assert "geen geldig Excel-bestand" in text


def test_a_corrupt_zip(setup, client_for):
    content = xlsx([good_row()])
    text = file_error(setup, client_for, content[: len(content) // 2])
    assert "geen geldig Excel-bestand" in text


def test_a_zip_that_is_not_a_workbook(setup, client_for):
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("leesmij.txt", "geen werkmap")
    text = file_error(setup, client_for, output.getvalue())
    assert "geen geldig Excel-bestand" in text


def test_an_oversized_file_is_refused_before_reading(setup, client_for, monkeypatch):
    def never(*args, **kwargs):
        raise AssertionError("an oversized file must not be opened")

    monkeypatch.setattr(spreadsheet, "load_workbook", never)
    content = b"0" * (importer.MAX_FILE_BYTES + 1)
    text = file_error(setup, client_for, content)
    assert "groter dan 5 MB" in text


def test_too_many_rows(setup, client_for):
    rows = [[f"Actie {i}"] for i in range(importer.MAX_ROWS + 1)]
    text = file_error(setup, client_for, xlsx(rows, headers=["titel"]))
    assert "meer dan 5.000 acties" in text


def test_an_empty_sheet_and_a_sheet_with_only_headers(setup, client_for):
    assert "Het eerste werkblad is leeg" in file_error(setup, client_for, xlsx([], headers=None))
    assert "geen acties eronder" in file_error(setup, client_for, xlsx([]))


def test_missing_required_header(setup, client_for):
    text = file_error(setup, client_for, xlsx([["Inkoop"]], headers=["team"]))
    assert "mist de verplichte kolom 'titel'" in text


def test_a_header_twice(setup, client_for):
    text = file_error(setup, client_for, xlsx([["a", "b"]], headers=["titel", "Titel"]))
    assert "staat twee keer" in text


def test_no_file_and_another_organisations_plan(setup, client_for, org_b):
    client = client_for(setup.member)
    response = client.post(setup.url, {"plan": setup.plan.pk})
    assert "Kies het Excel-bestand met de acties." in response.content.decode()
    other_plan = PlanFactory(organisation=org_b.org)
    response = post(client, setup, xlsx([good_row()]), plan=other_plan)
    assert "Kies een plan uit de lijst." in response.content.decode()
    assert not Action.objects.exists()


def test_viewers_and_outsiders_cannot_import(setup, client_for, org_b):
    assert client_for(setup.viewer).get(setup.url).status_code == 403
    assert post(client_for(setup.viewer), setup, xlsx([good_row()])).status_code == 403
    assert client_for(org_b.member).get(setup.url).status_code == 404
    assert not Action.objects.exists()


def test_the_template_downloads_and_imports_cleanly(org_a, client_for):
    today = timezone.localdate()
    plan = PlanFactory(organisation=org_a.org, start_year=today.year, end_year=today.year + 1)
    theme = OrgThemeFactory(organisation=org_a.org, own_name="Klimaat")
    client = client_for(org_a.member)
    url = reverse("plans:actions_import_template", kwargs={"org_slug": org_a.org.slug})
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    assert book.sheetnames == ["Acties", "Uitleg"]
    header = next(book["Acties"].iter_rows(values_only=True))
    assert list(header) == HEADERS
    notes = [row[0] for row in book["Uitleg"].iter_rows(values_only=True)]
    assert "status" in notes and "geschrapt" in notes
    response = client.post(
        reverse("plans:actions_import", kwargs={"org_slug": org_a.org.slug}),
        {"plan": plan.pk, "file": upload(response.content, "koers-acties-sjabloon.xlsx")},
    )
    assert response.status_code == 302, response.content.decode()
    action = Action.objects.get()
    assert action.theme_id == theme.pk and action.responsible_id == org_a.member.pk
    assert action.budget == Decimal("1234.50")


def test_import_page_query_count_is_constant(setup, client_for):
    client = client_for(setup.member)

    def add_plans(n):
        for _ in range(n):
            PlanFactory(organisation=setup.org)

    assert_queries_constant(client, setup.url, add_plans, small=2, large=30)


def test_import_post_query_count_does_not_grow_with_rows(setup, client_for):
    client = client_for(setup.member)
    client.get(setup.url)

    def queries(count):
        rows = [good_row(titel=f"Actie {i}", thema="Energie") for i in range(count)]
        content = xlsx(rows)
        with CaptureQueriesContext(connection) as context:
            response = post(client, setup, content)
        assert response.status_code == 302
        return len(context.captured_queries)

    # SQLite takes at most 999 parameters per statement, so there one INSERT holds ~45 actions;
    # everything else (reading, checking themes and people) is the same for 5 rows or 40.
    assert queries(5) == queries(40)
    assert Action.objects.count() == 45


def test_without_a_plan_the_page_says_to_make_one_first(org_a, client_for):
    url = reverse("plans:actions_import", kwargs={"org_slug": org_a.org.slug})
    text = html.unescape(client_for(org_a.member).get(url).content.decode())
    assert "Maak eerst een plan" in text and 'name="file"' not in text


def test_read_rows_on_a_real_file_in_read_only_mode(setup):
    rows = importer.read_rows(upload(xlsx([good_row(jaar=2026, kwartaal=1)])))
    assert [(row.number, row.values["titel"], row.values["jaar"]) for row in rows] == [
        (2, "Led-verlichting", 2026)
    ]


def test_a_sheet_declaring_a_million_rows_is_refused_without_reading_them(setup, client_for):
    """One cell at the very last row and column of a sheet: openpyxl would hand over every
    empty row in between, so reading stops at MAX_SHEET_ROWS."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer)
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["titel"])
    sheet.write_row(1, 0, ["Echte actie"])
    sheet.write(1_048_575, 16_383, "x")
    book.close()
    text = file_error(setup, client_for, buffer.getvalue())
    assert "loopt door tot voorbij rij 10.000" in text
