"""Mission and vision of an MVO STEPS plan: stages, reactions, versions and their comparison."""

import re
from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plans.forms import mission_questions
from plans.models import Feedback, MissionVision, MissionVisionVersion
from plans.services import text_diff
from tests.factories import PlanFactory
from tests.helpers import assert_queries_constant
from tests.test_page_markup import IdCollector

pytestmark = pytest.mark.django_db

CONFLICT = "Iemand anders heeft dit intussen gewijzigd"


def url(plan, name, **kwargs):
    return reverse(
        f"plans:{name}", kwargs={"org_slug": plan.organisation.slug, "pk": plan.pk, **kwargs}
    )


def page(response):
    return response.content.decode()


def flash(response):
    return [str(m) for m in response.wsgi_request._messages]


def edit_data(mission_vision, mission="", vision="", answers=None, version=None):
    """A complete post of the edit form: texts, every answer field and the version."""
    questions = mission_questions()
    data = {
        "mission": mission,
        "vision": vision,
        "version": mission_vision.version if version is None else version,
    }
    for group, texts in questions.items():
        for i in range(len(texts)):
            data[f"{group}_answer_{i}"] = (answers or {}).get(f"{group}_answer_{i}", "")
    return data


@pytest.fixture
def plan(org_a):
    return PlanFactory(organisation=org_a.org, title="Lexman 2025–2027")


@pytest.fixture
def mv(plan):
    return plan.mission_vision


def written(mv, mission="Wij vervoeren goederen schoon en veilig.", vision="Emissievrij in 2030."):
    """Give the mission and vision a text directly (as a saved form would)."""
    MissionVision.objects.filter(pk=mv.pk).update(mission=mission, vision=vision)
    mv.refresh_from_db()
    return mv


def add_feedback(mv, n=1, processed=False, **kwargs):
    return Feedback.objects.bulk_create(
        Feedback(
            mission_vision=mv,
            given_by=kwargs.get("given_by", f"Collega {i}"),
            comment=kwargs.get("comment", f"Opmerking {i}"),
            processed=processed,
        )
        for i in range(n)
    )


def set_stage(client, plan, stage, **extra):
    return client.post(url(plan, "mission_stage"), {"stage": stage, **extra})


# --- The guiding questions -----------------------------------------------------------------


def test_the_guiding_questions_are_split_into_mission_and_vision():
    questions = mission_questions()
    assert len(questions["mission"]) == 5 and len(questions["vision"]) == 4
    assert questions["mission"][0] == "Waar staan wij als bedrijf voor?"
    assert not any(q.startswith(("Missie", "Visie")) for q in sum(questions.values(), []))
    with translation.override("en"):
        english = mission_questions()
    assert english["mission"][0] == "What do we stand for as a company?"
    assert english["vision"][-1] == "What do we believe in?"


# --- Editing and versions ------------------------------------------------------------------


def test_a_member_saves_mission_vision_and_answers_as_version_1(plan, mv, org_a, client_for):
    answers = {"mission_answer_0": "Voor schoon vervoer.", "vision_answer_3": "In samenwerking."}
    data = edit_data(mv, "Onze missie.", "Onze visie.", answers)
    response = client_for(org_a.member).post(url(plan, "mission"), data)
    assert response.status_code == 302 and response["Location"] == url(plan, "mission")
    mv.refresh_from_db()
    assert (mv.mission, mv.vision, mv.updated_by) == ("Onze missie.", "Onze visie.", org_a.member)
    assert mv.answers["mission"][0] == "Voor schoon vervoer."
    assert mv.answers["vision"] == ["", "", "", "In samenwerking."]
    version = mv.versions.get()
    assert (version.number, version.mission, version.created_by) == (
        1,
        "Onze missie.",
        org_a.member,
    )
    assert version.answers == mv.answers
    viewer_page = page(client_for(org_a.viewer).get(url(plan, "mission")))
    assert "Onze missie." in viewer_page and "Voor schoon vervoer." in viewer_page
    assert "In samenwerking." in viewer_page
    assert "<textarea" not in viewer_page  # a viewer reads, without a form


def test_every_change_keeps_a_version_and_a_save_without_change_does_not(
    plan, mv, org_a, client_for
):
    client = client_for(org_a.member)
    client.post(url(plan, "mission"), edit_data(mv, "Eerste missie.", "Visie."))
    mv.refresh_from_db()
    response = client.post(url(plan, "mission"), edit_data(mv, "Eerste missie.", "Visie."))
    assert response.status_code == 302
    assert "geen versie bijgekomen" in " ".join(flash(response))
    assert mv.versions.count() == 1
    client.post(url(plan, "mission"), edit_data(mv, "Tweede missie.", "Visie."))
    add_feedback(mv)
    set_stage(client, plan, "getoetst")
    assert list(mv.versions.order_by("number").values_list("number", "stage", "mission")) == [
        (1, "voorlopig", "Eerste missie."),
        (2, "voorlopig", "Tweede missie."),
        (3, "getoetst", "Tweede missie."),
    ]


def test_an_empty_form_saved_unchanged_keeps_no_version(plan, mv, org_a, client_for):
    response = client_for(org_a.member).post(url(plan, "mission"), edit_data(mv))
    assert response.status_code == 302
    assert not mv.versions.exists()


def test_a_version_page_shows_the_old_text_after_later_edits(plan, mv, org_a, client_for):
    client = client_for(org_a.member)
    first = {"mission_answer_1": "Klimaat en veiligheid."}
    client.post(url(plan, "mission"), edit_data(mv, "Oude missie.", "Oude visie.", first))
    mv.refresh_from_db()
    client.post(url(plan, "mission"), edit_data(mv, "Nieuwe missie.", "Nieuwe visie."))
    old = page(client_for(org_a.viewer).get(url(plan, "mission_version", number=1)))
    assert "Oude missie." in old and "Oude visie." in old and "Klimaat en veiligheid." in old
    assert "Nieuwe missie." not in old
    new = page(client_for(org_a.viewer).get(url(plan, "mission_version", number=2)))
    assert "Nieuwe missie." in new and "Klimaat en veiligheid." not in new
    assert client.get(url(plan, "mission_version", number=3)).status_code == 404


def test_two_members_editing_at_once_the_second_is_told_and_keeps_input(
    plan, mv, org_a, client_for
):
    first, second = client_for(org_a.member), client_for(org_a.admin)
    loaded = re.search(r'name="version" value="(\d+)"', page(first.get(url(plan, "mission"))))
    assert re.search(r'name="version" value="(\d+)"', page(second.get(url(plan, "mission"))))
    version = int(loaded.group(1))
    ok = first.post(
        url(plan, "mission"), edit_data(mv, "Missie van A.", "Visie van A.", None, version)
    )
    assert ok.status_code == 302
    stale = edit_data(mv, "Missie van B.", "Visie van B.", None, version)
    response = second.post(url(plan, "mission"), stale)
    assert response.status_code == 200
    assert CONFLICT in page(response)
    assert "Missie van B." in page(response)  # what B typed is still in the form
    assert '<details class="border rounded p-2 my-3" open>' in page(response)
    mv.refresh_from_db()
    assert mv.mission == "Missie van A." and mv.versions.count() == 1


def test_a_stage_change_meanwhile_makes_an_open_form_stale(plan, mv, org_a, client_for):
    written(mv)
    add_feedback(mv)
    client = client_for(org_a.member)
    loaded_version = mv.version
    set_stage(client, plan, "getoetst")
    response = client.post(
        url(plan, "mission"), edit_data(mv, "Anders.", "Anders.", None, loaded_version)
    )
    assert response.status_code == 200 and CONFLICT in page(response)
    mv.refresh_from_db()
    assert mv.mission != "Anders." and mv.stage == "getoetst"


def test_too_long_text_is_refused_without_saving(plan, mv, org_a, client_for):
    response = client_for(org_a.member).post(url(plan, "mission"), edit_data(mv, "x" * 20001))
    assert response.status_code == 200
    assert "20000" in page(response) or "20.000" in page(response)
    assert not mv.versions.exists()


@pytest.mark.parametrize("version", ["", "x", "0", "²", "99999999999999999999999"])
def test_a_broken_version_field_is_refused_with_a_message(version, plan, mv, org_a, client_for):
    data = edit_data(mv, "Missie.", "Visie.", None, version)
    response = client_for(org_a.member).post(url(plan, "mission"), data)
    assert response.status_code == 200
    assert "Herlaad de pagina" in page(response)
    mv.refresh_from_db()
    assert mv.mission == "" and not mv.versions.exists()


# --- Stages --------------------------------------------------------------------------------


def test_getoetst_needs_a_reaction(plan, mv, org_a, client_for):
    written(mv)
    client = client_for(org_a.member)
    response = set_stage(client, plan, "getoetst")
    assert response.status_code == 302
    assert "minstens één reactie" in " ".join(flash(response))
    mv.refresh_from_db()
    assert mv.stage == "voorlopig"
    add_feedback(mv)
    set_stage(client, plan, "getoetst")
    mv.refresh_from_db()
    assert mv.stage == "getoetst"


def test_a_stage_needs_both_texts(plan, mv, org_a, client_for):
    written(mv, vision="")
    add_feedback(mv)
    response = set_stage(client_for(org_a.member), plan, "getoetst")
    assert "zowel de missie als de visie" in " ".join(flash(response))
    mv.refresh_from_db()
    assert mv.stage == "voorlopig"


def test_stages_move_one_at_a_time(plan, mv, org_a, client_for):
    written(mv)
    add_feedback(mv, processed=True)
    response = set_stage(client_for(org_a.member), plan, "definitief")
    assert response.status_code == 302
    assert "één fase tegelijk" in " ".join(flash(response))
    mv.refresh_from_db()
    assert mv.stage == "voorlopig" and not mv.versions.exists()


def test_definitief_with_unprocessed_feedback_asks_for_confirmation(plan, mv, org_a, client_for):
    written(mv)
    add_feedback(mv, given_by="De directie", comment="Noem de chauffeurs.")
    client = client_for(org_a.member)
    set_stage(client, plan, "getoetst")
    response = set_stage(client, plan, "definitief")
    assert response.status_code == 200
    html = page(response)
    assert "De directie" in html and "Noem de chauffeurs." in html
    assert 'name="confirmed" value="1"' in html and "Toch definitief maken" in html
    mv.refresh_from_db()
    assert mv.stage == "getoetst"
    set_stage(client, plan, "definitief", confirmed="1")
    mv.refresh_from_db()
    assert mv.stage == "definitief"
    assert mv.versions.order_by("-number").first().stage == "definitief"


def test_definitief_with_all_feedback_processed_needs_no_confirmation(plan, mv, org_a, client_for):
    written(mv)
    add_feedback(mv, n=2, processed=True)
    client = client_for(org_a.member)
    set_stage(client, plan, "getoetst")
    response = set_stage(client, plan, "definitief")
    assert response.status_code == 302
    mv.refresh_from_db()
    assert mv.stage == "definitief"


def test_a_final_text_can_be_reopened_as_voorlopig(plan, mv, org_a, client_for):
    written(mv)
    add_feedback(mv, processed=True)
    client = client_for(org_a.member)
    set_stage(client, plan, "getoetst")
    set_stage(client, plan, "definitief")
    html = page(client.get(url(plan, "mission")))
    assert "Heropen als voorlopig" in html and "Maak definitief" not in html
    response = set_stage(client, plan, "voorlopig")
    assert response.status_code == 302
    mv.refresh_from_db()
    assert mv.stage == "voorlopig"
    assert list(mv.versions.order_by("number").values_list("stage", flat=True)) == [
        "getoetst",
        "definitief",
        "voorlopig",
    ]


@pytest.mark.parametrize("stage", ["", "klaar", "²", "x" * 500])
def test_an_unknown_stage_gives_a_message(stage, plan, mv, org_a, client_for):
    response = set_stage(client_for(org_a.member), plan, stage)
    assert response.status_code == 302
    assert "Kies een van de fasen" in " ".join(flash(response))


def test_the_stage_page_is_post_only(plan, org_a, client_for):
    assert client_for(org_a.member).get(url(plan, "mission_stage")).status_code == 405


# --- Reactions -----------------------------------------------------------------------------


def test_a_member_adds_a_reaction(plan, mv, org_a, client_for):
    data = {"given_by": "Stakeholder Gemeente", "given_on": "2026-03-15", "comment": "Helder!"}
    response = client_for(org_a.member).post(url(plan, "feedback_create"), data)
    assert response.status_code == 302
    assert response["Location"] == url(plan, "mission") + "#reacties"
    feedback = mv.feedback.get()
    assert (feedback.given_by, feedback.given_on, feedback.processed) == (
        "Stakeholder Gemeente",
        date(2026, 3, 15),
        False,
    )
    html = page(client_for(org_a.viewer).get(url(plan, "mission")))
    assert "Stakeholder Gemeente" in html and "Helder!" in html and "Nog niet verwerkt" in html


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("given_by", "", "Vul in van wie de reactie komt."),
        ("given_by", " ", "Vul in van wie de reactie komt."),
        ("given_on", "", "Vul de datum van de reactie in."),
        ("given_on", "31-02-2026", "Vul een bestaande datum in"),
        ("given_on", "morgen", "Vul een bestaande datum in"),
        ("given_on", "1850-01-01", "Kies een datum tussen 01-01-1990 en 31-12-2100."),
        ("comment", "", "Schrijf op wat de reactie inhoudt."),
        ("comment", "x" * 5001, "5000"),
        ("given_by", "x" * 201, "200"),
    ],
)
def test_a_bad_reaction_is_refused_with_a_dutch_message(
    field, value, message, plan, mv, org_a, client_for
):
    data = {"given_by": "Directie", "given_on": "2026-03-15", "comment": "Goed.", field: value}
    response = client_for(org_a.member).post(url(plan, "feedback_create"), data)
    assert response.status_code == 200
    assert message in page(response)
    assert "De reactie is niet opgeslagen" in page(response)
    assert not Feedback.objects.exists()


def test_a_reaction_is_marked_processed_and_back(plan, mv, org_a, client_for):
    (feedback,) = add_feedback(mv)
    client = client_for(org_a.member)
    target = url(plan, "feedback_toggle", feedback_pk=feedback.pk)
    assert client.post(target, {"processed": "1"}).status_code == 302
    feedback.refresh_from_db()
    assert feedback.processed
    client.post(target, {"processed": "1"})  # a second click changes nothing
    feedback.refresh_from_db()
    assert feedback.processed
    client.post(target, {"processed": "0"})
    feedback.refresh_from_db()
    assert not feedback.processed


def test_a_reaction_of_another_plan_cannot_be_toggled(plan, org_a, client_for):
    other = PlanFactory(organisation=org_a.org)
    (feedback,) = add_feedback(other.mission_vision)
    target = url(plan, "feedback_toggle", feedback_pk=feedback.pk)
    assert client_for(org_a.member).post(target, {"processed": "1"}).status_code == 404
    feedback.refresh_from_db()
    assert not feedback.processed


JUNK = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", " ", "²", "٣", "-1", "0", "1e309", "\x00", "31-02-2026", "9" * 30]),
)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_fuzzed_posts_never_give_a_server_error_or_half_save(data, plan, mv, org_a, client_for):
    client = client_for(org_a.member)
    feedback = {name: data.draw(JUNK, label=name) for name in ("given_by", "given_on", "comment")}
    before = Feedback.objects.count()
    response = client.post(url(plan, "feedback_create"), feedback)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert Feedback.objects.count() == before
    edit = {name: data.draw(JUNK, label=name) for name in ("mission", "vision", "version")}
    edit["mission_answer_0"] = data.draw(JUNK, label="answer")
    versions = mv.versions.count()
    response = client.post(url(plan, "mission"), edit)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert mv.versions.count() == versions
    stage = data.draw(JUNK, label="stage")
    response = client.post(url(plan, "mission_stage"), {"stage": stage, "confirmed": stage})
    assert response.status_code in (200, 302)


# --- Comparing versions --------------------------------------------------------------------


def test_text_diff_marks_added_and_removed_words():
    parts = text_diff("Wij vervoeren goederen veilig.", "Wij vervoeren goederen schoon en veilig.")
    assert parts == [
        ("same", "Wij vervoeren goederen"),
        ("added", "schoon en"),
        ("same", "veilig."),
    ]
    parts = text_diff("snel en goedkoop vervoer", "duurzaam vervoer")
    assert ("removed", "snel en goedkoop") in parts and ("added", "duurzaam") in parts
    assert ("same", "vervoer") in parts
    assert text_diff("", "") == []
    assert text_diff("gelijk", "gelijk") == [("same", "gelijk")]


def test_two_versions_are_compared_word_by_word(plan, mv, org_a, client_for):
    client = client_for(org_a.member)
    client.post(url(plan, "mission"), edit_data(mv, "Wij rijden snel en goedkoop.", "Visie."))
    mv.refresh_from_db()
    client.post(url(plan, "mission"), edit_data(mv, "Wij rijden schoon en goedkoop.", "Visie."))
    response = client_for(org_a.viewer).get(url(plan, "mission_versions") + "?a=1&b=2")
    html = page(response)
    assert response.status_code == 200
    assert re.search(r"<del[^>]*>.*?snel.*?</del>", html)
    assert re.search(r"<ins[^>]*>.*?schoon.*?</ins>", html)
    assert "Legenda" in html and "toegevoegd" in html
    assert "Versie 1 vergeleken met versie 2" in html
    listing = page(client.get(url(plan, "mission_versions")))
    assert url(plan, "mission_version", number=1) in listing
    assert url(plan, "mission_version", number=2) in listing


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?a=x&b=1", "Vul een versienummer in als geheel getal"),
        ("?a=²&b=1", "Vul een versienummer in als geheel getal"),
        ("?a=1.5&b=1", "Vul een versienummer in als geheel getal"),
        ("?a=1", "Vul een versienummer in."),
        ("?b=", "Vul een versienummer in."),
        ("?a=-1&b=1", "Versie -1 bestaat niet. Kies een nummer van 1 tot en met 1."),
        ("?a=1&b=99999999999999999999999", "Versie 99999999999999999999999 bestaat niet."),
        ("?a=1&b=9", "Versie 9 bestaat niet. Kies een nummer van 1 tot en met 1."),
        ("?a=0&b=1", "Versie 0 bestaat niet."),
        ("?a=1&b=" + "9" * 5000, "Vul een versienummer in als geheel getal"),
    ],
)
def test_bad_version_numbers_give_a_clear_message(query, message, plan, mv, org_a, client_for):
    client_for(org_a.member).post(url(plan, "mission"), edit_data(mv, "Missie.", "Visie."))
    response = client_for(org_a.viewer).get(url(plan, "mission_versions") + query)
    assert response.status_code == 200
    assert message in page(response)
    assert "Deze versies kunnen niet worden vergeleken" in page(response)
    assert "vergeleken met versie" not in page(response)


def test_comparing_without_any_version_says_so(plan, mv, org_a, client_for):
    response = client_for(org_a.viewer).get(url(plan, "mission_versions") + "?a=1&b=2")
    assert response.status_code == 200
    assert "nog geen versies om te vergelijken" in page(response)


# --- Who may see and do what ---------------------------------------------------------------


def all_paths(plan, feedback_pk=1, number=1):
    return {
        "mission": url(plan, "mission"),
        "mission_stage": url(plan, "mission_stage"),
        "feedback_create": url(plan, "feedback_create"),
        "feedback_toggle": url(plan, "feedback_toggle", feedback_pk=feedback_pk),
        "mission_versions": url(plan, "mission_versions"),
        "mission_version": url(plan, "mission_version", number=number),
    }


def test_another_organisations_plan_is_404_on_every_mission_page(org_a, org_b, client_for):
    other = PlanFactory(organisation=org_b.org)
    (feedback,) = add_feedback(other.mission_vision)
    MissionVisionVersion.objects.create(
        mission_vision=other.mission_vision, number=1, stage="voorlopig"
    )
    client = client_for(org_a.member)
    for name, path in all_paths(other, feedback.pk).items():
        # the org_a address with the other organisation's plan id
        path = path.replace(f"/o/{org_b.org.slug}/", f"/o/{org_a.org.slug}/")
        assert client.get(path).status_code in (404, 405), name
        response = client.post(path, {"stage": "voorlopig", "processed": "1"})
        assert response.status_code in (404, 405), name
    feedback.refresh_from_db()
    assert not feedback.processed


@pytest.mark.parametrize("method", ["due_diligence", "mvoi"])
def test_a_plan_of_another_method_has_no_mission_pages(method, org_a, client_for):
    plan = PlanFactory(organisation=org_a.org, method=method)
    assert not MissionVision.objects.filter(plan=plan).exists()
    client = client_for(org_a.member)
    for name, path in all_paths(plan).items():
        assert client.get(path).status_code in (404, 405), name
        assert client.post(path, {"stage": "getoetst"}).status_code in (404, 405), name


def test_a_viewer_cannot_post_anything(plan, mv, org_a, client_for):
    written(mv)
    (feedback,) = add_feedback(mv)
    client = client_for(org_a.viewer)
    for name, path in all_paths(plan, feedback.pk).items():
        data = {**edit_data(mv, "Van de kijker."), "stage": "getoetst", "processed": "1"}
        data.update({"given_by": "Kijker", "given_on": "2026-01-01", "comment": "Hallo"})
        assert client.post(path, data).status_code == 403, name
    mv.refresh_from_db()
    feedback.refresh_from_db()
    assert mv.stage == "voorlopig" and mv.mission != "Van de kijker."
    assert not feedback.processed and mv.feedback.count() == 1
    html = page(client.get(url(plan, "mission")))
    assert "Markeer als getoetst" not in html and "Reactie toevoegen" not in html


def test_the_stepper_links_steps_1_3_to_1_5_to_the_mission_page(plan, org_a, client_for):
    html = page(
        client_for(org_a.viewer).get(reverse("plans:detail", args=[org_a.org.slug, plan.pk]))
    )
    assert html.count(url(plan, "mission")) >= 3


# --- Query counts --------------------------------------------------------------------------


def add_versions_and_feedback(mv):
    def add(n):
        start = mv.versions.count()
        MissionVisionVersion.objects.bulk_create(
            MissionVisionVersion(
                mission_vision=mv, number=start + i + 1, stage="voorlopig", mission=f"Missie {i}"
            )
            for i in range(n)
        )
        add_feedback(mv, n)

    return add


@pytest.mark.parametrize("query", ["", "?a=1&b=3"])
@pytest.mark.parametrize("name", ["mission", "mission_versions"])
def test_mission_pages_take_the_same_queries_for_few_or_many_rows(
    name, query, plan, mv, org_a, client_for
):
    path = url(plan, name) + query
    count = assert_queries_constant(
        client_for(org_a.member), path, add_versions_and_feedback(mv), small=5, large=80
    )
    assert count <= 15


def test_mission_pages_have_no_element_id_twice_and_no_inline_style(plan, mv, org_a, client_for):
    client = client_for(org_a.member)
    client.post(url(plan, "mission"), edit_data(mv, "Missie een.", "Visie een."))
    mv.refresh_from_db()
    client.post(url(plan, "mission"), edit_data(mv, "Missie twee.", "Visie twee."))
    add_feedback(mv, n=3)
    add_feedback(mv, n=2, processed=True)
    paths = [
        url(plan, "mission"),
        url(plan, "mission_versions") + "?a=1&b=2",
        url(plan, "mission_version", number=1),
    ]
    for path in paths:
        html = page(client.get(path))
        collector = IdCollector()
        collector.feed(html)
        assert [i for i, n in collector.ids.items() if n > 1] == [], path
        assert " style=" not in html, path


def _sides(parts):
    old = " ".join(text for kind, text in parts if kind in ("same", "removed"))
    new = " ".join(text for kind, text in parts if kind in ("same", "added"))
    return old.split(), new.split()


@given(
    st.lists(st.sampled_from(["a", "b", "c", "de.", "het", "\n"]), max_size=60),
    st.lists(st.sampled_from(["a", "b", "c", "de.", "het", "\n"]), max_size=60),
)
def test_a_diff_always_rebuilds_both_texts(old, new):
    old_text, new_text = " ".join(old), " ".join(new)
    assert _sides(text_diff(old_text, new_text)) == (old_text.split(), new_text.split())


def test_long_texts_that_differ_everywhere_are_still_compared_correctly():
    """Texts built to make a word-by-word comparison slow (it grows with the cube of the
    length): compared sentence by sentence, or as a whole, and still exactly rebuilt."""
    old = " ".join("ab"[i % 2] for i in range(3000))
    new = " ".join("bac"[i % 3] for i in range(3000))
    assert _sides(text_diff(old, new)) == (old.split(), new.split())
    old_sentences = ". ".join(f"Zin {i} over vervoer" for i in range(400)) + "."
    new_sentences = old_sentences.replace("Zin 7 over", "Zin 7 nu over")
    parts = text_diff(old_sentences, new_sentences)
    assert ("added", "nu") in parts
    assert _sides(parts) == (old_sentences.split(), new_sentences.split())
