"""The value chain (2A) screens: every role, isolation between organisations and plans,
field messages on bad input, the completeness figures, filters and sorting, and constant
query counts on every list and detail page."""

import html
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from duediligence.models import ChainMap, Downstream, Item, Sourcing, Supplier
from plans.models import Method
from tests.factories import PlanFactory
from tests.helpers import assert_queries_constant


def url(name, plan, **kwargs):
    return reverse(
        f"duediligence:{name}", kwargs={"org_slug": plan.organisation.slug, "pk": plan.pk, **kwargs}
    )


def text(response):
    return html.unescape(response.content.decode())


def supplier(plan, name="Coöperatie Abidjan", **fields):
    return Supplier.objects.create(
        organisation=plan.organisation, plan=plan, name=name, **{"country": "CI", **fields}
    )


def item(plan, name="Cacaobonen", **fields):
    return Item.objects.create(
        organisation=plan.organisation, plan=plan, name=name, **{"kind": "grondstof", **fields}
    )


def source(an_item, a_supplier=None, origin=""):
    return Sourcing.objects.create(
        organisation=an_item.organisation,
        item=an_item,
        supplier=a_supplier,
        origin_country=origin,
    )


@pytest.fixture
def chain(dd_plan):
    coop = supplier(dd_plan)
    cocoa = item(dd_plan, spend=Decimal("54000"), volume=Decimal("12000"), unit="kg")
    link = source(cocoa, coop, "CI")
    outlet = Downstream.objects.create(
        organisation=dd_plan.organisation,
        plan=dd_plan,
        item=cocoa,
        customers="Chocolatiers in Duitsland",
        destination_country="DE",
        end_of_life="Verpakking wordt ingezameld",
    )
    return type(
        "Chain",
        (),
        {"plan": dd_plan, "supplier": coop, "item": cocoa, "link": link, "downstream": outlet},
    )


def read_urls(chain):
    plan = chain.plan
    return [
        url("chain", plan),
        url("suppliers", plan),
        url("downstream", plan),
        url("item", plan, row_pk=chain.item.pk),
    ]


def form_urls(chain):
    plan = chain.plan
    return [
        url("chain_map", plan),
        url("item_create", plan),
        url("item_update", plan, row_pk=chain.item.pk),
        url("item_delete", plan, row_pk=chain.item.pk),
        url("sourcing_create", plan, row_pk=chain.item.pk),
        url("sourcing_update", plan, row_pk=chain.link.pk),
        url("sourcing_delete", plan, row_pk=chain.link.pk),
        url("supplier_create", plan),
        url("supplier_update", plan, row_pk=chain.supplier.pk),
        url("supplier_delete", plan, row_pk=chain.supplier.pk),
        url("downstream_create", plan),
        url("downstream_update", plan, row_pk=chain.downstream.pk),
        url("downstream_delete", plan, row_pk=chain.downstream.pk),
        url("chain_import", plan),
        url("chain_import_template", plan),
    ]


# --- Roles and isolation ------------------------------------------------------------------


def test_a_viewer_reads_the_chain_but_cannot_write(chain, org_a, client_for):
    client = client_for(org_a.viewer)
    for path in read_urls(chain):
        response = client.get(path)
        assert response.status_code == 200, path
        for form_path in form_urls(chain):  # no links to what the viewer may not open
            assert f'href="{form_path}' not in response.content.decode(), (path, form_path)
    for path in form_urls(chain):
        assert client.get(path).status_code == 403, path
        assert client.post(path, {"name": "X", "kind": "dienst"}).status_code == 403, path
    assert Item.objects.count() == 1 and Supplier.objects.count() == 1
    assert Sourcing.objects.count() == 1 and Downstream.objects.count() == 1


@pytest.mark.parametrize("role", ["member", "manager", "admin"])
def test_writers_open_every_page(chain, org_a, client_for, role):
    client = client_for(getattr(org_a, role))
    for path in read_urls(chain) + form_urls(chain):
        assert client.get(path).status_code == 200, path


def test_another_organisation_gets_404_on_every_url(chain, org_b, client_for):
    client = client_for(org_b.member)
    for path in read_urls(chain) + form_urls(chain):
        assert client.get(path).status_code == 404, path
        assert client.post(path, {"name": "X", "kind": "dienst"}).status_code == 404, path
    assert Item.objects.count() == 1 and Supplier.objects.count() == 1


def test_rows_of_another_plan_and_plans_of_another_method_are_404(chain, org_a, client_for):
    client = client_for(org_a.member)
    other = PlanFactory(organisation=org_a.org, method=Method.DUE_DILIGENCE, start_year=2026)
    # The rows of chain.plan, asked for under another plan of the same organisation.
    assert client.get(url("item", other, row_pk=chain.item.pk)).status_code == 404
    assert client.get(url("supplier_update", other, row_pk=chain.supplier.pk)).status_code == 404
    assert client.get(url("sourcing_update", other, row_pk=chain.link.pk)).status_code == 404
    assert (
        client.get(url("downstream_update", other, row_pk=chain.downstream.pk)).status_code == 404
    )
    assert client.post(url("item_delete", other, row_pk=chain.item.pk)).status_code == 404
    assert Item.objects.filter(pk=chain.item.pk).exists()
    plain = PlanFactory(organisation=org_a.org)  # not a due-diligence plan
    assert plain.method != Method.DUE_DILIGENCE
    assert client.get(url("chain", plain)).status_code == 404


# --- Writing ------------------------------------------------------------------------------


def test_a_member_maps_an_item_with_its_supplier_origin_and_downstream(dd_plan, org_a, client_for):
    client = client_for(org_a.member)
    response = client.post(
        url("supplier_create", dd_plan),
        {"name": "Koffiehuis Huila", "country": "CO", "tier": 2, "has_contract": "on"},
    )
    assert response.status_code == 302, text(response)
    huila = Supplier.objects.get()
    assert (huila.organisation, huila.plan, huila.country, huila.tier) == (
        org_a.org,
        dd_plan,
        "CO",
        2,
    )
    assert huila.has_contract and not huila.code_of_conduct_signed
    response = client.post(
        url("item_create", dd_plan),
        {
            "name": "Koffie",
            "kind": "grondstof",
            "volume": "3.500",
            "unit": "kg",
            "spend": "21.000,50",
        },
    )
    coffee = Item.objects.get()
    assert response["Location"] == url("item", dd_plan, row_pk=coffee.pk)
    assert coffee.volume == Decimal("3500") and coffee.spend == Decimal("21000.50")
    response = client.post(
        url("sourcing_create", dd_plan, row_pk=coffee.pk),
        {"supplier": huila.pk, "origin_country": "CO", "share": 60},
    )
    assert response.status_code == 302
    link = Sourcing.objects.get()
    assert (link.item, link.supplier, link.origin_country, link.organisation) == (
        coffee,
        huila,
        "CO",
        org_a.org,
    )
    response = client.post(
        url("downstream_create", dd_plan),
        {"item": coffee.pk, "customers": "Horeca", "destination_country": "BE"},
    )
    assert response["Location"] == url("item", dd_plan, row_pk=coffee.pk)
    page = text(client.get(url("item", dd_plan, row_pk=coffee.pk)))
    assert "Koffiehuis Huila" in page and "Colombia" in page and "Horeca" in page
    assert "België" in page and "aandeel 60%" in page


def test_country_names_follow_the_language(chain, org_a, client_for):
    client = client_for(org_a.member)
    page = text(client.get(url("item", chain.plan, row_pk=chain.item.pk)))
    assert "Ivoorkust" in page and "Duitsland" in page
    form = text(client.get(url("supplier_create", chain.plan)))
    assert '<option value="" selected>Onbekend</option>' in form
    assert '<option value="CI">Ivoorkust</option>' in form
    org_a.member.language = "en"
    org_a.member.save(update_fields=["language"])
    page = text(client.get(url("item", chain.plan, row_pk=chain.item.pk)))
    assert "Côte d’Ivoire" in page and "Germany" in page


def test_bad_input_gets_field_messages_and_saves_nothing(chain, org_a, client_for):
    client = client_for(org_a.member)
    plan = chain.plan
    response = client.post(url("item_create", plan), {"name": "", "kind": "snoep", "spend": "veel"})
    page = text(response)
    assert response.status_code == 200
    assert "Er is niets opgeslagen" in page
    assert "Kies een soort uit de lijst." in page
    assert "Vul een getal in" in page
    response = client.post(
        url("supplier_create", plan), {"name": "coöperatie  abidjan", "country": "XX", "tier": 9}
    )
    page = text(response)
    assert "Er is al een leverancier met deze naam." in page
    assert "Kies een land uit de lijst" in page
    assert "Kies een score van 1 tot en met 5." in page
    response = client.post(url("sourcing_create", plan, row_pk=chain.item.pk), {"share": 120})
    page = text(response)
    assert "Vul een percentage van 0 tot en met 100 in." in page
    response = client.post(url("sourcing_create", plan, row_pk=chain.item.pk), {})
    assert "Vul de leverancier of het land van herkomst in" in text(response)
    assert Item.objects.count() == 1 and Supplier.objects.count() == 1
    assert Sourcing.objects.count() == 1


def test_another_plans_supplier_or_item_is_refused(chain, dd_plan_b, org_a, client_for):
    client = client_for(org_a.member)
    plan = chain.plan
    foreign = supplier(dd_plan_b, "Leverancier van B")
    sibling_plan = PlanFactory(organisation=org_a.org, method=Method.DUE_DILIGENCE)
    sibling = supplier(sibling_plan, "Leverancier van een ander plan")
    for other in (foreign, sibling):
        response = client.post(
            url("sourcing_create", plan, row_pk=chain.item.pk),
            {"supplier": other.pk, "origin_country": "GH"},
        )
        assert response.status_code == 200
        assert "Kies een leverancier van dit plan uit de lijst" in text(response)
        response = client.post(
            url("sourcing_update", plan, row_pk=chain.link.pk),
            {"supplier": other.pk, "origin_country": "GH"},
        )
        assert "Kies een leverancier van dit plan uit de lijst" in text(response)
    other_item = item(sibling_plan, "Ander product")
    response = client.post(
        url("downstream_create", plan), {"item": other_item.pk, "customers": "Iemand"}
    )
    assert "Kies een product van dit plan uit de lijst." in text(response)
    assert Sourcing.objects.count() == 1 and Downstream.objects.count() == 1
    chain.link.refresh_from_db()
    assert chain.link.supplier == chain.supplier and chain.link.origin_country == "CI"


def test_an_edit_conflict_is_told_not_overwritten(chain, org_a, client_for):
    client = client_for(org_a.member)
    path = url("item_update", chain.plan, row_pk=chain.item.pk)
    stale = {"name": "Cacao (nieuw)", "kind": "grondstof", "version": chain.item.version}
    Item.objects.filter(pk=chain.item.pk).update(version=chain.item.version + 1, name="Ander")
    response = client.post(path, stale)
    assert response.status_code == 200
    assert "Iemand anders heeft dit intussen gewijzigd" in text(response)
    assert Item.objects.get(pk=chain.item.pk).name == "Ander"


def test_an_edit_conflict_on_a_sourcing_row_is_told(chain, org_a, client_for):
    client = client_for(org_a.member)
    path = url("sourcing_update", chain.plan, row_pk=chain.link.pk)
    stale = {"supplier": "", "origin_country": "GH", "version": chain.link.version}
    Sourcing.objects.filter(pk=chain.link.pk).update(version=chain.link.version + 1)
    response = client.post(path, stale)
    assert response.status_code == 200
    assert "Iemand anders heeft dit intussen gewijzigd" in text(response)
    assert Sourcing.objects.get(pk=chain.link.pk).origin_country == "CI"


def test_a_supplier_in_use_is_not_deleted(chain, org_a, client_for):
    client = client_for(org_a.member)
    path = url("supplier_delete", chain.plan, row_pk=chain.supplier.pk)
    assert "staat nog bij 1 herkomstregel" in text(client.get(path))
    client.post(path)
    assert Supplier.objects.filter(pk=chain.supplier.pk).exists()
    chain.link.delete()
    response = client.post(path)
    assert response["Location"] == url("suppliers", chain.plan)
    assert not Supplier.objects.exists()


def test_deleting_an_item_and_a_sourcing_row(chain, org_a, client_for):
    client = client_for(org_a.member)
    response = client.post(url("sourcing_delete", chain.plan, row_pk=chain.link.pk))
    assert response["Location"] == url("item", chain.plan, row_pk=chain.item.pk)
    assert not Sourcing.objects.exists()
    response = client.post(url("item_delete", chain.plan, row_pk=chain.item.pk))
    assert response["Location"] == url("chain", chain.plan)
    assert not Item.objects.exists()
    assert Downstream.objects.get().item is None  # the downstream row stays, without item


def test_the_chain_map_target_date_and_approach(dd_plan, org_a, client_for):
    client = client_for(org_a.member)
    page = text(client.get(url("chain", dd_plan)))
    assert "Nog geen streefdatum" in page
    response = client.post(
        url("chain_map", dd_plan),
        {"complete_by": "2027-06-30", "approach": "Eerst de cacao uit West-Afrika."},
    )
    assert response["Location"] == url("chain", dd_plan)
    chain_map = ChainMap.objects.get(plan=dd_plan)
    assert chain_map.complete_by == date(2027, 6, 30) and chain_map.organisation == org_a.org
    page = text(client.get(url("chain", dd_plan)))
    assert "30-06-2027" in page and "Eerst de cacao uit West-Afrika." in page
    response = client.post(
        url("chain_map", dd_plan),
        {"complete_by": "1800-01-01", "approach": "", "version": chain_map.version},
    )
    assert "Kies een datum tussen 01-01-1990 en 31-12-2100." in text(response)
    assert ChainMap.objects.get().complete_by == date(2027, 6, 30)


# --- Completeness, filters, sorting -------------------------------------------------------


def test_completeness_figures_count_items_with_a_known_supplier_and_origin(
    dd_plan, org_a, client_for
):
    coop = supplier(dd_plan)
    both, supplier_only, origin_only = item(dd_plan, "A"), item(dd_plan, "B"), item(dd_plan, "C")
    item(dd_plan, "D")  # nothing known
    source(both, coop, "CI")
    source(both, None, "GH")  # a second link does not count the item twice
    source(supplier_only, coop, "")
    source(origin_only, None, "BR")
    figures = Item.objects.filter(plan=dd_plan).completeness()
    assert figures == {
        "items": 4,
        "with_supplier": 2,
        "with_origin": 2,
        "supplier_pct": 50,
        "origin_pct": 50,
    }
    page = text(client_for(org_a.viewer).get(url("chain", dd_plan)))
    assert 'id="figure-supplier">50%' in page and 'id="figure-origin">50%' in page
    assert 'id="figure-items">4<' in page
    assert page.count("Land van herkomst onbekend</span>") == 2  # B and D
    assert page.count("Leverancier onbekend</span>") == 2  # C and D


def test_an_empty_chain_has_no_percentages(dd_plan, org_a, client_for):
    page = text(client_for(org_a.member).get(url("chain", dd_plan)))
    assert 'id="figure-supplier">–' in page and "Nog niets in de ketenkaart" in page


def test_filters_and_sorting_of_the_items(dd_plan, org_a, client_for):
    coop, other = supplier(dd_plan), supplier(dd_plan, "Andere leverancier", country="")
    cocoa = item(dd_plan, "Cacao", spend=Decimal("900"), volume=Decimal("1"))
    sugar = item(dd_plan, "Suiker", kind="ingredient", spend=Decimal("50"), volume=Decimal("30"))
    item(dd_plan, "Schoonmaak", kind="dienst", spend=None, volume=Decimal("5"))
    source(cocoa, coop, "CI")
    source(sugar, other, "")
    client = client_for(org_a.member)

    def names(**query):
        response = client.get(url("chain", dd_plan), query)
        return [i.name for i in response.context["page_obj"].object_list]

    assert names() == ["Cacao", "Suiker", "Schoonmaak"]  # by spend, largest first, empty last
    assert names(sort="volume") == ["Cacao", "Schoonmaak", "Suiker"]
    assert names(sort="-volume") == ["Suiker", "Schoonmaak", "Cacao"]
    assert names(kind="ingredient") == ["Suiker"]
    assert names(gap="herkomst") == ["Suiker", "Schoonmaak"]
    assert names(gap="leverancier") == ["Schoonmaak"]
    assert names(supplier=other.pk) == ["Suiker"]
    assert names(supplier=supplier(PlanFactory(organisation=org_a.org), "Elders").pk) == []
    partial = client.get(url("chain", dd_plan), {"gap": "herkomst"}, HTTP_HX_REQUEST="true")
    assert "<html" not in partial.content.decode() and "Suiker" in text(partial)


def test_filters_of_the_supplier_list(dd_plan, org_a, client_for):
    supplier(dd_plan, "Abidjan", country="CI", tier=2, has_contract=True)
    supplier(dd_plan, "Accra", country="GH", tier=1)
    supplier(dd_plan, "Onbekend BV", country="", tier=3)
    client = client_for(org_a.viewer)

    def names(**query):
        response = client.get(url("suppliers", dd_plan), query)
        assert response.status_code == 200
        return [s.name for s in response.context["page_obj"].object_list]

    assert names() == ["Abidjan", "Accra", "Onbekend BV"]
    assert names(country="GH") == ["Accra"]
    assert names(country="onbekend") == ["Onbekend BV"]
    assert names(tier=3) == ["Onbekend BV"]
    assert names(contract="ja") == ["Abidjan"]
    assert names(contract="nee") == ["Accra", "Onbekend BV"]
    assert names(sort="-tier") == ["Onbekend BV", "Abidjan", "Accra"]
    page = text(client.get(url("suppliers", dd_plan)))
    assert "Land onbekend" in page and "Ghana" in page


# --- Query counts -------------------------------------------------------------------------


def test_query_counts_are_constant_on_every_list_and_detail_page(chain, org_a, client_for):
    client = client_for(org_a.member)
    plan, cocoa = chain.plan, chain.item
    counter = iter(range(10_000))

    def add_items(n):
        for _ in range(n):
            number = next(counter)
            new = item(plan, f"Product {number}", spend=Decimal(number))
            source(new, supplier(plan, f"Leverancier {number}"), "GH")

    def add_links(n):
        for _ in range(n):
            number = next(counter)
            source(cocoa, supplier(plan, f"Leverancier {number}"), "BR")
            Downstream.objects.create(
                organisation=plan.organisation, plan=plan, item=cocoa, customers=f"Klant {number}"
            )

    def add_downstream(n):
        for _ in range(n):
            Downstream.objects.create(
                organisation=plan.organisation, plan=plan, customers=f"Klant {next(counter)}"
            )

    assert_queries_constant(client, url("chain", plan), add_items, small=2, large=30)
    assert_queries_constant(client, url("suppliers", plan), add_items, small=2, large=30)
    assert_queries_constant(
        client, url("item", plan, row_pk=cocoa.pk), add_links, small=2, large=20
    )
    assert_queries_constant(client, url("downstream", plan), add_downstream, small=2, large=30)


ODD_VALUES = ["²", "٣", "-1", "0", "99999999999999999999999", "", "\x00", "1e309", "x" * 3000]


def test_odd_query_values_never_give_a_server_error(chain, org_a):
    from django.test import Client

    client = Client(raise_request_exception=False)
    client.force_login(org_a.member)
    names = ["q", "kind", "gap", "supplier", "country", "tier", "contract", "sort", "page"]
    failures = []
    for path in read_urls(chain):
        for name in names:
            for value in ODD_VALUES:
                for headers in ({}, {"HX-Request": "true"}):
                    response = client.get(path, {name: value}, headers=headers)
                    if response.status_code >= 500:
                        failures.append((path, name, value[:10], response.status_code))
    assert not failures


def test_no_element_id_twice_on_any_page(chain, org_a, client_for):
    from html.parser import HTMLParser

    class Ids(HTMLParser):
        def __init__(self):
            super().__init__()
            self.ids = []

        def handle_starttag(self, tag, attrs):
            self.ids += [value for name, value in attrs if name == "id"]

    client = client_for(org_a.member)
    paths = [p for p in read_urls(chain) + form_urls(chain) if not p.endswith(".xlsx")]
    for path in paths:
        parser = Ids()
        parser.feed(client.get(path).content.decode())
        doubles = {i for i in parser.ids if parser.ids.count(i) > 1}
        assert not doubles, (path, doubles)


def test_a_suppliers_item_count_links_to_its_items(chain, org_a, client_for):
    page = client_for(org_a.viewer).get(url("suppliers", chain.plan)).content.decode()
    assert f'href="{url("chain", chain.plan)}?supplier={chain.supplier.pk}"' in page
