"""Excel in and out of the tender calendar: a good file (themes, instruments, criteria, new
standard product groups, planned period, history, approval), bad rows (all listed, nothing
saved), bad files and limits, the template, roles and organisations, a query count that does
not grow with the rows, the calendar export read back into another plan, and the year
overview's share numbers."""

import html
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from mvo import spreadsheet
from plans.models import Method, Plan, PlanStatus
from procurement import calendar_import
from procurement.models import (
    Instrument,
    ProductGroup,
    Tender,
    TenderStatus,
    TenderTheme,
    YearTarget,
)
from tests.factories import PlanFactory

from .conftest import make_tender

HEADERS = [column.header for column in calendar_import.COLUMNS]


def row(**cells):
    """A good row, with ``cells`` (by header) changed."""
    values = {
        "Aanbesteding": "Laptops",
        "Productgroep": "ICT",
        "Startjaar": 2025,
        "Startkwartaal": 2,
        "Kansrijk (ja/nee)": "ja",
    }
    values.update(cells)
    return values


def xlsx(rows, headers=HEADERS):
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for values in rows:
        sheet.append([values.get(h) for h in headers] if isinstance(values, dict) else values)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def upload(content, name="kalender.xlsx"):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def url(name, plan):
    return reverse(name, kwargs={"org_slug": plan.organisation.slug, "pk": plan.pk})


def post(client, plan, content, name="kalender.xlsx"):
    return client.post(url("procurement:tender_import", plan), {"file": upload(content, name)})


def text(response):
    return html.unescape(response.content.decode())


# --- A good file ----------------------------------------------------------------------------


def test_a_good_file_adds_tenders_with_themes_instruments_and_criteria(mvoi, org_a, client_for):
    content = xlsx(
        [
            row(
                **{
                    "Aanbesteding": "Laptops en beeldschermen",
                    "Geraamde waarde (€)": "1.250.000,50",
                    "Procedure": "Europees",
                    "Opdrachtgever": "Bedrijfsvoering",
                    "Inkoper": "J. de Vries",
                    "Startkwartaal": "K3",
                    "Thema's": "klimaat: eis; Circulair: Aanmoedigen: gunningscriterium; Milieu",
                    "Criteria": "Klimaat: MVI ICT-1; Circulair: CIRC-2",
                    "Status": "in voorbereiding",
                }
            ),
            row(
                **{
                    "Aanbesteding": "Schoonmaak stadhuis",
                    "Productgroep": "schoonmaak",  # a standard group, created
                    "Startjaar": 2030,  # after the plan period, up to 2030
                    "Startkwartaal": 1,
                    "Kansrijk (ja/nee)": "nee",
                    "Thema's": "Social return",
                    "Criteria": "SROI 5%",  # one theme: no name needed
                    "Status": "gegund",
                }
            ),
            row(
                **{
                    "Aanbesteding": "Dienstauto's",
                    "Productgroep": "GWW",  # the short name of a standard group
                    "Status": "gepubliceerd",
                    "Uitleg bij afwijking": "Geen geschikte criteria op de markt.",
                }
            ),
            [None] * len(HEADERS),  # a blank row is skipped
        ]
    )
    response = post(client_for(org_a.member), mvoi.plan, content)
    assert response.status_code == 302, text(response)

    laptops = Tender.objects.get(title="Laptops en beeldschermen")
    assert laptops.plan == mvoi.plan and laptops.product_group == mvoi.group
    assert laptops.estimated_value == Decimal("1250000.50")
    assert (laptops.procedure, laptops.status) == ("europees", TenderStatus.PREPARING)
    assert (laptops.budget_holder, laptops.purchaser) == ("Bedrijfsvoering", "J. de Vries")
    assert (laptops.planned_year, laptops.planned_quarter, laptops.planned_period) == (
        2025,
        3,
        20253,
    )
    applied = {
        t.theme.own_name: (t.instrument, t.criterion_ref)
        for t in laptops.applied_themes.select_related("theme")
    }
    assert applied == {
        "Klimaat": (Instrument.REQUIREMENT, "MVI ICT-1"),
        "Circulair": (Instrument.AWARD_CRITERION, "CIRC-2"),
        "Milieu": ("", ""),
    }
    cleaning = Tender.objects.get(title="Schoonmaak stadhuis")
    assert cleaning.product_group.name == "Schoonmaak"
    assert cleaning.promising is False and cleaning.planned_period == 20301
    assert cleaning.applied_themes.get().criterion_ref == "SROI 5%"
    cars = Tender.objects.get(title="Dienstauto's")
    assert cars.product_group.name == "GWW (grond-, weg- en waterbouw)"
    assert cars.explanation.startswith("Geen geschikte")
    assert cars.planned_period == 20252

    assert ProductGroup.objects.filter(organisation=mvoi.org).count() == 3
    assert Tender.history.filter(history_type="+").count() == 3
    assert Tender.history.filter(history_user=org_a.member).count() == 3
    assert TenderTheme.history.count() == 4
    assert ProductGroup.history.filter(name="Schoonmaak", history_type="+").exists()


def test_an_approved_plan_becomes_a_concept_again(mvoi, org_a, client_for):
    Plan.objects.filter(pk=mvoi.plan.pk).update(status=PlanStatus.APPROVED)
    response = post(client_for(org_a.member), mvoi.plan, xlsx([row()]))
    assert response.status_code == 302
    assert Plan.objects.get(pk=mvoi.plan.pk).status == PlanStatus.DRAFT


def test_the_success_message_counts_the_tenders(mvoi, org_a, client_for):
    client = client_for(org_a.member)
    response = post(client, mvoi.plan, xlsx([row(), row(Aanbesteding="Printers")]))
    assert response.status_code == 302
    # the next page shows the message (the import page itself: the calendar is another's)
    page = text(client.get(url("procurement:tender_import", mvoi.plan)))
    assert "Ingelezen: 2 aanbestedingen toegevoegd." in page


# --- Bad rows -------------------------------------------------------------------------------


def test_every_bad_row_is_listed_and_nothing_is_saved(mvoi, mvoi_b, org_a, client_for):
    other = mvoi_b.plan.themes.model.objects.create(organisation=mvoi_b.org, own_name="Vreemd")
    content = xlsx(
        [
            row(),  # good, but not saved: another row is wrong
            row(Aanbesteding=None, Productgroep="Ruimtevaart"),
            row(Startjaar=2023, Startkwartaal=5),
            row(Startjaar=2031),
            row(**{"Geraamde waarde (€)": "veel", "Procedure": "onderhands"}),
            row(**{"Kansrijk (ja/nee)": "misschien", "Status": "bijna"}),
            row(**{"Thema's": "Klimaat; Vreemd"}),
            row(**{"Thema's": "Klimaat: voorschrijven"}),
            row(**{"Thema's": "Klimaat; Klimaat"}),
            row(**{"Thema's": "Klimaat; Circulair", "Criteria": "MVI-1"}),
            row(**{"Thema's": "Klimaat", "Criteria": "Circulair: CIRC-2"}),
            row(Status="gepubliceerd"),  # started, promising, no theme, no explanation
            row(Criteria="MVI-1"),  # a criterion without a theme
        ]
    )
    response = post(client_for(org_a.member), mvoi.plan, content)
    assert response.status_code == 200
    page = text(response)
    assert "Er is niets ingelezen: 16 fouten in het bestand." in page
    expected = [
        "Rij 3, kolom Aanbesteding: verplicht; deze cel is leeg.",
        "Rij 3, kolom Productgroep: de productgroep ‘Ruimtevaart’",
        "Rij 4, kolom Startjaar: kies een jaar van 2024 tot en met 2030",
        "Rij 4, kolom Startkwartaal: kies kwartaal 1, 2, 3 of 4.",
        "Rij 5, kolom Startjaar: kies een jaar van 2024 tot en met 2030",
        "Rij 6, kolom Geraamde waarde (€): geen getal",
        "Rij 6, kolom Procedure: kies een van: Enkelvoudig onderhands",
        "Rij 7, kolom Kansrijk (ja/nee): vul ja of nee in.",
        "Rij 7, kolom Status: kies een van: Gepland",
        "Rij 8, kolom Thema's: het thema ‘Vreemd’ hoort niet bij dit plan.",
        "Rij 9, kolom Thema's: het instrument ‘voorschrijven’ kennen we niet",
        "Rij 10, kolom Thema's: het thema ‘klimaat’ staat er twee keer in.",
        "Rij 11, kolom Criteria: zet de themanaam voor elk criterium",
        "Rij 12, kolom Criteria: het thema ‘circulair’ staat niet in de kolom Thema's",
        "Rij 13, kolom Uitleg bij afwijking: deze kansrijke aanbesteding is gestart zonder",
        "Rij 14, kolom Criteria: een criterium hoort bij een toegepast thema",
    ]
    for message in expected:
        assert message in page, message
    assert other.pk  # org B's theme exists, and is still not one of this plan's
    assert not Tender.objects.exists()
    assert ProductGroup.objects.filter(organisation=mvoi.org).count() == 1
    assert not Tender.history.exists()


def test_a_new_standard_group_is_not_kept_when_a_row_is_wrong(mvoi, org_a, client_for):
    content = xlsx([row(Productgroep="Catering"), row(Startkwartaal=0)])
    assert post(client_for(org_a.member), mvoi.plan, content).status_code == 200
    assert not ProductGroup.objects.filter(name="Catering").exists()


def test_the_service_refuses_bad_rows_without_saving(mvoi, org_a):
    rows = calendar_import.read_file(
        upload(xlsx([row(Productgroep="Catering"), row(Startjaar="x")]))
    )
    with pytest.raises(spreadsheet.ImportRowsError) as raised:
        calendar_import.import_tenders(mvoi.plan, rows, org_a.member)
    assert raised.value.errors == ["Rij 3, kolom Startjaar: geen jaartal, bijvoorbeeld 2026."]
    assert not Tender.objects.exists() and not ProductGroup.objects.filter(name="Catering").exists()


# --- Bad files ------------------------------------------------------------------------------


def file_error(client, plan, content, name="kalender.xlsx"):
    response = post(client, plan, content, name)
    assert response.status_code == 200
    assert not Tender.objects.exists()
    return text(response)


def test_wrong_file_types(mvoi, org_a, client_for):
    client = client_for(org_a.member)
    csv = b"Aanbesteding;Productgroep\nLaptops;ICT\n"
    assert "Kies een Excel-bestand (.xlsx)" in file_error(client, mvoi.plan, csv, "kalender.csv")
    renamed = b"\x00\x01 willekeurige bytes, geen werkmap \xff\xfe" * 40
    assert "geen geldig Excel-bestand" in file_error(client, mvoi.plan, renamed)
    half = xlsx([row()])
    assert "geen geldig Excel-bestand" in file_error(client, mvoi.plan, half[: len(half) // 2])


def test_an_oversized_file_is_refused_before_reading(mvoi, org_a, client_for, monkeypatch):
    def never(*args, **kwargs):
        raise AssertionError("an oversized file must not be opened")

    monkeypatch.setattr(spreadsheet, "load_workbook", never)
    content = b"0" * (spreadsheet.MAX_FILE_BYTES + 1)
    assert "groter dan 5 MB" in file_error(client_for(org_a.member), mvoi.plan, content)


def test_headers_missing_no_rows_only_the_example_and_no_file(mvoi, org_a, client_for):
    client = client_for(org_a.member)
    page = file_error(client, mvoi.plan, xlsx([["Laptops"]], headers=["Aanbesteding"]))
    assert "mist de verplichte kolom 'productgroep', 'startjaar', 'startkwartaal'" in page
    assert "geen aanbestedingen eronder" in file_error(client, mvoi.plan, xlsx([]))
    example = xlsx([row(Aanbesteding="Voorbeeld: Laptops")])
    assert "alleen de voorbeeldrij" in file_error(client, mvoi.plan, example)
    response = client.post(url("procurement:tender_import", mvoi.plan), {})
    assert "Kies het Excel-bestand met de aanbestedingen." in text(response)


def test_too_many_rows(mvoi, org_a, client_for, monkeypatch):
    monkeypatch.setattr(calendar_import, "MAX_ROWS", 3)
    page = file_error(client_for(org_a.member), mvoi.plan, xlsx([row()] * 4))
    assert "meer dan 3 aanbestedingen" in page


# --- The template ---------------------------------------------------------------------------


def test_the_template_explains_the_values_and_imports_cleanly(mvoi, org_a, client_for):
    client = client_for(org_a.member)
    response = client.get(url("procurement:tender_import_template", mvoi.plan))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('sjabloon.xlsx"')
    book = load_workbook(io.BytesIO(response.content))
    sheet = book.worksheets[0]
    assert [cell.value for cell in sheet[1]] == HEADERS
    assert sheet["A2"].value.startswith("Voorbeeld:")
    lists = book["Keuzelijsten"]
    listed = {cell.value for column in lists.iter_cols() for cell in column}
    for value in ["ICT", "Schoonmaak", "Europees", "Lopend contract", "ja", "nee", "eis"]:
        assert value in listed, value
    assert set(mvoi.themes) <= listed
    notes = {cell.value for column in book["Uitleg"].iter_cols() for cell in column}
    assert "Uitleg bij afwijking" in notes
    # The example row alone is refused; with a row of one's own under it, that row is read.
    sheet.append([row().get(h) for h in HEADERS])
    output = io.BytesIO()
    book.save(output)
    assert post(client, mvoi.plan, output.getvalue()).status_code == 302
    assert list(Tender.objects.values_list("title", flat=True)) == ["Laptops"]


# --- Roles and organisations ----------------------------------------------------------------


def test_viewers_and_other_organisations(mvoi, mvoi_b, org_a, org_b, client_for):
    content = xlsx([row()])
    viewer = client_for(org_a.viewer)
    assert post(viewer, mvoi.plan, content).status_code == 403
    assert viewer.get(url("procurement:tender_import", mvoi.plan)).status_code == 403
    assert viewer.get(url("procurement:tender_import_template", mvoi.plan)).status_code == 403
    assert viewer.get(url("procurement:tender_export", mvoi.plan)).status_code == 200
    assert viewer.get(url("procurement:year_overview_export", mvoi.plan)).status_code == 200

    member = client_for(org_a.member)
    b_plan = reverse(
        "procurement:tender_import", kwargs={"org_slug": org_a.org.slug, "pk": mvoi_b.plan.pk}
    )
    assert member.get(b_plan).status_code == 404
    assert member.post(b_plan, {"file": upload(content)}).status_code == 404
    for name in ("tender_export", "year_overview_export", "tender_import_template"):
        other = reverse(
            f"procurement:{name}", kwargs={"org_slug": org_a.org.slug, "pk": mvoi_b.plan.pk}
        )
        assert member.get(other).status_code == 404
    outsider = client_for(org_b.member)
    assert post(outsider, mvoi.plan, content).status_code == 404
    dd_plan = PlanFactory(organisation=org_a.org, method=Method.DUE_DILIGENCE)
    assert member.get(url("procurement:tender_export", dd_plan)).status_code == 404
    assert not Tender.objects.exists()


def test_the_overview_links_import_and_export(mvoi, org_a, client_for):
    page = text(client_for(org_a.member).get(url("procurement:overview", mvoi.plan)))
    assert url("procurement:tender_import", mvoi.plan) in page
    assert url("procurement:tender_export", mvoi.plan) in page
    assert url("procurement:year_overview_export", mvoi.plan) in page
    page = text(client_for(org_a.viewer).get(url("procurement:overview", mvoi.plan)))
    assert url("procurement:tender_import", mvoi.plan) not in page


def test_the_calendar_and_grid_link_import_and_the_exports(mvoi, org_a, client_for):
    member, viewer = client_for(org_a.member), client_for(org_a.viewer)
    calendar = url("procurement:calendar", mvoi.plan)
    page = text(member.get(calendar))
    assert url("procurement:tender_import", mvoi.plan) in page
    assert url("procurement:tender_export", mvoi.plan) in page
    assert url("procurement:tender_import", mvoi.plan) not in text(viewer.get(calendar))
    # the export link carries the list's filters (not its page), also after an htmx filter
    export = url("procurement:tender_export", mvoi.plan)
    filtered = text(viewer.get(calendar + "?year=2026&promising=ja&page=1"))
    assert f"{export}?year=2026&promising=ja" in filtered
    assert "Deze selectie exporteren" in filtered
    partial = text(viewer.get(calendar + "?year=2025", headers={"HX-Request": "true"}))
    assert f"{export}?year=2025" in partial
    grid = text(viewer.get(url("procurement:grid", mvoi.plan)))
    assert url("procurement:year_overview_export", mvoi.plan) in grid


# --- Speed ----------------------------------------------------------------------------------


def test_the_import_query_count_does_not_grow_with_the_rows(mvoi, org_a, client_for):
    client = client_for(org_a.member)
    client.get(url("procurement:tender_import", mvoi.plan))

    def queries(count):
        rows = [
            row(
                Aanbesteding=f"Aanbesteding {count}-{n}",
                Productgroep="Catering" if n % 2 else "ICT",
                **{"Thema's": "Klimaat: eis; Milieu", "Criteria": "Klimaat: K-1"},
            )
            for n in range(count)
        ]
        with CaptureQueriesContext(connection) as context:
            response = post(client, mvoi.plan, xlsx(rows))
        assert response.status_code == 302, text(response)
        return len(context.captured_queries)

    few = queries(3)
    ProductGroup.objects.filter(name="Catering").update(name="Catering oud")
    # 40 rows fit one INSERT of each kind (SQLite takes 999 parameters per statement); more
    # rows take one INSERT more per batch, nothing per row.
    assert few == queries(40)
    assert Tender.objects.count() == 43 and TenderTheme.objects.count() == 86


# --- Exports --------------------------------------------------------------------------------


def sheet_rows(sheet):
    return [list(values) for values in sheet.iter_rows(values_only=True)]


def apply_klimaat_and_milieu(mvoi, tender):
    """Klimaat as a requirement with a criterion, and Milieu without either."""
    TenderTheme.objects.create(
        organisation=mvoi.org,
        tender=tender,
        theme=mvoi.themes["Klimaat"],
        instrument=Instrument.REQUIREMENT,
        criterion_ref="MVI ICT-1",
    )
    TenderTheme.objects.create(organisation=mvoi.org, tender=tender, theme=mvoi.themes["Milieu"])


def test_the_export_reads_back_into_another_plan(mvoi, org_a, client_for):
    make_tender(
        mvoi.plan,
        mvoi.group,
        2025,
        3,
        title="Laptops",
        estimated_value=Decimal("1500.25"),
        procedure="europees",
        budget_holder="Bedrijfsvoering",
        purchaser="Jan",
        status=TenderStatus.PUBLISHED,
    )
    laptops = Tender.objects.get(title="Laptops")
    apply_klimaat_and_milieu(mvoi, laptops)
    make_tender(
        mvoi.plan,
        mvoi.group,
        2026,
        1,
        title="Servers",
        promising=True,
        status=TenderStatus.AWARDED,
        explanation="Geen passende criteria.",
    )
    make_tender(mvoi.plan, mvoi.group, 2024, 4, title="Printers", promising=False)

    client = client_for(org_a.member)
    response = client.get(url("procurement:tender_export", mvoi.plan))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    exported = response.content
    rows = sheet_rows(load_workbook(io.BytesIO(exported)).worksheets[0])
    assert rows[0] == [*HEADERS, "Geplande periode"]
    assert [r[0] for r in rows[1:]] == ["Printers", "Laptops", "Servers"]  # calendar order
    laptops_row = dict(zip(rows[0], rows[2], strict=True))
    assert laptops_row["Thema's"] == "Klimaat: eis; Milieu"
    assert laptops_row["Criteria"] == "Klimaat: MVI ICT-1"
    assert laptops_row["Procedure"] == "Europees" and laptops_row["Status"] == "Gepubliceerd"
    assert laptops_row["Kansrijk (ja/nee)"] == "ja"
    assert laptops_row["Geplande periode"] == "K3 2025"

    # Into another plan with the same themes: the same calendar comes out.
    other = PlanFactory(
        organisation=mvoi.org,
        method=Method.MVOI,
        title="Volgend plan",
        start_year=2024,
        end_year=2027,
    )
    other.themes.set(mvoi.themes.values())
    response = post(client, other, exported)
    assert response.status_code == 302, text(response)

    def calendar(plan):
        fields = (
            "title",
            "product_group_id",
            "estimated_value",
            "procedure",
            "budget_holder",
            "purchaser",
            "planned_year",
            "planned_quarter",
            "planned_period",
            "promising",
            "status",
            "explanation",
        )
        tenders = list(Tender.objects.filter(plan=plan).order_by("title").values_list(*fields))
        themes = list(
            TenderTheme.objects.filter(tender__plan=plan)
            .order_by("tender__title", "theme_id")
            .values_list("tender__title", "theme_id", "instrument", "criterion_ref")
        )
        return tenders, themes

    assert calendar(other) == calendar(mvoi.plan)


def exported_rows(client, plan):
    """The calendar export as [{header: value}], in calendar order."""
    response = client.get(url("procurement:tender_export", plan))
    rows = sheet_rows(load_workbook(io.BytesIO(response.content)).worksheets[0])
    return [dict(zip(rows[0], values, strict=True)) for values in rows[1:]]


def reimport_setup(mvoi):
    t = mvoi.themes
    laptops = make_tender(mvoi.plan, mvoi.group, 2025, 1, title="Laptops")
    apply_klimaat_and_milieu(mvoi, laptops)
    servers = make_tender(mvoi.plan, mvoi.group, 2025, 2, title="Servers", themes=[t["Milieu"]])
    printers = make_tender(mvoi.plan, mvoi.group, 2025, 3, title="Printers", promising=False)
    servers.evaluation = "Goed verlopen."
    servers.save()
    return laptops, servers, printers


def test_reading_an_export_back_updates_the_tenders_it_numbers(mvoi, org_a, client_for):
    laptops, servers, printers = reimport_setup(mvoi)
    Plan.objects.filter(pk=mvoi.plan.pk).update(status=PlanStatus.APPROVED)
    client = client_for(org_a.member)
    rows = exported_rows(client, mvoi.plan)
    assert [r["Nummer"] for r in rows] == [laptops.pk, servers.pk, printers.pk]
    rows[0]["Startkwartaal"] = 4  # moved
    rows[0]["Thema's"] = "Klimaat: gunningscriterium"  # Milieu dropped, instrument changed
    rows[1]["Thema's"] = "Milieu; Circulair"  # a theme added
    rows[1]["Productgroep"] = "Catering"  # a standard group, created
    rows.append(row(Aanbesteding="Nieuw"))  # no number: added
    response = post(client, mvoi.plan, xlsx(rows, headers=list(rows[0])))
    assert response.status_code == 302, text(response)
    page = text(client.get(url("procurement:tender_import", mvoi.plan)))
    assert (
        "Ingelezen: één aanbesteding toegevoegd, 2 aanbestedingen bijgewerkt, "
        "één aanbesteding ongewijzigd." in page
    )
    assert Tender.objects.filter(plan=mvoi.plan).count() == 4
    laptops.refresh_from_db()
    assert (laptops.planned_quarter, laptops.planned_period, laptops.version) == (4, 20254, 2)
    applied = TenderTheme.objects.filter(tender=laptops).values_list(
        "theme__own_name", "instrument", "criterion_ref"
    )
    assert list(applied) == [("Klimaat", Instrument.AWARD_CRITERION, "MVI ICT-1")]
    assert sorted(
        TenderTheme.objects.filter(tender=servers).values_list("theme__own_name", flat=True)
    ) == ["Circulair", "Milieu"]
    servers.refresh_from_db()
    assert servers.evaluation == "Goed verlopen."  # not a column: kept
    assert servers.product_group.name == "Catering"
    # the move is in the tender's history, and the tender page shows it
    assert [h.planned_quarter for h in laptops.history.order_by("history_date")] == [1, 4]
    assert printers.history.count() == 1  # unchanged: no new record
    assert Plan.objects.get(pk=mvoi.plan.pk).status == PlanStatus.DRAFT


def test_a_status_only_reimport_is_progress(mvoi, org_a, client_for):
    laptops, _servers, _printers = reimport_setup(mvoi)
    Plan.objects.filter(pk=mvoi.plan.pk).update(status=PlanStatus.APPROVED)
    client = client_for(org_a.member)
    rows = exported_rows(client, mvoi.plan)
    rows[0]["Status"] = "gepubliceerd"
    assert post(client, mvoi.plan, xlsx(rows, headers=list(rows[0]))).status_code == 302
    laptops.refresh_from_db()
    assert laptops.status == TenderStatus.PUBLISHED
    assert Plan.objects.get(pk=mvoi.plan.pk).status == PlanStatus.APPROVED


def test_wrong_numbers_are_row_errors(mvoi, mvoi_b, org_a, client_for):
    laptops, _servers, _printers = reimport_setup(mvoi)
    foreign = make_tender(mvoi_b.plan, mvoi_b.group, 2025, 1, title="Van een ander")
    client = client_for(org_a.member)
    rows = [
        row(Nummer=laptops.pk, Startkwartaal=4),
        row(Nummer=laptops.pk),
        row(Nummer=foreign.pk),
        row(Nummer=999999),
        row(Nummer="abc"),
        row(Nummer=10**20),  # beyond any database id: an unknown number, not a failing query
    ]
    response = post(client, mvoi.plan, xlsx(rows, headers=[*HEADERS]))
    assert response.status_code == 200
    page = text(response)
    assert "Rij 3, kolom Nummer: deze aanbesteding staat al in rij 2." in page
    for number, line in ((foreign.pk, 4), (999999, 5)):
        assert (
            f"Rij {line}, kolom Nummer: uw organisatie heeft geen aanbesteding met nummer "
            f"{number}." in page
        )
    assert "Rij 6, kolom Nummer: geen nummer" in page
    assert f"Rij 7, kolom Nummer: uw organisatie heeft geen aanbesteding met nummer {10**20}" in (
        page
    )
    laptops.refresh_from_db()
    foreign.refresh_from_db()
    assert laptops.planned_quarter == 1 and foreign.title == "Van een ander"
    assert Tender.objects.count() == 4


def test_a_reimport_of_many_rows_takes_a_fixed_number_of_queries(mvoi, org_a, client_for):
    client = client_for(org_a.member)
    for n in range(40):
        make_tender(mvoi.plan, mvoi.group, 2025, 1, title=f"T{n}", themes=[mvoi.themes["Milieu"]])

    def queries(count):
        rows = exported_rows(client, mvoi.plan)[:count]
        for values in rows:
            values["Startkwartaal"] = values["Startkwartaal"] % 4 + 1
            values["Thema's"] = "Klimaat: eis"
        with CaptureQueriesContext(connection) as context:
            response = post(client, mvoi.plan, xlsx(rows, headers=list(rows[0])))
        assert response.status_code == 302, text(response)
        return len(context.captured_queries)

    assert queries(3) == queries(30)
    # the three moved first now come after the 37 still in Q1: 33 different tenders updated
    assert TenderTheme.objects.filter(theme=mvoi.themes["Klimaat"]).count() == 33
    assert TenderTheme.objects.filter(theme=mvoi.themes["Milieu"]).count() == 7


def unknown_group_pk(mvoi):
    """An id no product group of the organisation has."""
    return ProductGroup.objects.order_by("-pk").values_list("pk", flat=True).first() + 1000


def test_the_same_file_read_twice_is_refused_the_second_time(mvoi, org_a, client_for):
    client = client_for(org_a.member)
    content = xlsx([row(), row(Aanbesteding="Printers", Startkwartaal=3)])
    assert post(client, mvoi.plan, content).status_code == 302
    response = post(client, mvoi.plan, content)
    assert response.status_code == 200
    page = text(response)
    laptops = Tender.objects.get(title="Laptops")
    assert (
        "Rij 2, kolom Aanbesteding: deze aanbesteding staat in hetzelfde kwartaal al op de "
        f"kalender (nummer {laptops.pk})." in page
    )
    assert "Rij 3, kolom Aanbesteding" in page
    assert Tender.objects.count() == 2
    # another quarter is another tender
    assert post(client, mvoi.plan, xlsx([row(Startkwartaal=4)])).status_code == 302


def test_the_export_takes_the_filters_along(mvoi, org_a, client_for):
    make_tender(mvoi.plan, mvoi.group, 2025, 1, title="Vroeg", themes=[mvoi.themes["Klimaat"]])
    make_tender(mvoi.plan, mvoi.group, 2026, 1, title="Laat", promising=False)
    client = client_for(org_a.viewer)
    base = url("procurement:tender_export", mvoi.plan)

    def titles(query):
        response = client.get(base + query)
        assert response.status_code == 200
        return [r[0] for r in sheet_rows(load_workbook(io.BytesIO(response.content)).active)[1:]]

    assert titles("") == ["Vroeg", "Laat"]
    assert titles("?year=2026") == ["Laat"]
    assert titles("?promising=ja") == ["Vroeg"]
    assert titles(f"?theme={mvoi.themes['Klimaat'].pk}") == ["Vroeg"]
    # a wrong value is never a 500, and exports what the list shows: nothing
    assert titles("?year=abc&theme=999999&promising=x") == []
    assert titles(f"?product_group={unknown_group_pk(mvoi)}") == []
    assert titles(f"?product_group={mvoi.group.pk}&status=gepland&sort=title") == [
        "Vroeg",
        "Laat",
    ]


def test_the_export_query_count_does_not_grow_with_the_rows(mvoi, org_a, client_for):
    client = client_for(org_a.viewer)

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(url("procurement:tender_export", mvoi.plan)).status_code == 200
        return len(context.captured_queries)

    make_tender(mvoi.plan, mvoi.group, themes=[mvoi.themes["Klimaat"]])
    queries()  # the first request of a session writes to it
    few = queries()
    for n in range(30):
        make_tender(mvoi.plan, mvoi.group, title=f"T{n}", themes=[mvoi.themes["Milieu"]])
    assert queries() == few


def test_the_year_overview_has_the_share_and_a_sheet_per_year(mvoi, org_a, client_for):
    klimaat, milieu = mvoi.themes["Klimaat"], mvoi.themes["Milieu"]  # a focus theme, and not
    YearTarget.objects.create(organisation=mvoi.org, plan=mvoi.plan, year=2025, target_pct=75)
    YearTarget.objects.create(organisation=mvoi.org, plan=mvoi.plan, year=2026, target_pct=80)
    make_tender(mvoi.plan, mvoi.group, 2025, 1, title="A", themes=[klimaat])
    make_tender(mvoi.plan, mvoi.group, 2025, 2, title="B", themes=[milieu])
    make_tender(mvoi.plan, mvoi.group, 2025, 3, title="C", themes=[klimaat])
    make_tender(mvoi.plan, mvoi.group, 2025, 4, title="D", status=TenderStatus.CANCELLED)
    make_tender(mvoi.plan, mvoi.group, 2026, 2, title="E", promising=False)
    make_tender(mvoi.plan, mvoi.group, 2029, 1, title="F", promising=False)  # after the period
    TenderTheme.objects.filter(tender__title="A").update(instrument=Instrument.REQUIREMENT)

    response = client_for(org_a.viewer).get(url("procurement:year_overview_export", mvoi.plan))
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Aandeel per jaar", "2024", "2025", "2026", "2027", "2029"]
    share = sheet_rows(book["Aandeel per jaar"])
    assert share[0][0] == "Jaar"
    assert share[1:] == [[2025, 3, 2, 67, 75], [2026, 0, 0, None, 80]]
    year = sheet_rows(book["2025"])
    assert year[0] == [
        "Jaar",
        "Kwartaal",
        "Aanbesteding",
        "Productgroep",
        "Kansrijk",
        "Thema's",
        "Status",
    ]
    assert year[1] == [2025, 1, "A", "ICT", "ja", "Klimaat (Voorschrijven: eis)", "Gepland"]
    assert [r[2] for r in year[1:]] == ["A", "B", "C", "D"]
    assert year[4][6] == "Geannuleerd"
    assert [r[2] for r in sheet_rows(book["2026"])[1:]] == ["E"]
    assert sheet_rows(book["2024"]) == [year[0]]
    assert [r[2] for r in sheet_rows(book["2029"])[1:]] == ["F"]
