"""The risk register, its heat map and one risk's page, through the real views: roles,
isolation, order, filters, field messages with nothing saved, query counts."""

import re

import pytest

from duediligence.models import Grievance, Monitoring, Risk
from plans.models import PlanStatus
from tests.factories import ActionFactory
from tests.helpers import assert_queries_constant

from .risk_helpers import GOOD_RISK, make_item, make_risk, make_supplier, plan_url, risk_url

pytestmark = pytest.mark.django_db


def page(response):
    return response.content.decode()


def register_titles(response):
    """The risk titles in the register, in the order shown."""
    return re.findall(
        r'<th scope="row" class="fw-normal"><a href="[^"]+">([^<]+)</a>', page(response)
    )


# --- Roles and isolation ----------------------------------------------------------------------


def every_url(plan, risk):
    return [
        plan_url("duediligence:risks", plan),
        plan_url("duediligence:risk_create", plan),
        risk_url("duediligence:risk", risk),
        risk_url("duediligence:risk_edit", risk),
        risk_url("duediligence:risk_delete", risk),
        risk_url("duediligence:risk_action_create", risk),
        risk_url("duediligence:risk_action_link", risk),
    ]


def test_viewer_reads_the_register_and_the_risk(org_a, dd_plan, client_for):
    risk = make_risk(dd_plan, title="Lage lonen")
    client = client_for(org_a.viewer)
    assert "Lage lonen" in page(client.get(plan_url("duediligence:risks", dd_plan)))
    response = client.get(risk_url("duediligence:risk", risk))
    assert response.status_code == 200
    assert "Nieuwe actie" not in page(response)  # no write buttons for a viewer
    assert risk_url("duediligence:risk_edit", risk) not in page(response)


def test_viewer_gets_403_on_every_write(org_a, dd_plan, client_for):
    risk = make_risk(dd_plan)
    link = ActionFactory(plan=dd_plan)
    client = client_for(org_a.viewer)
    for url in every_url(dd_plan, risk)[1:]:
        if url != risk_url("duediligence:risk", risk):
            assert client.get(url).status_code == 403, url
    for url in every_url(dd_plan, risk):
        assert client.post(url, GOOD_RISK).status_code in (403, 405), url
    unlink = risk_url("duediligence:risk_action_unlink", risk, link_pk=link.pk)
    assert client.post(unlink).status_code == 403
    assert Risk.objects.get(pk=risk.pk).title == "Risico"
    assert Risk.objects.count() == 1


@pytest.mark.parametrize("role", ["member", "manager", "admin"])
def test_writers_open_the_forms(org_a, dd_plan, client_for, role):
    risk = make_risk(dd_plan)
    client = client_for(getattr(org_a, role))
    for url in every_url(dd_plan, risk):
        assert client.get(url).status_code == 200, url


def test_other_organisation_gets_404_everywhere(org_a, org_b, dd_plan, client_for):
    risk = make_risk(dd_plan)
    action = ActionFactory(plan=dd_plan)
    from duediligence.models import RiskAction

    link = RiskAction.objects.create(organisation=org_a.org, risk=risk, action=action)
    client = client_for(org_b.member)
    urls = every_url(dd_plan, risk) + [
        risk_url("duediligence:risk_action_unlink", risk, link_pk=link.pk)
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
        assert client.post(url, GOOD_RISK).status_code == 404, url
    assert RiskAction.objects.filter(pk=link.pk).exists()


def test_own_slug_with_other_organisations_plan_is_404(org_b, dd_plan, dd_plan_b, client_for):
    """A member of B who puts A's plan id under B's slug finds nothing."""
    risk = make_risk(dd_plan)
    client = client_for(org_b.member)
    base = f"/o/{org_b.org.slug}/due-diligence/{dd_plan.pk}/risicos/"
    for url in [base, f"{base}nieuw/", f"{base}{risk.pk}/", f"{base}{risk.pk}/bewerken/"]:
        assert client.get(url).status_code == 404, url
    # and B's own plan does not show A's risk
    url = f"/o/{org_b.org.slug}/due-diligence/{dd_plan_b.pk}/risicos/{risk.pk}/"
    assert client.get(url).status_code == 404


def test_plan_of_another_method_is_404(org_a, client_for):
    from tests.factories import PlanFactory

    plan = PlanFactory(organisation=org_a.org)  # an MVO-steps plan
    response = client_for(org_a.member).get(plan_url("duediligence:risks", plan))
    assert response.status_code == 404


def test_anonymous_is_sent_to_login(dd_plan, client_for):
    response = client_for(None).get(plan_url("duediligence:risks", dd_plan))
    assert response.status_code == 302
    assert "/account/inloggen/" in response["Location"]


# --- The register -----------------------------------------------------------------------------


def test_register_orders_by_severity_then_likelihood(org_a, dd_plan, client_for):
    make_risk(dd_plan, title="Laag en zeker", scale=1, scope=1, irremediability=1, likelihood=5)
    make_risk(
        dd_plan,
        title="Ernstig en onwaarschijnlijk",
        scale=5,
        scope=5,
        irremediability=5,
        likelihood=1,
        prioritised=True,
    )
    make_risk(dd_plan, title="Midden en zeker", scale=3, scope=3, irremediability=3, likelihood=5)
    make_risk(dd_plan, title="Midden en kan", scale=3, scope=3, irremediability=3, likelihood=2)
    make_risk(
        dd_plan,
        title="Onomkeerbaar",
        scale=1,
        scope=1,
        irremediability=5,
        likelihood=1,
        prioritised=True,
    )
    response = client_for(org_a.viewer).get(plan_url("duediligence:risks", dd_plan))
    assert register_titles(response) == [
        "Ernstig en onwaarschijnlijk",
        "Onomkeerbaar",
        "Midden en zeker",
        "Midden en kan",
        "Laag en zeker",
    ]


def test_register_shows_the_columns(org_a, dd_plan, client_for):
    risk = make_risk(
        dd_plan,
        title="Watervervuiling",
        category="watervervuiling",
        area="milieu",
        nature="werkelijk",
        scale=4,
        scope=3,
        irremediability=2,
        likelihood=4,
        prioritised=True,
    )
    from duediligence.models import RiskAction

    done = ActionFactory(plan=dd_plan, status="afgerond")
    ActionFactory(plan=dd_plan)  # not linked: does not count
    for action in (done, ActionFactory(plan=dd_plan)):
        RiskAction.objects.create(organisation=org_a.org, risk=risk, action=action)
    text = page(client_for(org_a.viewer).get(plan_url("duediligence:risks", dd_plan)))
    for expected in [
        "Watervervuiling",
        "Milieu",
        "Werkelijk (speelt nu)",
        "4 / 3 / 2",
        "Middelmatige ernst (3)",
        "prioriteit",
        "nog niet bepaald",
        "1 van 2",
    ]:
        assert expected in text, expected


def test_register_paginates_at_fifty(org_a, dd_plan, client_for):
    for n in range(55):
        make_risk(dd_plan, title=f"Risico {n:02d}")
    client = client_for(org_a.viewer)
    first = client.get(plan_url("duediligence:risks", dd_plan))
    assert len(register_titles(first)) == 50
    second = client.get(plan_url("duediligence:risks", dd_plan) + "?page=2")
    assert len(register_titles(second)) == 5
    assert "55 risico" in page(first)


def test_heat_map_is_on_the_register_with_counts_and_cell_links(org_a, dd_plan, client_for):
    make_risk(dd_plan, scale=5, scope=5, irremediability=5, likelihood=2, prioritised=True)
    make_risk(dd_plan, scale=5, scope=5, irremediability=5, likelihood=2, prioritised=True)
    make_risk(dd_plan, scale=1, scope=1, irremediability=1, likelihood=1)
    text = page(client_for(org_a.viewer).get(plan_url("duediligence:risks", dd_plan)))
    assert "<svg" in text
    assert "Ernst 5, waarschijnlijkheid 2 (hoog): 2 risico&#x27;s." in text
    hrefs = re.findall(r'<a href="([^"]*severity=[^"]*)"', text)
    assert len(hrefs) == 2  # only the two cells with risks link
    assert any("severity=5&amp;likelihood=2" in href for href in hrefs)


def test_heat_map_click_filters_and_marks_the_cell(org_a, dd_plan, client_for):
    make_risk(
        dd_plan,
        title="In het vak",
        scale=4,
        scope=4,
        irremediability=4,
        likelihood=3,
        prioritised=True,
    )
    make_risk(
        dd_plan,
        title="Zelfde ernst",
        scale=4,
        scope=4,
        irremediability=4,
        likelihood=2,
        prioritised=True,
    )
    make_risk(dd_plan, title="Zelfde kans", scale=2, scope=2, irremediability=2, likelihood=3)
    url = plan_url("duediligence:risks", dd_plan) + "?severity=4&likelihood=3"
    response = client_for(org_a.viewer).get(url)
    assert register_titles(response) == ["In het vak"]
    text = page(response)
    assert 'class="heat-cell active"' in text
    assert "filter wissen" in text
    assert text.count("heat-cell active") == 1


def test_filter_wissen_is_absent_without_a_cell(org_a, dd_plan, client_for):
    make_risk(dd_plan)
    text = page(client_for(org_a.viewer).get(plan_url("duediligence:risks", dd_plan)))
    assert "filter wissen" not in text
    assert "heat-cell active" not in text


def test_htmx_gets_only_the_results(org_a, dd_plan, client_for):
    make_risk(dd_plan, title="Alleen dit")
    response = client_for(org_a.viewer).get(
        plan_url("duediligence:risks", dd_plan), HTTP_HX_REQUEST="true"
    )
    text = page(response)
    assert text.lstrip().startswith('<div id="results">') or 'id="results"' in text[:200]
    assert "<html" not in text
    assert "Alleen dit" in text


def test_htmx_filter_also_updates_the_heat_map_out_of_band(org_a, dd_plan, client_for):
    make_risk(dd_plan, title="Vak", likelihood=3)
    response = client_for(org_a.viewer).get(
        plan_url("duediligence:risks", dd_plan) + "?severity=2&likelihood=3",
        HTTP_HX_REQUEST="true",
    )
    text = page(response)
    assert 'id="heatmap" aria-labelledby="heat-heading" hx-swap-oob="true"' in text
    assert "heat-cell active" in text
    full = page(client_for(org_a.viewer).get(plan_url("duediligence:risks", dd_plan)))
    assert "hx-swap-oob" not in full
    assert full.index('id="heatmap"') < full.index('id="filter-form"') < full.index('id="results"')


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("category=watervervuiling", ["Water"]),
        ("area=milieu", ["Water"]),
        ("nature=werkelijk", ["Water"]),
        ("band=hoog", ["Kinderen"]),
        ("band=laag", ["Water", "Lonen"]),
        ("prioritised=ja", ["Kinderen"]),
        ("prioritised=nee", ["Water", "Lonen"]),
        ("involvement=veroorzaakt", ["Lonen"]),
        ("involvement=geen", ["Kinderen", "Water"]),
        ("severity=2", ["Water", "Lonen"]),
        ("likelihood=4", ["Water"]),
        ("country=CI", ["Kinderen"]),
        ("country=GH", ["Kinderen", "Lonen"]),
    ],
)
def test_register_filters(org_a, dd_plan, client_for, query, expected):
    make_risk(
        dd_plan,
        title="Kinderen",
        scale=5,
        scope=3,
        irremediability=3,
        likelihood=2,
        prioritised=True,
        countries=["CI", "GH"],
    )
    make_risk(
        dd_plan,
        title="Lonen",
        category="lage_lonen",
        involvement="veroorzaakt",
        likelihood=3,
        countries=["GH"],
    )
    make_risk(
        dd_plan,
        title="Water",
        category="watervervuiling",
        area="milieu",
        nature="werkelijk",
        likelihood=4,
        countries=["NL"],
    )
    url = plan_url("duediligence:risks", dd_plan) + "?" + query
    assert register_titles(client_for(org_a.viewer).get(url)) == expected


def test_filter_on_item_and_supplier(org_a, dd_plan, client_for):
    cocoa, coffee = make_item(dd_plan, "Cacao"), make_item(dd_plan, "Koffie")
    farm = make_supplier(dd_plan)
    one = make_risk(dd_plan, title="Cacaorisico")
    one.items.add(cocoa)
    one.suppliers.add(farm)
    make_risk(dd_plan, title="Koffierisico").items.add(coffee)
    client = client_for(org_a.viewer)
    base = plan_url("duediligence:risks", dd_plan)
    assert register_titles(client.get(f"{base}?item={cocoa.pk}")) == ["Cacaorisico"]
    assert register_titles(client.get(f"{base}?supplier={farm.pk}")) == ["Cacaorisico"]


def test_filter_with_another_plans_item_shows_a_message_not_rows(org_a, dd_plan, client_for):
    from tests.factories import PlanFactory

    other = PlanFactory(organisation=org_a.org, method="due_diligence")
    foreign = make_item(other, "Elders")
    make_risk(dd_plan, title="Hier")
    response = client_for(org_a.viewer).get(
        plan_url("duediligence:risks", dd_plan) + f"?item={foreign.pk}"
    )
    assert response.status_code == 200
    assert register_titles(response) == []
    assert "is-invalid" in page(response)


@pytest.mark.parametrize("query", ["severity=9", "likelihood=abc", "band=extreem", "page=999"])
def test_odd_filter_values_do_not_break_the_page(org_a, dd_plan, client_for, query):
    make_risk(dd_plan)
    response = client_for(org_a.viewer).get(plan_url("duediligence:risks", dd_plan) + "?" + query)
    assert response.status_code == 200


def test_register_query_count_is_constant(org_a, dd_plan, client_for):
    item = make_item(dd_plan)

    def add(n):
        for index in range(n):
            risk = make_risk(dd_plan, title=f"R{index}", likelihood=index % 5 + 1)
            risk.items.add(item)

    assert_queries_constant(
        client_for(org_a.viewer), plan_url("duediligence:risks", dd_plan), add, large=60
    )


# --- Create, edit, delete ---------------------------------------------------------------------


def test_member_creates_a_risk_with_links_and_sees_its_severity(org_a, dd_plan, client_for):
    cocoa = make_item(dd_plan)
    farm = make_supplier(dd_plan)
    data = {
        **GOOD_RISK,
        "items": [cocoa.pk],
        "suppliers": [farm.pk],
        "countries": ["CI", "GH"],
        "affected_groups": ["kinderen", "vrouwen"],
        "sources": ["ngos", "media"],
    }
    response = client_for(org_a.member).post(plan_url("duediligence:risk_create", dd_plan), data)
    risk = Risk.objects.get()
    assert response.status_code == 302
    assert response["Location"] == risk_url("duediligence:risk", risk)
    assert risk.severity == 3  # (4 + 3 + 2) / 3 = 3
    assert risk.countries == ["CI", "GH"]
    assert risk.affected_groups == ["kinderen", "vrouwen"]
    assert list(risk.items.all()) == [cocoa]
    assert list(risk.suppliers.all()) == [farm]
    assert risk.organisation == org_a.org
    assert risk.plan == dd_plan


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("scale", "0", "Kies een score van 1 tot en met 5."),
        ("scope", "6", "Kies een score van 1 tot en met 5."),
        ("irremediability", "abc", "Kies een score van 1 tot en met 5."),
        ("likelihood", "", "Dit veld is verplicht."),
        ("title", "", "Dit veld is verplicht."),
        ("countries", ["XX"], "Kies een land uit de lijst."),
        ("affected_groups", ["aliens"], None),
    ],
)
def test_bad_input_gets_a_field_message_and_saves_nothing(
    org_a, dd_plan, client_for, field, value, message
):
    response = client_for(org_a.member).post(
        plan_url("duediligence:risk_create", dd_plan), {**GOOD_RISK, field: value}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    if message:
        assert message in form.errors[field]
        assert message in page(response)
    assert "Er is niets opgeslagen" in page(response)
    assert not Risk.objects.exists()


def test_highest_band_without_priority_or_rationale_is_refused(org_a, dd_plan, client_for):
    data = {**GOOD_RISK, "scale": "5", "scope": "1", "irremediability": "1"}  # severity 4
    client = client_for(org_a.member)
    response = client.post(plan_url("duediligence:risk_create", dd_plan), data)
    assert response.status_code == 200
    errors = response.context["form"].errors["priority_rationale"]
    assert "hoogste ernstklasse" in errors[0]
    assert not Risk.objects.exists()
    # with a rationale it is saved; prioritised without one too
    data["priority_rationale"] = "Eerst de keten van cacao in kaart, dan dit."
    assert client.post(plan_url("duediligence:risk_create", dd_plan), data).status_code == 302
    data.update(priority_rationale="", prioritised="on", title="Tweede")
    assert client.post(plan_url("duediligence:risk_create", dd_plan), data).status_code == 302
    assert Risk.objects.count() == 2


def test_another_plans_item_or_supplier_is_refused(org_a, org_b, dd_plan, dd_plan_b, client_for):
    from tests.factories import PlanFactory

    other = PlanFactory(organisation=org_a.org, method="due_diligence")
    for foreign in (make_item(other, "Andere cacao"), make_item(dd_plan_b, "Cacao van B")):
        response = client_for(org_a.member).post(
            plan_url("duediligence:risk_create", dd_plan), {**GOOD_RISK, "items": [foreign.pk]}
        )
        assert response.status_code == 200
        assert "niet bij dit plan" in response.context["form"].errors["items"][0]
    response = client_for(org_a.member).post(
        plan_url("duediligence:risk_create", dd_plan),
        {**GOOD_RISK, "suppliers": [make_supplier(other).pk]},
    )
    assert "suppliers" in response.context["form"].errors
    assert not Risk.objects.exists()


def test_category_other_needs_a_name(org_a, dd_plan, client_for):
    response = client_for(org_a.member).post(
        plan_url("duediligence:risk_create", dd_plan), {**GOOD_RISK, "category": "anders"}
    )
    assert "Zeg welke categorie het is." in response.context["form"].errors["category_other"]
    assert not Risk.objects.exists()


def test_edit_changes_the_risk_and_recomputes_severity(org_a, dd_plan, client_for):
    risk = make_risk(dd_plan, title="Oud")
    data = {
        **GOOD_RISK,
        "title": "Nieuw",
        "irremediability": "5",
        "prioritised": "on",
        "version": risk.version,
    }
    response = client_for(org_a.member).post(risk_url("duediligence:risk_edit", risk), data)
    assert response.status_code == 302
    risk.refresh_from_db()
    assert (risk.title, risk.severity, risk.version) == ("Nieuw", 4, 2)


def test_edit_with_a_stale_version_is_refused(org_a, dd_plan, client_for):
    risk = make_risk(dd_plan, title="Oud")
    Risk.objects.filter(pk=risk.pk).update(version=5, title="Door iemand anders")
    data = {**GOOD_RISK, "title": "Mijn versie", "version": 1}
    response = client_for(org_a.member).post(risk_url("duediligence:risk_edit", risk), data)
    assert response.status_code == 200
    risk.refresh_from_db()
    assert risk.title == "Door iemand anders"


def test_editing_an_approved_plans_risk_makes_it_concept_again(org_a, dd_plan, client_for):
    risk = make_risk(dd_plan)
    type(dd_plan).objects.filter(pk=dd_plan.pk).update(status=PlanStatus.APPROVED)
    data = {**GOOD_RISK, "version": risk.version}
    client_for(org_a.member).post(risk_url("duediligence:risk_edit", risk), data)
    dd_plan.refresh_from_db()
    assert dd_plan.status == PlanStatus.DRAFT


def test_delete_removes_the_risk_but_keeps_its_actions(org_a, dd_plan, client_for):
    from duediligence.models import RiskAction

    risk = make_risk(dd_plan)
    action = ActionFactory(plan=dd_plan)
    RiskAction.objects.create(organisation=org_a.org, risk=risk, action=action)
    client = client_for(org_a.member)
    assert "blijven in het plan" in page(client.get(risk_url("duediligence:risk_delete", risk)))
    response = client.post(risk_url("duediligence:risk_delete", risk))
    assert response.status_code == 302
    assert response["Location"] == plan_url("duediligence:risks", dd_plan)
    assert not Risk.objects.exists()
    assert not RiskAction.objects.exists()
    action.refresh_from_db()  # still there


# --- One risk's page --------------------------------------------------------------------------


def test_risk_page_shows_all_fields_and_explains_severity(org_a, dd_plan, client_for):
    cocoa = make_item(dd_plan)
    risk = make_risk(
        dd_plan,
        title="Kinderarbeid",
        description="Bij de oogst.",
        scale=5,
        scope=1,
        irremediability=1,
        likelihood=2,
        priority_rationale="Eerst de keten in kaart.",
        countries=["CI"],
        affected_groups=["kinderen"],
        sources=["ngos"],
        involvement="direct_verbonden",
    )
    risk.items.add(cocoa)
    text = page(client_for(org_a.viewer).get(risk_url("duediligence:risk", risk)))
    for expected in [
        "Bij de oogst.",
        "Cacao",
        "Ivoorkust",
        "Kinderen",
        "Ngo&#x27;s",
        "Eerst de keten in kaart.",
        "(5 + 1 + 1) / 3 = 2,33, afgerond 3",
        "minstens 4",
        "Direct verbonden",
        "Verwachte aanpak",
        "Herstelplicht",
    ]:
        assert expected in text, expected


def test_risk_page_highlights_its_row_of_the_involvement_table(org_a, dd_plan, client_for):
    from duediligence import rules

    risk = make_risk(dd_plan, involvement="draagt_bij")
    text = page(client_for(org_a.viewer).get(risk_url("duediligence:risk", risk)))
    rows = re.findall(
        r"<tr( class=\"table-primary\" aria-current=\"true\")?>\s*<th scope=\"row\">([^<]+)", text
    )
    highlighted = [label.strip() for mark, label in rows if mark]
    assert highlighted == ["Draagt bij"]
    assert {label.strip() for _mark, label in rows} >= {
        "Veroorzaakt",
        "Draagt bij",
        "Direct verbonden",
    }
    for value in ("veroorzaakt", "draagt_bij", "direct_verbonden"):
        assert str(rules.RESPONSE[value]).replace("'", "&#x27;") in text
        assert str(rules.REMEDIATION[value]).replace("'", "&#x27;") in text


def test_risk_page_without_involvement_says_so(org_a, dd_plan, client_for):
    risk = make_risk(dd_plan)
    text = page(client_for(org_a.viewer).get(risk_url("duediligence:risk", risk)))
    assert "De betrokkenheid is nog niet bepaald" in text
    assert "table-primary" not in text


def test_grievances_show_as_a_count_never_their_content(org_a, dd_plan, client_for, handler):
    risk = make_risk(dd_plan)
    for text in ("Geheime klacht over de boer Jansen", "Tweede melding van Piet"):
        Grievance.objects.create(
            organisation=org_a.org,
            channel="email",
            complainant_type="ketenwerker",
            description=text,
            contact="piet@example.org",
            risk=risk,
            response_due="2026-03-01",
        )
    for user in (org_a.viewer, org_a.member, handler):
        body = page(client_for(user).get(risk_url("duediligence:risk", risk)))
        assert "2 klachten" in body
        assert "Geheime klacht" not in body
        assert "Piet" not in body
        assert "piet@example.org" not in body


def test_risk_page_lists_its_monitoring(org_a, dd_plan, client_for):
    risk = make_risk(dd_plan)
    farm = make_supplier(dd_plan, name="Boerderij Zuid")
    activity = Monitoring.objects.create(
        organisation=org_a.org,
        plan=dd_plan,
        kind="bezoek",
        supplier=farm,
        date="2026-02-03",
        effectiveness="deels",
    )
    activity.risks.add(risk)
    text = page(client_for(org_a.viewer).get(risk_url("duediligence:risk", risk)))
    assert "03-02-2026" in text
    assert "Bezoek ter plaatse" in text
    assert "Boerderij Zuid" in text
    assert "Deels doeltreffend" in text


def test_risk_page_query_count_is_constant(org_a, dd_plan, client_for):
    from duediligence.models import RiskAction

    risk = make_risk(dd_plan)
    farm = make_supplier(dd_plan)

    def add(n):
        for _ in range(n):
            action = ActionFactory(plan=dd_plan)
            link = RiskAction.objects.create(organisation=org_a.org, risk=risk, action=action)
            link.partners.add(farm)
            activity = Monitoring.objects.create(
                organisation=org_a.org,
                plan=dd_plan,
                kind="gesprek",
                supplier=farm,
                date="2026-01-10",
            )
            activity.risks.add(risk)
            risk.items.add(make_item(dd_plan, f"Item {Monitoring.objects.count()}"))

    assert_queries_constant(
        client_for(org_a.viewer), risk_url("duediligence:risk", risk), add, large=30
    )


def test_risk_page_of_a_risk_of_another_plan_is_404(org_a, dd_plan, client_for):
    from tests.factories import PlanFactory

    other = PlanFactory(organisation=org_a.org, method="due_diligence")
    risk = make_risk(other)
    url = plan_url("duediligence:risk", dd_plan, item_pk=risk.pk)
    assert client_for(org_a.viewer).get(url).status_code == 404


def test_form_explains_that_severity_is_computed(org_a, dd_plan, client_for):
    client = client_for(org_a.member)
    text = page(client.get(plan_url("duediligence:risk_create", dd_plan)))
    assert "De ernst vult u niet zelf in" in text
    assert 'name="severity"' not in text  # not a field
    risk = make_risk(dd_plan, scale=5, scope=1, irremediability=1, prioritised=True)
    text = page(client.get(risk_url("duediligence:risk_edit", risk)))
    assert "Nu opgeslagen: ernst 4 (Hoge ernst (4–5))." in text


def test_rationale_message_sits_next_to_its_field(org_a, dd_plan, client_for):
    data = {**GOOD_RISK, "scale": "5"}
    text = page(client_for(org_a.member).post(plan_url("duediligence:risk_create", dd_plan), data))
    start = text.index('id="div_id_priority_rationale"')
    block = text[start : text.index("</div>", text.index("invalid-feedback", start)) + 6]
    assert "is-invalid" in block
    assert "hoogste ernstklasse" in block


def test_severity_explanation_agrees_with_the_rule_for_every_combination():
    from itertools import product

    from duediligence import rules
    from duediligence.views.risks import explain_severity

    for scale, scope, irr in product(range(1, 6), repeat=3):
        lines = explain_severity(Risk(scale=scale, scope=scope, irremediability=irr))
        stated = int(re.search(r"(\d+)\.$", lines[0]).group(1))
        lifted = any("minstens 4" in line for line in lines)
        severity = rules.severity(scale, scope, irr)
        assert (4 if lifted else stated) == severity, (scale, scope, irr, lines)
        assert lifted == (severity != stated)
        assert f"({scale} + {scope} + {irr}) / 3" in lines[0]


def test_edit_form_shows_the_stored_choices(org_a, dd_plan, client_for):
    cocoa = make_item(dd_plan)
    risk = make_risk(
        dd_plan,
        countries=["CI"],
        affected_groups=["migranten"],
        sources=["media"],
        prioritised=True,
    )
    risk.items.add(cocoa)
    text = page(client_for(org_a.member).get(risk_url("duediligence:risk_edit", risk)))
    assert re.search(r'<option value="CI"[^>]*selected', text)
    assert re.search(r'value="migranten"[^>]*checked', text)
    assert re.search(r'value="media"[^>]*checked', text)
    assert re.search(rf'<option value="{cocoa.pk}"[^>]*selected', text)


def test_register_and_heat_map_hold_only_this_plans_risks(org_a, dd_plan, dd_plan_b, client_for):
    from tests.factories import PlanFactory

    other = PlanFactory(organisation=org_a.org, method="due_diligence")
    make_risk(dd_plan, title="Van dit plan", likelihood=1)
    make_risk(other, title="Van een ander plan", likelihood=5)
    make_risk(dd_plan_b, title="Van organisatie B", likelihood=5)
    response = client_for(org_a.viewer).get(plan_url("duediligence:risks", dd_plan))
    assert register_titles(response) == ["Van dit plan"]
    text = page(response)
    assert "1 risico naar ernst" in text  # the heat map's description counts one risk
    assert "waarschijnlijkheid 5" not in text.split("<desc>")[1].split("</desc>")[0]
