"""The tender calendar: the form with its themes (through the real form and formset), comply
or explain, the plan period, the history of moves on a tender's page, the filters, who may do
what, bad input, the grid's query count with many tenders, and the deviations per quarter."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from procurement.models import Procedure, Tender, TenderStatus, TenderTheme
from tests.factories import PlanFactory

from .conftest import make_tender

pytestmark = pytest.mark.django_db


def url(name, plan, *args):
    return reverse(f"procurement:{name}", args=[plan.organisation.slug, plan.pk, *args])


def form_data(mvoi, themes=(), prefix="themes", initial=0, extra=3, **fields):
    """A POST of the tender form as the browser sends it: the tender's fields, then the
    management form and one row per applied theme (the rest empty)."""
    data = {
        "title": "Schoonmaak gemeentehuis",
        "product_group": str(mvoi.group.pk),
        "estimated_value": "250.000",
        "procedure": Procedure.EUROPEAN,
        "budget_holder": "Facilitair",
        "purchaser": "Inkoop",
        "planned_year": "2025",
        "planned_quarter": "2",
        "promising": "on",
        "status": TenderStatus.PLANNED,
        "explanation": "",
        "evaluation": "",
        "version": "",
    }
    data.update(fields)
    rows = list(themes)
    total = max(len(rows), initial + extra)
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": str(total),
            f"{prefix}-INITIAL_FORMS": str(initial),
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "50",
        }
    )
    for i in range(total):
        theme, instrument, ref = rows[i] if i < len(rows) else ("", "", "")
        data[f"{prefix}-{i}-theme"] = str(theme.pk) if theme else ""
        data[f"{prefix}-{i}-instrument"] = instrument
        data[f"{prefix}-{i}-criterion_ref"] = ref
    return {k: v for k, v in data.items() if v is not None}


def edit_data(mvoi, tender, **fields):
    """The update form's POST for ``tender`` as it stands, with ``fields`` changed."""
    applied = list(tender.applied_themes.order_by("pk"))
    data = form_data(
        mvoi,
        title=tender.title,
        planned_year=str(tender.planned_year),
        planned_quarter=str(tender.planned_quarter),
        status=tender.status,
        version=str(tender.version),
        initial=len(applied),
        extra=1,
        explanation=tender.explanation,
    )
    for i, row in enumerate(applied):
        data[f"themes-{i}-id"] = str(row.pk)
        data[f"themes-{i}-tender"] = str(tender.pk)
        data[f"themes-{i}-theme"] = str(row.theme_id)
        data[f"themes-{i}-instrument"] = row.instrument
        data[f"themes-{i}-criterion_ref"] = row.criterion_ref
    data.update(fields)
    return data


def errors_of(response):
    form = response.context["form"]
    formset = response.context["formset"]
    return form.errors, [f.errors for f in formset.forms]


# --- Create, with themes, through the real form and formset --------------------------------


def test_create_with_themes(org_a, client_for, mvoi):
    klimaat, circulair = mvoi.themes["Klimaat"], mvoi.themes["Circulair"]
    data = form_data(
        mvoi,
        themes=[(klimaat, "gunningscriterium", "MVI-123"), (circulair, "eis", "")],
    )
    response = client_for(org_a.member).post(url("tender_create", mvoi.plan), data)
    tender = Tender.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("tender_detail", mvoi.plan, tender.pk)
    assert tender.plan == mvoi.plan and tender.organisation == mvoi.org
    assert tender.estimated_value == Decimal("250000")
    assert (tender.planned_year, tender.planned_quarter) == (2025, 2)
    applied = {
        (t.theme.own_name, t.instrument, t.criterion_ref) for t in tender.applied_themes.all()
    }
    assert applied == {("Klimaat", "gunningscriterium", "MVI-123"), ("Circulair", "eis", "")}
    assert set(TenderTheme.objects.values_list("organisation", flat=True)) == {mvoi.org.pk}
    page = client_for(org_a.viewer).get(response["Location"]).content.decode()
    assert "Klimaat" in page and "Aanmoedigen: gunningscriterium" in page and "MVI-123" in page
    assert "€ 250.000" in page


def test_create_form_page_for_member_only(org_a, client_for, mvoi):
    assert client_for(org_a.member).get(url("tender_create", mvoi.plan)).status_code == 200
    assert client_for(org_a.viewer).get(url("tender_create", mvoi.plan)).status_code == 403


# --- Comply or explain -------------------------------------------------------------------------


def test_started_promising_tender_without_theme_needs_an_explanation(org_a, client_for, mvoi):
    client = client_for(org_a.member)
    data = form_data(mvoi, status=TenderStatus.PUBLISHED)
    response = client.post(url("tender_create", mvoi.plan), data)
    assert response.status_code == 200
    assert "pas toe of leg uit" in response.context["form"].errors["explanation"][0]
    assert not Tender.objects.exists()

    data["explanation"] = "Geen geschikte criteria beschikbaar voor deze markt."
    assert client.post(url("tender_create", mvoi.plan), data).status_code == 302
    assert Tender.objects.get().explanation.startswith("Geen geschikte")


def test_a_theme_or_not_promising_needs_no_explanation(org_a, client_for, mvoi):
    client = client_for(org_a.member)
    with_theme = form_data(
        mvoi, themes=[(mvoi.themes["Klimaat"], "", "")], status=TenderStatus.AWARDED
    )
    assert client.post(url("tender_create", mvoi.plan), with_theme).status_code == 302
    not_promising = form_data(mvoi, status=TenderStatus.AWARDED, title="Tweede")
    del not_promising["promising"]
    assert client.post(url("tender_create", mvoi.plan), not_promising).status_code == 302
    assert Tender.objects.count() == 2


def test_removing_the_last_theme_of_a_started_tender_asks_for_an_explanation(
    org_a, client_for, mvoi
):
    tender = make_tender(
        mvoi.plan, mvoi.group, status=TenderStatus.PUBLISHED, themes=[mvoi.focus[0]]
    )
    data = edit_data(mvoi, tender, **{"themes-0-DELETE": "on"})
    response = client_for(org_a.member).post(url("tender_update", mvoi.plan, tender.pk), data)
    assert response.status_code == 200
    assert "explanation" in response.context["form"].errors
    assert tender.applied_themes.count() == 1  # nothing half saved


def test_evaluation_only_after_award(org_a, client_for, mvoi):
    client = client_for(org_a.member)
    data = form_data(mvoi, evaluation="Ging goed.")
    response = client.post(url("tender_create", mvoi.plan), data)
    assert response.status_code == 200
    assert "gegunde" in response.context["form"].errors["evaluation"][0]
    data.update(status=TenderStatus.AWARDED, explanation="Markt niet rijp.")
    assert client.post(url("tender_create", mvoi.plan), data).status_code == 302


# --- The plan period ---------------------------------------------------------------------------


@pytest.mark.parametrize("year", ["2023", "2031"])
def test_year_outside_the_period_is_refused(org_a, client_for, mvoi, year):
    response = client_for(org_a.member).post(
        url("tender_create", mvoi.plan), form_data(mvoi, planned_year=year)
    )
    assert response.status_code == 200
    assert response.context["form"].errors["planned_year"] == [
        "Kies een startjaar van 2024 tot en met 2030."
    ]
    assert "Er is niets opgeslagen" in response.content.decode()
    assert not Tender.objects.exists()


def test_a_year_after_the_period_up_to_2030_is_fine(org_a, client_for, mvoi):
    response = client_for(org_a.member).post(
        url("tender_create", mvoi.plan), form_data(mvoi, planned_year="2030")
    )
    assert response.status_code == 302


# --- Moves in the history ------------------------------------------------------------------


def test_a_move_is_recorded_and_shown_on_the_detail_page(org_a, client_for, mvoi):
    tender = make_tender(mvoi.plan, mvoi.group, 2025, 2, themes=[mvoi.focus[0]])
    client = client_for(org_a.member)
    data = edit_data(mvoi, tender, planned_quarter="4")
    assert client.post(url("tender_update", mvoi.plan, tender.pk), data).status_code == 302
    tender.refresh_from_db()
    assert tender.planned_quarter == 4
    data = edit_data(mvoi, tender, status=TenderStatus.PUBLISHED)
    assert client.post(url("tender_update", mvoi.plan, tender.pk), data).status_code == 302
    # a change of something else is no move
    tender.refresh_from_db()
    data = edit_data(mvoi, tender, purchaser="Iemand anders")
    assert client.post(url("tender_update", mvoi.plan, tender.pk), data).status_code == 302

    with CaptureQueriesContext(connection) as queries:
        response = client_for(org_a.viewer).get(url("tender_detail", mvoi.plan, tender.pk))
    body = response.content.decode()
    moves = response.context["moves"]
    assert [m["lines"] for m in moves] == [
        ["Status van Gepland naar Gepubliceerd"],
        ["Verplaatst van K2 2025 naar K4 2025"],
        ["Aangemaakt, start gepland in K2 2025, status Gepland"],
    ]
    assert moves[0]["user"] == org_a.member
    assert "Verplaatst van K2 2025 naar K4 2025" in body
    assert str(org_a.member) in body

    # more changes, same number of queries for the page
    for quarter in ("1", "3", "2"):
        tender.refresh_from_db()
        data = edit_data(mvoi, tender, planned_quarter=quarter, planned_year="2026")
        client.post(url("tender_update", mvoi.plan, tender.pk), data)
    with CaptureQueriesContext(connection) as more:
        response = client_for(org_a.viewer).get(url("tender_detail", mvoi.plan, tender.pk))
    assert len(response.context["moves"]) == 6
    assert len(more) == len(queries)


# --- The list and its filters ------------------------------------------------------------------


def test_list_filters(org_a, client_for, mvoi):
    from procurement.models import ProductGroup

    energy = ProductGroup.objects.create(organisation=mvoi.org, name="Energie")
    a = make_tender(mvoi.plan, mvoi.group, 2025, 1, title="Laptops", themes=[mvoi.focus[0]])
    b = make_tender(mvoi.plan, energy, 2026, 3, title="Stroom", promising=False)
    c = make_tender(
        mvoi.plan, energy, 2026, 4, title="Gas", status=TenderStatus.PUBLISHED, themes=[]
    )
    client = client_for(org_a.viewer)

    def titles(**params):
        response = client.get(url("calendar", mvoi.plan), params)
        assert response.status_code == 200
        return [t.title for t in response.context["page_obj"].object_list]

    assert titles() == [a.title, b.title, c.title]
    assert titles(year="2026") == [b.title, c.title]
    assert titles(product_group=energy.pk) == [b.title, c.title]
    assert titles(theme=mvoi.focus[0].pk) == [a.title]
    assert titles(promising="nee") == [b.title]
    assert titles(promising="ja") == [a.title, c.title]
    assert titles(status=TenderStatus.PUBLISHED) == [c.title]
    assert titles(year="abc") == []  # an invalid filter: nothing, not an error
    assert titles(theme="999999999999999999999") == []

    body = client.get(url("calendar", mvoi.plan)).content.decode()
    assert "afwijking: leg uit" in body  # Gas: started, promising, no theme, no explanation
    htmx = client.get(url("calendar", mvoi.plan), {"year": "2025"}, headers={"HX-Request": "true"})
    assert 'id="results"' in htmx.content.decode() and "<html" not in htmx.content.decode()


def test_list_query_count_is_fixed(org_a, client_for, mvoi):
    for _i in range(3):
        make_tender(mvoi.plan, mvoi.group, themes=mvoi.focus[:2])
    client = client_for(org_a.viewer)
    client.get(url("calendar", mvoi.plan))  # warm up (the first request fills caches)
    with CaptureQueriesContext(connection) as few:
        client.get(url("calendar", mvoi.plan))
    for _i in range(40):
        make_tender(mvoi.plan, mvoi.group, themes=mvoi.focus[:2])
    with CaptureQueriesContext(connection) as many:
        response = client.get(url("calendar", mvoi.plan))
    assert len(response.context["page_obj"].object_list) == 43
    assert len(many) == len(few)


def test_a_theme_of_another_plan_is_not_offered(org_a, client_for, mvoi):
    from tests.factories import OrgThemeFactory

    stranger = OrgThemeFactory(organisation=mvoi.org, own_name="Niet in dit plan")
    data = form_data(mvoi, themes=[(stranger, "", "")])
    response = client_for(org_a.member).post(url("tender_create", mvoi.plan), data)
    assert response.status_code == 200
    assert errors_of(response)[1][0]["theme"] == ["Kies een thema van dit plan."]


# --- Who may do what ---------------------------------------------------------------------------


def test_viewer_cannot_post(org_a, client_for, mvoi):
    tender = make_tender(mvoi.plan, mvoi.group)
    viewer = client_for(org_a.viewer)
    assert viewer.post(url("tender_create", mvoi.plan), form_data(mvoi)).status_code == 403
    data = edit_data(mvoi, tender, title="Gewijzigd")
    assert viewer.post(url("tender_update", mvoi.plan, tender.pk), data).status_code == 403
    assert viewer.post(url("tender_delete", mvoi.plan, tender.pk)).status_code == 403
    assert viewer.get(url("tender_detail", mvoi.plan, tender.pk)).status_code == 200
    tender.refresh_from_db()
    assert tender.title != "Gewijzigd"


def test_other_organisation_and_other_plan_are_404(org_a, org_b, client_for, mvoi, mvoi_b):
    theirs = make_tender(mvoi_b.plan, mvoi_b.group)
    member = client_for(org_a.member)
    for name in ("tender_detail", "tender_update", "tender_delete"):
        assert member.get(url(name, mvoi.plan, theirs.pk)).status_code == 404
        assert member.get(url(name, mvoi_b.plan, theirs.pk)).status_code == 404
    for name in ("calendar", "grid", "deviations", "tender_create"):
        assert member.get(url(name, mvoi_b.plan)).status_code == 404
    # a tender of another plan of the same organisation, through this plan's URL
    other_plan = PlanFactory(
        organisation=mvoi.org, method=mvoi.plan.method, start_year=2024, end_year=2027
    )
    elsewhere = make_tender(other_plan, mvoi.group)
    assert member.get(url("tender_detail", mvoi.plan, elsewhere.pk)).status_code == 404
    data = edit_data(mvoi, elsewhere, title="Gekaapt")
    assert member.post(url("tender_update", mvoi.plan, elsewhere.pk), data).status_code == 404
    assert member.post(url("tender_delete", mvoi.plan, elsewhere.pk)).status_code == 404
    assert Tender.objects.filter(pk=elsewhere.pk, title="Gekaapt").count() == 0


def test_delete_asks_first_then_removes_with_its_themes(org_a, client_for, mvoi):
    tender = make_tender(mvoi.plan, mvoi.group, themes=mvoi.focus[:2])
    member = client_for(org_a.member)
    page = member.get(url("tender_delete", mvoi.plan, tender.pk))
    assert page.status_code == 200 and "Ja, verwijderen" in page.content.decode()
    response = member.post(url("tender_delete", mvoi.plan, tender.pk))
    assert response["Location"] == url("calendar", mvoi.plan)
    assert not Tender.objects.exists() and not TenderTheme.objects.exists()


# --- Bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fields, field, message",
    [
        ({"estimated_value": "veel geld"}, "estimated_value", None),
        ({"planned_quarter": "5"}, "planned_quarter", "Kies kwartaal 1 tot en met 4."),
        (
            {"planned_year": "twintig"},
            "planned_year",
            "Kies een startjaar van 2024 tot en met 2030.",
        ),
        ({"product_group": "99999999999999999999"}, "product_group", None),
        ({"status": "kwijt"}, "status", None),
        ({"title": ""}, "title", None),
        (
            {"estimated_value": "-5"},
            "estimated_value",
            "Een geraamde waarde kan niet negatief zijn.",
        ),
        ({"explanation": "x" * 10001}, "explanation", None),  # what the import reads back
    ],
)
def test_bad_input_gives_messages_not_500(org_a, client_for, mvoi, fields, field, message):
    response = client_for(org_a.member).post(
        url("tender_create", mvoi.plan), form_data(mvoi, **fields)
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors
    if message:
        assert errors[field] == [message]
    assert "Er is niets opgeslagen" in response.content.decode()
    assert not Tender.objects.exists()


def test_the_quarter_choices_follow_the_language(org_a, client_for, mvoi):
    client = client_for(org_a.member)
    dutch = client.get(url("tender_create", mvoi.plan)).content.decode()
    assert "Kwartaal 3" in dutch
    client.cookies["django_language"] = "en"
    english = client.get(url("tender_create", mvoi.plan)).content.decode()
    assert "Quarter 3" in english and "Kwartaal 3" not in english


def test_duplicate_theme_gives_a_dutch_message(org_a, client_for, mvoi):
    klimaat = mvoi.themes["Klimaat"]
    data = form_data(mvoi, themes=[(klimaat, "eis", ""), (klimaat, "gunningscriterium", "")])
    response = client_for(org_a.member).post(url("tender_create", mvoi.plan), data)
    assert response.status_code == 200
    rows = errors_of(response)[1]
    assert rows[1]["theme"] == [
        "Dit thema staat al bij deze aanbesteding. Kies elk thema één keer."
    ]
    assert not Tender.objects.exists() and not TenderTheme.objects.exists()


def test_duplicate_with_an_existing_row_and_swapping_rows(org_a, client_for, mvoi):
    klimaat, circulair = mvoi.themes["Klimaat"], mvoi.themes["Circulair"]
    tender = make_tender(mvoi.plan, mvoi.group, themes=[klimaat])
    client = client_for(org_a.member)
    data = edit_data(mvoi, tender, **{"themes-1-theme": str(klimaat.pk)})
    response = client.post(url("tender_update", mvoi.plan, tender.pk), data)
    assert response.status_code == 200
    assert errors_of(response)[1][1]["theme"]
    # taking a theme off one row and putting it on a new one in the same save is fine
    data = edit_data(
        mvoi,
        tender,
        **{
            "themes-0-DELETE": "on",
            "themes-1-theme": str(klimaat.pk),
            "themes-1-instrument": "eis",
        },
    )
    assert client.post(url("tender_update", mvoi.plan, tender.pk), data).status_code == 302
    assert list(tender.applied_themes.values_list("theme", "instrument")) == [(klimaat.pk, "eis")]
    tender.refresh_from_db()
    data = edit_data(mvoi, tender, **{"themes-0-theme": str(circulair.pk)})
    assert client.post(url("tender_update", mvoi.plan, tender.pk), data).status_code == 302
    assert list(tender.applied_themes.values_list("theme", flat=True)) == [circulair.pk]
    # two rows swapping their themes in one save
    TenderTheme.objects.create(organisation=mvoi.org, tender=tender, theme=klimaat)
    tender.refresh_from_db()
    data = edit_data(
        mvoi, tender, **{"themes-0-theme": str(klimaat.pk), "themes-1-theme": str(circulair.pk)}
    )
    assert client.post(url("tender_update", mvoi.plan, tender.pk), data).status_code == 302
    assert set(tender.applied_themes.values_list("theme", flat=True)) == {klimaat.pk, circulair.pk}


def test_edit_conflict_is_told_not_overwritten(org_a, client_for, mvoi):
    tender = make_tender(mvoi.plan, mvoi.group, title="Origineel")
    stale = edit_data(mvoi, tender, title="Mijn versie")
    client = client_for(org_a.member)
    first = edit_data(mvoi, tender, title="Eerste versie")
    assert client.post(url("tender_update", mvoi.plan, tender.pk), first).status_code == 302
    response = client.post(url("tender_update", mvoi.plan, tender.pk), stale)
    assert response.status_code == 200
    tender.refresh_from_db()
    assert tender.title == "Eerste versie"
    assert "Iemand anders heeft dit intussen gewijzigd" in response.content.decode()


# --- The grid ----------------------------------------------------------------------------------


def test_grid_marks_the_start_quarter(org_a, client_for, mvoi):
    make_tender(mvoi.plan, mvoi.group, 2025, 3, title="Laptops", themes=[mvoi.focus[0]])
    make_tender(mvoi.plan, mvoi.group, 2026, 1, title="Volgend jaar")
    response = client_for(org_a.viewer).get(url("grid", mvoi.plan), {"year": "2025"})
    body = response.content.decode()
    assert response.context["year"] == 2025
    assert "Laptops" in body and "Volgend jaar" not in body
    assert "start in kwartaal 3" in body
    assert "table-responsive" in body and "d-print-none" in body
    # an unknown year falls back to a year of the plan
    fallback = client_for(org_a.viewer).get(url("grid", mvoi.plan), {"year": "1999"})
    assert fallback.status_code == 200
    assert mvoi.plan.start_year <= fallback.context["year"] <= mvoi.plan.end_year


def test_grid_filters(org_a, client_for, mvoi):
    make_tender(mvoi.plan, mvoi.group, 2025, 1, title="Met thema", themes=[mvoi.focus[1]])
    make_tender(mvoi.plan, mvoi.group, 2025, 2, title="Zonder")
    response = client_for(org_a.viewer).get(
        url("grid", mvoi.plan), {"year": "2025", "theme": mvoi.focus[1].pk}
    )
    assert [t.title for t in response.context["page_obj"].object_list] == ["Met thema"]


def test_grid_query_count_with_many_tenders(org_a, client_for, mvoi):
    client = client_for(org_a.viewer)
    make_tender(mvoi.plan, mvoi.group, 2025, 1, title="Eerste", themes=mvoi.focus[:2])
    client.get(url("grid", mvoi.plan), {"year": "2025"})  # warm up (caches)
    with CaptureQueriesContext(connection) as one:
        client.get(url("grid", mvoi.plan), {"year": "2025"})
    tenders = [
        Tender(
            organisation=mvoi.org,
            plan=mvoi.plan,
            title=f"Aanbesteding {i:03}",
            product_group=mvoi.group,
            planned_year=2025,
            planned_quarter=i % 4 + 1,
            planned_period=2025 * 10 + i % 4 + 1,
        )
        for i in range(299)
    ]
    Tender.objects.bulk_create(tenders)
    TenderTheme.objects.bulk_create(
        TenderTheme(organisation=mvoi.org, tender=tender, theme=theme)
        for tender in Tender.objects.filter(plan=mvoi.plan, title__startswith="Aanbesteding ")
        for theme in mvoi.focus[:2]
    )
    assert TenderTheme.objects.count() == 600
    with CaptureQueriesContext(connection) as many:
        response = client.get(url("grid", mvoi.plan), {"year": "2025"})
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 300
    assert len(response.context["page_obj"].object_list) == 100
    assert len(many) == len(one)
    last = client.get(url("grid", mvoi.plan), {"year": "2025", "page": "3"})
    assert len(last.context["page_obj"].object_list) == 100


# --- Comply or explain: the deviations page ------------------------------------------------


def test_deviations_grouped_per_year_and_quarter(org_a, client_for, mvoi):
    make_tender(
        mvoi.plan,
        mvoi.group,
        2025,
        2,
        title="Uitgelegd",
        status=TenderStatus.PUBLISHED,
        explanation="Geen markt voor circulaire varianten.",
    )
    make_tender(mvoi.plan, mvoi.group, 2025, 2, title="Open", status=TenderStatus.AWARDED)
    make_tender(mvoi.plan, mvoi.group, 2026, 1, title="Later", status=TenderStatus.RUNNING)
    make_tender(
        mvoi.plan,
        mvoi.group,
        2025,
        2,
        title="Met thema",
        status=TenderStatus.PUBLISHED,
        themes=[mvoi.focus[0]],
    )
    make_tender(mvoi.plan, mvoi.group, 2025, 3, title="Nog gepland")
    response = client_for(org_a.member).get(url("deviations", mvoi.plan))
    body = response.content.decode()
    assert response.context["counts"] == {"total": 3, "unexplained": 2, "explained": 1}
    assert "2025 – kwartaal 2" in body and "2026 – kwartaal 1" in body
    assert "2025 – kwartaal 3" not in body
    assert body.index("2025 – kwartaal 2") < body.index("Open") < body.index("2026 – kwartaal 1")
    assert body.index("2026 – kwartaal 1") < body.index("Later")
    assert "Met thema" not in body and "Nog gepland" not in body
    assert body.count("nog geen uitleg") == 2
    assert "Geen markt voor circulaire varianten." in body
    open_tender = Tender.objects.get(title="Open")
    assert url("tender_update", mvoi.plan, open_tender.pk) in body


@pytest.mark.parametrize("value", ["²", "٣", "-1", "0", "9" * 30, "abc", "1e3", ""])
@pytest.mark.parametrize("name", ["calendar", "grid", "deviations"])
def test_odd_query_parameters_never_fail(org_a, client_for, mvoi, name, value):
    make_tender(mvoi.plan, mvoi.group, status=TenderStatus.PUBLISHED)
    params = dict.fromkeys(
        ["year", "product_group", "theme", "promising", "status", "page", "sort"], value
    )
    response = client_for(org_a.viewer).get(url(name, mvoi.plan), params)
    assert response.status_code == 200
