"""Product groups (issue 12, item 6): the list with its forms and the standard list, the
spend and impact analysis with its bubble chart, and the kansenkaart per group."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mvo.models import Role
from plans.models import Method
from procurement.bubble import bubble_chart
from procurement.models import STANDARD_PRODUCT_GROUPS, ProductGroup, Tender, TenderStatus
from tests.factories import MembershipFactory, PlanFactory

from .conftest import make_tender

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    return reverse(f"procurement:{name}", kwargs={"org_slug": "org-a", **kwargs})


def group_data(**fields):
    data = {"name": "Catering", "annual_spend": "", "impact": "", "chance": "", "owner": ""}
    return {**data, **fields}


def current_year_quarter():
    today = timezone.localdate()
    return today.year, (today.month - 1) // 3 + 1


# --- The list and its forms --------------------------------------------------------------------


def test_create_update_and_delete_through_the_forms(org_a, client_for, mvoi):
    client = client_for(org_a.member)
    response = client.post(
        url("group_create"),
        group_data(name="Schoonmaak", annual_spend="1.250.000,50", impact="4", chance="3"),
    )
    assert response.status_code == 302
    group = ProductGroup.objects.get(organisation=mvoi.org, name="Schoonmaak")
    assert (group.annual_spend, group.impact, group.chance) == (Decimal("1250000.50"), 4, 3)

    listing = client.get(url("groups")).content.decode()
    assert "Schoonmaak" in listing
    assert "€ 1.250.001" in listing or "€ 1.250.000" in listing

    response = client.post(
        url("group_update", item_pk=group.pk),
        group_data(
            name="Schoonmaak en glazenwassen",
            annual_spend="900000",
            impact="2",
            chance="5",
            owner=str(org_a.manager.pk),
            version=str(group.version),
        ),
    )
    assert response.status_code == 302
    group.refresh_from_db()
    assert (group.name, group.impact, group.chance, group.owner) == (
        "Schoonmaak en glazenwassen",
        2,
        5,
        org_a.manager,
    )

    assert client.get(url("group_delete", item_pk=group.pk)).status_code == 200
    assert client.post(url("group_delete", item_pk=group.pk)).status_code == 302
    assert not ProductGroup.objects.filter(pk=group.pk).exists()


def test_a_score_outside_one_to_five_is_a_field_error(org_a, client_for, mvoi):
    response = client_for(org_a.member).post(url("group_create"), group_data(impact="7"))
    assert response.status_code == 200
    assert "impact" in response.context["form"].errors
    assert not ProductGroup.objects.filter(name="Catering").exists()


def test_duplicate_name_gets_a_dutch_message(org_a, client_for, mvoi):
    client = client_for(org_a.member)
    response = client.post(url("group_create"), group_data(name="ict"))  # "ICT" exists
    assert response.status_code == 200
    assert response.context["form"].errors["name"] == ["Er is al een productgroep met deze naam."]
    other = ProductGroup.objects.create(organisation=mvoi.org, name="Energie")
    response = client.post(
        url("group_update", item_pk=other.pk),
        group_data(name="ICT", version=str(other.version)),
    )
    assert response.status_code == 200
    assert "Er is al een productgroep met deze naam." in response.content.decode()
    assert ProductGroup.objects.filter(organisation=mvoi.org, name__iexact="ict").count() == 1


def test_the_same_name_in_another_organisation_is_fine(org_a, client_for, mvoi, mvoi_b):
    response = client_for(org_a.member).post(url("group_create"), group_data(name="Energie"))
    assert response.status_code == 302
    ProductGroup.objects.create(organisation=mvoi_b.org, name="Catering")
    assert client_for(org_a.member).post(url("group_create"), group_data()).status_code == 302


def test_delete_of_a_group_with_tenders_is_refused(org_a, client_for, mvoi):
    make_tender(mvoi.plan, mvoi.group)
    client = client_for(org_a.member)
    page = client.get(url("group_delete", item_pk=mvoi.group.pk)).content.decode()
    assert "Eén aanbesteding op de kalender hoort bij deze productgroep" in page
    assert "Ja, verwijderen" not in page
    response = client.post(url("group_delete", item_pk=mvoi.group.pk), follow=True)
    assert response.status_code == 200
    assert ProductGroup.objects.filter(pk=mvoi.group.pk).exists()
    assert "Eén aanbesteding op de kalender hoort bij deze productgroep" in (
        response.content.decode()
    )


def test_standard_list_adds_the_missing_ones_once(org_a, client_for, mvoi):
    client = client_for(org_a.member)
    assert "Standaardlijst toevoegen" in client.get(url("groups")).content.decode()
    response = client.post(url("group_add_standard"), follow=True)
    names = set(ProductGroup.objects.filter(organisation=mvoi.org).values_list("name", flat=True))
    assert names == set(STANDARD_PRODUCT_GROUPS)  # "ICT" was there already
    added = len(STANDARD_PRODUCT_GROUPS) - 1
    assert f"{added} productgroepen van de standaardlijst toegevoegd." in (
        response.content.decode()
    )
    assert "Standaardlijst toevoegen" not in response.content.decode()  # nothing left to add

    response = client.post(url("group_add_standard"), follow=True)
    assert ProductGroup.objects.filter(organisation=mvoi.org).count() == len(names)
    assert "De productgroepen van de standaardlijst staan er al." in response.content.decode()


def test_owner_of_another_organisation_is_refused(org_a, org_b, client_for, mvoi):
    client = client_for(org_a.member)
    response = client.post(url("group_create"), group_data(owner=str(org_b.member.pk)))
    assert response.status_code == 200
    assert response.context["form"].errors["owner"] == [
        "Kies iemand die lid is van de organisatie en gegevens mag invoeren."
    ]
    response = client.post(url("group_create"), group_data(owner=str(org_a.viewer.pk)))
    assert "owner" in response.context["form"].errors  # a reader cannot fill in the card
    assert not ProductGroup.objects.filter(name="Catering").exists()
    response = client.post(
        url("group_card_edit", item_pk=mvoi.group.pk),
        {"owner": str(org_b.member.pk), "version": str(mvoi.group.version)},
    )
    assert "owner" in response.context["form"].errors


def test_viewer_reads_but_cannot_write(org_a, client_for, mvoi):
    client = client_for(org_a.viewer)
    assert client.get(url("groups")).status_code == 200
    assert client.get(url("analysis")).status_code == 200
    assert client.get(url("group_card", item_pk=mvoi.group.pk)).status_code == 200
    body = client.get(url("groups")).content.decode()
    assert "Standaardlijst toevoegen" not in body
    assert url("group_update", item_pk=mvoi.group.pk) not in body
    posts = [
        url("group_create"),
        url("group_add_standard"),
        url("group_update", item_pk=mvoi.group.pk),
        url("group_delete", item_pk=mvoi.group.pk),
        url("group_card_edit", item_pk=mvoi.group.pk),
    ]
    for address in posts:
        assert client.post(address, group_data()).status_code == 403, address
    assert client.get(url("group_card_edit", item_pk=mvoi.group.pk)).status_code == 403
    assert ProductGroup.objects.filter(organisation=mvoi.org).count() == 1


def test_another_organisations_group_is_404(org_a, org_b, client_for, mvoi, mvoi_b):
    client = client_for(org_a.member)
    other = mvoi_b.group.pk
    for name in ("group_card", "group_update", "group_delete", "group_card_edit"):
        assert client.get(url(name, item_pk=other)).status_code == 404, name
    assert client.post(url("group_delete", item_pk=other)).status_code == 404
    response = client.post(url("group_card_edit", item_pk=other), {"card_chances": "x"})
    assert response.status_code == 404
    assert ProductGroup.objects.get(pk=other).card_chances == ""
    listing = client.get(url("groups")).content.decode()
    assert url("group_card", item_pk=other) not in listing
    assert url("group_card", item_pk=mvoi.group.pk) in listing
    # A member of B does not reach A's pages at all.
    assert client_for(org_b.member).get(url("group_card", item_pk=mvoi.group.pk)).status_code == 404


def test_list_counts_tenders_of_all_plans_with_fixed_queries(org_a, client_for, mvoi):
    second = PlanFactory(organisation=mvoi.org, method=Method.MVOI, start_year=2024)
    make_tender(mvoi.plan, mvoi.group)
    make_tender(second, mvoi.group, status=TenderStatus.CANCELLED)
    client = client_for(org_a.viewer)
    response = client.get(url("groups"))
    assert response.context["page_obj"].object_list[0].tender_count == 2

    ProductGroup.objects.bulk_create(
        ProductGroup(organisation=mvoi.org, name=f"Groep {i:03}", owner=org_a.member)
        for i in range(120)
    )
    with CaptureQueriesContext(connection) as few:
        client.get(url("groups"))
    ProductGroup.objects.bulk_create(
        ProductGroup(organisation=mvoi.org, name=f"Extra {i:03}") for i in range(200)
    )
    with CaptureQueriesContext(connection) as many:
        response = client.get(url("groups") + "?sort=-tenders&page=3")
    assert response.status_code == 200
    assert len(many) == len(few)


# --- The bubble chart --------------------------------------------------------------------------


def test_bubble_chart_has_a_bubble_per_estimated_group_and_their_names():
    groups = [
        {"name": "Energie", "annual_spend": Decimal("4000000"), "impact": 5, "chance": 4},
        {"name": "ICT", "annual_spend": Decimal("1000000"), "impact": 5, "chance": 4},
        {"name": "Catering", "annual_spend": Decimal("250000"), "impact": 5, "chance": 4},
        {"name": "Meubilair", "annual_spend": None, "impact": 2, "chance": 3},
        {"name": "Vervoer", "annual_spend": Decimal("800000"), "impact": None, "chance": 4},
    ]
    svg = str(bubble_chart(groups, title="Analyse", description="Uitleg"))
    assert svg.startswith("<svg") and 'viewBox="0 0 700 ' in svg and 'width="100%"' in svg
    assert "<title>Analyse</title><desc>Uitleg</desc>" in svg
    assert svg.count('class="bubble"') == 3
    assert svg.count('class="no-spend"') == 1
    for name in ("Energie", "ICT", "Catering", "Meubilair"):
        assert f">{name}</text>" in svg  # a label next to the bubble
    assert "Vervoer" not in svg  # not estimated: listed under the chart instead
    assert "<title>Energie: uitgaven per jaar € 4.000.000, impact 5, MVOI-kans 4</title>" in svg

    radii = {
        m["name"]: float(m["r"])
        for m in re.finditer(
            r'<circle cx="[\d.]+" cy="[\d.]+" r="(?P<r>[\d.]+)"[^>]*class="bubble"><title>'
            r"(?P<name>[^:]+):",
            svg,
        )
    }
    assert radii["Energie"] == pytest.approx(2 * radii["ICT"], rel=0.01)  # area ∝ spend
    centres = re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)"[^>]*class="bubble"', svg)
    assert len(set(centres)) == 3  # three groups in one cell do not share a centre


def test_bubble_labels_in_a_crowded_cell_do_not_overlap():
    groups = [
        {"name": f"Groep {i}", "annual_spend": 1000 * (i + 1), "impact": 3, "chance": 3}
        for i in range(6)
    ]
    svg = str(bubble_chart(groups, title="t", description="d"))
    boxes = [
        tuple(map(float, m))
        for m in re.findall(
            r'<g class="label">(?:<title>[^<]*</title>)?<rect x="([\d.]+)" y="([\d.]+)" '
            r'width="([\d.]+)" height="([\d.]+)"',
            svg,
        )
    ]
    assert boxes
    for i, (x1, y1, w1, h1) in enumerate(boxes):
        for x2, y2, w2, h2 in boxes[i + 1 :]:
            assert x1 + w1 <= x2 or x2 + w2 <= x1 or y1 + h1 <= y2 or y2 + h2 <= y1


def test_bubble_chart_without_estimates_says_so():
    svg = str(bubble_chart([{"name": "ICT", "impact": None}], title="t", description="d"))
    assert "Nog geen productgroep is ingeschat" in svg
    assert "<circle" not in svg


# --- The analysis page -------------------------------------------------------------------------


def test_analysis_shows_chart_table_and_unscored_groups(org_a, client_for, mvoi):
    year = timezone.localdate().year
    mvoi.group.annual_spend, mvoi.group.impact, mvoi.group.chance = Decimal(750000), 4, 5
    mvoi.group.save()
    energy = ProductGroup.objects.create(
        organisation=mvoi.org, name="Energie", annual_spend=Decimal(250000), impact=5, chance=2
    )
    ProductGroup.objects.create(organisation=mvoi.org, name="Bedrijfskleding", impact=3)
    make_tender(mvoi.plan, mvoi.group, year=year)
    make_tender(mvoi.plan, mvoi.group, year=year, status=TenderStatus.CANCELLED)
    make_tender(mvoi.plan, mvoi.group, year=year + 1)
    make_tender(mvoi.plan, energy, year=year + 2)

    response = client_for(org_a.viewer).get(url("analysis"))
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count('class="bubble"') == 2
    assert "nog niet ingeschat" in body
    assert [g["name"] for g in response.context["unscored"]] == ["Bedrijfskleding"]
    rows = {g.name: g for g in response.context["page_obj"].object_list}
    assert [g.name for g in response.context["page_obj"].object_list][:2] == ["ICT", "Energie"]
    assert (rows["ICT"].this_year, rows["ICT"].next_year) == (1, 1)
    assert (rows["Energie"].this_year, rows["Energie"].next_year) == (0, 0)
    assert rows["ICT"].share == 75
    assert "75,0%" in body
    assert "een groot contract heeft niet vanzelf een grote impact" in body

    by_name = client_for(org_a.viewer).get(url("analysis") + "?sort=name")
    assert [g.name for g in by_name.context["page_obj"].object_list] == [
        "Bedrijfskleding",
        "Energie",
        "ICT",
    ]


def test_analysis_query_count_is_fixed_with_200_groups(org_a, client_for, mvoi):
    client = client_for(org_a.viewer)
    ProductGroup.objects.bulk_create(
        ProductGroup(
            organisation=mvoi.org,
            name=f"Groep {i:03}",
            annual_spend=Decimal(1000 * (i + 1)),
            impact=i % 5 + 1 if i % 7 else None,
            chance=(i // 5) % 5 + 1,
        )
        for i in range(10)
    )
    client.get(url("analysis"))  # the first request of a session writes the session
    with CaptureQueriesContext(connection) as few:
        client.get(url("analysis"))
    ProductGroup.objects.bulk_create(
        ProductGroup(
            organisation=mvoi.org,
            name=f"Meer {i:03}",
            annual_spend=Decimal(500 * (i + 1)),
            impact=i % 5 + 1,
            chance=(i // 3) % 5 + 1 if i % 9 else None,
        )
        for i in range(190)
    )
    groups = list(ProductGroup.objects.filter(organisation=mvoi.org)[:20])
    for group in groups:
        make_tender(mvoi.plan, group, year=timezone.localdate().year)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url("analysis"))
    assert response.status_code == 200
    assert len(many) == len(few)
    assert len(response.context["page_obj"].object_list) == 50
    assert response.content.decode().count("<circle") >= 150


# --- The kansenkaart ---------------------------------------------------------------------------


def test_card_shows_upcoming_tenders_of_all_plans(org_a, client_for, mvoi):
    year, quarter = current_year_quarter()
    second = PlanFactory(
        organisation=mvoi.org, method=Method.MVOI, title="Tweede plan", start_year=2024
    )
    make_tender(mvoi.plan, mvoi.group, year, quarter, title="Nu", themes=[mvoi.focus[0]])
    make_tender(second, mvoi.group, year + 1, 1, title="Volgend jaar")
    make_tender(mvoi.plan, mvoi.group, year - 1, 4, title="Vorig jaar")
    make_tender(mvoi.plan, mvoi.group, year + 1, 2, title="Gestopt", status="geannuleerd")
    other_group = ProductGroup.objects.create(organisation=mvoi.org, name="Energie")
    make_tender(mvoi.plan, other_group, year + 1, 2, title="Andere groep")
    mvoi.group.owner = org_a.manager
    mvoi.group.card_chances = "Circulaire laptops"
    mvoi.group.save()

    response = client_for(org_a.viewer).get(url("group_card", item_pk=mvoi.group.pk))
    body = response.content.decode()
    assert response.status_code == 200
    titles = [t.title for t in response.context["page_obj"].object_list]
    assert titles == ["Nu", "Volgend jaar"]
    assert "Circulaire laptops" in body
    assert str(org_a.manager) in body
    assert "Klimaat" in body
    assert "Tweede plan" in body
    for plan in (mvoi.plan, second):
        assert f'href="/o/org-a/inkoop/{plan.pk}/' in body  # to the plan's calendar
    assert "d-print-none" in body
    assert url("group_card_edit", item_pk=mvoi.group.pk) not in body  # a reader


def test_card_query_count_is_fixed(org_a, client_for, mvoi):
    year, quarter = current_year_quarter()
    client = client_for(org_a.viewer)
    make_tender(mvoi.plan, mvoi.group, year + 1, themes=[mvoi.focus[0]])
    client.get(url("group_card", item_pk=mvoi.group.pk))  # the session's first request
    with CaptureQueriesContext(connection) as few:
        client.get(url("group_card", item_pk=mvoi.group.pk))
    for i in range(30):
        make_tender(mvoi.plan, mvoi.group, year + 1, themes=mvoi.focus[: i % 3 + 1])
    with CaptureQueriesContext(connection) as many:
        client.get(url("group_card", item_pk=mvoi.group.pk))
    assert len(many) == len(few)


def test_card_edit_sets_who_and_when(org_a, client_for, mvoi):
    before = timezone.now()
    client = client_for(org_a.member)
    assert client.get(url("group_card_edit", item_pk=mvoi.group.pk)).status_code == 200
    response = client.post(
        url("group_card_edit", item_pk=mvoi.group.pk),
        {
            "owner": str(org_a.member.pk),
            "card_chances": "Tweedehands laptops",
            "card_tenders": "Contract werkplekken loopt af in 2026",
            "card_actions": "Inkoper en budgethouder, K2",
            "version": str(mvoi.group.version),
        },
    )
    assert response.status_code == 302
    assert response.url == url("group_card", item_pk=mvoi.group.pk)
    group = ProductGroup.objects.get(pk=mvoi.group.pk)
    assert group.card_chances == "Tweedehands laptops"
    assert group.owner == org_a.member
    assert group.card_updated_by == org_a.member
    assert before <= group.card_updated_at <= timezone.now() + timedelta(seconds=1)
    card = client.get(url("group_card", item_pk=group.pk)).content.decode()
    assert "Contract werkplekken loopt af in 2026" in card


def test_card_edit_of_a_stale_version_is_refused(org_a, client_for, mvoi):
    stale = mvoi.group.version
    ProductGroup.objects.filter(pk=mvoi.group.pk).update(version=stale + 1)
    response = client_for(org_a.member).post(
        url("group_card_edit", item_pk=mvoi.group.pk),
        {"card_chances": "Mijn tekst", "version": str(stale)},
    )
    assert response.status_code == 200
    assert ProductGroup.objects.get(pk=mvoi.group.pk).card_chances == ""


def test_former_owner_still_in_the_organisation_does_not_block_saving(org_a, client_for, mvoi):
    reader = MembershipFactory(organisation=mvoi.org, role=Role.VIEWER).user
    mvoi.group.owner = reader
    mvoi.group.save()
    response = client_for(org_a.member).post(
        url("group_card_edit", item_pk=mvoi.group.pk),
        {"owner": str(reader.pk), "card_chances": "x", "version": str(mvoi.group.version)},
    )
    assert response.status_code == 302
    assert Tender.objects.count() == 0


def test_odd_query_strings_never_give_an_error(org_a, client_for, mvoi):
    client = client_for(org_a.viewer)
    for query in (
        "?owner=abc",
        "?owner=99999999999999999999999",
        "?estimate=misschien",
        "?sort=bestaat-niet&page=x",
        "?page=99999",
    ):
        for name in ("groups", "analysis"):
            assert client.get(url(name) + query).status_code == 200, (name, query)
    assert client.get(url("group_card", item_pk=mvoi.group.pk) + "?page=zz").status_code == 200


def test_bad_input_gets_a_field_message_and_a_huge_id_is_404(org_a, client_for, mvoi):
    client = client_for(org_a.member)
    response = client.post(url("group_create"), group_data(annual_spend="heel veel"))
    assert response.status_code == 200
    assert "annual_spend" in response.context["form"].errors
    response = client.post(url("group_create"), group_data(annual_spend="-5"))
    errors = response.context["form"].errors
    assert errors["annual_spend"] == ["Uitgaven kunnen niet negatief zijn."]
    response = client.post(url("group_create"), group_data(owner="99999999999999999999999"))
    assert "owner" in response.context["form"].errors
    assert client.get(url("group_card", item_pk=10**25)).status_code == 404
