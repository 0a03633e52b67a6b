"""The value chain pages (due diligence 2A) on a phone and a laptop: no sideways scrolling
with long names, nothing the Content-Security-Policy blocks, no serious axe findings, and the
import's row messages readable; the filters and sorting work by keyboard."""

import io
from decimal import Decimal

import pytest
import xlsxwriter

from duediligence.chain_import import ITEM_COLUMNS
from duediligence.models import ChainMap, Downstream, Item, Sourcing, Supplier
from plans.models import Method
from tests.browser.test_phone_layout import LAPTOP, PHONE, check
from tests.factories import PlanFactory

LONG = "Ketenverantwoordelijkheidsbeleidsdocumentatieonderdelen"


def build(org_a):
    org = org_a.org
    plan = PlanFactory(organisation=org, method=Method.DUE_DILIGENCE, title=f"Keten {LONG}")
    ChainMap.objects.create(
        organisation=org, plan=plan, approach=f"{LONG} " * 4, complete_by="2027-06-30"
    )
    suppliers = [
        Supplier.objects.create(
            organisation=org,
            plan=plan,
            name=f"Leverancier {n} {LONG}",
            country=["CI", "", "GH"][n % 3],
            tier=1 + n % 3,
            certifications=f"Fairtrade, {LONG}",
        )
        for n in range(3)
    ]
    items = []
    for n in range(6):
        item = Item.objects.create(
            organisation=org,
            plan=plan,
            name=f"Product {n} {LONG}",
            kind="grondstof",
            volume=Decimal("1234567.89"),
            unit="kilogram",
            spend=Decimal("987654321.50"),
        )
        if n % 2:
            Sourcing.objects.create(
                organisation=org, item=item, supplier=suppliers[n % 3], origin_country="CI"
            )
        items.append(item)
    Sourcing.objects.create(organisation=org, item=items[1], supplier=None, origin_country="")
    Downstream.objects.create(
        organisation=org,
        plan=plan,
        item=items[1],
        customers=f"Groothandels {LONG}",
        destination_country="DE",
        end_of_life=f"Recycling {LONG}",
    )
    return plan, items[1], suppliers[0]


def bad_file():
    output = io.BytesIO()
    book = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = book.add_worksheet("Producten")
    sheet.write_row(0, 0, [column.key for column in ITEM_COLUMNS])
    for row in range(1, 60):
        sheet.write_row(row, 0, [f"{LONG} {row}", LONG, "veel", "", -1, LONG, LONG])
    book.close()
    return output.getvalue()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_the_chain_pages_fit_and_pass_axe(
    browser, live_server, org_a, log_in, axe_check, viewport, tmp_path
):
    plan, item, supplier = build(org_a)
    page = browser.new_context(viewport=viewport).new_page()
    blocked = []
    page.on(
        "console",
        lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None,
    )
    log_in(page, org_a.admin.email)
    base = f"{live_server.url}/o/{org_a.org.slug}/due-diligence/{plan.pk}/keten/"
    link = Sourcing.objects.filter(item=item).first()
    paths = {
        "chain": "",
        "chain_gaps": "?gap=herkomst&sort=-volume",
        "chain_map": "planning/",
        "item": f"producten/{item.pk}/",
        "item_edit": f"producten/{item.pk}/bewerken/",
        "sourcing_new": f"producten/{item.pk}/herkomst/nieuw/",
        "sourcing_edit": f"herkomst/{link.pk}/bewerken/",
        "suppliers": "leveranciers/",
        "supplier_edit": f"leveranciers/{supplier.pk}/bewerken/",
        "supplier_delete": f"leveranciers/{supplier.pk}/verwijderen/",
        "downstream": "afzet/",
        "downstream_new": f"afzet/nieuw/?item={item.pk}",
        "import": "inlezen/",
    }
    problems, findings = {}, {}
    shots = "phone" if viewport == PHONE else "laptop"
    for key, path in paths.items():
        assert page.goto(base + path).status == 200, key
        check(page, f"dd_{key}", shots, problems)
        if found := axe_check(page):
            findings[key] = found
    upload = tmp_path / "keten.xlsx"
    upload.write_bytes(bad_file())
    page.goto(base + "inlezen/")
    page.set_input_files("input[type=file]", str(upload))
    page.get_by_role("button", name="Inlezen").click()
    page.wait_for_selector("#import-errors")
    check(page, "dd_import_errors", shots, problems)
    if found := axe_check(page):
        findings["import_errors"] = found
    assert problems == {}
    assert findings == {}
    assert blocked == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_gap_filter_and_sorting_work_by_keyboard(browser, live_server, org_a, log_in):
    plan, _item, _supplier = build(org_a)
    page = browser.new_context(viewport=PHONE).new_page()
    log_in(page, org_a.viewer.email)
    page.goto(f"{live_server.url}/o/org-a/due-diligence/{plan.pk}/keten/")
    page.get_by_label("Gaten").focus()
    page.keyboard.press("ArrowDown")  # the first gap: land van herkomst onbekend
    page.get_by_role("button", name="Filteren").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**gap=herkomst**")
    rows = page.locator("#results tbody tr")
    assert rows.count() == 3  # products 0, 2 and 4 have no origin
    page.get_by_role("link", name="Volume").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**sort=volume**")
    assert "gap=herkomst" in page.url
