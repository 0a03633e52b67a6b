"""The quarter's toelichting per plan: written, prefilled, saved all-or-nothing, guarded."""

import pytest

from reports.models import QuarterNote, QuarterNoteItem
from tests.factories import GoalFactory, OrgThemeFactory, PlanFactory
from tests.helpers import assert_queries_constant


@pytest.fixture
def plan(org_a):
    plan = PlanFactory(organisation=org_a.org, start_year=2020, end_year=2022)
    plan.themes.set([OrgThemeFactory(organisation=org_a.org, own_name="Water")])
    GoalFactory(plan=plan, title="Minder plastic")
    return plan


def url(plan, year=2021, quarter=2):
    return f"/o/{plan.organisation.slug}/rapportages/toelichting/{plan.pk}/{year}/{quarter}/"


def post_data(plan, version="", **texts):
    theme = plan.themes.get()
    goal = plan.goals.get()
    data = {
        "note-version": version,
        "note-went_well": texts.get("went_well", "Zonnepanelen geplaatst"),
        "note-lagging": texts.get("lagging", ""),
        "note-next_steps": texts.get("next_steps", "Warmtepomp"),
        f"t{theme.pk}-went_well": texts.get("theme", "Minder water"),
        f"t{theme.pk}-lagging": "",
        f"t{theme.pk}-next_steps": "",
        f"g{goal.pk}-went_well": "",
        f"g{goal.pk}-lagging": texts.get("goal", "Leverancier te laat"),
        f"g{goal.pk}-next_steps": "",
    }
    return data


def test_create_and_edit(plan, org_a, client_for):
    client = client_for(org_a.member)
    assert client.get(url(plan)).status_code == 200
    response = client.post(url(plan), post_data(plan))
    assert response.status_code == 302
    note = QuarterNote.objects.get(plan=plan, year=2021, quarter=2)
    assert note.went_well == "Zonnepanelen geplaatst" and note.updated_by == org_a.member
    assert note.organisation == org_a.org
    assert QuarterNoteItem.objects.get(note=note, theme__isnull=False).went_well == "Minder water"
    assert QuarterNoteItem.objects.get(note=note, goal__isnull=False).lagging == (
        "Leverancier te laat"
    )
    response = client.post(url(plan), post_data(plan, version=note.version, theme=""))
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.version == 2
    assert not note.items.filter(theme__isnull=False).exists()  # emptied: removed
    page = client.get(url(plan)).content.decode()
    assert "Zonnepanelen geplaatst" in page and "Leverancier te laat" in page


def test_prefilled_from_previous_quarter_but_not_saved(plan, org_a, client_for):
    client = client_for(org_a.member)
    client.post(url(plan, 2021, 4), post_data(plan, went_well="Vorig kwartaal goed"))
    page = client.get(url(plan, 2022, 1)).content.decode()
    assert "overgenomen uit K4 2021, pas aan" in page
    assert "Vorig kwartaal goed" in page and "Leverancier te laat" in page
    assert not QuarterNote.objects.filter(year=2022, quarter=1).exists()
    # an earlier quarter is not prefilled from a later one
    assert "overgenomen" not in client.get(url(plan, 2021, 3)).content.decode()


def test_all_or_nothing_on_a_bad_field(plan, org_a, client_for):
    client = client_for(org_a.member)
    response = client.post(url(plan), post_data(plan, goal="x" * 4001))
    assert response.status_code == 200
    assert "Er is niets opgeslagen" in response.content.decode()
    assert not QuarterNote.objects.exists() and not QuarterNoteItem.objects.exists()


def test_version_conflict_between_two_clients(plan, org_a, client_for):
    first, second = client_for(org_a.member), client_for(org_a.admin)
    first.post(url(plan), post_data(plan))
    note = QuarterNote.objects.get()
    loaded = note.version
    first.post(url(plan), post_data(plan, version=loaded, went_well="Eerste"))
    response = second.post(url(plan), post_data(plan, version=loaded, went_well="Tweede"))
    assert response.status_code == 200
    assert "Iemand anders heeft dit intussen gewijzigd" in response.content.decode()
    note.refresh_from_db()
    assert note.went_well == "Eerste"


def test_roles(plan, org_a, client_for):
    for role in ("viewer", "manager"):
        page = client_for(getattr(org_a, role)).get(url(plan))
        assert page.status_code == 200
    viewer_page = client_for(org_a.viewer).get(url(plan)).content.decode()
    assert 'type="submit">Opslaan' not in viewer_page
    assert client_for(org_a.viewer).post(url(plan), post_data(plan)).status_code == 403
    assert not QuarterNote.objects.exists()
    assert client_for(org_a.admin).post(url(plan), post_data(plan)).status_code == 302


def test_other_organisations_plan_is_404(plan, org_b, client_for):
    client = client_for(org_b.member)
    other = f"/o/{org_b.org.slug}/rapportages/toelichting/{plan.pk}/2021/2/"
    assert client.get(other).status_code == 404
    assert client.post(other, post_data(plan)).status_code == 404
    assert client.get(url(plan)).status_code == 404


@pytest.mark.parametrize(
    "year,quarter,text",
    [
        (2019, 4, "buiten de looptijd"),
        (2023, 1, "buiten de looptijd"),
        (2021, 5, "vier kwartalen"),
        (2021, 0, "vier kwartalen"),
        (999999, 1, "buiten de looptijd"),
    ],
)
def test_quarter_outside_the_plan(plan, org_a, client_for, year, quarter, text):
    response = client_for(org_a.member).get(url(plan, year, quarter))
    assert response.status_code == 404
    assert text in response.content.decode()
    assert client_for(org_a.member).post(url(plan, year, quarter), {}).status_code == 404


def test_future_quarter(org_a, client_for):
    plan = PlanFactory(organisation=org_a.org, start_year=2090, end_year=2091)
    response = client_for(org_a.member).get(url(plan, 2090, 1))
    assert response.status_code == 404
    assert "nog niet begonnen" in response.content.decode()


def test_quarter_picker_and_plan_link(plan, org_a, client_for):
    client = client_for(org_a.viewer)
    response = client.get(url(plan) + "?kwartaal=2020-3")
    assert response.status_code == 302 and response.url == url(plan, 2020, 3)
    assert client.get(url(plan) + "?kwartaal=nonsense").status_code == 200
    detail = client.get(f"/o/{org_a.org.slug}/plannen/{plan.pk}/")
    assert detail.status_code == 200
    assert "Toelichting per kwartaal (K4 2022)" in detail.content.decode()


def test_queries_do_not_grow_with_goals(plan, org_a, client_for):
    client = client_for(org_a.member)
    client.post(url(plan), post_data(plan))

    def add(n):
        for _ in range(n):
            goal = GoalFactory(plan=plan)
            theme = OrgThemeFactory(organisation=org_a.org)
            plan.themes.add(theme)
            QuarterNoteItem.objects.create(note=QuarterNote.objects.get(), goal=goal, lagging="x")

    assert_queries_constant(client, url(plan), add, small=3, large=40)


def test_many_goals_are_capped_and_the_rest_left_alone(plan, org_a, client_for, monkeypatch):
    monkeypatch.setattr("reports.note_views.MAX_ITEMS", 2)
    client = client_for(org_a.member)
    client.post(url(plan), post_data(plan))
    data = post_data(plan)
    hidden = GoalFactory(plan=plan, title="Niet op de pagina")
    QuarterNoteItem.objects.create(note=QuarterNote.objects.get(), goal=hidden, lagging="blijft")
    page = client.get(url(plan)).content.decode()
    assert "Alleen de eerste 2" in page and "Niet op de pagina" not in page
    note = QuarterNote.objects.get()
    assert client.post(url(plan), {**data, "note-version": note.version}).status_code == 302
    assert QuarterNoteItem.objects.get(goal=hidden).lagging == "blijft"
