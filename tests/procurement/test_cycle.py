"""Steps 5–7 of an MVOI plan: borging, jaarplanning and the yearly evaluation with "prepare
next year"."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plans.models import Action, ActionStatus, PlanStatus
from procurement import evaluation as services
from procurement.models import (
    ActionDetail,
    Anchoring,
    AnchoringArea,
    Evaluation,
    Tender,
    TenderStatus,
    YearTarget,
)
from tests.factories import ActionFactory

from .conftest import make_tender

pytestmark = pytest.mark.django_db


def url(name, plan, *args):
    return reverse(f"procurement:{name}", args=[plan.organisation.slug, plan.pk, *args])


def action(plan, **fields):
    return ActionFactory(plan=plan, **fields)


def detail(action, **fields):
    return ActionDetail.objects.create(organisation=action.organisation, action=action, **fields)


def action_post(**fields):
    data = {
        "title": "Inkoopbeleid herzien",
        "team": "Inkoop",
        "planned_year": "2025",
        "planned_quarter": "2",
        "status": "gepland",
        "budget": "1.500",
        "hours": "40",
        "anchoring": "structureel",
        "extra_budget": "on",
    }
    data.update(fields)
    return data


# --- Borging --------------------------------------------------------------------------------


def test_anchoring_text_is_created_on_first_save_and_shown(org_a, client_for, mvoi):
    client = client_for(org_a.member)
    edit = url("anchoring_edit", mvoi.plan, AnchoringArea.PROCESS)
    assert client.get(edit).status_code == 200
    response = client.post(edit, {"anchored": "MVOI staat in elke inkoopstrategie."})
    assert response.status_code == 302
    assert response.url == url("anchoring", mvoi.plan)
    row = Anchoring.objects.get(plan=mvoi.plan)
    assert (row.area, row.anchored, row.organisation) == (
        AnchoringArea.PROCESS,
        "MVOI staat in elke inkoopstrategie.",
        mvoi.org,
    )
    response = client.post(edit, {"anchored": "Ook in contractmanagement.", "version": 1})
    assert response.status_code == 302
    assert Anchoring.objects.get(plan=mvoi.plan).anchored == "Ook in contractmanagement."
    body = client_for(org_a.viewer).get(url("anchoring", mvoi.plan)).content.decode()
    assert "Ook in contractmanagement." in body
    assert client.get(url("anchoring_edit", mvoi.plan, "onbekend")).status_code == 404


def test_anchoring_page_groups_the_anchoring_actions(org_a, client_for, mvoi):
    structural = action(mvoi.plan, title="Borging in beleid", responsible=org_a.member)
    detail(structural, anchoring="structureel")
    one_off = action(mvoi.plan, title="Training inkopers")
    detail(one_off, anchoring="eenmalig", extra_capacity=True)
    detail(action(mvoi.plan, title="Gewone actie"), anchoring="")
    action(mvoi.plan, title="Actie zonder details")
    response = client_for(org_a.viewer).get(url("anchoring", mvoi.plan))
    assert response.status_code == 200
    rows = [(a.title, a.anchoring_kind) for a in response.context["page_obj"].object_list]
    assert rows == [("Borging in beleid", "structureel"), ("Training inkopers", "eenmalig")]
    body = response.content.decode()
    assert "Structurele borgingsacties" in body and "Eenmalige borgingsacties" in body
    assert "Gewone actie" not in body


# --- MVOI actions ---------------------------------------------------------------------------


def test_action_and_its_details_are_saved_together(org_a, client_for, mvoi):
    client = client_for(org_a.member)
    create = url("mvoi_action_create", mvoi.plan) + "?anchoring=structureel&terug=borging"
    form = client.get(create)
    assert form.status_code == 200
    assert form.context["form"].initial["anchoring"] == "structureel"
    assert 'list="id_team-opties"' in form.content.decode()
    response = client.post(create, action_post(within_budget="on"))
    assert response.status_code == 302
    assert response.url == url("anchoring", mvoi.plan)
    saved = Action.objects.get(plan=mvoi.plan)
    assert not saved.within_budget  # extra budget needed: not within the existing budget
    assert (saved.title, saved.team, saved.planned_period, saved.budget) == (
        "Inkoopbeleid herzien",
        "Inkoop",
        20252,
        Decimal("1500"),
    )
    assert (saved.mvoi.anchoring, saved.mvoi.extra_budget, saved.mvoi.extra_capacity) == (
        "structureel",
        True,
        False,
    )
    # editing an action made in the plans app (no details yet) creates its details
    plain = action(mvoi.plan, title="Uit de actielijst", version=1)
    edit = url("mvoi_action_update", mvoi.plan, plain.pk) + "?terug=jaarplanning"
    response = client.post(
        edit,
        action_post(
            title="Uit de actielijst",
            anchoring="",
            extra_budget="",
            extra_capacity="on",
            within_budget="",
            version="1",
        ),
    )
    assert response.status_code == 302
    assert response.url == url("year_plan", mvoi.plan) + "?year=2025"
    plain.refresh_from_db()
    assert plain.mvoi.extra_capacity and not plain.mvoi.extra_budget and plain.team == "Inkoop"


@pytest.mark.parametrize(
    "bad, field",
    [
        ({"planned_year": "2031"}, "planned_year"),  # outside the plan period
        ({"title": ""}, "title"),
        ({"anchoring": "altijd"}, "anchoring"),
        ({"budget": "veel"}, "budget"),
    ],
)
def test_bad_action_input_saves_nothing(org_a, client_for, mvoi, bad, field):
    response = client_for(org_a.member).post(
        url("mvoi_action_create", mvoi.plan), action_post(**bad)
    )
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert "Er is niets opgeslagen" in response.content.decode()
    assert not Action.objects.exists() and not ActionDetail.objects.exists()


def test_action_of_another_plan_or_organisation_is_404(org_a, org_b, client_for, mvoi, mvoi_b):
    other = action(mvoi_b.plan)
    client = client_for(org_a.member)
    assert client.get(url("mvoi_action_update", mvoi.plan, other.pk)).status_code == 404
    assert client.get(url("mvoi_action_update", mvoi_b.plan, other.pk)).status_code == 404
    assert client_for(org_b.member).get(url("mvoi_action_create", mvoi.plan)).status_code == 404


# --- Jaarplanning ---------------------------------------------------------------------------


def cell_titles(grid, row_label, quarter):
    row = next(r for r in grid["rows"] if r["label"] == row_label)
    return [a.title for q, cards in row["cells"] if q == quarter for a in cards]


def test_year_plan_groups_by_team_and_quarter(org_a, client_for, mvoi):
    p = mvoi.plan
    with_detail = action(
        p, title="Marktdialoog", team="Inkoop", planned_year=2025, planned_quarter=1
    )
    detail(with_detail, extra_budget=True)
    action(
        p, title="Nieuwsbrief", team="interne communicatie", planned_year=2025, planned_quarter=3
    )
    action(p, title="Kennissessie", team="Team Duurzaamheid", planned_year=2025, planned_quarter=2)
    action(p, title="Zonder team", planned_year=2025, planned_quarter=4, budget=Decimal("100"))
    action(p, title="Ander jaar", team="Inkoop", planned_year=2026, planned_quarter=1)
    action(p, title="Ongepland", team="Inkoop", due_date="2025-06-30")
    action(p, title="Geschrapt", team="Inkoop", planned_year=2025, planned_quarter=1,
           budget=Decimal("999"), status=ActionStatus.CANCELLED)  # fmt: skip
    response = client_for(org_a.viewer).get(url("year_plan", p) + "?year=2025")
    assert response.status_code == 200
    grid = response.context["grid"]
    labels = [row["label"] for row in grid["rows"]]
    assert labels == [
        "MVOI-team",
        "Inkoop",
        "Projectleiders",
        "Directie / management",
        "Interne communicatie",
        "Anders",
        "Geen team",
    ]
    assert [key for key, _label in grid["columns"]] == [1, 2, 3, 4, 0]
    assert cell_titles(grid, "Inkoop", 1) == ["Geschrapt", "Marktdialoog"]
    assert cell_titles(grid, "Inkoop", 0) == ["Ongepland"]
    assert cell_titles(grid, "Interne communicatie", 3) == ["Nieuwsbrief"]
    assert cell_titles(grid, "Anders", 2) == ["Kennissessie"]
    assert cell_titles(grid, "Geen team", 4) == ["Zonder team"]
    cards = {a.title: a for row in grid["rows"] for _q, cs in row["cells"] for a in cs}
    assert cards["Marktdialoog"].needs_budget and not cards["Nieuwsbrief"].needs_budget
    assert "Ander jaar" not in cards
    inkoop = next(r for r in grid["rows"] if r["label"] == "Inkoop")
    assert inkoop["totals"]["count"] == 2  # the cancelled one does not count
    body = response.content.decode()
    assert "extra budget" in body and "Team Duurzaamheid" in body
    assert "table-responsive" in body and "d-print-none" in body
    # a year outside the plan falls back to a year of the plan
    assert client_for(org_a.viewer).get(url("year_plan", p) + "?year=abc").status_code == 200


def test_year_plan_query_count_is_fixed(org_a, client_for, mvoi):
    teams = ["MVOI-team", "Inkoop", "Anders team", ""]
    actions = Action.objects.bulk_create(
        Action(
            organisation=mvoi.org,
            plan=mvoi.plan,
            title=f"Actie {n}",
            team=teams[n % 4],
            planned_year=2025,
            planned_quarter=n % 4 + 1,
            planned_period=20250 + n % 4 + 1,
            responsible=org_a.member,
            budget=Decimal("10"),
        )
        for n in range(500)
    )
    ActionDetail.objects.bulk_create(
        ActionDetail(organisation=mvoi.org, action=a, extra_budget=True) for a in actions[::2]
    )
    client = client_for(org_a.member)
    client.get(url("year_plan", mvoi.plan) + "?year=2025")  # warm up the session
    with CaptureQueriesContext(connection) as many:
        response = client.get(url("year_plan", mvoi.plan) + "?year=2025")
    assert response.context["grid"]["count"] == 500
    Action.objects.filter(pk__in=[a.pk for a in actions[5:]]).delete()
    with CaptureQueriesContext(connection) as few:
        client.get(url("year_plan", mvoi.plan) + "?year=2025")
    assert len(many) == len(few) <= 12


# --- Evaluatie ------------------------------------------------------------------------------


@pytest.fixture
def year_2025(mvoi):
    """2025: target 80 %, 4 promising tenders of which 3 apply a focus theme (75 %), one
    explained deviation, one postponed tender (not promising); 2 actions done, 2 open, 1
    cancelled."""
    p, g, focus = mvoi.plan, mvoi.group, mvoi.focus
    YearTarget.objects.create(organisation=mvoi.org, plan=p, year=2025, target_pct=80)
    YearTarget.objects.create(organisation=mvoi.org, plan=p, year=2026, target_pct=85)
    make_tender(p, g, 2025, 1, themes=[focus[0]], title="Schoonmaak")
    make_tender(p, g, 2025, 2, themes=[focus[1]], title="Catering")
    make_tender(p, g, 2025, 3, themes=[focus[2]], title="ICT-werkplekken")
    make_tender(
        p,
        g,
        2025,
        2,
        title="Kantoorartikelen",
        status=TenderStatus.AWARDED,
        explanation="Geen markt",
    )
    make_tender(p, g, 2025, 1, title="Onverklaard", status=TenderStatus.PUBLISHED, promising=False)
    postponed = make_tender(
        p, g, 2025, 4, title="Bedrijfskleding", status=TenderStatus.POSTPONED, promising=False
    )
    make_tender(p, g, 2026, 1, title="Volgend jaar", themes=[focus[0]])
    done = [action(p, planned_year=2025, planned_quarter=q, status="afgerond") for q in (1, 2)]
    open_one = action(p, title="Criteria kiezen", planned_year=2025, planned_quarter=2,
                      status="lopend", team="Inkoop", budget=Decimal("500"))  # fmt: skip
    detail(open_one, anchoring="eenmalig", extra_capacity=True)
    open_two = action(p, title="Dashboard bouwen", planned_year=2025, planned_quarter=4)
    action(p, title="Geschrapt", planned_year=2025, planned_quarter=3, status="geschrapt")
    return {"postponed": postponed, "open": [open_one, open_two], "done": done}


def test_year_facts(mvoi, year_2025):
    facts = services.year_facts(mvoi.plan, 2025)
    assert facts["share"] == {"tenders": 4, "applying": 3, "actual_pct": 75, "target_pct": 80}
    assert facts["actions"] == {
        "done": 2,
        "not_done": 2,
        "cancelled": 1,
        "open_titles": ["Criteria kiezen", "Dashboard bouwen"],
    }
    assert facts["deviations"] == [
        {"title": "Kantoorartikelen", "quarter": 2, "explanation": "Geen markt"}
    ]
    assert facts["postponed"] == [{"title": "Bedrijfskleding", "quarter": 4}]


def test_new_evaluation_is_prefilled_with_the_facts(org_a, client_for, mvoi, year_2025):
    response = client_for(org_a.member).get(url("evaluation_edit", mvoi.plan, 2025))
    assert response.status_code == 200
    form = response.context["form"]
    better = form.initial["procesgericht_beter"]
    assert "Aandeel kansrijke aanbestedingen met MVOI: 75% (doel 80%)." in better
    assert "2 acties zijn niet afgerond" in better and "Criteria kiezen" in better
    assert "startte zonder MVOI-thema" in better
    assert form.initial["procesgericht_goed"] == "2 acties zijn afgerond."
    assert "schuift door naar 2026" in form.initial["procesgericht_letten"]
    assert not form.initial.get("strategisch_goed")
    body = response.content.decode()
    assert "De feiten van 2025" in body and "Geen markt" in body and "Bedrijfskleding" in body


def test_finish_freezes_the_facts(org_a, client_for, mvoi, year_2025):
    client = client_for(org_a.member)
    edit = url("evaluation_edit", mvoi.plan, 2025)
    response = client.post(edit, {"strategisch_goed": "Bestuur steunt MVOI.", "save": ""})
    assert response.status_code == 302
    evaluation = Evaluation.objects.get(plan=mvoi.plan, year=2025)
    assert evaluation.finished_at is None and evaluation.strategisch_goed == "Bestuur steunt MVOI."
    response = client.post(
        edit, {"strategisch_goed": "Bestuur steunt MVOI.", "version": "1", "finish": ""}
    )
    assert response.status_code == 302
    evaluation.refresh_from_db()
    assert evaluation.finished_by == org_a.member and evaluation.finished_at
    assert evaluation.facts["share"]["actual_pct"] == 75
    # the calendar changes afterwards; the finished evaluation keeps its facts
    Tender.objects.filter(title="Kantoorartikelen").update(explanation="")
    make_tender(mvoi.plan, mvoi.group, 2025, 4, title="Nieuw", themes=[mvoi.focus[0]])
    response = client.get(edit)
    assert response.context["facts"]["share"]["actual_pct"] == 75
    assert response.context["facts"]["deviations"][0]["explanation"] == "Geen markt"
    assert "Geen markt" in response.content.decode()
    assert services.year_facts(mvoi.plan, 2025)["share"]["actual_pct"] == 80
    # a finished evaluation is not changed by a post; reopening makes it a concept again
    client.post(edit, {"strategisch_goed": "Anders", "version": "2", "save": ""})
    evaluation.refresh_from_db()
    assert evaluation.strategisch_goed == "Bestuur steunt MVOI."
    client.post(url("evaluation_reopen", mvoi.plan, 2025))
    evaluation.refresh_from_db()
    assert evaluation.finished_at is None and evaluation.facts == {}
    states = client.get(url("evaluations", mvoi.plan)).context["states"]
    assert [year for year, _e in states] == [2024, 2025, 2026, 2027]
    assert dict(states)[2025] == evaluation and dict(states)[2024] is None


def test_prepare_next_year_moves_and_copies_once(org_a, client_for, mvoi, year_2025):
    mvoi.plan.status = PlanStatus.APPROVED
    mvoi.plan.save(update_fields=["status"])
    client = client_for(org_a.member)
    prepare = url("evaluation_prepare", mvoi.plan, 2025)
    response = client.post(prepare, follow=True)
    assert "Sla de evaluatie eerst op" in response.content.decode()
    client.post(url("evaluation_edit", mvoi.plan, 2025), {"save": ""})
    response = client.post(prepare, follow=True)
    assert "één uitgestelde aanbesteding verplaatst en 2 open acties overgenomen" in (
        response.content.decode()
    )
    tender = year_2025["postponed"]
    tender.refresh_from_db()
    assert (tender.planned_year, tender.planned_quarter, tender.status) == (2026, 4, "gepland")
    assert tender.history.first().planned_year == 2026
    assert tender.history.count() == 2
    copies = Action.objects.filter(plan=mvoi.plan, planned_year=2026).order_by("title")
    assert [(a.title, a.status, a.planned_quarter) for a in copies] == [
        ("Criteria kiezen", "gepland", 2),
        ("Dashboard bouwen", "gepland", 4),
    ]
    criteria = copies[0]
    assert criteria.carried_from == year_2025["open"][0]
    assert (criteria.team, criteria.budget) == ("Inkoop", Decimal("500"))
    assert criteria.mvoi.anchoring == "eenmalig" and criteria.mvoi.extra_capacity
    assert not ActionDetail.objects.filter(action=copies[1]).exists()
    mvoi.plan.refresh_from_db()
    assert mvoi.plan.status == PlanStatus.DRAFT
    assert Evaluation.objects.get(plan=mvoi.plan, year=2025).next_year_prepared_at
    # a second time does nothing
    response = client.post(prepare, follow=True)
    assert "was al voorbereid" in response.content.decode()
    assert services.prepare_next_year(mvoi.plan, 2025, org_a.member) is None
    assert Action.objects.filter(plan=mvoi.plan, planned_year=2026).count() == 2
    assert Tender.objects.filter(plan=mvoi.plan, planned_year=2026).count() == 2


def test_prepare_next_year_is_all_or_nothing(org_a, mvoi, year_2025, monkeypatch):
    Evaluation.objects.create(organisation=mvoi.org, plan=mvoi.plan, year=2025)
    calls = []

    def fail_on_second(action, year):
        calls.append(action)
        if len(calls) == 2:
            raise RuntimeError("database gone")
        return real(action, year)

    real = services.carry_action
    monkeypatch.setattr(services, "carry_action", fail_on_second)
    with pytest.raises(RuntimeError):
        services.prepare_next_year(mvoi.plan, 2025, org_a.member)
    assert Tender.objects.get(pk=year_2025["postponed"].pk).planned_year == 2025
    assert not Action.objects.filter(planned_year=2026).exists()
    assert Evaluation.objects.get(plan=mvoi.plan, year=2025).next_year_prepared_at is None


def test_last_year_of_the_plan_cannot_prepare_a_next_year(org_a, client_for, mvoi):
    client = client_for(org_a.member)
    client.post(url("evaluation_edit", mvoi.plan, 2027), {"save": ""})
    response = client.post(url("evaluation_prepare", mvoi.plan, 2027), follow=True)
    assert "buiten de planperiode" in response.content.decode()
    assert Evaluation.objects.get(year=2027).next_year_prepared_at is None


def test_evaluation_access(org_a, org_b, client_for, mvoi, mvoi_b):
    viewer = client_for(org_a.viewer)
    assert viewer.get(url("evaluation_edit", mvoi.plan, 2023)).status_code == 404
    assert viewer.get(url("evaluation_edit", mvoi.plan, 2028)).status_code == 404
    response = viewer.get(url("evaluation_edit", mvoi.plan, 2024))
    assert response.status_code == 200 and "<textarea" not in response.content.decode()
    assert viewer.post(url("evaluation_edit", mvoi.plan, 2024), {"save": ""}).status_code == 403
    assert viewer.post(url("evaluation_prepare", mvoi.plan, 2024)).status_code == 403
    assert viewer.post(url("anchoring_edit", mvoi.plan, "organisatie"), {}).status_code == 403
    assert viewer.post(url("mvoi_action_create", mvoi.plan), action_post()).status_code == 403
    assert not Evaluation.objects.exists() and not Action.objects.exists()
    other = client_for(org_b.member)
    for name, args in [
        ("anchoring", ()),
        ("year_plan", ()),
        ("evaluations", ()),
        ("evaluation_edit", (2025,)),
    ]:
        assert other.get(url(name, mvoi.plan, *args)).status_code == 404
    assert other.post(url("evaluation_prepare", mvoi.plan, 2025)).status_code == 404
    assert client_for(org_a.member).get(url("evaluations", mvoi_b.plan)).status_code == 404


def test_pages_have_unique_ids(org_a, client_for, mvoi, year_2025):
    from tests.test_page_markup import IdCollector

    client = client_for(org_a.member)
    client.post(url("evaluation_edit", mvoi.plan, 2025), {"save": ""})
    pages = [
        url("anchoring", mvoi.plan),
        url("anchoring_edit", mvoi.plan, "organisatie"),
        url("mvoi_action_create", mvoi.plan),
        url("mvoi_action_update", mvoi.plan, year_2025["open"][0].pk),
        url("year_plan", mvoi.plan) + "?year=2025",
        url("evaluations", mvoi.plan),
        url("evaluation_edit", mvoi.plan, 2025),
        url("evaluation_edit", mvoi.plan, 2026),
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        parser = IdCollector()
        parser.feed(response.content.decode())
        assert not [i for i, n in parser.ids.items() if n > 1], page


def test_anchoring_and_evaluation_pages_have_a_fixed_query_count(org_a, client_for, mvoi):
    def fill(count, start):
        actions = Action.objects.bulk_create(
            Action(
                organisation=mvoi.org,
                plan=mvoi.plan,
                title=f"Actie {start + n}",
                planned_year=2025,
                planned_quarter=n % 4 + 1,
                planned_period=20250 + n % 4 + 1,
                status=["gepland", "afgerond"][n % 2],
                responsible=org_a.member,
            )
            for n in range(count)
        )
        ActionDetail.objects.bulk_create(
            ActionDetail(organisation=mvoi.org, action=a, anchoring="structureel") for a in actions
        )
        for _n in range(count // 10):
            make_tender(mvoi.plan, mvoi.group, 2025, status=TenderStatus.POSTPONED)
            make_tender(
                mvoi.plan, mvoi.group, 2025, status=TenderStatus.AWARDED, explanation="Uitleg"
            )

    client = client_for(org_a.member)
    pages = [
        url("anchoring", mvoi.plan),
        url("evaluations", mvoi.plan),
        url("evaluation_edit", mvoi.plan, 2025),
    ]
    fill(3, 0)
    client.get(pages[0])
    counts = []
    for size in (0, 200):
        fill(size, 1000)
        with CaptureQueriesContext(connection) as queries:
            for page in pages:
                assert client.get(page).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_evaluation_edit_conflict_and_bad_version(org_a, client_for, mvoi):
    client = client_for(org_a.member)
    edit = url("evaluation_edit", mvoi.plan, 2025)
    client.post(edit, {"inhoudelijk_goed": "Eerste", "save": ""})
    client.post(edit, {"inhoudelijk_goed": "Tweede", "version": "1", "save": ""})
    stale = client.post(edit, {"inhoudelijk_goed": "Derde", "version": "1", "finish": ""})
    assert stale.status_code == 200
    assert "Intussen gewijzigd" in stale.content.decode()
    assert client.post(edit, {"version": "abc", "save": ""}).status_code == 200
    evaluation = Evaluation.objects.get(plan=mvoi.plan, year=2025)
    assert (evaluation.inhoudelijk_goed, evaluation.finished_at) == ("Tweede", None)


def test_saving_an_action_deleted_meanwhile_keeps_what_was_typed(org_a, client_for, mvoi):
    gone = action(mvoi.plan, title="Weg", version=1)
    edit = url("mvoi_action_update", mvoi.plan, gone.pk)
    gone.delete()
    response = client_for(org_a.member).post(edit, action_post(title="Mijn tekst", version="1"))
    assert response.status_code == 409
    assert "Mijn tekst" in response.content.decode()


def test_finished_evaluation_whose_finisher_is_gone_still_shows(org_a, client_for, mvoi):
    Evaluation.objects.create(
        organisation=mvoi.org,
        plan=mvoi.plan,
        year=2024,
        finished_at="2025-01-10T10:00:00Z",
        facts=services.year_facts(mvoi.plan, 2024),
    )
    client = client_for(org_a.viewer)
    assert "afgerond" in client.get(url("evaluations", mvoi.plan)).content.decode()
    response = client.get(url("evaluation_edit", mvoi.plan, 2024))
    assert (
        response.status_code == 200 and "Afgerond op 10 januari 2025" in response.content.decode()
    )


def test_changing_only_an_actions_mvoi_details_reopens_an_approved_plan(org_a, client_for, mvoi):
    from tests.plans.builders import approve

    client = client_for(org_a.member)
    client.post(url("mvoi_action_create", mvoi.plan), action_post())
    saved = Action.objects.get(plan=mvoi.plan)
    approve(org_a, mvoi.plan)
    mvoi.plan.refresh_from_db()
    assert mvoi.plan.status == PlanStatus.APPROVED
    edit = url("mvoi_action_update", mvoi.plan, saved.pk)
    response = client.post(edit, action_post(extra_capacity="on", version=str(saved.version)))
    assert response.status_code == 302
    saved.refresh_from_db()
    assert saved.mvoi.extra_capacity
    mvoi.plan.refresh_from_db()
    assert mvoi.plan.status == PlanStatus.DRAFT
