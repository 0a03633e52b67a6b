"""Plans of every method: methods as data, the list with progress, the stepper, one step."""

import pytest
from django.urls import reverse

from plans.methods import METHODS
from plans.models import Method, MethodStep, Plan, PlanStep, StepStatus
from tests.factories import KpiFactory, PlanFactory
from tests.helpers import assert_queries_constant

pytestmark = pytest.mark.django_db


def url(org, name, **kwargs):
    return reverse(f"plans:{name}", kwargs={"org_slug": org.slug, **kwargs})


def test_the_three_methods_are_installed_by_migrate():
    counts = {m: MethodStep.objects.filter(method=m).count() for m in Method.values}
    assert counts == {"mvo_steps": 20, "due_diligence": 10, "mvoi": 7}
    dd = list(MethodStep.objects.filter(method="due_diligence").values_list("code", flat=True))
    assert dd == ["1A", "1B", "2A", "2B", "2C", "3A", "3B", "4", "5", "6"]
    steps = MethodStep.objects.filter(method="mvo_steps").select_related("phase")
    assert {s.phase.number for s in steps} == {1, 2, 3, 4}
    recurring = MethodStep.objects.filter(method="mvoi", recurring=True)
    assert sorted(recurring.values_list("code", flat=True)) == ["4", "5", "6", "7"]


def test_every_step_has_questions_in_both_languages():
    for method in METHODS:
        for phase in method["phases"]:
            for step in phase["steps"]:
                assert len(step["questions_nl"]) == len(step["questions_en"]) >= 3, step["code"]
                assert step["purpose_nl"] and step["purpose_en"] and step["delivers_en"]


def test_a_member_creates_a_plan_with_all_its_steps(org_a, client_for):
    response = client_for(org_a.member).post(
        url(org_a.org, "create"),
        {
            "title": "MVO-plan 2026–2028",
            "method": "mvo_steps",
            "start_year": "2026",
            "end_year": "2028",
            "coordinator": org_a.member.pk,
            "description": "",
        },
    )
    plan = Plan.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url(org_a.org, "detail", pk=plan.pk)
    assert plan.organisation == org_a.org and plan.created_by == org_a.member
    assert plan.steps.count() == 20
    assert plan.mission_vision.stage == "voorlopig"


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("2028", "2026", "Het laatste jaar kan niet vóór het eerste jaar liggen."),
        ("2020", "2035", "Een plan loopt hoogstens tien jaar."),
        ("1999", "2000", "Kies een jaar tussen 2000 en 2100."),
        ("twee", "2026", "Voer een geheel getal in."),
    ],
)
def test_a_bad_period_is_refused_with_a_dutch_message(start, end, message, org_a, client_for):
    response = client_for(org_a.member).post(
        url(org_a.org, "create"),
        {"title": "Plan", "method": "mvo_steps", "start_year": start, "end_year": end},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Plan.objects.exists()


def test_the_coordinator_must_be_someone_who_may_edit(org_a, org_b, client_for):
    for person in (org_a.viewer, org_b.member):
        response = client_for(org_a.member).post(
            url(org_a.org, "create"),
            {
                "title": "Plan",
                "method": "mvoi",
                "start_year": "2026",
                "end_year": "2027",
                "coordinator": person.pk,
            },
        )
        assert response.status_code == 200
    assert not Plan.objects.exists()


def test_the_method_is_fixed_once_the_plan_exists(org_a, client_for):
    plan = PlanFactory(organisation=org_a.org)
    client_for(org_a.member).post(
        url(org_a.org, "update", pk=plan.pk),
        {
            "title": "Nieuwe titel",
            "method": "mvoi",
            "start_year": "2025",
            "end_year": "2027",
            "version": plan.version,
        },
    )
    plan.refresh_from_db()
    assert plan.title == "Nieuwe titel" and plan.method == "mvo_steps"


def test_the_list_shows_progress_per_phase(org_a, client_for):
    plan = PlanFactory(organisation=org_a.org, title="Lexman 2025")
    PlanStep.objects.filter(plan=plan, step__code__in=["1.1", "1.2", "2.1"]).update(
        status=StepStatus.DONE
    )
    page = client_for(org_a.viewer).get(url(org_a.org, "index")).content.decode()
    assert "Lexman 2025" in page
    assert "3 / 20" in page
    assert "2/5" in page and "1/5" in page


def test_the_stepper_shows_every_step_with_links(org_a, client_for):
    plan = PlanFactory(organisation=org_a.org)
    page = client_for(org_a.viewer).get(url(org_a.org, "detail", pk=plan.pk)).content.decode()
    for step in MethodStep.objects.filter(method="mvo_steps"):
        assert f"{step.code} " in page
    assert reverse("stakeholders:dialogues", args=[org_a.org.slug]) in page  # step 1.2
    assert reverse("stakeholders:working_group", args=[org_a.org.slug]) in page  # step 3.1
    assert reverse("kpis:quarter_entry", args=[org_a.org.slug]) in page  # step 4.1
    assert url(org_a.org, "kpis", pk=plan.pk) in page  # step 2.2


def test_a_member_records_a_step(org_a, client_for):
    plan = PlanFactory(organisation=org_a.org)
    plan_step = plan.steps.get(step__code="1.1")
    questions = plan_step.step.questions
    data = {"status": "bezig", "notes": "Eerste sessie gehad.", "version": plan_step.version}
    data.update({f"answer_{i}": f"Antwoord {i}" for i in range(len(questions))})
    response = client_for(org_a.member).post(
        url(org_a.org, "step", pk=plan.pk, step_pk=plan_step.pk), data
    )
    assert response.status_code == 302
    plan_step.refresh_from_db()
    assert plan_step.status == "bezig" and plan_step.notes == "Eerste sessie gehad."
    assert plan_step.answers == [f"Antwoord {i}" for i in range(len(questions))]
    assert plan_step.updated_by == org_a.member and plan_step.version == 2
    page = client_for(org_a.viewer).get(url(org_a.org, "step", pk=plan.pk, step_pk=plan_step.pk))
    assert "Antwoord 0" in page.content.decode()


def test_a_stale_step_form_is_told_not_saved(org_a, client_for):
    plan = PlanFactory(organisation=org_a.org)
    plan_step = plan.steps.get(step__code="2.1")
    target = url(org_a.org, "step", pk=plan.pk, step_pk=plan_step.pk)
    first = {"status": "afgerond", "notes": "A", "version": 1}
    second = {"status": "bezig", "notes": "B", "version": 1}
    assert client_for(org_a.member).post(target, first).status_code == 302
    response = client_for(org_a.admin).post(target, second)
    assert response.status_code == 200
    assert "Iemand anders heeft dit intussen gewijzigd" in response.content.decode()
    plan_step.refresh_from_db()
    assert plan_step.notes == "A"


def test_a_step_of_another_plan_or_organisation_is_404(org_a, org_b, client_for):
    plan = PlanFactory(organisation=org_a.org)
    other = PlanFactory(organisation=org_b.org)
    other_step = other.steps.first()
    client = client_for(org_a.member)
    assert client.get(url(org_a.org, "step", pk=plan.pk, step_pk=other_step.pk)).status_code == 404
    assert client.get(url(org_a.org, "detail", pk=other.pk)).status_code == 404


def test_a_viewer_reads_a_step_without_a_form(org_a, client_for):
    plan = PlanFactory(organisation=org_a.org)
    plan_step = plan.steps.first()
    page = client_for(org_a.viewer).get(url(org_a.org, "step", pk=plan.pk, step_pk=plan_step.pk))
    assert page.status_code == 200
    assert "<textarea" not in page.content.decode()


def test_the_plan_follows_chosen_kpis(org_a, org_b, client_for):
    plan = PlanFactory(organisation=org_a.org)
    mine = KpiFactory(organisation=org_a.org, name="CO2-uitstoot")
    theirs = KpiFactory(organisation=org_b.org)
    client = client_for(org_a.member)
    target = url(org_a.org, "kpis", pk=plan.pk)
    assert client.post(target, {"kpis": [theirs.pk], "version": 1}).status_code == 200
    assert not plan.kpis.exists()
    assert client.post(target, {"kpis": [mine.pk], "version": 1}).status_code == 302
    assert list(plan.kpis.all()) == [mine]
    assert "CO2-uitstoot" in client.get(target).content.decode()


def test_only_managers_delete_a_plan(org_a, client_for):
    plan = PlanFactory(organisation=org_a.org)
    assert client_for(org_a.member).post(url(org_a.org, "delete", pk=plan.pk)).status_code == 403
    assert client_for(org_a.manager).post(url(org_a.org, "delete", pk=plan.pk)).status_code == 302
    assert not Plan.objects.exists()


@pytest.mark.parametrize("page", ["index", "detail", "kpis"])
def test_plan_pages_take_the_same_queries_for_few_or_many_rows(page, org_a, client_for):
    plan = PlanFactory(organisation=org_a.org)
    path = url(org_a.org, page, **({} if page == "index" else {"pk": plan.pk}))

    def add(n):
        if page == "index":
            PlanFactory.create_batch(n, organisation=org_a.org)
        elif page == "detail":
            from tests.factories import ActionFactory

            ActionFactory.create_batch(n, plan=plan)
        else:
            plan.kpis.add(*KpiFactory.create_batch(n, organisation=org_a.org))

    assert assert_queries_constant(client_for(org_a.member), path, add, large=40) <= 15
