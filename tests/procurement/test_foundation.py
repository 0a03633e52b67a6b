"""The foundation of an MVOI plan (steps 1–3): the nulmeting per theme, the themes and the
ambition matrix, the yearly targets with the share chart and the ambition per theme; who may
see and change them, another organisation's or plan's theme is a 404, bad input gives field
messages and nothing half-saved, fixed query counts with many themes and tenders."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from procurement.charts import share_chart
from procurement.models import Source, ThemeAmbition, ThemeBaseline, YearTarget
from tests.factories import OrgThemeFactory
from themes.models import FrameworkTheme, OrgTheme

from .conftest import make_tender

pytestmark = pytest.mark.django_db


def url(name, plan, **kwargs):
    return reverse(name, kwargs={"org_slug": plan.organisation.slug, "pk": plan.pk, **kwargs})


def baseline_post(**fields):
    data = {
        "ambitions": "Duurzaam inkopen staat in het coalitieakkoord.",
        "goals": "",
        "activities": "Twee pilots met circulair meubilair.",
        "sources": [Source.POLICY, Source.WORK_SESSION],
        "source_notes": "Coalitieakkoord 2022; werksessie met inkoop in maart.",
        "level": "2",
        "version": "",
    }
    data.update(fields)
    return data


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


# --- Step 1: nulmeting ------------------------------------------------------------------------


def test_baseline_created_on_first_save_then_edited(org_a, client_for, mvoi):
    theme = mvoi.themes["Circulair"]
    client = client_for(org_a.member)
    edit = url("procurement:baseline_edit", mvoi.plan, theme_pk=theme.pk)
    assert client.get(edit).status_code == 200
    response = client.post(edit, baseline_post())
    assert response.status_code == 302
    row = ThemeBaseline.objects.get(plan=mvoi.plan, theme=theme)
    assert row.organisation == mvoi.org
    assert row.sources == [Source.POLICY, Source.WORK_SESSION]
    assert row.level == 2
    assert row.activities.startswith("Twee pilots")

    form = client.get(edit).context["form"]
    assert form["version"].value() == row.version
    response = client.post(
        edit, baseline_post(version=str(row.version), sources=[Source.INTERVIEWS], level="3")
    )
    assert response.status_code == 302
    assert ThemeBaseline.objects.filter(plan=mvoi.plan).count() == 1
    row.refresh_from_db()
    assert (row.sources, row.level) == ([Source.INTERVIEWS], 3)

    page = client.get(url("procurement:baseline", mvoi.plan))
    body = page.content.decode()
    assert "Interviews" in body and "3 Verbreding" in body and "Circulair" in body


def test_baseline_bad_source_and_level_give_messages_nothing_saved(org_a, client_for, mvoi):
    edit = url("procurement:baseline_edit", mvoi.plan, theme_pk=mvoi.focus[0].pk)
    response = client_for(org_a.member).post(edit, baseline_post(sources=["roddel"], level="9"))
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"sources", "level"}
    assert not ThemeBaseline.objects.exists()


def test_baseline_theme_of_another_plan_or_org_is_404(org_a, org_b, client_for, mvoi, mvoi_b):
    not_in_plan = OrgThemeFactory(organisation=mvoi.org, own_name="Niet in dit plan")
    other_org = OrgThemeFactory(organisation=org_b.org, own_name="Van B")
    mvoi_b.plan.themes.add(other_org)
    client = client_for(org_a.member)
    for theme in (not_in_plan, other_org):
        edit = url("procurement:baseline_edit", mvoi.plan, theme_pk=theme.pk)
        assert client.get(edit).status_code == 404
        assert client.post(edit, baseline_post()).status_code == 404
    assert client.get(url("procurement:baseline", mvoi_b.plan)).status_code == 404
    assert client_for(org_b.member).get(url("procurement:baseline", mvoi.plan)).status_code == 404
    assert not ThemeBaseline.objects.exists()


def test_baseline_orders_manifest_mvoi_themes_first_and_hints_without_themes(
    org_a, client_for, mvoi
):
    climate = FrameworkTheme.objects.get(code="mvoi-klimaat")
    framework_theme = OrgTheme.objects.create(organisation=mvoi.org, framework_theme=climate)
    mvoi.plan.themes.add(framework_theme)
    client = client_for(org_a.viewer)
    cards = client.get(url("procurement:baseline", mvoi.plan)).context["cards"]
    assert cards[0]["theme"] == framework_theme
    assert len(cards) == 7

    mvoi.plan.themes.clear()
    body = client.get(url("procurement:baseline", mvoi.plan)).content.decode()
    assert "Manifest MVOI" in body
    assert reverse("themes:frameworks", args=["org-a"]) in body


def test_plan_themes_chosen(org_a, client_for, mvoi):
    extra = OrgThemeFactory(organisation=mvoi.org, own_name="Extra")
    client = client_for(org_a.member)
    edit = url("procurement:plan_themes", mvoi.plan)
    assert extra.name in client.get(edit).content.decode()
    keep = [mvoi.focus[0].pk, extra.pk]
    response = client.post(edit, {"themes": keep, "version": mvoi.plan.version})
    assert response.status_code == 302
    assert set(mvoi.plan.themes.values_list("pk", flat=True)) == set(keep)


def test_viewer_reads_but_may_not_write(org_a, client_for, mvoi):
    client = client_for(org_a.viewer)
    theme = mvoi.focus[0]
    for name in ("procurement:baseline", "procurement:themes", "procurement:targets"):
        assert client.get(url(name, mvoi.plan)).status_code == 200
    assert (
        client.post(url("procurement:targets", mvoi.plan), {"year_2025": "80"}).status_code == 403
    )
    for name in (
        "procurement:baseline_edit",
        "procurement:theme_edit",
        "procurement:ambition_edit",
    ):
        assert client.post(url(name, mvoi.plan, theme_pk=theme.pk), {}).status_code == 403
    assert client.post(url("procurement:plan_themes", mvoi.plan), {}).status_code == 403
    assert not YearTarget.objects.exists()


# --- Step 2: themes and ambition levels -------------------------------------------------------


def level_post(theme, **fields):
    data = {
        "is_focus": "on",
        "rationale": "Grote CO2-uitstoot in de bouw.",
        "ambition_current": "2",
        "ambition_target": "4",
        "version": str(theme.version),
    }
    data.update(fields)
    return {k: v for k, v in data.items() if v is not None}


def test_theme_levels_saved_and_shown_in_the_matrix(org_a, client_for, mvoi):
    theme = mvoi.themes["Milieu"]
    client = client_for(org_a.member)
    response = client.post(
        url("procurement:theme_edit", mvoi.plan, theme_pk=theme.pk), level_post(theme)
    )
    assert response.status_code == 302
    theme.refresh_from_db()
    assert (theme.is_focus, theme.ambition_current, theme.ambition_target) == (True, 2, 4)
    # five focus themes now: a warning, not a block
    assert any("focusthema" in m for m in messages_of(response))
    page = client.get(url("procurement:themes", mvoi.plan))
    body = page.content.decode()
    assert "<title>Ambitiematrix</title>" in body
    assert "Grote CO2-uitstoot" in body
    assert page.context["focus_warning"]


def test_theme_target_below_current_and_focus_without_rationale_refused(org_a, client_for, mvoi):
    theme = mvoi.themes["Milieu"]
    edit = url("procurement:theme_edit", mvoi.plan, theme_pk=theme.pk)
    client = client_for(org_a.member)
    response = client.post(edit, level_post(theme, ambition_current="4", ambition_target="2"))
    assert response.status_code == 200
    assert response.context["form"].errors["ambition_target"] == [
        "Het beoogde niveau kan niet lager zijn dan het huidige."
    ]
    response = client.post(edit, level_post(theme, rationale=" "))
    assert "rationale" in response.context["form"].errors
    theme.refresh_from_db()
    assert (theme.is_focus, theme.ambition_current, theme.ambition_target) == (False, None, None)
    # not a focus theme: no rationale needed
    response = client.post(edit, level_post(theme, is_focus=None, rationale=""))
    assert response.status_code == 302


def test_theme_edit_of_a_theme_outside_the_plan_is_404(org_a, org_b, client_for, mvoi, mvoi_b):
    outside = OrgThemeFactory(organisation=mvoi.org, own_name="Buiten het plan")
    client = client_for(org_a.member)
    edit = url("procurement:theme_edit", mvoi.plan, theme_pk=outside.pk)
    assert client.post(edit, level_post(outside)).status_code == 404
    theme = mvoi.focus[0]
    assert (
        client_for(org_b.member)
        .get(url("procurement:theme_edit", mvoi.plan, theme_pk=theme.pk))
        .status_code
        == 404
    )
    assert client.get(url("procurement:themes", mvoi_b.plan)).status_code == 404


# --- Step 3: yearly targets and ambitions -----------------------------------------------------


def targets_post(client, plan, values):
    """Post the targets form with the state it was loaded with."""
    form = client.get(url("procurement:targets", plan)).context["form"]
    data = {"state": form["state"].value() or ""}
    data.update({f"year_{year}": value for year, value in values.items()})
    return client.post(url("procurement:targets", plan), data)


def stored_targets(plan):
    return dict(YearTarget.objects.filter(plan=plan).values_list("year", "target_pct"))


def test_targets_offer_every_year_to_2030_and_save_and_clear(org_a, client_for, mvoi):
    client = client_for(org_a.member)
    form = client.get(url("procurement:targets", mvoi.plan)).context["form"]
    assert form.years == list(range(2024, 2031))
    response = targets_post(client, mvoi.plan, {2025: "75", 2026: "80", 2027: "85", 2030: "100"})
    assert response.status_code == 302
    assert stored_targets(mvoi.plan) == {2025: 75, 2026: 80, 2027: 85, 2030: 100}
    assert not any("lager" in m for m in messages_of(response))

    response = targets_post(client, mvoi.plan, {2025: "75", 2026: "", 2027: "90", 2030: "100"})
    assert response.status_code == 302
    assert stored_targets(mvoi.plan) == {2025: 75, 2027: 90, 2030: 100}
    assert YearTarget.objects.get(plan=mvoi.plan, year=2027).version == 2


def test_targets_lower_later_year_warns_but_saves(org_a, client_for, mvoi):
    client = client_for(org_a.member)
    response = targets_post(client, mvoi.plan, {2025: "80", 2026: "70", 2027: "75", 2028: "90"})
    assert response.status_code == 302
    assert stored_targets(mvoi.plan) == {2025: 80, 2026: 70, 2027: 75, 2028: 90}
    warnings = [m for m in messages_of(response) if "lager" in m]
    assert len(warnings) == 1
    assert "2026, 2027." in warnings[0] and "2028" not in warnings[0]


@pytest.mark.parametrize("bad", ["101", "abc", "-1", "7,5"])
def test_targets_bad_year_refused_with_message_nothing_half_saved(org_a, client_for, mvoi, bad):
    YearTarget.objects.create(organisation=mvoi.org, plan=mvoi.plan, year=2025, target_pct=60)
    client = client_for(org_a.member)
    response = targets_post(client, mvoi.plan, {2025: "75", 2026: "80", 2027: bad})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["year_2027"]
    assert "Er is niets opgeslagen" in response.content.decode()
    assert stored_targets(mvoi.plan) == {2025: 60}


def test_targets_changed_meanwhile_are_not_overwritten(org_a, client_for, mvoi):
    client = client_for(org_a.member)
    form = client.get(url("procurement:targets", mvoi.plan)).context["form"]
    YearTarget.objects.create(organisation=mvoi.org, plan=mvoi.plan, year=2025, target_pct=60)
    response = client.post(
        url("procurement:targets", mvoi.plan),
        {"state": form["state"].value() or "", "year_2025": "", "year_2026": "80"},
    )
    assert response.status_code == 200
    assert "Iemand anders" in response.content.decode()
    assert stored_targets(mvoi.plan) == {2025: 60}


def test_targets_show_the_actual_share_and_the_chart(org_a, client_for, mvoi):
    YearTarget.objects.create(organisation=mvoi.org, plan=mvoi.plan, year=2025, target_pct=75)
    make_tender(mvoi.plan, mvoi.group, 2025, themes=[mvoi.focus[0]])
    make_tender(mvoi.plan, mvoi.group, 2025, themes=[mvoi.themes["Milieu"]])
    response = client_for(org_a.viewer).get(url("procurement:targets", mvoi.plan))
    row = next(r for r in response.context["rows"] if r["year"] == 2025)
    assert row["share"]["actual_pct"] == 50
    svg = str(response.context["share_svg"])
    assert "<title>Jaardoelen en werkelijk aandeel</title>" in svg
    assert "2025" in svg and "2030" in svg
    assert "50%" in svg


def test_share_chart_svg():
    rows = [
        {"year": 2024, "actual_pct": None, "target_pct": 75},
        {"year": 2025, "actual_pct": 82, "target_pct": 80},
        {"year": 2026, "actual_pct": 60, "target_pct": None},
    ]
    svg = str(share_chart(rows, title="Aandeel <per> jaar", description="Staaf en lijn"))
    assert svg.startswith("<svg") and 'viewBox="0 0 700 ' in svg and 'width="100%"' in svg
    assert "<title>Aandeel &lt;per&gt; jaar</title><desc>Staaf en lijn</desc>" in svg
    for text in ("2024", "2025", "2026", "82%", "60%", "doel 75%", "100%", "0%"):
        assert text in svg
    assert svg.count('class="target"') == 2
    empty = str(share_chart([], title="Leeg", description="Nog geen cijfers"))
    assert "<title>Leeg</title>" in empty and "Nog geen cijfers" in empty


def test_ambition_created_edited_and_removed(org_a, client_for, mvoi):
    theme = mvoi.focus[1]
    client = client_for(org_a.member)
    edit = url("procurement:ambition_edit", mvoi.plan, theme_pk=theme.pk)
    response = client.post(edit, {"statement": "Alle ICT circulair in 2027.", "version": ""})
    assert response.status_code == 302
    row = ThemeAmbition.objects.get(plan=mvoi.plan, theme=theme)
    body = client.get(url("procurement:targets", mvoi.plan)).content.decode()
    assert "Alle ICT circulair in 2027." in body
    response = client.post(
        edit, {"statement": "Alle ICT circulair in 2026.", "version": row.version}
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.statement.endswith("2026.")
    response = client.post(edit, {"statement": "", "version": row.version})
    assert response.status_code == 302
    assert not ThemeAmbition.objects.exists()
    outside = OrgThemeFactory(organisation=mvoi.org, own_name="Elders")
    edit = url("procurement:ambition_edit", mvoi.plan, theme_pk=outside.pk)
    assert client.post(edit, {"statement": "x", "version": ""}).status_code == 404


def test_targets_of_another_organisation_are_404(org_b, client_for, mvoi):
    client = client_for(org_b.member)
    assert client.get(url("procurement:targets", mvoi.plan)).status_code == 404
    assert (
        client.post(url("procurement:targets", mvoi.plan), {"year_2025": "80"}).status_code == 404
    )
    assert not YearTarget.objects.exists()


# --- Query counts -----------------------------------------------------------------------------


def add_many(mvoi, count):
    themes = [OrgThemeFactory(organisation=mvoi.org, is_focus=i % 2 == 0) for i in range(count)]
    mvoi.plan.themes.add(*themes)
    for i, theme in enumerate(themes):
        ThemeBaseline.objects.create(
            organisation=mvoi.org, plan=mvoi.plan, theme=theme, sources=[Source.POLICY], level=2
        )
        ThemeAmbition.objects.create(
            organisation=mvoi.org, plan=mvoi.plan, theme=theme, statement=f"Ambitie {i}"
        )
        make_tender(mvoi.plan, mvoi.group, 2024 + i % 4, themes=[theme])
    for year in range(2024, 2031):
        YearTarget.objects.get_or_create(
            organisation=mvoi.org, plan=mvoi.plan, year=year, defaults={"target_pct": 80}
        )


@pytest.mark.parametrize(
    "name", ["procurement:baseline", "procurement:themes", "procurement:targets"]
)
def test_fixed_query_count(org_a, client_for, mvoi, name, django_assert_max_num_queries):
    client = client_for(org_a.member)
    add_many(mvoi, 2)
    with django_assert_max_num_queries(30) as few:
        assert client.get(url(name, mvoi.plan)).status_code == 200
    add_many(mvoi, 30)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url(name, mvoi.plan))
    assert response.status_code == 200
