"""History: every change of plan content is recorded (who, when, old → new), also when it
is written in bulk (quarter entry, bulk status, import, the quarter board, hand-over, next
cycle), and shown per plan and per object, filtered by person, date and kind, never across
organisations, in a number of queries that does not grow with the history."""

import io
import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from kpis.models import Kpi, Measurement, Target
from mvo import history as engine
from mvo.models import Role
from plans import importer, services
from plans.models import Action, ActionStatus, Goal, MissionVision, Plan, PlanStatus
from tests.factories import (
    ActionFactory,
    GoalFactory,
    KpiFactory,
    MeasurementFactory,
    MembershipFactory,
    OrgThemeFactory,
    PlanFactory,
    TargetFactory,
    UserFactory,
)
from tests.helpers import assert_queries_constant

THIS_YEAR = timezone.localdate().year


def url(org, name, pk, **query):
    path = reverse(name, kwargs={"org_slug": org.slug, "pk": pk})
    return path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def text(response):
    """The page as plain text: tags out, entities decoded, whitespace collapsed."""
    body = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(unescape(body).split())


def entries(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200
    return response.context["page_obj"].entries


def form_data(form, **changes):
    """What a browser posts for the form as it was loaded, with ``changes`` on top."""
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(value, bool) or getattr(field.widget, "input_type", "") == "checkbox":
            if value:
                data[name] = "on"
        elif isinstance(value, list | tuple):
            data[name] = [str(v) for v in value]
        elif value is not None:
            data[name] = str(value)
    data.update(changes)
    return data


def edit(client, path, **changes):
    """Load an edit page and post its form back with ``changes``: the real form, with its
    version and every field the person did not touch."""
    form = client.get(path).context["form"]
    response = client.post(path, form_data(form, **changes))
    assert response.status_code == 302, response.context["form"].errors
    return response


def change_of(entry, label):
    found = [c for c in entry.changes if c.label == label]
    assert found, (label, [c.label for c in entry.changes])
    return found[0]


@pytest.fixture
def world(org_a):
    org = org_a.org
    org_a.member.full_name = "Mila de Vries"
    org_a.member.save()
    org_a.manager.full_name = "Bram Manager"
    org_a.manager.save()
    theme = OrgThemeFactory(organisation=org, own_name="Energie")
    other_theme = OrgThemeFactory(organisation=org, own_name="Inkoop")
    plan = PlanFactory(
        organisation=org, title="Plan 2025–2027", start_year=THIS_YEAR, end_year=THIS_YEAR + 2
    )
    plan.themes.set([theme])
    kpi = KpiFactory(organisation=org, theme=theme, name="CO2 wagenpark", owner=org_a.member)
    plan.kpis.set([kpi])
    goal = GoalFactory(plan=plan, theme=theme, kpi=kpi, kind="thema", title="Minder CO2")
    action = ActionFactory(
        plan=plan,
        goal=goal,
        theme=theme,
        title="Led-verlichting",
        responsible=org_a.member,
        planned_year=THIS_YEAR,
        planned_quarter=1,
    )
    org_a.theme, org_a.other_theme, org_a.plan = theme, other_theme, plan
    org_a.kpi, org_a.goal, org_a.action = kpi, goal, action
    return org_a


def approve(plan):
    Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.APPROVED)


def status_of(plan):
    return Plan.objects.get(pk=plan.pk).status


# --- Edits through the real forms ---------------------------------------------------------


def test_editing_an_action_shows_who_when_and_old_to_new(world, client_for):
    client = client_for(world.member)
    before = timezone.now()
    edit(
        client,
        url(world.org, "plans:action_update", world.action.pk),
        title="Led-verlichting in alle panden",
        budget="1234,5",
        theme=world.other_theme.pk,
        due_date=f"{THIS_YEAR}-06-30",
        status=ActionStatus.RUNNING,
    )
    latest = entries(
        client_for(world.viewer), url(world.org, "plans:action_history", world.action.pk)
    )[0]
    assert (latest.person, latest.type, latest.action) == ("Mila de Vries", "~", "gewijzigd")
    assert before <= latest.when <= timezone.now()
    title = change_of(latest, "Titel")
    assert (title.old, title.new) == ("Led-verlichting", "Led-verlichting in alle panden")
    assert change_of(latest, "Budget (€)").new == "1.234,50"
    assert (change_of(latest, "Thema").old, change_of(latest, "Thema").new) == ("Energie", "Inkoop")
    assert change_of(latest, "Einddatum").new == f"30-06-{THIS_YEAR}"
    assert change_of(latest, "Status").new == "Lopend"  # the choice's label
    labels = {c.label for c in latest.changes}
    assert not labels & {"Version", "Updated at", "Planned period"}  # bookkeeping stays out
    page = text(
        client_for(world.viewer).get(url(world.org, "plans:action_history", world.action.pk))
    )
    assert "Mila de Vries" in page and "Led-verlichting in alle panden" in page


def test_editing_a_goal_records_its_target_and_deadline(world, client_for):
    client = client_for(world.member)
    edit(
        client,
        url(world.org, "plans:goal_update", world.goal.pk),
        target_value="12,5",
        deadline=f"{THIS_YEAR + 1}-12-31",
    )
    latest = entries(client, url(world.org, "plans:goal_history", world.goal.pk))[0]
    assert latest.person == "Mila de Vries"
    assert change_of(latest, "Streefwaarde").new == "12,5"
    assert change_of(latest, "Deadline").new == f"31-12-{THIS_YEAR + 1}"
    first = entries(client, url(world.org, "plans:goal_history", world.goal.pk))[-1]
    assert first.type == "+" and change_of(first, "KPI").new == "CO2 wagenpark"


def test_editing_the_plan_and_its_kpis_is_in_the_plan_history(world, client_for):
    client = client_for(world.member)
    edit(client, url(world.org, "plans:update", world.plan.pk), description="Nieuwe toelichting")
    other = KpiFactory(organisation=world.org, theme=world.theme, name="Afval")
    edit(client, url(world.org, "plans:kpis", world.plan.pk), kpis=[world.kpi.pk, other.pk])
    found = entries(client, url(world.org, "plans:history", world.plan.pk), soort="plan")
    descriptions = [e for e in found if any(c.label == "Toelichting" for c in e.changes)]
    assert descriptions[0].person == "Mila de Vries"
    assert change_of(descriptions[0], "Toelichting").new == "Nieuwe toelichting"
    kpis = [e for e in found if any(c.label == "KPI's" for c in e.changes)]
    assert change_of(kpis[0], "KPI's").new == "Afval, CO2 wagenpark"


def test_editing_the_mission_shows_the_words_that_changed(world, client_for):
    client = client_for(world.member)
    mission = url(world.org, "plans:mission", world.plan.pk)
    long_text = "Wij werken samen aan een duurzame toekomst voor iedereen in de regio. " * 6
    edit(client, mission, mission=long_text)
    edit(client, mission, mission=long_text.replace("duurzame", "eerlijke", 1))
    latest = entries(client, url(world.org, "plans:history", world.plan.pk), soort="mission")[0]
    change = change_of(latest, "Missie")
    assert ("removed", "duurzame") in change.parts and ("added", "eerlijke") in change.parts
    assert MissionVision.history.filter(plan_id=world.plan.pk).first().updated_by == world.member


def test_a_kpi_baseline_and_its_targets_are_in_the_kpi_history(world, client_for):
    client = client_for(world.member)
    edit(
        client,
        url(world.org, "kpis:update", world.kpi.pk),
        baseline_value="1.250",
        baseline_date=f"{THIS_YEAR - 1}-12-31",
    )
    create = reverse(
        "kpis:target_create", kwargs={"org_slug": world.org.slug, "kpi_pk": world.kpi.pk}
    )
    response = client.post(create, {"date": f"{THIS_YEAR + 2}-12-31", "value": "1500"})
    assert response.status_code == 302
    target = Target.objects.get(kpi=world.kpi)
    delete = reverse("kpis:target_delete", kwargs={"org_slug": world.org.slug, "pk": target.pk})
    assert client.post(delete).status_code == 302
    found = entries(client_for(world.viewer), url(world.org, "kpis:history", world.kpi.pk))
    assert [(e.kind, e.type) for e in found[:3]] == [("target", "-"), ("target", "+"), ("kpi", "~")]
    assert found[0].changes == [] and found[0].action == "verwijderd"
    assert change_of(found[1], "Streefwaarde").new == "1.500"
    assert change_of(found[2], "Nulmeting: waarde").new == "1.250"
    assert all(e.person == "Mila de Vries" for e in found[:3])
    # The plan that measures itself by the KPI shows the same changes.
    in_plan = entries(client, url(world.org, "plans:history", world.plan.pk), soort="target")
    assert [e.type for e in in_plan] == ["-", "+"]


# --- Bulk writes ---------------------------------------------------------------------------


def quarter_post(client, org, kpis, values, year=2025, quarter=1):
    path = (
        reverse("kpis:quarter_entry", kwargs={"org_slug": org.slug})
        + f"?year={year}&quarter={quarter}"
    )
    tokens = {m.kpi_id: m.edit_token for m in Measurement.objects.filter(kpi__in=kpis)}
    data = {}
    for kpi in kpis:
        data[f"value_{kpi.pk}"] = values[kpi.pk]
        data[f"version_{kpi.pk}"] = tokens.get(kpi.pk, "0")
    response = client.post(path, data)
    assert response.status_code == 302
    return response


def test_quarter_entry_records_created_changed_and_cleared_values(world, client_for):
    client = client_for(world.member)
    other = KpiFactory(organisation=world.org, theme=world.theme, name="Afval")
    kpis = [world.kpi, other]
    quarter_post(client, world.org, kpis, {world.kpi.pk: "10", other.pk: "5"})
    quarter_post(client, world.org, kpis, {world.kpi.pk: "12,5", other.pk: ""})
    records = Measurement.history.order_by("history_id")
    assert sorted((r.kpi_id, r.history_type) for r in records) == [
        (world.kpi.pk, "+"),
        (world.kpi.pk, "~"),
        (other.pk, "+"),
        (other.pk, "-"),
    ]
    assert {r.history_user_id for r in records} == {world.member.pk}
    changed = records.get(history_type="~")
    assert (changed.value, changed.version, changed.entered_by) == (
        Decimal("12.5"),
        2,
        world.member,
    )
    found = entries(client, url(world.org, "kpis:history", world.kpi.pk), soort="measurement")
    assert [e.type for e in found] == ["~", "+"]
    value = change_of(found[0], "Waarde")
    assert (value.old, value.new) == ("10", "12,5")
    assert found[0].title == "CO2 wagenpark · K1 2025"
    cleared = entries(client, url(world.org, "kpis:history", other.pk), soort="measurement")[0]
    assert cleared.action == "verwijderd" and cleared.person == "Mila de Vries"


def test_bulk_status_is_recorded_but_leaves_the_approval_alone(world, client_for):
    second = ActionFactory(plan=world.plan, title="Fietsplan")
    approve(world.plan)
    response = client_for(world.member).post(
        reverse("plans:actions_bulk_status", kwargs={"org_slug": world.org.slug}),
        {"actions": [world.action.pk, second.pk], "status": ActionStatus.DONE},
    )
    assert response.status_code == 302
    records = Action.history.filter(history_type="~").order_by("id")
    assert [(r.id, r.status, r.history_user_id) for r in records] == [
        (world.action.pk, ActionStatus.DONE, world.member.pk),
        (second.pk, ActionStatus.DONE, world.member.pk),
    ]
    assert status_of(world.plan) == PlanStatus.APPROVED  # status is work, not content
    latest = entries(client_for(world.viewer), url(world.org, "plans:action_history", second.pk))[0]
    assert (change_of(latest, "Status").old, change_of(latest, "Status").new) == (
        "Gepland",
        "Afgerond",
    )


def xlsx(rows):
    book = Workbook()
    book.active.append([column.key for column in importer.COLUMNS])
    for row in rows:
        book.active.append([row.get(column.key) for column in importer.COLUMNS])
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def test_imported_actions_are_recorded_with_the_importing_user(world, client_for):
    approve(world.plan)
    rows = [{"titel": f"Geïmporteerd {n}", "thema": "Energie"} for n in range(3)]
    response = client_for(world.member).post(
        reverse("plans:actions_import", kwargs={"org_slug": world.org.slug}),
        {
            "plan": world.plan.pk,
            "file": SimpleUploadedFile("acties.xlsx", xlsx(rows), "application/octet-stream"),
        },
    )
    assert response.status_code == 302
    imported = Action.objects.filter(title__startswith="Geïmporteerd")
    records = Action.history.filter(id__in=imported.values("pk"))
    assert records.count() == 3
    assert {(r.history_type, r.history_user_id) for r in records} == {("+", world.member.pk)}
    assert {r.title for r in records} == {f"Geïmporteerd {n}" for n in range(3)}
    assert status_of(world.plan) == PlanStatus.DRAFT  # new actions: a new version to approve
    found = entries(
        client_for(world.viewer), url(world.org, "plans:history", world.plan.pk), soort="action"
    )
    assert {e.title for e in found[:3]} == {f"Geïmporteerd {n}" for n in range(3)}


def test_moving_an_action_on_the_board_is_recorded_and_needs_approval_again(world, client_for):
    approve(world.plan)
    response = client_for(world.member).post(
        reverse("plans:action_move", kwargs={"org_slug": world.org.slug, "pk": world.action.pk}),
        {"year": THIS_YEAR, "quarter": 3, "version": world.action.version},
    )
    assert response.status_code == 302
    record = Action.history.filter(id=world.action.pk).first()
    assert (record.history_type, record.planned_quarter, record.history_user_id) == (
        "~",
        3,
        world.member.pk,
    )
    assert status_of(world.plan) == PlanStatus.DRAFT
    latest = entries(
        client_for(world.viewer), url(world.org, "plans:action_history", world.action.pk)
    )[0]
    quarter = change_of(latest, "Gepland kwartaal")
    assert (quarter.old, quarter.new) == ("1", "3")


def test_hand_over_is_recorded_with_the_admin_and_reopens_the_plan(world, client_for):
    leaver = UserFactory(full_name="Vertrokken Collega")
    world.action.responsible = leaver
    world.action.save()
    Plan.objects.filter(pk=world.plan.pk).update(coordinator=leaver)
    world.kpi.owner = leaver
    world.kpi.save()
    approve(world.plan)
    response = client_for(world.admin).post(
        reverse("hand_over", kwargs={"org_slug": world.org.slug}),
        {"from_user": leaver.pk, "to_user": world.member.pk},
    )
    assert response.status_code == 302
    for model, pk, field in [
        (Action, world.action.pk, "responsible_id"),
        (Plan, world.plan.pk, "coordinator_id"),
        (Kpi, world.kpi.pk, "owner_id"),
    ]:
        record = model.history.filter(id=pk).first()
        assert (getattr(record, field), record.history_user_id) == (world.member.pk, world.admin.pk)
    # The plan's record keeps its themes and KPIs: no false "removed" in the history.
    assert {
        link.orgtheme_id for link in Plan.history.filter(id=world.plan.pk).first().themes.all()
    } == {world.theme.pk}
    assert status_of(world.plan) == PlanStatus.DRAFT
    plan_entries = entries(
        client_for(world.viewer), url(world.org, "plans:history", world.plan.pk), soort="plan"
    )
    assert [c.label for c in plan_entries[0].changes] == ["Coördinator"]
    assert plan_entries[0].person == str(world.admin)


def test_next_cycle_records_the_carried_actions(world, client_for):
    new = services.start_next_cycle(world.plan, world.member)
    carried = Action.objects.get(plan=new)
    record = Action.history.get(id=carried.pk)
    assert (record.history_type, record.history_user_id, record.title) == (
        "+",
        world.member.pk,
        "Led-verlichting",
    )
    steps = new.steps.values("pk")
    assert not new.steps.exclude(
        pk__in=[r.id for r in new.steps.model.history.filter(id__in=steps)]
    ).exists()


def test_record_helpers_keep_their_statement_count_for_many_rows(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def statements(count):
        kpis = KpiFactory.create_batch(count, organisation=world.org, theme=world.theme)
        rows = Measurement.objects.bulk_create(
            Measurement(kpi=kpi, year=2024, quarter=1, value=1) for kpi in kpis
        )
        with CaptureQueriesContext(connection) as created:
            engine.record(Measurement, rows, engine.CREATED, world.member)
        with CaptureQueriesContext(connection) as deleted:
            engine.delete_recorded(Measurement, rows, world.member)
        return len(created), len(deleted)

    assert statements(3) == statements(120)
    assert not Measurement.objects.exists()
    assert Measurement.history.filter(history_type="-").count() == 123


# --- Filters ---------------------------------------------------------------------------------


def test_the_history_filters_by_person_date_and_kind(world, client_for):
    edit(
        client_for(world.member),
        url(world.org, "plans:action_update", world.action.pk),
        title="Door Mila",
    )
    edit(
        client_for(world.admin),
        url(world.org, "plans:action_update", world.action.pk),
        title="Door admin",
    )
    day = timezone.localdate() - timedelta(days=40)
    noon = timezone.make_aware(datetime.combine(day, time(12)))
    Action.history.filter(title="Door Mila").update(history_date=noon)
    client = client_for(world.viewer)
    path = url(world.org, "plans:history", world.plan.pk)
    by_mila = entries(client, path, persoon=world.member.pk)
    assert [e.title for e in by_mila] == ["Door Mila"]
    on_the_day = entries(client, path, van=day.isoformat(), tot=day.isoformat())
    assert [e.title for e in on_the_day] == ["Door Mila"]
    recent = entries(client, path, van=(timezone.localdate() - timedelta(days=1)).isoformat())
    assert "Door admin" in [e.title for e in recent] and "Door Mila" not in [
        e.title for e in recent
    ]
    goals = entries(client, path, soort="goal")
    assert goals and {e.kind for e in goals} == {"goal"}
    dutch = entries(client, path, van=date.today().strftime("%d-%m-%Y"))  # typed the Dutch way
    assert "Door admin" in [e.title for e in dutch]


@pytest.mark.parametrize(
    "params, message",
    [
        ({"van": "abc"}, "Vul een datum in, bijvoorbeeld 31-12-2025."),
        ({"tot": "31-02-2025"}, "Vul een datum in, bijvoorbeeld 31-12-2025."),
        ({"van": "9999-12-31"}, "Kies een datum tussen 01-01-1990 en 31-12-2100."),
        ({"van": "2025-05-01", "tot": "2025-04-01"}, "Deze datum ligt vóór de datum bij ‘Vanaf’."),
        ({"persoon": "99999999999999999999999"}, "Kies iemand uit de lijst."),
        ({"persoon": "²"}, "Kies iemand uit de lijst."),
        ({"soort": "geheim"}, "Kies een van de soorten uit de lijst."),
    ],
)
def test_a_wrong_filter_says_what_is_wrong_and_shows_nothing(world, client_for, params, message):
    for htmx in (False, True):
        headers = {"HX-Request": "true"} if htmx else {}
        response = client_for(world.viewer).get(
            url(world.org, "plans:history", world.plan.pk), params, headers=headers
        )
        assert response.status_code == 200
        assert message in unescape(response.content.decode())
        assert response.context["page_obj"].entries == []


def test_a_person_of_another_organisation_is_not_a_choice(world, org_b, client_for):
    path = url(world.org, "plans:history", world.plan.pk)
    response = client_for(world.viewer).get(path, {"persoon": org_b.member.pk})
    assert "Kies iemand uit de lijst." in response.content.decode()
    assert str(org_b.member) not in response.content.decode()


@pytest.mark.parametrize("page", ["0", "-1", "²", "99999999999999999999999", "\x00", "x" * 500])
def test_odd_page_numbers_give_a_page(world, client_for, page):
    for name, pk in [
        ("plans:history", world.plan.pk),
        ("plans:action_history", world.action.pk),
        ("plans:goal_history", world.goal.pk),
        ("kpis:history", world.kpi.pk),
    ]:
        response = client_for(world.viewer).get(
            url(world.org, name, pk), {"page": page, "van": page, "persoon": page, "soort": page}
        )
        assert response.status_code == 200


def test_the_object_pages_link_to_their_history(world, client_for):
    client = client_for(world.viewer)
    pages = [
        (
            url(world.org, "plans:detail", world.plan.pk),
            url(world.org, "plans:history", world.plan.pk),
        ),
        (
            url(world.org, "plans:action_detail", world.action.pk),
            url(world.org, "plans:action_history", world.action.pk),
        ),
        (
            url(world.org, "plans:goals", world.plan.pk),
            url(world.org, "plans:goal_history", world.goal.pk),
        ),
        (url(world.org, "kpis:detail", world.kpi.pk), url(world.org, "kpis:history", world.kpi.pk)),
    ]
    for page, history in pages:
        assert f'href="{history}"' in client.get(page).content.decode(), page
    form = client_for(world.member).get(url(world.org, "plans:goal_update", world.goal.pk))
    assert f'href="{url(world.org, "plans:goal_history", world.goal.pk)}"' in form.content.decode()


# --- Deleted rows and other organisations ---------------------------------------------------


def test_a_deleted_action_keeps_its_history_page(world, client_for):
    pk = world.action.pk
    assert (
        client_for(world.member).post(url(world.org, "plans:action_delete", pk)).status_code == 302
    )
    found = entries(client_for(world.viewer), url(world.org, "plans:action_history", pk))
    assert (found[0].type, found[0].person) == ("-", "Mila de Vries")
    # A goal that was deleted is named from its history where an action pointed at it.
    world.goal.delete()
    page = entries(client_for(world.viewer), url(world.org, "plans:action_history", pk))
    assert change_of(page[-1], "Doel").new == "Minder CO2 (verwijderd)"


def test_another_organisation_never_sees_this_history(world, org_b, client_for):
    theirs = PlanFactory(organisation=org_b.org, title="Plan van B")
    their_action = ActionFactory(plan=theirs, title="Geheime actie van B")
    their_goal = GoalFactory(plan=theirs, title="Geheim doel van B")
    their_kpi = KpiFactory(
        organisation=org_b.org, theme=OrgThemeFactory(organisation=org_b.org), name="Geheime KPI"
    )
    ids = (their_action.pk, their_goal.pk, their_kpi.pk)
    their_action.delete()  # gone from the live tables: only the history knows it
    their_goal.delete()
    their_kpi.delete()
    client = client_for(world.member)
    for name, pk in zip(
        ["plans:action_history", "plans:goal_history", "kpis:history"], ids, strict=True
    ):
        assert client.get(url(world.org, name, pk)).status_code == 404
    assert client.get(url(world.org, "plans:history", theirs.pk)).status_code == 404
    # A's own plan history holds none of B's records, even where B's ids match A's rows.
    page = client.get(url(world.org, "plans:history", world.plan.pk)).content.decode()
    assert "Geheim" not in page and "Plan van B" not in page
    # ... and B's member gets the same 404 for A's history.
    assert (
        client_for(org_b.member).get(url(world.org, "plans:history", world.plan.pk)).status_code
        == 404
    )


def test_a_record_of_another_organisation_with_the_same_plan_is_left_out(world, org_b, client_for):
    """Defence in depth: even a goal record of B that names A's plan (a broken row) is not
    shown, because every table is also filtered on its own organisation."""
    goal = GoalFactory(plan=PlanFactory(organisation=org_b.org), title="Geheim doel van B")
    Goal.history.filter(id=goal.pk).update(plan_id=world.plan.pk)
    page = (
        client_for(world.member)
        .get(url(world.org, "plans:history", world.plan.pk))
        .content.decode()
    )
    assert "Geheim doel van B" not in page


# --- Query counts --------------------------------------------------------------------------


def test_history_pages_take_the_same_queries_for_few_or_many_changes(world, client_for):
    client = client_for(world.viewer)
    counter = {"n": 0}

    def change_everything(n):
        """n changes of every kind of row the plan history shows."""
        for _ in range(n):
            counter["n"] += 1
            i = counter["n"]
            for row, field, value in [
                (Plan.objects.get(pk=world.plan.pk), "title", f"Plan {i}"),
                (MissionVision.objects.get(plan=world.plan), "mission", f"Missie {i}"),
                (world.plan.steps.order_by("pk").first(), "notes", f"Notitie {i}"),
                (Goal.objects.get(pk=world.goal.pk), "title", f"Doel {i}"),
                (Action.objects.get(pk=world.action.pk), "title", f"Actie {i}"),
                (Kpi.objects.get(pk=world.kpi.pk), "name", f"KPI {i}"),
            ]:
                setattr(row, field, value)
                row.save()
            TargetFactory(kpi=world.kpi, date=date(2030, 1, 1) + timedelta(days=i), value=i)
            MeasurementFactory(kpi=world.kpi, year=2000 + i // 4, quarter=i % 4 + 1, value=i)

    for name, pk in [
        ("plans:history", world.plan.pk),
        ("plans:action_history", world.action.pk),
        ("plans:goal_history", world.goal.pk),
        ("kpis:history", world.kpi.pk),
    ]:
        assert_queries_constant(client, url(world.org, name, pk), change_everything, 3, 40)


def test_the_person_filter_offers_the_members_of_the_organisation(world, org_b, client_for):
    reader = UserFactory(full_name="Lezende Collega")
    MembershipFactory(organisation=world.org, user=reader, role=Role.VIEWER)
    page = client_for(world.viewer).get(url(world.org, "plans:history", world.plan.pk))
    choices = [label for _value, label in page.context["form"].fields["persoon"].choices]
    assert "Lezende Collega" in choices and "Mila de Vries" in choices
    assert str(org_b.member) not in choices


def test_deleting_a_goal_records_that_its_actions_lost_it(world, client_for):
    """Django empties the goal of the goal's actions with one UPDATE that sends no signal;
    the history still shows it, with who deleted the goal."""
    client = client_for(world.member)
    response = client.post(url(world.org, "plans:goal_delete", world.goal.pk))
    assert response.status_code == 302
    action = Action.objects.get(pk=world.action.pk)
    assert action.goal_id is None
    last = action.history.order_by("-history_date", "-history_id").first()
    assert last.history_type == "~" and last.goal_id is None
    assert last.history_user_id == world.member.pk
    page = text(client.get(url(world.org, "plans:action_history", world.action.pk)))
    assert "Minder CO2" in page  # the goal it had, named from the goal's own history


def test_deleting_a_kpi_records_that_its_goals_lost_it(world):
    goal = Goal.objects.get(pk=world.goal.pk)
    assert goal.kpi_id == world.kpi.pk
    Kpi.objects.get(pk=world.kpi.pk).delete()
    last = goal.history.order_by("-history_date", "-history_id").first()
    assert last.history_type == "~" and last.kpi_id is None
