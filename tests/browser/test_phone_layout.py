"""Every main page fits a 390 px wide phone (and a 1280 px laptop) without sideways scrolling.

The page list is checked against the URL conf: a new route under /o/<slug>/ must be added to
ORG_PAGES or to NOT_A_PAGE (with the reason), so it cannot be skipped without anyone noticing.
Screenshots of the phone run land in /tmp/phone_<name>.png for a human look.
"""

import json
import re
from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import URLResolver, get_resolver, reverse
from playwright.sync_api import expect

from stakeholders.models import Stakeholder
from tests.factories import (
    DialogueFactory,
    KpiFactory,
    MeasurementFactory,
    OrgThemeFactory,
    PlanFactory,
    StakeholderFactory,
    TargetFactory,
    UserFactory,
    WorkingGroupMemberFactory,
)
from themes.models import FrameworkTheme

PHONE = {"width": 390, "height": 844}
TABLET = {"width": 1024, "height": 768}
LAPTOP = {"width": 1280, "height": 800}

# Every named route under /o/<slug>/ that shows a page: URL name → the data it needs.
ORG_PAGES = {
    "reports:dashboard": {},
    "reports:index": {},
    "plans:index": {},
    "plans:create": {},
    "plans:detail": {"pk": "plan"},
    "plans:update": {"pk": "plan"},
    "plans:delete": {"pk": "plan"},
    "plans:step": {"pk": "plan", "step_pk": "plan_step"},
    "plans:kpis": {"pk": "plan"},
    "duediligence:index": {},
    "procurement:index": {},
    "members": {},
    "invite": {},
    "organisation_settings": {},
    "themes:index": {},
    "themes:frameworks": {},
    "themes:create": {},
    "themes:update": {"pk": "theme"},
    "themes:delete": {"pk": "theme"},
    "stakeholders:index": {},
    "stakeholders:create": {},
    "stakeholders:detail": {"pk": "stakeholder"},
    "stakeholders:update": {"pk": "stakeholder"},
    "stakeholders:delete": {"pk": "stakeholder"},
    "stakeholders:dialogues": {},
    "stakeholders:dialogue_create": {},
    "stakeholders:dialogue_update": {"pk": "dialogue"},
    "stakeholders:dialogue_delete": {"pk": "dialogue"},
    "stakeholders:working_group": {},
    "stakeholders:member_create": {},
    "stakeholders:member_update": {"pk": "wg_member"},
    "stakeholders:member_delete": {"pk": "wg_member"},
    "kpis:index": {},
    "kpis:create": {},
    "kpis:quarter_entry": {},
    "kpis:detail": {"pk": "kpi"},
    "kpis:update": {"pk": "kpi"},
    "kpis:delete": {"pk": "kpi"},
    "kpis:target_create": {"kpi_pk": "kpi"},
    "kpis:target_delete": {"pk": "target"},
    "kpis:measurement_create": {"kpi_pk": "kpi"},
    "kpis:measurement_update": {"pk": "measurement"},
    "kpis:measurement_delete": {"pk": "measurement"},
}
# Query strings that make a page show its fullest state.
QUERY = {
    "kpis:quarter_entry": "?year=2025&quarter=2",
    "stakeholders:index": "?page=3",
}
NOT_A_PAGE = {
    "change_member": "POST only (the form sits on the members page)",
    "remove_member": "POST only (the form sits on the members page)",
    "revoke_invitation": "POST only (the form sits on the members page)",
    "hand_over": "POST only (the form sits on the members page)",
    "kpis:export": "a file download",
    "stakeholders:export": "a file download",
}

# An app whose pages are being written right now: routes beyond those in ORG_PAGES are let
# through until it settles. Take the prefix out then, and list its pages above.
BEING_BUILT = ("plans:",)

LONG_WORD = "Ketenverantwoordelijkheidsmanagementsysteemimplementatietraject"


def _route_names(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _route_names(pattern.url_patterns, inner)
        elif pattern.name:
            yield namespace + pattern.name


def org_route_names():
    org = next(p for p in get_resolver().url_patterns if str(p.pattern) == "o/<slug:org_slug>/")
    return set(_route_names(org.url_patterns))


def test_every_organisation_route_is_checked_on_a_phone_or_excluded_with_a_reason():
    names = org_route_names()
    settled = {name for name in names if not name.startswith(BEING_BUILT)}
    assert settled - ORG_PAGES.keys() - NOT_A_PAGE.keys() == set(), "add new pages to ORG_PAGES"
    assert (ORG_PAGES.keys() | NOT_A_PAGE.keys()) - names == set(), "route no longer exists"
    assert ORG_PAGES.keys() & NOT_A_PAGE.keys() == set()


def build_realistic_data(org_a):
    """Long Dutch names, unbroken compound words, many rows: what breaks a narrow layout."""
    org = org_a.org
    org.name = "Stichting Samenwerkende Zorg- en Welzijnsorganisaties Noord-Holland Noord"
    org.sector = "Zorg en welzijn, wijkverpleging en ondersteuning thuis"
    org.save()
    org_a.admin.full_name = "Maria Josephina van den Heuvel-Oosterhuis"
    org_a.admin.save()
    framework_theme = FrameworkTheme.objects.order_by("pk").first()
    theme = OrgThemeFactory(
        organisation=org,
        own_name=f"{LONG_WORD} in de hele keten",
        rationale="Onze leveranciers werken in landen met een hoog risico op kinderarbeid. " * 4,
        is_focus=True,
        importance=5,
        impact=4,
        ambition_current=2,
        ambition_target=4,
    )
    other = OrgThemeFactory(
        organisation=org,
        own_name="Duurzame inzetbaarheid en gezondheid van medewerkers in alle vestigingen",
        importance=4,
        impact=5,
        is_focus=True,
    )
    OrgThemeFactory(organisation=org, own_name="", framework_theme=framework_theme)
    theme.sdgs.set(FrameworkTheme.objects.filter(framework__code="sdg")[:9])
    former_member = UserFactory(full_name="Hendrika Wilhelmina Bakker-Zonneveld")
    kpis = []
    for n, (name, unit, t) in enumerate(
        [
            (f"{LONG_WORD}sindicator", "%", theme),
            ("Ziekteverzuim van alle medewerkers inclusief flexibele schil", "%", other),
            ("CO2-uitstoot van het wagenpark en de zakelijke vliegreizen", "ton CO2-eq", theme),
            ("Aandeel duurzaam ingekochte producten en diensten", "%", theme),
            ("Energieverbruik gebouwen", "kWh per m²", other),
        ]
    ):
        kpi = KpiFactory(
            organisation=org,
            theme=t,
            name=name,
            unit=unit,
            owner=former_member if n == 1 else org_a.admin,
            baseline_value=Decimal("1234.56") * (n + 1),
            baseline_date=date(2024, 12, 31),
            data_source="Salarisadministratie en het HR-dashboard van de regio",
            definition="Het aantal verzuimdagen gedeeld door het aantal beschikbare dagen.",
        )
        TargetFactory(kpi=kpi, date=date(2028, 12, 31), value=Decimal("98765.43"))
        MeasurementFactory(
            kpi=kpi,
            year=2025,
            quarter=1,
            value=Decimal("1234.56"),
            note=f"Toelichting met een lang woord: {LONG_WORD}",
            evidence_url="https://intranet.voorbeeld.nl/rapportages/2025/kwartaal-1/verzuim.pdf",
        )
        kpis.append(kpi)
    stakeholders = [
        StakeholderFactory(
            organisation=org,
            name="Cliëntenraad en ondernemingsraad van de gezamenlijke vestigingen",
            contact=f"secretariaat.{LONG_WORD.lower()}@voorbeeld.nl",
            notes="Komt elk kwartaal bijeen. " * 10,
        ),
        StakeholderFactory(organisation=org, name=f"Stichting {LONG_WORD}", influence=5),
    ]
    Stakeholder.objects.bulk_create(
        Stakeholder(organisation=org, name=f"Leverancier {n:03}", category="leveranciers")
        for n in range(250)
    )
    dialogue = None
    for n in range(4):
        dialogue = DialogueFactory(
            organisation=org,
            subject=f"Gesprek over {LONG_WORD} en de gevolgen voor de wijkteams ({n})",
            stakeholders=stakeholders,
            input_received="Zij vragen om meer openheid over de keten. " * 5,
            follow_up="",
        )
        dialogue.themes.set([theme, other])
    wg_member = WorkingGroupMemberFactory(
        organisation=org, external_name="Johannes Cornelis Adriaan Vermeulen-de Groot"
    )
    WorkingGroupMemberFactory(organisation=org, user=org_a.member, external_name="")
    plan = PlanFactory(
        organisation=org,
        title=f"MVO-plan 2025–2027: {LONG_WORD} voor alle vestigingen",
        start_year=2025,
        end_year=2027,
        coordinator=org_a.admin,
        description="Wat we de komende drie jaar willen bereiken. " * 6,
    )
    plan.themes.set([theme, other])
    plan.kpis.set(kpis)
    kpi = kpis[0]
    return {
        "plan": plan.pk,
        "plan_step": plan.steps.order_by("step__order").first().pk,
        "theme": theme.pk,
        "stakeholder": stakeholders[0].pk,
        "dialogue": dialogue.pk,
        "wg_member": wg_member.pk,
        "kpi": kpi.pk,
        "target": kpi.targets.first().pk,
        "measurement": kpi.measurements.first().pk,
    }


OVERFLOW_JS = """() => {
  // What reaches past the right edge, leaving out what sits in its own scroll box (a
  // .table-responsive): innermost elements, and text (a long word) that overflows its element.
  const width = window.innerWidth;
  const sticksOut = (box) => box.right > width + 0.5 && box.width > 0;
  const inScrollBox = (el) => {
    for (let up = el; up && up !== document.body; up = up.parentElement) {
      if (up !== el && ['auto', 'scroll', 'hidden'].includes(getComputedStyle(up).overflowX)) {
        return true;
      }
    }
    return false;
  };
  const describe = (el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}`
    + ` "${(el.textContent || el.value || '').trim().slice(0, 40)}"`;
  const culprits = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (sticksOut(el.getBoundingClientRect()) && ![...el.children].some(
      (child) => sticksOut(child.getBoundingClientRect())) && !inScrollBox(el)) {
      culprits.push(describe(el));
    }
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  while (walker.nextNode()) {
    range.selectNodeContents(walker.currentNode);
    const parent = walker.currentNode.parentElement;
    if (sticksOut(range.getBoundingClientRect()) && !inScrollBox(parent)) {
      culprits.push('text in ' + describe(parent));
    }
  }
  const scroll = document.documentElement.scrollWidth;
  return {scroll: scroll, inner: width, culprits: culprits.slice(0, 4)};
}"""


def look(page, url, key, shots, problems, status=200):
    """Open a page; note it in problems when it is wider than the viewport."""
    response = page.goto(url)
    assert response.status == status, (key, response.status)
    result = page.evaluate(OVERFLOW_JS)
    if result["scroll"] > result["inner"]:
        problems[key] = result
    page.screenshot(path=f"/tmp/{shots}_{key.replace(':', '_')}.png", full_page=True)


def org_url(live_server, name, org_slug, data):
    kwargs = {"org_slug": org_slug} | {key: data[value] for key, value in ORG_PAGES[name].items()}
    return live_server.url + reverse(name, kwargs=kwargs) + QUERY.get(name, "")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("viewport", [PHONE, TABLET, LAPTOP], ids=["phone", "tablet", "laptop"])
def test_no_page_scrolls_sideways(browser, live_server, org_a, log_in, viewport):
    data = build_realistic_data(org_a)
    outsider = UserFactory(email="al.lid.elders@test.example")
    shots = {PHONE["width"]: "phone", TABLET["width"]: "tablet"}.get(viewport["width"], "laptop")
    problems = {}
    page = browser.new_context(viewport=viewport).new_page()
    # Every page also runs under the strict Content-Security-Policy: the browser reports each
    # blocked script, style or image on the console.
    blocked = []
    page.on(
        "console",
        lambda message: blocked.append((page.url, message.text))
        if "Content Security Policy" in message.text
        else None,
    )
    site = live_server.url
    for name in ["login", "password_reset"]:
        look(page, site + reverse(name), name, shots, problems)
    look(page, site + "/uitnodiging/geen-geldige-link/", "invitation_problem", shots, problems, 404)

    log_in(page, org_a.admin.email)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Stichting")
    for name in ORG_PAGES:
        look(page, org_url(live_server, name, org_a.org.slug, data), name, shots, problems)
    look(page, site + reverse("password_change"), "password_change", shots, problems)
    look(page, site + "/o/org-a/bestaat-niet/", "not_found", shots, problems, 404)

    # The menu, opened: a long organisation name and the organisation switcher.
    page.goto(org_url(live_server, "reports:dashboard", org_a.org.slug, data))
    if viewport != LAPTOP:  # the menu is folded up
        page.get_by_role("button", name="Menu openen of sluiten").click()
    page.locator("#org-switch").click()
    expect(page.get_by_role("link", name="Instellingen")).to_be_visible()
    if (result := page.evaluate(OVERFLOW_JS))["scroll"] > result["inner"]:
        problems["menu"] = result
    page.screenshot(path=f"/tmp/{shots}_menu.png", full_page=True)

    # Invitations: one for a newcomer (sign-up page), one for someone with an account who is
    # logged out; the admin opening the latter sees the wrong-account page.
    for email in [
        "nieuwkomer.met.een.heel.lang.adres@zorgorganisatie-noord.example",
        outsider.email,
    ]:
        page.goto(org_url(live_server, "invite", org_a.org.slug, data))
        page.get_by_label("E-mailadres").fill(email)
        page.get_by_role("button", name="Uitnodiging versturen").click()
        expect(page.get_by_text(f"Uitnodiging verstuurd naar {email}.")).to_be_visible()
    signup, accept = (re.search(r"http://\S+/uitnodiging/\S+/", m.body)[0] for m in mail.outbox)
    look(
        page,
        org_url(live_server, "members", org_a.org.slug, data),
        "members_invited",
        shots,
        problems,
    )
    look(page, accept, "invitation_accept", shots, problems, 403)
    newcomer = browser.new_context(viewport=viewport).new_page()
    look(newcomer, signup, "invitation_signup", shots, problems)

    assert not problems, json.dumps(problems, indent=1)
    assert blocked == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_quarter_entry_fits_a_thumb_on_a_phone(browser, live_server, org_a, log_in):
    data = build_realistic_data(org_a)
    page = browser.new_context(viewport=PHONE).new_page()
    log_in(page, org_a.member.email)
    page.goto(org_url(live_server, "kpis:quarter_entry", org_a.org.slug, data))
    value = page.locator(f"#value_{data['kpi']}")
    value.fill("1.234,56")
    size = value.evaluate(
        "el => ({width: el.offsetWidth, height: el.offsetHeight,"
        " fits: el.scrollWidth <= el.clientWidth})"
    )
    assert size["width"] >= 110 and size["fits"], size
    assert size["height"] >= 44, size
    for field in ["note", "evidence"]:
        assert page.locator(f"#{field}_{data['kpi']}").evaluate("el => el.offsetHeight") >= 44
    # The save button stays in reach at the bottom of the screen, however long the list.
    save = page.get_by_role("button", name="K2 2025 opslaan")
    box = save.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 300, box
    assert box["y"] + box["height"] <= PHONE["height"], box
    page.screenshot(path="/tmp/phone_quarter_entry_filled.png")
    save.click()
    expect(page.get_by_text("K2 2025 opgeslagen: 1 nieuw")).to_be_visible()
