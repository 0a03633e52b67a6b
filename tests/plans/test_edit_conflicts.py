"""No lost updates (issue 9, item 5): two people open the same edit page, both save. The second
is told who changed what meanwhile (field by field, old → new, as people read it), keeps
their own input in the form and saves nothing; a deliberate second submit then saves."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from kpis.models import Kpi
from plans.forms import mission_questions
from plans.models import Action, Feedback, MissionVision, Plan
from tests.factories import (
    ActionFactory,
    GoalFactory,
    KpiFactory,
    OrgThemeFactory,
    PlanFactory,
)

pytestmark = pytest.mark.django_db


def url(org, name, **kwargs):
    return reverse(name, kwargs={"org_slug": org.slug, **kwargs})


def text(response):
    return response.content.decode()


def conflict_box(response):
    """The text of the box that says what changed (tags removed, spaces collapsed)."""
    match = re.search(
        r'<section class="alert alert-warning edit-conflict".*?</section>', text(response), re.S
    )
    assert match, "no conflict box on the page"
    return " ".join(re.sub(r"<[^>]+>", " ", match[0]).split())


def hidden_version(response):
    return response.context["form"]["version"].value()


@pytest.fixture
def people(org_a):
    org_a.member.full_name = "Anna de Vries"
    org_a.member.save()
    org_a.manager.full_name = "Bram Bakker"
    org_a.manager.save()
    return org_a


def two_editors(people, client_for, path):
    """Anna and Bram both open the edit page; returns their clients and the loaded version."""
    anna, bram = client_for(people.member), client_for(people.manager)
    assert anna.get(path).status_code == 200
    loaded = bram.get(path)
    assert loaded.status_code == 200
    return anna, bram, hidden_version(loaded)


# --- Action -------------------------------------------------------------------------------


def action_data(action, **changes):
    data = {
        "plan": action.plan_id,
        "title": action.title,
        "description": "",
        "why": "",
        "goal": "",
        "theme": "",
        "responsible": action.responsible_id or "",
        "team": "",
        "planned_year": "2026",
        "planned_quarter": "2",
        "start_date": "",
        "due_date": "2026-06-30",
        "budget": "1.250,50",
        "hours": "",
        "within_budget": "on",
        "status": "gepland",
        "progress_notes": "",
        "version": action.version,
    }
    return {**data, **changes}


def test_two_people_edit_an_action_and_the_second_sees_what_the_first_changed(people, client_for):
    plan = PlanFactory(organisation=people.org, start_year=2025, end_year=2027)
    action = ActionFactory(
        plan=plan,
        title="Fietsplan invoeren",
        responsible=people.member,
        planned_year=2026,
        planned_quarter=2,
        due_date=date(2026, 6, 30),
        budget=Decimal("1250.50"),
    )
    path = url(people.org, "plans:action_update", pk=action.pk)
    anna, bram, loaded = two_editors(people, client_for, path)
    assert loaded == action.version

    first = anna.post(
        path,
        action_data(
            action,
            title="Fietsplan voor iedereen",
            status="lopend",
            budget="2.000",
            due_date="2026-12-31",
            planned_quarter="4",
            responsible=people.manager.pk,
            version=loaded,
        ),
    )
    assert first.status_code == 302
    mine = action_data(action, title="Fietsplan met e-bikes", version=loaded)
    response = bram.post(path, mine)

    assert response.status_code == 200
    box = conflict_box(response)
    assert "Intussen gewijzigd door Anna de Vries" in box
    assert "Fietsplan invoeren → nu: Fietsplan voor iedereen" in box
    assert "Status was: Gepland → nu: Lopend" in box
    assert "was: 1.250,50 → nu: 2.000" in box  # Dutch amounts
    assert "was: 30 juni 2026 → nu: 31 december 2026" in box  # Dutch dates
    assert "Gepland kwartaal was: K2 → nu: K4" in box  # the form's choice labels
    assert "was: Anna de Vries → nu: Bram Bakker" in box  # names, not ids
    assert "In uw formulier: Fietsplan met e-bikes" in box
    assert "opnieuw opslaan zet deze wijziging terug" in box  # Bram's form has the old status
    assert "Iemand anders heeft dit intussen gewijzigd: Anna de Vries" in text(response)
    assert 'role="alert"' in text(response) and 'id="edit-conflict-title"' in text(response)
    # Bram's own input is still in the form, his save did not happen, the version moved on.
    assert 'value="Fietsplan met e-bikes"' in text(response)
    action.refresh_from_db()
    assert action.title == "Fietsplan voor iedereen" and action.version == loaded + 1
    assert hidden_version(response) == str(action.version)
    assert f'name="version" value="{action.version}"' in text(response)
    # The heading shows what is stored, not the refused title.
    assert "Actie bewerken: Fietsplan voor iedereen" in text(response)

    again = bram.post(path, {**mine, "version": hidden_version(response)})
    assert again.status_code == 302
    action.refresh_from_db()
    assert action.title == "Fietsplan met e-bikes" and action.version == loaded + 2


def test_a_row_without_history_for_the_loaded_version_asks_to_reload(people, client_for):
    plan = PlanFactory(organisation=people.org, start_year=2025, end_year=2027)
    action = ActionFactory(plan=plan, title="Oud")
    path = url(people.org, "plans:action_update", pk=action.pk)
    anna, bram, loaded = two_editors(people, client_for, path)
    action.history.all().delete()  # as for rows saved before the history existed
    assert anna.post(path, action_data(action, title="Van Anna")).status_code == 302
    response = bram.post(path, action_data(action, title="Van Bram"))
    assert response.status_code == 200
    page = text(response)
    assert "Herlaad de pagina" in page and "edit-conflict" not in page
    assert hidden_version(response) == str(loaded)  # no blind overwrite: reload first
    assert 'value="Van Bram"' in page
    assert Action.objects.get(pk=action.pk).title == "Van Anna"


def test_several_saves_meanwhile_name_everyone_and_compare_with_what_was_loaded(people, client_for):
    plan = PlanFactory(organisation=people.org, start_year=2025, end_year=2027)
    action = ActionFactory(plan=plan, title="Begin", team="HR")
    path = url(people.org, "plans:action_update", pk=action.pk)
    bram = client_for(people.manager)
    loaded = hidden_version(bram.get(path))
    anna, admin = client_for(people.member), client_for(people.admin)
    people.admin.full_name = "Carla Claes"
    people.admin.save()
    assert anna.post(path, action_data(action, title="Tussen", team="HR")).status_code == 302
    second = action_data(action, title="Eind", team="Inkoop", version=loaded + 1)
    assert admin.post(path, second).status_code == 302
    response = bram.post(path, action_data(action, title="Begin", team="HR", version=loaded))
    box = conflict_box(response)
    assert "Intussen gewijzigd door Anna de Vries en Carla Claes" in box
    assert "was: Begin → nu: Eind" in box and "was: HR → nu: Inkoop" in box
    assert hidden_version(response) == str(loaded + 2)


# --- Goal ---------------------------------------------------------------------------------


def goal_data(goal, **changes):
    data = {
        "kind": goal.kind,
        "title": goal.title,
        "theme": goal.theme_id or "",
        "kpi": goal.kpi_id or "",
        "target_value": "",
        "deadline": "",
        "specific": goal.specific,
        "acceptable": goal.acceptable,
        "realistic": goal.realistic,
        "version": goal.version,
    }
    return {**data, **changes}


def test_two_people_edit_a_goal(people, client_for):
    plan = PlanFactory(organisation=people.org, start_year=2025, end_year=2027)
    theme = OrgThemeFactory(organisation=people.org, own_name="Afval")
    kpi = KpiFactory(organisation=people.org, theme=theme, name="Restafval per medewerker")
    goal = GoalFactory(plan=plan, kind="thema", theme=theme, title="Minder afval")
    path = url(people.org, "plans:goal_update", pk=goal.pk)
    anna, bram, loaded = two_editors(people, client_for, path)
    changed = goal_data(goal, kpi=kpi.pk, target_value="1234,5", deadline="2027-06-30")
    assert anna.post(path, changed).status_code == 302
    mine = goal_data(goal, title="Veel minder afval", specific="Halveren")
    response = bram.post(path, mine)

    assert response.status_code == 200
    box = conflict_box(response)
    assert "Intussen gewijzigd door Anna de Vries" in box
    assert "KPI was: (leeg) → nu: Restafval per medewerker" in box
    assert "Streefwaarde was: (leeg) → nu: 1.234,5" in box
    assert "Deadline was: (leeg) → nu: 30 juni 2027" in box
    assert "Doel" not in box  # the title did not change: not listed
    assert 'value="Veel minder afval"' in text(response) and "Halveren" in text(response)
    goal.refresh_from_db()
    assert goal.title == "Minder afval" and goal.kpi == kpi and goal.specific == ""

    assert bram.post(path, {**mine, "version": hidden_version(response)}).status_code == 302
    goal.refresh_from_db()
    assert goal.title == "Veel minder afval" and goal.version == loaded + 2
    assert goal.kpi is None  # saving again knowingly overwrote Anna's KPI


# --- Plan ---------------------------------------------------------------------------------


def plan_data(plan, **changes):
    data = {
        "title": plan.title,
        "method": plan.method,
        "start_year": plan.start_year,
        "end_year": plan.end_year,
        "coordinator": plan.coordinator_id or "",
        "description": plan.description,
        "version": plan.version,
    }
    return {**data, **changes}


def test_two_people_edit_a_plan(people, client_for):
    plan = PlanFactory(organisation=people.org, title="MVO-plan", start_year=2025, end_year=2027)
    path = url(people.org, "plans:update", pk=plan.pk)
    anna, bram, loaded = two_editors(people, client_for, path)
    changed = plan_data(plan, end_year=2028, coordinator=people.member.pk, description="Breder.")
    assert anna.post(path, changed).status_code == 302
    mine = plan_data(plan, title="MVO-plan Lexman")
    response = bram.post(path, mine)

    assert response.status_code == 200
    box = conflict_box(response)
    assert "Laatste jaar was: 2027 → nu: 2028" in box  # a year, not 2.028
    assert "Coördinator was: (leeg) → nu: Anna de Vries" in box
    assert "Toelichting was: (leeg) → nu: Breder." in box
    assert 'value="MVO-plan Lexman"' in text(response)
    plan.refresh_from_db()
    assert (plan.title, plan.end_year) == ("MVO-plan", 2028)

    assert bram.post(path, {**mine, "version": hidden_version(response)}).status_code == 302
    assert Plan.objects.get(pk=plan.pk).title == "MVO-plan Lexman"


# --- Mission and vision -------------------------------------------------------------------


def mission_data(mv, mission, vision, answers=None, version=None):
    data = {"mission": mission, "vision": vision, "version": version or mv.version}
    for group, texts in mission_questions().items():
        for i in range(len(texts)):
            data[f"{group}_answer_{i}"] = (answers or {}).get(f"{group}_answer_{i}", "")
    return data


def test_two_people_edit_mission_and_vision(people, client_for):
    plan = PlanFactory(organisation=people.org)
    mv = MissionVision.objects.get(plan=plan)
    path = url(people.org, "plans:mission", pk=plan.pk)
    anna, bram, loaded = two_editors(people, client_for, path)
    question = mission_questions()["mission"][0]
    first = mission_data(mv, "Missie van Anna.", "", {"mission_answer_0": "Voor de regio."})
    assert anna.post(path, first).status_code == 302
    mine = mission_data(mv, "Missie van Bram.", "Visie van Bram.")
    response = bram.post(path, mine)

    assert response.status_code == 200
    box = conflict_box(response)
    assert "Intussen gewijzigd door Anna de Vries" in box
    assert "Missie was: (leeg) → nu: Missie van Anna." in box
    assert f"{question} was: (leeg) → nu: Voor de regio." in box  # an answer, by its question
    assert "Visie" not in box.split("Missie van Anna.")[1].split("Voor de regio")[0]
    assert "Missie van Bram." in text(response) and "Visie van Bram." in text(response)
    mv.refresh_from_db()
    assert mv.mission == "Missie van Anna." and mv.versions.count() == 1

    again = bram.post(path, {**mine, "version": hidden_version(response)})
    assert again.status_code == 302
    mv.refresh_from_db()
    assert mv.mission == "Missie van Bram." and mv.versions.count() == 2


def test_a_stage_change_meanwhile_is_named_on_the_mission_form(people, client_for):
    plan = PlanFactory(organisation=people.org)
    mv = MissionVision.objects.get(plan=plan)
    path = url(people.org, "plans:mission", pk=plan.pk)
    client_for(people.admin).post(path, mission_data(mv, "Missie.", "Visie."))
    Feedback.objects.create(mission_vision=mv, given_by="Directie", comment="Goed zo.")
    anna, bram, loaded = two_editors(people, client_for, path)
    stage = url(people.org, "plans:mission_stage", pk=plan.pk)
    assert anna.post(stage, {"stage": "getoetst"}).status_code == 302
    response = bram.post(path, mission_data(mv, "Missie, beter.", "Visie.", version=loaded))
    assert "Fase was: Voorlopig → nu: Getoetst" in conflict_box(response)


# --- A plan step and a KPI ------------------------------------------------------------------


def test_two_people_edit_a_plan_step(people, client_for):
    plan = PlanFactory(organisation=people.org)
    plan_step = plan.steps.get(step__code="1.3")
    questions = plan_step.step.questions
    path = url(people.org, "plans:step", pk=plan.pk, step_pk=plan_step.pk)
    anna, bram, loaded = two_editors(people, client_for, path)
    answers = {f"answer_{i}": "" for i in range(len(questions))}
    first = {**answers, "answer_0": "Ja, zeker.", "status": "bezig", "notes": "", "version": 1}
    assert anna.post(path, first).status_code == 302
    mine = {**answers, "status": "afgerond", "notes": "Van Bram", "version": loaded}
    response = bram.post(path, mine)
    box = conflict_box(response)
    assert "Status was: Niet gestart → nu: Bezig" in box
    assert f"{questions[0]} was: (leeg) → nu: Ja, zeker." in box
    assert "Van Bram" in text(response)
    assert bram.post(path, {**mine, "version": hidden_version(response)}).status_code == 302


def test_two_people_edit_a_kpi(people, client_for):
    theme = OrgThemeFactory(organisation=people.org, own_name="Energie")
    kpi = KpiFactory(organisation=people.org, theme=theme, name="Stroom", unit="kWh")
    path = url(people.org, "kpis:update", pk=kpi.pk)
    anna, bram, loaded = two_editors(people, client_for, path)
    data = {
        "theme": theme.pk,
        "name": "Stroom",
        "unit": "kWh",
        "direction": "lager",
        "frequency": "kwartaal",
        "version": loaded,
    }
    assert (
        anna.post(
            path,
            {**data, "unit": "MWh", "baseline_value": "1.500,25", "baseline_date": "2024-12-31"},
        ).status_code
        == 302
    )
    response = bram.post(path, {**data, "name": "Stroomverbruik"})
    assert response.status_code == 200
    box = conflict_box(response)
    assert "Intussen gewijzigd door Anna de Vries" in box
    assert "was: kWh → nu: MWh" in box and "was: (leeg) → nu: 1.500,25" in box
    assert "was: (leeg) → nu: 31 december 2024" in box
    assert 'value="Stroomverbruik"' in text(response)
    assert Kpi.objects.get(pk=kpi.pk).name == "Stroom"
    assert (
        bram.post(
            path, {**data, "name": "Stroomverbruik", "version": hidden_version(response)}
        ).status_code
        == 302
    )
    assert Kpi.objects.get(pk=kpi.pk).name == "Stroomverbruik"


def test_an_action_deleted_while_someone_edits_it_keeps_what_they_typed(people, client_for):
    plan = PlanFactory(organisation=people.org, start_year=2025, end_year=2027)
    action = ActionFactory(plan=plan, title="Fietsplan invoeren", responsible=people.member)
    path = url(people.org, "plans:action_update", pk=action.pk)
    anna, bram, _loaded = two_editors(people, client_for, path)
    deleted = anna.post(url(people.org, "plans:action_delete", pk=action.pk))
    assert deleted.status_code == 302 and not Action.objects.filter(pk=action.pk).exists()

    typed = action_data(action, title="Fietsplan voor iedereen", description="Met e-bikes.")
    response = bram.post(path, typed)
    assert response.status_code == 409
    page = " ".join(re.sub(r"<[^>]+>", " ", text(response)).split())
    assert "iemand anders heeft dit intussen verwijderd" in page
    assert "Fietsplan voor iedereen" in page and "Met e-bikes." in page
    assert "Gepland" in page  # a choice is shown by its label
    assert not Action.objects.filter(pk=action.pk).exists()  # nothing brought back


def test_a_missing_or_foreign_action_is_still_404(people, org_b, client_for):
    foreign = ActionFactory(plan=PlanFactory(organisation=org_b.org))
    ActionFactory._meta.model.objects.filter(pk=foreign.pk).delete()
    bram = client_for(people.manager)
    for pk in (foreign.pk, 999999):
        path = url(people.org, "plans:action_update", pk=pk)
        assert bram.post(path, {"title": "x"}).status_code == 404
