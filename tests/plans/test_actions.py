"""Actions: the one list (filters, sorting, pages, totals, bulk status), one action's form and
page, and the quarter board of a plan."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from plans.models import Action, ActionStatus
from tests.factories import ActionFactory, GoalFactory, OrgThemeFactory, PlanFactory
from tests.helpers import assert_queries_constant

pytestmark = pytest.mark.django_db

TODAY = date.today()
THIS_YEAR = TODAY.year


def url(org, name, **kwargs):
    return reverse(f"plans:{name}", kwargs={"org_slug": org.slug, **kwargs})


def titles(response):
    return [action.title for action in response.context["page_obj"].object_list]


def plan_of(org, **kwargs):
    return PlanFactory(organisation=org, start_year=THIS_YEAR - 1, end_year=THIS_YEAR + 1, **kwargs)


@pytest.fixture
def world(org_a):
    """Two plans of organisation A with three quite different actions."""
    org = org_a.org
    plan, other_plan = plan_of(org, title="Lexman"), plan_of(org, title="Inkoop")
    theme = OrgThemeFactory(organisation=org, own_name="Klimaat")
    goal = GoalFactory(plan=plan, title="Minder CO2")
    late = ActionFactory(
        plan=plan,
        title="Laadpalen plaatsen",
        status=ActionStatus.RUNNING,
        responsible=org_a.member,
        team="Facilitair",
        planned_year=THIS_YEAR - 1,
        planned_quarter=2,
        theme=theme,
        goal=goal,
        due_date=TODAY - timedelta(days=10),
        budget=Decimal("1000.50"),
        hours=40,
    )
    later = ActionFactory(
        plan=other_plan,
        title="Leveranciers bevragen",
        status=ActionStatus.PLANNED,
        responsible=org_a.manager,
        team="Inkoop en HR",
        planned_year=THIS_YEAR + 1,
        planned_quarter=3,
        due_date=TODAY + timedelta(days=300),
        budget=500,
        hours=10,
    )
    done = ActionFactory(
        plan=plan,
        title="Zonnepanelen",
        description="Op het dak van het depot",
        status=ActionStatus.DONE,
        theme=theme,
        budget=200,
    )
    cancelled = ActionFactory(
        plan=plan, title="Geschrapt idee", status=ActionStatus.CANCELLED, budget=9999, hours=99
    )
    return {
        "org": org_a,
        "plan": plan,
        "other_plan": other_plan,
        "theme": theme,
        "goal": goal,
        "late": late,
        "later": later,
        "done": done,
        "cancelled": cancelled,
    }


# --- The list -------------------------------------------------------------------------------


def test_one_list_holds_the_actions_of_every_plan_and_marks_the_late_ones(world, client_for):
    org = world["org"]
    response = client_for(org.viewer).get(url(org.org, "actions"))
    page = response.content.decode()
    assert sorted(titles(response)) == sorted(
        ["Laadpalen plaatsen", "Leveranciers bevragen", "Zonnepanelen", "Geschrapt idee"]
    )
    assert page.count('class="action-late"') == 1
    assert "te laat" in page
    assert 'name="actions"' not in page  # viewers get no checkboxes


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (lambda w: {"plan": w["other_plan"].pk}, ["Leveranciers bevragen"]),
        (lambda w: {"status": "afgerond"}, ["Zonnepanelen"]),
        (lambda w: {"responsible": w["org"].manager.pk}, ["Leveranciers bevragen"]),
        (lambda w: {"team": "inkoop"}, ["Leveranciers bevragen"]),
        (lambda w: {"year": THIS_YEAR + 1}, ["Leveranciers bevragen"]),
        (lambda w: {"quarter": "2"}, ["Laadpalen plaatsen"]),
        (lambda w: {"year": THIS_YEAR - 1, "quarter": "3"}, []),
        (lambda w: {"quarter": "geen"}, ["Geschrapt idee", "Zonnepanelen"]),
        (lambda w: {"theme": w["theme"].pk}, ["Laadpalen plaatsen", "Zonnepanelen"]),
        (lambda w: {"goal": w["goal"].pk}, ["Laadpalen plaatsen"]),
        (lambda w: {"late": "on"}, ["Laadpalen plaatsen"]),
        (lambda w: {"mine": "on"}, ["Laadpalen plaatsen"]),
        (lambda w: {"q": "depot"}, ["Zonnepanelen"]),
    ],
    ids=[
        "plan",
        "status",
        "responsible",
        "team",
        "year",
        "quarter",
        "year+quarter",
        "unplanned",
        "theme",
        "goal",
        "te-laat",
        "mijn-acties",
        "search",
    ],
)
def test_every_filter(query, expected, world, client_for):
    org = world["org"]
    response = client_for(org.member).get(url(org.org, "actions"), query(world))
    assert response.status_code == 200
    assert sorted(titles(response)) == sorted(expected)


@pytest.mark.parametrize("year", ["²", "٣", "1e309", "2025.5", "99999999999999999999999", "-1"])
def test_an_odd_year_is_a_message_not_an_error(year, world, client_for):
    org = world["org"]
    response = client_for(org.member).get(
        url(org.org, "actions"), {"year": year, "quarter": "²", "plan": "x", "goal": "9" * 25}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Vul een jaartal in" in page or "Kies een jaar tussen 2000 en 2100." in page


@pytest.mark.parametrize(
    ("sort", "first"),
    [
        ("title", "Geschrapt idee"),
        ("-title", "Zonnepanelen"),
        ("plan", "Leveranciers bevragen"),
        ("-plan", "Laadpalen plaatsen"),
        ("responsible", None),
        ("quarter", "Laadpalen plaatsen"),
        ("-quarter", "Leveranciers bevragen"),
        ("due", "Laadpalen plaatsen"),
        ("-due", "Leveranciers bevragen"),
        ("status", "Zonnepanelen"),
        ("-status", "Laadpalen plaatsen"),
        ("onzin", "Laadpalen plaatsen"),  # unknown: the default (planned quarter)
    ],
)
def test_sorting(sort, first, world, client_for):
    org = world["org"]
    response = client_for(org.member).get(url(org.org, "actions"), {"sort": sort})
    rows = titles(response)
    if first is None:  # by name of the responsible person: the empty ones last
        names = [a.responsible_name for a in response.context["page_obj"].object_list]
        assert names[:2] == sorted(names[:2]) and names[2:] == [None, None]
    else:
        assert rows[0] == first


def test_pages_of_fifty_and_the_htmx_partial(org_a, client_for):
    plan = plan_of(org_a.org)
    ActionFactory.create_batch(60, plan=plan)
    client = client_for(org_a.member)
    first = client.get(url(org_a.org, "actions"))
    assert len(titles(first)) == 50 and "1–50 van 60" in first.content.decode()
    second = client.get(url(org_a.org, "actions"), {"page": "2", "sort": "title"})
    assert len(titles(second)) == 10
    partial = client.get(url(org_a.org, "actions"), {"page": "2"}, HTTP_HX_REQUEST="true")
    body = partial.content.decode()
    assert body.lstrip().startswith('<div id="results">') and "<html" not in body
    assert "51–60 van 60" in body


def test_totals_per_plan_and_per_theme_follow_the_filter(world, client_for):
    org = world["org"]
    client = client_for(org.member)
    totals = client.get(url(org.org, "actions")).context["totals"]
    assert totals["all"] == {"budget": Decimal("1700.50"), "hours": Decimal("50"), "count": 3}
    per_plan = {row["plan__title"]: (row["budget"], row["hours"]) for row in totals["per_plan"]}
    assert per_plan == {
        "Lexman": (Decimal("1200.50"), Decimal("40")),  # geschrapt does not count
        "Inkoop": (Decimal("500"), Decimal("10")),
    }
    per_theme = [(row["theme_label"], row["budget"]) for row in totals["per_theme"]]
    assert per_theme == [("Klimaat", Decimal("1200.50")), (None, Decimal("500"))]

    filtered = client.get(url(org.org, "actions"), {"theme": world["theme"].pk})
    totals = filtered.context["totals"]
    assert [row["plan__title"] for row in totals["per_plan"]] == ["Lexman"]
    assert totals["all"]["count"] == 2
    assert "Zonder thema" in client.get(url(org.org, "actions")).content.decode()


# --- Bulk status ----------------------------------------------------------------------------


def test_bulk_status_changes_the_checked_actions_and_says_how_many(world, client_for):
    org = world["org"]
    late, later = world["late"], world["later"]
    response = client_for(org.member).post(
        url(org.org, "actions_bulk_status"),
        {"actions": [late.pk, later.pk], "status": "afgerond", "query": "plan=1&sort=-due"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == url(org.org, "actions") + "?plan=1&sort=-due"
    assert "2 acties hebben nu de status ‘Afgerond’." in response.content.decode()
    late.refresh_from_db()
    later.refresh_from_db()
    assert late.status == later.status == "afgerond"
    assert late.version == later.version == 2
    assert Action.objects.get(pk=world["done"].pk).version == 1


def test_bulk_status_refuses_actions_of_another_organisation(world, org_b, client_for):
    org = world["org"]
    foreign = ActionFactory(plan=PlanFactory(organisation=org_b.org))
    response = client_for(org.member).post(
        url(org.org, "actions_bulk_status"),
        {"actions": [world["late"].pk, foreign.pk], "status": "geschrapt"},
        follow=True,
    )
    assert "Een van de gekozen acties bestaat niet (meer)." in response.content.decode()
    assert not Action.objects.filter(status="geschrapt").exclude(pk=world["cancelled"].pk)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"status": "afgerond"}, "Vink eerst een of meer acties aan."),
        ({"actions": ["1"], "status": ""}, "Kies de nieuwe status."),
        ({"actions": ["1"], "status": "weg"}, "Selecteer een geldige keuze"),
        ({"actions": ["²"], "status": "afgerond"}, "bestaat niet"),
    ],
)
def test_bulk_status_without_a_choice_says_what_is_missing(data, message, world, client_for):
    org = world["org"]
    response = client_for(org.member).post(url(org.org, "actions_bulk_status"), data, follow=True)
    assert message in response.content.decode()
    assert Action.objects.filter(version=1).count() == 4


# --- One action: form, page, delete --------------------------------------------------------


def action_data(plan, **overrides):
    data = {
        "plan": plan.pk,
        "title": "Fietsplan invoeren",
        "description": "",
        "why": "Minder autoritten",
        "goal": "",
        "theme": "",
        "responsible": "",
        "team": "HR",
        "planned_year": str(plan.start_year),
        "planned_quarter": "3",
        "start_date": "",
        "due_date": "",
        "budget": "1.250,50",
        "hours": "12",
        "within_budget": "on",
        "status": "gepland",
        "progress_notes": "",
    }
    return {**data, **overrides}


def test_a_member_adds_an_action_to_the_preselected_plan(world, client_for):
    org, plan = world["org"], world["plan"]
    client = client_for(org.member)
    form = client.get(url(org.org, "action_create"), {"plan": plan.pk}).context["form"]
    assert form.initial["plan"] == plan.pk
    response = client.post(
        url(org.org, "action_create"),
        action_data(plan, goal=world["goal"].pk, responsible=org.member.pk),
    )
    action = Action.objects.get(title="Fietsplan invoeren")
    assert response["Location"] == url(org.org, "action_detail", pk=action.pk)
    assert action.organisation == org.org and action.budget == Decimal("1250.50")
    assert action.planned_period == (THIS_YEAR - 1) * 10 + 3
    page = client.get(response["Location"]).content.decode()
    assert "Fietsplan invoeren" in page and "Minder CO2" in page and "1.250,5" in page


def test_odd_plan_ids_in_the_create_link_are_ignored(world, client_for):
    org = world["org"]
    for value in ["²", "99999999999999999999999", "x"]:
        response = client_for(org.member).get(url(org.org, "action_create"), {"plan": value})
        assert response.status_code == 200


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"planned_year": "2040"}, "planned_year", "Kies een jaar binnen de planperiode"),
        ({"planned_quarter": ""}, "planned_quarter", "Kies zowel het jaar als het kwartaal"),
        ({"goal": "other"}, "goal", "Dit doel hoort bij een ander plan."),
        (
            {"start_date": "2026-05-01", "due_date": "2026-04-01"},
            "due_date",
            "De einddatum kan niet vóór de startdatum liggen.",
        ),
        ({"budget": "-5"}, "budget", "Vul een bedrag of aantal van 0 of meer in."),
        ({"hours": "veel"}, "hours", "Vul een getal in"),
        ({"title": ""}, "title", "Dit veld is verplicht."),
    ],
)
def test_bad_input_gets_a_dutch_message_next_to_the_field(
    overrides, field, message, world, client_for
):
    org = world["org"]
    if overrides.get("goal") == "other":
        overrides = {"goal": GoalFactory(plan=world["other_plan"]).pk}
    response = client_for(org.member).post(
        url(org.org, "action_create"), action_data(world["plan"], **overrides)
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert any(message in error for error in errors[field]), errors
    assert "Er is niets opgeslagen" in response.content.decode()
    assert not Action.objects.filter(title="Fietsplan invoeren").exists()


def test_two_people_edit_the_same_action_and_the_second_is_told(world, client_for):
    org, action = world["org"], world["late"]
    path = url(org.org, "action_update", pk=action.pk)
    first, second = client_for(org.member), client_for(org.manager)
    first.get(path)
    version = second.get(path).context["form"]["version"].value()
    data = action_data(world["plan"], version=version)
    assert first.post(path, {**data, "title": "Eerste versie"}).status_code == 302
    response = second.post(path, {**data, "title": "Tweede versie"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Iemand anders heeft dit intussen gewijzigd" in page
    assert 'value="Tweede versie"' in page  # their input is kept
    action.refresh_from_db()
    assert action.title == "Eerste versie" and action.version == 2


def test_a_member_deletes_an_action(world, client_for):
    org, action = world["org"], world["done"]
    client = client_for(org.member)
    assert client.get(url(org.org, "action_delete", pk=action.pk)).status_code == 200
    response = client.post(url(org.org, "action_delete", pk=action.pk))
    assert response["Location"] == url(org.org, "actions")
    assert not Action.objects.filter(pk=action.pk).exists()


def test_the_plan_link_opens_the_list_filtered_on_the_plan(world, client_for):
    org, plan = world["org"], world["plan"]
    response = client_for(org.viewer).get(url(org.org, "plan_actions", pk=plan.pk))
    assert response["Location"] == url(org.org, "actions") + f"?plan={plan.pk}"


@pytest.mark.parametrize(
    "name", ["action_detail", "action_update", "action_delete", "action_move", "plan_actions"]
)
def test_another_organisations_action_is_not_found(name, world, org_b, client_for):
    """Asked for through one's own organisation, another organisation's row does not exist."""
    foreign_plan = PlanFactory(organisation=org_b.org)
    foreign = ActionFactory(plan=foreign_plan)
    pk = foreign_plan.pk if name == "plan_actions" else foreign.pk
    client = client_for(world["org"].member)
    path = url(world["org"].org, name, pk=pk)
    assert client.get(path).status_code in (404, 405)
    posted = client.post(path, {"year": "", "quarter": "", "version": 1})
    assert posted.status_code in (404, 405)  # 405: pages that only show
    foreign.refresh_from_db()
    assert foreign.version == 1


@pytest.mark.parametrize(
    ("name", "with_pk"),
    [
        ("actions_bulk_status", False),
        ("action_create", False),
        ("action_update", True),
        ("action_delete", True),
        ("action_move", True),
    ],
)
def test_viewers_may_not_write(name, with_pk, world, client_for):
    org, action = world["org"], world["late"]
    path = url(org.org, name, pk=action.pk) if with_pk else url(org.org, name)
    data = {"actions": [action.pk], "status": "afgerond", "year": "", "quarter": "", "version": 1}
    assert client_for(org.viewer).post(path, data).status_code == 403
    action.refresh_from_db()
    assert action.version == 1 and action.status == "lopend"


# --- The quarter board ----------------------------------------------------------------------


def test_the_board_has_a_column_per_quarter_and_one_for_unplanned(world, client_for):
    org, plan = world["org"], world["plan"]
    response = client_for(org.viewer).get(url(org.org, "board", pk=plan.pk))
    columns = response.context["columns"]
    assert [c["label"] for c in columns][:3] == [
        "Niet gepland",
        f"K1 {THIS_YEAR - 1}",
        f"K2 {THIS_YEAR - 1}",
    ]
    assert len(columns) == 1 + 12
    by_label = {c["label"]: [card.title for card in c["cards"]] for c in columns}
    assert by_label["Niet gepland"] == ["Geschrapt idee", "Zonnepanelen"]
    assert by_label[f"K2 {THIS_YEAR - 1}"] == ["Laadpalen plaatsen"]
    page = response.content.decode()
    assert "te laat" in page and "Leveranciers bevragen" not in page  # another plan
    assert "data-move-url" not in page  # viewers cannot move cards


def test_a_full_column_shows_thirty_cards_and_links_to_the_rest(org_a, client_for):
    plan = plan_of(org_a.org)
    ActionFactory.create_batch(35, plan=plan, planned_year=THIS_YEAR, planned_quarter=2)
    response = client_for(org_a.viewer).get(url(org_a.org, "board", pk=plan.pk))
    column = next(c for c in response.context["columns"] if c["label"] == f"K2 {THIS_YEAR}")
    assert len(column["cards"]) == 30 and column["total"] == 35
    link = f"?plan={plan.pk}&amp;year={THIS_YEAR}&amp;quarter=2"
    assert link in response.content.decode() and "nog 5 acties" in response.content.decode()


def move(client, org, action, year, quarter, version=None, **extra):
    return client.post(
        url(org, "action_move", pk=action.pk),
        {"year": year, "quarter": quarter, "version": version or action.version},
        **extra,
    )


def test_moving_a_card_to_another_quarter_of_the_period(world, client_for):
    org, action = world["org"], world["late"]
    response = move(client_for(org.member), org.org, action, THIS_YEAR + 1, 4)
    assert response["Location"] == url(org.org, "board", pk=world["plan"].pk)
    action.refresh_from_db()
    assert (action.planned_year, action.planned_quarter) == (THIS_YEAR + 1, 4)
    assert action.planned_period == (THIS_YEAR + 1) * 10 + 4 and action.version == 2


def test_moving_a_card_off_the_calendar(world, client_for):
    org, action = world["org"], world["late"]
    response = move(client_for(org.member), org.org, action, "", "", follow=True)
    assert "staat nu bij niet gepland" in response.content.decode()
    action.refresh_from_db()
    assert action.planned_period is None and action.planned_year is None


@pytest.mark.parametrize(
    ("year", "quarter", "message"),
    [
        (THIS_YEAR + 5, 1, "Kies een kwartaal binnen de planperiode."),
        (THIS_YEAR, "", "Kies zowel het jaar als het kwartaal, of geen van beide."),
        ("²", 1, "Voer een geheel getal in."),
        (THIS_YEAR, 7, "Selecteer een geldige keuze"),
    ],
)
def test_a_move_outside_the_period_is_refused(year, quarter, message, world, client_for):
    org, action = world["org"], world["late"]
    response = move(client_for(org.member), org.org, action, year, quarter, follow=True)
    assert message in response.content.decode()
    action.refresh_from_db()
    assert (action.planned_year, action.planned_quarter, action.version) == (THIS_YEAR - 1, 2, 1)


def test_a_stale_card_gets_the_conflict_message_and_the_fresh_board(world, client_for):
    org, action = world["org"], world["late"]
    client = client_for(org.member)
    move(client, org.org, action, THIS_YEAR, 1)  # someone else moved it: version 2 now
    response = move(client, org.org, action, THIS_YEAR, 3, version=1, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200 and body.lstrip().startswith('<div id="board">')
    assert "Iemand anders heeft deze actie intussen gewijzigd." in body
    action.refresh_from_db()
    assert (action.planned_year, action.planned_quarter) == (THIS_YEAR, 1)


def test_htmx_gets_the_board_back_with_the_focus_on_the_moved_card(world, client_for):
    org, action = world["org"], world["done"]
    response = client_for(org.member).post(
        url(org.org, "action_move", pk=action.pk),
        {"year": THIS_YEAR - 1, "quarter": 1, "version": 1, "direction": "later"},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert f"‘Zonnepanelen’ staat nu bij K1 {THIS_YEAR - 1}." in body
    assert body.count("autofocus") == 1
    column = next(c for c in response.context["columns"] if c["year"] == THIS_YEAR - 1)
    assert [card.focus for card in column["cards"] if card.pk == action.pk] == ["later"]


# --- Query counts ---------------------------------------------------------------------------


def _actions(plan, theme, goal, people):
    def add(n):
        for i in range(n):
            ActionFactory(
                plan=plan,
                theme=theme,
                goal=goal,
                responsible=people[i % len(people)],
                planned_year=plan.start_year + i % 3,
                planned_quarter=i % 4 + 1,
                due_date=TODAY - timedelta(days=i),
                budget=i,
            )

    return add


def test_the_list_detail_and_board_take_the_same_queries_for_5_or_200_actions(org_a, client_for):
    plan = plan_of(org_a.org)
    theme = OrgThemeFactory(organisation=org_a.org)
    goal = GoalFactory(plan=plan)
    add = _actions(plan, theme, goal, [org_a.member, org_a.manager, None])
    client = client_for(org_a.member)
    first = ActionFactory(plan=plan, theme=theme, goal=goal)
    counts = [
        assert_queries_constant(client, url(org_a.org, "actions"), add),
        assert_queries_constant(client, url(org_a.org, "actions") + "?late=on&sort=plan", add),
        assert_queries_constant(client, url(org_a.org, "board", pk=plan.pk), add),
        assert_queries_constant(client, url(org_a.org, "action_detail", pk=first.pk), add),
    ]
    assert max(counts) <= 15, counts


def test_the_isolation_test_client_sees_404_for_a_foreign_board(world, org_b):
    client = Client()
    client.force_login(org_b.member)
    assert client.get(url(world["org"].org, "board", pk=world["plan"].pk)).status_code == 404


def test_amounts_show_as_euros_the_dutch_way(org_a, client_for):
    from decimal import Decimal

    from kpis.templatetags.kpi_tags import money

    assert money(Decimal("241975288.8")) == "241.975.288,80"
    assert money(Decimal("1250.00")) == "1.250"
    assert money(None) == "–"
    plan = plan_of(org_a.org)
    ActionFactory(plan=plan, budget=Decimal("1234.5"), hours=Decimal("8"))
    page = client_for(org_a.viewer).get(url(org_a.org, "actions")).content.decode()
    assert "€ 1.234,50" in page
    detail = client_for(org_a.viewer).get(reverse("plans:detail", args=[org_a.org.slug, plan.pk]))
    assert "€ 1.234,50" in detail.content.decode()
