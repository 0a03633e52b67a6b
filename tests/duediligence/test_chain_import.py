"""Excel import of the value chain: a good file (suppliers, items, origins, updates of what the
plan has), bad rows (all listed, nothing saved), bad files, limits, the template, roles,
approval, and a query count that does not grow with the rows."""

import html
import io
import zipfile
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from duediligence import chain_import
from duediligence.models import Item, Sourcing, Supplier
from mvo import spreadsheet
from plans.models import Plan, PlanStatus

SUPPLIER_HEADERS = [column.key for column in chain_import.SUPPLIER_COLUMNS]
ITEM_HEADERS = [column.key for column in chain_import.ITEM_COLUMNS]


def xlsx(suppliers=(), items=(), sheets=("Leveranciers", "Producten")):
    """An xlsx (bytes) with the two sheets; rows are dicts by header (or lists)."""
    book = Workbook()
    book.remove(book.active)
    for title, headers, rows in (
        ("Leveranciers", SUPPLIER_HEADERS, suppliers),
        ("Producten", ITEM_HEADERS, items),
    ):
        if title not in sheets:
            continue
        sheet = book.create_sheet(title)
        sheet.append(headers)
        for row in rows:
            sheet.append([row.get(h) for h in headers] if isinstance(row, dict) else list(row))
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def upload(content, name="keten.xlsx"):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.fixture
def import_url(dd_plan):
    return reverse(
        "duediligence:chain_import",
        kwargs={"org_slug": dd_plan.organisation.slug, "pk": dd_plan.pk},
    )


def post(client, path, content, name="keten.xlsx"):
    return client.post(path, {"file": upload(content, name)})


def text(response):
    return html.unescape(response.content.decode())


def nothing_saved():
    """Nothing in organisation A's chain (B may have rows of its own)."""
    rows = (Supplier.objects, Item.objects, Sourcing.objects)
    return not any(objects.filter(organisation__slug="org-a").exists() for objects in rows)


# --- A good file ----------------------------------------------------------------------------


def test_a_good_file_adds_suppliers_items_and_origins(dd_plan, org_a, import_url, client_for):
    suppliers = [
        {
            "naam": "Coöperatie Abidjan",
            "land": "Ivoorkust",
            "tier": 2,
            "contract": "nee",
            "certificeringen": "Fairtrade",
            "gedragscode": "ja",
        },
        {"naam": "Handelshuis Amsterdam", "land": "nl", "contract": "JA"},
        {"naam": "Fazenda Minas", "land": "Brazil"},
    ]
    items = [
        {
            "naam": "Cacaobonen",
            "soort": "Grondstof",
            "volume": 12000,
            "eenheid": "kg",
            "uitgaven": "54.000,50",
            "leverancier": "coöperatie abidjan",
            "land van herkomst": "Côte d'Ivoire",
        },
        {"naam": "Cacaobonen", "leverancier": "Handelshuis Amsterdam", "land van herkomst": "GH"},
        {"naam": "Koffie", "soort": "ingrediënt", "leverancier": "Fazenda Minas"},
        {"naam": "Schoonmaak", "soort": "dienst"},
    ]
    client = client_for(org_a.member)
    response = post(client, import_url, xlsx(suppliers, items))
    assert response.status_code == 302, text(response)
    assert response["Location"] == reverse(
        "duediligence:chain", kwargs={"org_slug": org_a.org.slug, "pk": dd_plan.pk}
    )
    found = {s.name: s for s in Supplier.objects.filter(plan=dd_plan, organisation=org_a.org)}
    assert set(found) == {"Coöperatie Abidjan", "Handelshuis Amsterdam", "Fazenda Minas"}
    abidjan = found["Coöperatie Abidjan"]
    assert (abidjan.country, abidjan.tier, abidjan.has_contract) == ("CI", 2, False)
    assert abidjan.certifications == "Fairtrade" and abidjan.code_of_conduct_signed
    assert found["Handelshuis Amsterdam"].has_contract and found["Fazenda Minas"].tier == 1
    assert found["Fazenda Minas"].country == "BR"
    cocoa = Item.objects.get(name="Cacaobonen")
    assert (cocoa.kind, cocoa.volume, cocoa.unit, cocoa.spend) == (
        "grondstof",
        Decimal("12000.00"),
        "kg",
        Decimal("54000.50"),
    )
    links = set(cocoa.sources.values_list("supplier__name", "origin_country"))
    assert links == {("Coöperatie Abidjan", "CI"), ("Handelshuis Amsterdam", "GH")}
    coffee = Item.objects.get(name="Koffie")
    assert coffee.kind == "ingredient"
    assert list(coffee.sources.values_list("supplier__name", "origin_country")) == [
        ("Fazenda Minas", "")
    ]
    assert not Item.objects.get(name="Schoonmaak").sources.exists()
    assert Item.objects.filter(plan=dd_plan).completeness()["origin_pct"] == 33
    assert Item.history.filter(history_type="+").count() == 3  # recorded, like a save
    assert Supplier.history.filter(history_type="+", history_user=org_a.member).count() == 3
    message = text(client.get(response["Location"]))
    assert "3 leveranciers toegevoegd" in message and "3 producten toegevoegd" in message
    assert "3 herkomstregels toegevoegd" in message


def test_existing_suppliers_and_items_are_updated_not_duplicated(
    dd_plan, org_a, import_url, client_for
):
    org = org_a.org
    old_supplier = Supplier.objects.create(
        organisation=org,
        plan=dd_plan,
        name="Coöperatie Abidjan",
        country="",
        tier=1,
        certifications="UTZ",
    )
    old_item = Item.objects.create(
        organisation=org, plan=dd_plan, name="Cacaobonen", kind="grondstof", unit="ton"
    )
    gap = Sourcing.objects.create(organisation=org, item=old_item, supplier=old_supplier)
    suppliers = [{"naam": "COÖPERATIE  ABIDJAN", "land": "CI", "tier": 3}]
    items = [
        {
            "naam": "cacaobonen",
            "uitgaven": 1000,
            "leverancier": "Coöperatie Abidjan",
            "land van herkomst": "Ivoorkust",
        }
    ]
    client = client_for(org_a.member)
    response = post(client, import_url, xlsx(suppliers, items))
    assert response.status_code == 302, text(response)
    old_supplier.refresh_from_db()
    assert (old_supplier.name, old_supplier.country, old_supplier.tier) == (
        "Coöperatie Abidjan",
        "CI",
        3,
    )
    assert old_supplier.certifications == "UTZ"  # an empty cell keeps what the plan holds
    assert old_supplier.version == 2  # an edit form opened before the import is told
    old_item.refresh_from_db()
    assert (old_item.spend, old_item.unit, old_item.kind) == (
        Decimal("1000.00"),
        "ton",
        "grondstof",
    )
    assert Supplier.objects.count() == 1 and Item.objects.count() == 1
    gap.refresh_from_db()
    assert gap.origin_country == "CI" and Sourcing.objects.count() == 1  # the gap is filled
    message = text(client.get(response["Location"]))
    assert "1 leverancier bestond al en is bijgewerkt" in message
    assert "1 product bestond al en is bijgewerkt" in message
    assert "bij 1 herkomstregel is het land van herkomst ingevuld" in message
    response = post(client, import_url, xlsx(suppliers, items))  # the same file again
    assert Sourcing.objects.count() == 1 and Supplier.objects.get().version == 2
    message = text(client.get(response["Location"]))
    assert "1 leverancier stond al zo in het plan" in message
    assert "1 product stond al zo in het plan" in message


def test_a_supplier_may_come_from_the_plan_instead_of_the_file(
    dd_plan, org_a, import_url, client_for
):
    Supplier.objects.create(organisation=org_a.org, plan=dd_plan, name="Bestaande BV")
    items = [{"naam": "Koffie", "soort": "grondstof", "leverancier": "bestaande bv"}]
    response = post(client_for(org_a.member), import_url, xlsx(items=items, sheets=("Producten",)))
    assert response.status_code == 302, text(response)
    assert Sourcing.objects.get().supplier.name == "Bestaande BV"


def test_an_approved_plan_becomes_a_concept_again(dd_plan, org_a, import_url, client_for):
    Plan.objects.filter(pk=dd_plan.pk).update(status=PlanStatus.APPROVED)
    response = post(
        client_for(org_a.member), import_url, xlsx(items=[{"naam": "Thee", "soort": "dienst"}])
    )
    assert response.status_code == 302
    assert Plan.objects.get(pk=dd_plan.pk).status == PlanStatus.DRAFT


# --- Bad rows -------------------------------------------------------------------------------


def test_every_bad_row_is_listed_and_nothing_is_saved(
    dd_plan, org_a, dd_plan_b, import_url, client_for
):
    Supplier.objects.create(organisation=dd_plan_b.organisation, plan=dd_plan_b, name="Van B")
    suppliers = [
        {"naam": "Goed BV", "land": "NL"},
        {"naam": None, "land": "NL"},  # row 3
        {"naam": "Verkeerd land", "land": "Atlantis", "tier": 7, "contract": "misschien"},
        {"naam": "goed bv"},  # row 5: twice in the file
    ]
    items = [
        {"naam": "Cacao", "soort": "grondstof"},
        {"naam": "Koffie"},  # row 3: new, without a kind
        {"naam": "Thee", "soort": "snoep", "volume": "veel", "uitgaven": -5},
        {"naam": "Suiker", "soort": "ingredient", "leverancier": "Van B"},  # another plan's
        {"naam": "Rijst", "soort": "grondstof", "land van herkomst": "Narnia"},
        {"naam": "Cacao", "soort": "dienst"},  # row 7: differs from row 2
    ]
    response = post(client_for(org_a.member), import_url, xlsx(suppliers, items))
    assert response.status_code == 200
    page_text = text(response)
    expected = [
        "Blad Leveranciers, rij 3, kolom naam: verplicht; deze cel is leeg.",
        "Blad Leveranciers, rij 4, kolom land: het land ‘Atlantis’ kennen we niet.",
        "Blad Leveranciers, rij 4, kolom tier: vul een getal van 1 tot en met 5 in.",
        "Blad Leveranciers, rij 4, kolom contract: vul ja of nee in.",
        "Blad Leveranciers, rij 5, kolom naam: deze leverancier staat al op rij 2.",
        "Blad Producten, rij 3, kolom soort: verplicht voor een product dat nog niet in het plan",
        "Blad Producten, rij 4, kolom soort: kies een van: product, ingredient, grondstof, dienst.",
        "Blad Producten, rij 4, kolom volume: geen getal",
        "Blad Producten, rij 4, kolom uitgaven: vul 0 of meer in.",
        "Blad Producten, rij 5, kolom leverancier: de leverancier ‘Van B’ staat niet op het blad",
        "Blad Producten, rij 6, kolom land van herkomst: het land ‘Narnia’ kennen we niet.",
        "Blad Producten, rij 7, kolom soort: wijkt af van rij 2 van hetzelfde product.",
    ]
    for message in expected:
        assert message in page_text, message
    assert "Er is niets ingelezen: 12 fouten in het bestand." in page_text
    assert nothing_saved()


def test_a_product_naming_a_supplier_row_with_an_error_gets_no_second_message(
    dd_plan, org_a, import_url, client_for
):
    suppliers = [{"naam": 2024, "land": "Atlantis"}]  # a name Excel keeps as a number
    items = [{"naam": "Cacao", "soort": "grondstof", "leverancier": "2024"}]
    page_text = text(post(client_for(org_a.member), import_url, xlsx(suppliers, items)))
    assert "Blad Leveranciers, rij 2, kolom land" in page_text
    assert "Blad Producten" not in page_text
    assert "één fout" in page_text and nothing_saved()


def test_many_errors_are_capped_with_a_count_of_the_rest(dd_plan, org_a, import_url, client_for):
    items = [{"naam": f"Product {n}", "soort": "snoep"} for n in range(70)]
    page_text = text(post(client_for(org_a.member), import_url, xlsx(items=items)))
    assert page_text.count("kolom soort: kies een van") == 50
    assert "er zijn er nog 20" in page_text and "70 fouten" in page_text
    assert nothing_saved()


def test_the_service_refuses_bad_rows_without_saving(dd_plan, org_a):
    from duediligence.services_chain import import_chain

    content = xlsx([{"naam": "A", "land": "CI"}], [{"naam": "B", "soort": "x"}])
    with pytest.raises(spreadsheet.ImportRowsError) as error:
        import_chain(dd_plan, chain_import.read_file(upload(content)), org_a.member)
    assert error.value.errors == [
        "Blad Producten, rij 2, kolom soort: kies een van: product, ingredient, grondstof, dienst."
    ]
    assert nothing_saved()


# --- Bad files ------------------------------------------------------------------------------


def file_error(client, path, content, name="keten.xlsx"):
    response = post(client, path, content, name)
    assert response.status_code == 200
    assert nothing_saved()
    return text(response)


def test_wrong_file_types(dd_plan, org_a, import_url, client_for):
    client = client_for(org_a.member)
    csv = b"naam;land\nCoop;CI\n"
    assert "Kies een Excel-bestand (.xlsx)" in file_error(client, import_url, csv, "keten.csv")
    renamed = b"Dit is gewoon tekst, geen werkmap.\n" * 20
    assert "geen geldig Excel-bestand" in file_error(client, import_url, renamed)
    half = xlsx([{"naam": "A"}])
    assert "geen geldig Excel-bestand" in file_error(client, import_url, half[: len(half) // 2])


def test_an_oversized_file_is_refused_before_reading(
    dd_plan, org_a, import_url, client_for, monkeypatch
):
    def never(*args, **kwargs):
        raise AssertionError("an oversized file must not be opened")

    monkeypatch.setattr(spreadsheet, "load_workbook", never)
    content = b"0" * (spreadsheet.MAX_FILE_BYTES + 1)
    assert "groter dan 5 MB" in file_error(client_for(org_a.member), import_url, content)


def test_a_zip_bomb_is_refused_before_reading(dd_plan, org_a, import_url, client_for, monkeypatch):
    def never(*args, **kwargs):
        raise AssertionError("a zip bomb must not be opened")

    monkeypatch.setattr(spreadsheet, "load_workbook", never)
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (spreadsheet.MAX_UNPACKED_BYTES + 1))
    assert len(output.getvalue()) < spreadsheet.MAX_FILE_BYTES
    text_ = file_error(client_for(org_a.member), import_url, output.getvalue())
    assert "te veel gegevens" in text_


def test_empty_sheets_and_missing_sheets(dd_plan, org_a, import_url, client_for):
    client = client_for(org_a.member)
    book = Workbook()
    book.active.title = "Producten"  # a sheet without anything in it
    output = io.BytesIO()
    book.save(output)
    assert "Blad Producten: Het blad is leeg." in file_error(client, import_url, output.getvalue())
    book.active.title = "Blad1"
    output = io.BytesIO()
    book.save(output)
    text_ = file_error(client, import_url, output.getvalue())
    assert "geen blad ‘Leveranciers’ en geen blad ‘Producten’" in text_
    assert "geen leveranciers of producten eronder" in file_error(client, import_url, xlsx())


def test_a_missing_required_header(dd_plan, org_a, import_url, client_for):
    book = Workbook()
    book.active.title = "Producten"
    book.active.append(["soort", "volume"])
    book.active.append(["dienst", 3])
    output = io.BytesIO()
    book.save(output)
    text_ = file_error(client_for(org_a.member), import_url, output.getvalue())
    assert "Blad Producten: De eerste rij mist de verplichte kolom 'naam'." in text_


def test_too_many_rows(dd_plan, org_a, import_url, client_for):
    items = [[f"Product {n}", "dienst"] for n in range(chain_import.MAX_ROWS + 1)]
    text_ = file_error(client_for(org_a.member), import_url, xlsx(items=items))
    assert "Blad Producten: Het blad heeft meer dan 5.000 rijen." in text_


def test_a_name_added_at_the_same_moment_is_told(
    dd_plan, org_a, import_url, client_for, monkeypatch
):
    from django.db import IntegrityError

    from duediligence import services_chain

    def collide(*args, **kwargs):
        raise IntegrityError("dd_item_unique_name")

    monkeypatch.setattr(services_chain, "_links", collide)
    content = xlsx([{"naam": "A"}], [{"naam": "B", "soort": "dienst", "leverancier": "A"}])
    text_ = file_error(client_for(org_a.member), import_url, content)
    assert "Iemand anders voegde tegelijk een leverancier of product" in text_


def test_no_file(dd_plan, org_a, import_url, client_for):
    response = client_for(org_a.member).post(import_url, {})
    assert "Kies het Excel-bestand met de leveranciers en producten." in text(response)


# --- Template, roles, queries ---------------------------------------------------------------


def test_the_template_downloads_opens_and_imports_cleanly(dd_plan, org_a, import_url, client_for):
    client = client_for(org_a.member)
    template_url = reverse(
        "duediligence:chain_import_template",
        kwargs={"org_slug": org_a.org.slug, "pk": dd_plan.pk},
    )
    response = client.get(template_url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Leveranciers", "Producten", "Uitleg", "Landen"]
    assert [c.value for c in book["Leveranciers"][1]] == SUPPLIER_HEADERS
    assert [c.value for c in book["Producten"][1]] == ITEM_HEADERS
    lists = {str(v.sqref): v.formula1 for v in book["Producten"].data_validations.dataValidation}
    assert any('"product,ingredient,grondstof,dienst"' in f for f in lists.values())
    yes_no = [v.formula1 for v in book["Leveranciers"].data_validations.dataValidation]
    assert '"ja,nee"' in yes_no
    explained = [row[0] for row in book["Uitleg"].iter_rows(values_only=True)]
    assert "land van herkomst" in explained and "gedragscode" in explained
    # As downloaded: only the example rows, which are skipped, so nothing changes.
    as_downloaded = client.post(
        import_url, {"file": upload(response.content, "koers-keten-sjabloon.xlsx")}
    )
    assert "alleen de voorbeeldrijen" in text(as_downloaded)
    assert not Supplier.objects.exists() and not Item.objects.exists()
    # Once the person makes the example rows their own (the names without "Voorbeeld: "):
    for sheet in (book["Leveranciers"], book["Producten"]):
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("Voorbeeld: "):
                    cell.value = cell.value.removeprefix("Voorbeeld: ")
    own = io.BytesIO()
    book.save(own)
    response = client.post(import_url, {"file": upload(own.getvalue(), "keten.xlsx")})
    assert response.status_code == 302, text(response)
    assert Supplier.objects.count() == 2 and Item.objects.count() == 2
    cocoa = Item.objects.get(name="Cacaobonen")
    assert cocoa.sources.get().origin_country == "CI"
    assert Item.objects.get(name="Koffiebonen").sources.get().origin_country == ""


def test_viewers_and_outsiders_cannot_import(dd_plan, org_a, org_b, import_url, client_for):
    content = xlsx(items=[{"naam": "Thee", "soort": "dienst"}])
    template_url = reverse(
        "duediligence:chain_import_template",
        kwargs={"org_slug": org_a.org.slug, "pk": dd_plan.pk},
    )
    viewer, outsider = client_for(org_a.viewer), client_for(org_b.member)
    assert viewer.get(import_url).status_code == 403
    assert post(viewer, import_url, content).status_code == 403
    assert viewer.get(template_url).status_code == 403
    assert outsider.get(import_url).status_code == 404
    assert post(outsider, import_url, content).status_code == 404
    assert outsider.get(template_url).status_code == 404
    assert nothing_saved()


def test_the_import_query_count_does_not_grow_with_the_rows(dd_plan, org_a, import_url, client_for):
    client = client_for(org_a.member)
    client.get(import_url)
    counter = iter(range(10_000))

    def queries(count):
        suppliers, items = [], []
        for _ in range(count):
            n = next(counter)
            suppliers.append({"naam": f"Leverancier {n}", "land": "GH"})
            items.append(
                {
                    "naam": f"Product {n}",
                    "soort": "grondstof",
                    "leverancier": f"Leverancier {n}",
                    "land van herkomst": "CI",
                }
            )
        content = xlsx(suppliers, items)
        with CaptureQueriesContext(connection) as context:
            response = post(client, import_url, content)
        assert response.status_code == 302, text(response)
        return len(context.captured_queries)

    assert queries(5) == queries(60)
    assert Item.objects.count() == 65 and Sourcing.objects.count() == 65
