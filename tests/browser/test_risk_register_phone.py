"""The risk register, a risk's page and their forms in a real browser: they fit a 390 px phone
without sideways scrolling, pass axe, run under the Content-Security-Policy, and the heat map
works by keyboard (Tab to a cell, Enter filters the register)."""

import json

import pytest
from playwright.sync_api import expect

from duediligence.models import Monitoring, RiskAction
from plans.models import Method
from tests.browser.test_phone_layout import LAPTOP, OVERFLOW_JS, PHONE
from tests.duediligence.risk_helpers import make_item, make_risk, make_supplier, plan_url, risk_url
from tests.factories import ActionFactory, PlanFactory

LONG = "Onveiligearbeidsomstandighedenbijdeverwerkingvancacaobonen"


def realistic_plan(org):
    plan = PlanFactory(
        organisation=org,
        method=Method.DUE_DILIGENCE,
        title="Due diligence AGV",
        start_year=2026,
        end_year=2027,
    )
    cocoa = make_item(plan, f"Cacao {LONG}")
    farm = make_supplier(plan, f"Coöperatie {LONG}")
    risks = []
    for index in range(12):
        risk = make_risk(
            plan,
            title=f"Risico {index} {LONG}",
            category="onveilig_werk",
            scale=index % 5 + 1,
            scope=(index * 2) % 5 + 1,
            irremediability=(index * 3) % 5 + 1,
            likelihood=(index * 7) % 5 + 1,
            prioritised=True,
            involvement=["", "veroorzaakt", "draagt_bij", "direct_verbonden"][index % 4],
            countries=["CI", "GH"],
            affected_groups=["kinderen", "vrouwen"],
            sources=["ngos"],
        )
        risk.items.add(cocoa)
        risk.suppliers.add(farm)
        risks.append(risk)
    first = risks[0]
    for status in ("afgerond", "lopend"):
        link = RiskAction.objects.create(
            organisation=org,
            risk=first,
            action=ActionFactory(plan=plan, title=f"Actie {LONG}", status=status),
            partner_notes=f"Experts {LONG}",
        )
        link.partners.add(farm)
    activity = Monitoring.objects.create(
        organisation=org,
        plan=plan,
        kind="audit",
        audit_scheme="smeta",
        supplier=farm,
        date="2026-03-02",
    )
    activity.risks.add(first)
    make_supplier(plan, "Boerderij Zuid")
    return plan, first


def pages(plan, risk):
    return {
        "register": plan_url("duediligence:risks", plan),
        "register_cell": plan_url("duediligence:risks", plan) + "?severity=3&likelihood=1",
        "risk_create": plan_url("duediligence:risk_create", plan),
        "risk": risk_url("duediligence:risk", risk),
        "risk_edit": risk_url("duediligence:risk_edit", risk),
        "risk_delete": risk_url("duediligence:risk_delete", risk),
        "risk_action_create": risk_url("duediligence:risk_action_create", risk),
        "risk_action_link": risk_url("duediligence:risk_action_link", risk),
        "risk_action_edit": risk_url(
            "duediligence:risk_action_edit", risk, link_pk=risk.action_links.first().pk
        ),
    }


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_risk_pages_fit_and_pass_axe(browser, live_server, org_a, log_in, axe_check, viewport):
    plan, risk = realistic_plan(org_a.org)
    page = browser.new_context(viewport=viewport).new_page()
    blocked = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    log_in(page, org_a.member.email)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    too_wide, violations = {}, {}
    for key, path in pages(plan, risk).items():
        response = page.goto(live_server.url + path)
        assert response.status == 200, key
        result = page.evaluate(OVERFLOW_JS)
        if result["scroll"] > result["inner"]:
            too_wide[key] = result
        if found := axe_check(page):
            violations[key] = found
        page.screenshot(path=f"/tmp/risk_{viewport['width']}_{key}.png", full_page=True)
    assert not too_wide, json.dumps(too_wide, indent=1)
    assert not violations, violations
    assert blocked == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_heat_map_cell_by_keyboard_filters_the_register(browser, live_server, org_a, log_in):
    plan, _risk = realistic_plan(org_a.org)
    page = browser.new_context(viewport=PHONE).new_page()
    log_in(page, org_a.viewer.email)
    page.goto(live_server.url + plan_url("duediligence:risks", plan))
    cells = page.locator("svg a")
    expect(cells.first).to_be_attached()
    count = cells.count()
    assert count >= 2
    for _ in range(80):  # Tab through the page until a cell of the heat map has the focus
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement.closest('svg')"):
            break
    else:
        raise AssertionError("no heat-map cell is reachable with Tab")
    page.locator("#heatmap").screenshot(path="/tmp/risk_heatmap_focus.png")
    href = page.evaluate("() => document.activeElement.getAttribute('href')")
    assert href in [cells.nth(i).get_attribute("href") for i in range(count)]
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{href.split('#')[0]}*")
    expect(page.locator(".heat-cell.active")).to_have_count(1)
    expect(page.get_by_role("link", name="filter wissen")).to_be_visible()
    page.get_by_role("link", name="filter wissen").click()
    expect(page.locator(".heat-cell.active")).to_have_count(0)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_risk_form_shows_the_severity_while_typing(browser, live_server, org_a, log_in):
    dd_plan, _risk = realistic_plan(org_a.org)
    page = browser.new_context(viewport=PHONE).new_page()
    log_in(page, org_a.member.email)
    page.goto(live_server.url + plan_url("duediligence:risk_create", dd_plan))
    hint = page.locator("#severity-live")
    expect(hint).to_have_text("Vul de drie scores in om de ernst te zien.")
    page.get_by_label("Zwaarte (1–5)").fill("5")
    page.get_by_label("Reikwijdte (1–5)").fill("1")
    page.get_by_label("Onomkeerbaarheid (1–5)").fill("1")
    expect(hint).to_have_text("Met deze scores: ernst 4 (Hoge ernst (4–5)).")
    page.get_by_label("Zwaarte (1–5)").fill("2")
    expect(hint).to_have_text("Met deze scores: ernst 2 (Lage ernst (1–2)).")
