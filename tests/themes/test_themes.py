"""Theme frameworks as data, the organisation's themes, focus warning, matrices."""

import pytest
from django.contrib.messages import get_messages

from kpis.models import Kpi
from tests.factories import KpiFactory, OrgThemeFactory
from themes.models import Framework, FrameworkTheme, OrgTheme


def url(org, rest=""):
    return f"/o/{org.slug}/themas/{rest}"


@pytest.mark.django_db
def test_frameworks_are_installed_by_migrate():
    counts = {f.code: f.themes.count() for f in Framework.objects.all()}
    assert counts == {"iso26000": 7, "mvoi": 6, "pianoo": 7, "sdg": 17}
    for theme in FrameworkTheme.objects.all():
        assert theme.name_nl and theme.name_en and theme.description_nl and theme.description_en
    climate = FrameworkTheme.objects.get(code="mvoi-klimaat")
    assert 13 in {s.number for s in climate.sdgs.all()}
    assert sorted(FrameworkTheme.objects.sdgs().values_list("number", flat=True)) == list(
        range(1, 18)
    )


@pytest.mark.django_db
def test_framework_names_follow_the_language():
    from django.utils.translation import override

    theme = FrameworkTheme.objects.get(code="iso-arbeid")
    with override("nl"):
        assert theme.name == "Arbeidsomstandigheden"
    with override("en"):
        assert theme.name == theme.name_en != theme.name_nl


def test_add_theme_from_framework_with_default_sdgs(org_a, client_for):
    client = client_for(org_a.member)
    climate = FrameworkTheme.objects.get(code="mvoi-klimaat")
    form = client.get(url(org_a.org, f"nieuw/?kaderthema={climate.pk}"))
    assert form.status_code == 200
    assert form.context["form"].initial["framework_theme"] == climate
    sdg13 = FrameworkTheme.objects.get(code="sdg-13")
    response = client.post(
        url(org_a.org, "nieuw/"),
        {
            "framework_theme": climate.pk,
            "rationale": "Onze vrachtwagens stoten veel uit.",
            "importance": 5,
            "impact": 4,
            "is_focus": "on",
            "ambition_current": 2,
            "ambition_target": 4,
            "sdgs": [sdg13.pk],
        },
    )
    assert response.status_code == 302
    theme = OrgTheme.objects.get(organisation=org_a.org)
    assert (theme.name, theme.is_focus, theme.ambition_target) == ("Klimaat", True, 4)
    assert list(theme.sdgs.all()) == [sdg13]
    # The framework page now marks it as chosen.
    assert "gekozen" in client.get(url(org_a.org, "kaders/")).content.decode()


def test_theme_validation_messages(org_a, client_for):
    client = client_for(org_a.member)
    nothing = client.post(url(org_a.org, "nieuw/"), {"importance": 9, "impact": 0})
    text = nothing.content.decode()
    assert "Kies een thema uit een kader of geef uw eigen thema een naam." in text
    assert text.count("Kies een score van 1 tot en met 5.") >= 2  # importance and impact
    climate = FrameworkTheme.objects.get(code="mvoi-klimaat")
    both = client.post(url(org_a.org, "nieuw/"), {"framework_theme": climate.pk, "own_name": "X"})
    assert "niet allebei" in both.content.decode()
    lower = client.post(
        url(org_a.org, "nieuw/"), {"own_name": "Eigen", "ambition_current": 4, "ambition_target": 2}
    )
    assert "Het beoogde niveau kan niet lager zijn dan het huidige." in lower.content.decode()
    sdg = FrameworkTheme.objects.get(code="sdg-1")
    as_theme = client.post(url(org_a.org, "nieuw/"), {"framework_theme": sdg.pk})
    assert "Selecteer een geldige keuze" in as_theme.content.decode()
    assert not OrgTheme.objects.exists()


def test_same_theme_twice_is_refused(org_a, client_for):
    OrgThemeFactory(organisation=org_a.org, own_name="Water")
    response = client_for(org_a.member).post(url(org_a.org, "nieuw/"), {"own_name": "Water"})
    assert response.status_code == 200
    assert "Uw organisatie heeft al een thema „Water”" in response.content.decode()
    climate = FrameworkTheme.objects.get(code="mvoi-klimaat")
    OrgThemeFactory(organisation=org_a.org, framework_theme=climate, own_name="")
    again = client_for(org_a.member).post(url(org_a.org, "nieuw/"), {"framework_theme": climate.pk})
    assert "Selecteer een geldige keuze" in again.content.decode()  # no longer offered
    assert OrgTheme.objects.count() == 2


def test_more_than_four_focus_themes_warns_but_saves(org_a, client_for):
    for i in range(4):
        OrgThemeFactory(organisation=org_a.org, own_name=f"Focus {i}", is_focus=True)
    client = client_for(org_a.member)
    response = client.post(
        url(org_a.org, "nieuw/"), {"own_name": "Nog één", "is_focus": "on"}, follow=True
    )
    text = response.content.decode()
    assert "U heeft 5 focusthema" in text
    assert OrgTheme.objects.focus().count() == 5


def test_no_focus_warning_when_the_save_failed(org_a, client_for):
    themes = [
        OrgThemeFactory(organisation=org_a.org, own_name=f"F{i}", is_focus=True) for i in range(5)
    ]
    stale = {"own_name": "Nieuw", "is_focus": "on", "version": 1}
    OrgTheme.objects.filter(pk=themes[0].pk).update(version=2)  # someone saved meanwhile
    response = client_for(org_a.member).post(url(org_a.org, f"{themes[0].pk}/bewerken/"), stale)
    assert response.status_code == 200
    assert "Iemand anders heeft dit intussen gewijzigd" in response.content.decode()
    assert not list(get_messages(response.wsgi_request))  # no warning for an unsaved edit


def test_theme_page_shows_both_matrices(org_a, client_for):
    OrgThemeFactory(
        organisation=org_a.org,
        own_name="Veiligheid",
        importance=5,
        impact=2,
        is_focus=True,
        ambition_current=1,
        ambition_target=3,
    )
    OrgThemeFactory(organisation=org_a.org, own_name="Afval", importance=2, impact=4)
    response = client_for(org_a.viewer).get(url(org_a.org))
    page = response.content.decode()
    assert page.count("<svg") == 2
    materiality, ambition = response.context["materiality_svg"], response.context["ambition_svg"]
    assert "Veiligheid" in materiality and "Afval" in materiality
    assert "Veiligheid" in ambition and "Afval" not in ambition  # Afval has no ambition levels
    assert "Thema toevoegen" not in page  # a viewer cannot add


def test_theme_with_kpis_cannot_be_deleted(org_a, client_for):
    theme = OrgThemeFactory(organisation=org_a.org)
    KpiFactory(organisation=org_a.org, theme=theme)
    response = client_for(org_a.member).post(
        url(org_a.org, f"{theme.pk}/verwijderen/"), follow=True
    )
    assert "Dit thema heeft 1 KPI." in response.content.decode()
    assert OrgTheme.objects.filter(pk=theme.pk).exists() and Kpi.objects.exists()
    empty = OrgThemeFactory(organisation=org_a.org)
    client_for(org_a.member).post(url(org_a.org, f"{empty.pk}/verwijderen/"))
    assert not OrgTheme.objects.filter(pk=empty.pk).exists()


def test_edit_theme_of_other_organisation_is_404(org_a, org_b, client_for):
    foreign = OrgThemeFactory(organisation=org_b.org)
    client = client_for(org_a.admin)
    assert client.get(url(org_a.org, f"{foreign.pk}/bewerken/")).status_code == 404
    assert (
        client.post(url(org_a.org, f"{foreign.pk}/bewerken/"), {"own_name": "x"}).status_code == 404
    )


@pytest.mark.django_db(transaction=True)
def test_frameworks_survive_transactional_tests():
    # Runs after other transactional tests (pytest-django orders them last): the data
    # migration's rows must still be there.
    assert FrameworkTheme.objects.count() == 37


def test_focus_warning_is_shown_once_after_saving(org_a, client_for):
    for i in range(4):
        OrgThemeFactory(organisation=org_a.org, own_name=f"Focus {i}", is_focus=True)
    response = client_for(org_a.member).post(
        url(org_a.org, "nieuw/"), {"own_name": "Vijfde", "is_focus": "on"}, follow=True
    )
    assert response.content.decode().count("U heeft 5 focusthema") == 1


def test_a_theme_with_kpis_says_so_before_the_delete_button(org_a, client_for):
    theme = OrgThemeFactory(organisation=org_a.org, own_name="Water")
    KpiFactory.create_batch(2, organisation=org_a.org, theme=theme)
    client = client_for(org_a.member)
    page = client.get(url(org_a.org, f"{theme.pk}/verwijderen/")).content.decode()
    assert "Dit thema heeft 2 KPI&#x27;s." in page
    assert "Ja, verwijderen" not in page
    assert client.post(url(org_a.org, f"{theme.pk}/verwijderen/")).status_code == 302
    assert OrgTheme.objects.filter(pk=theme.pk).exists()


@pytest.mark.parametrize("typed", ["water", "WATER", " Water "])
def test_own_theme_names_are_unique_whatever_their_case(typed, org_a, client_for):
    OrgThemeFactory(organisation=org_a.org, own_name="Water")
    response = client_for(org_a.member).post(url(org_a.org, "nieuw/"), {"own_name": typed})
    assert "Uw organisatie heeft al een thema „Water”" in response.content.decode()
    assert OrgTheme.objects.count() == 1


def test_own_theme_and_framework_theme_cannot_share_a_name(org_a, client_for):
    climate = FrameworkTheme.objects.get(code="mvoi-klimaat")
    client = client_for(org_a.member)
    OrgTheme.objects.create(organisation=org_a.org, framework_theme=climate)
    own = client.post(url(org_a.org, "nieuw/"), {"own_name": "klimaat"})
    assert "Uw organisatie heeft al een thema „Klimaat”" in own.content.decode()
    OrgTheme.objects.all().delete()
    OrgThemeFactory(organisation=org_a.org, own_name="KLIMAAT")
    picked = client.post(url(org_a.org, "nieuw/"), {"framework_theme": climate.pk})
    assert "Uw organisatie heeft al een thema „KLIMAAT”" in picked.content.decode()
    assert OrgTheme.objects.count() == 1
