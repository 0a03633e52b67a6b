"""Monitoring (step 4) in a real browser: the list, an activity with its CAP and the form fit a
phone without sideways scrolling and have no serious axe findings; the audit fields show only
for an audit; a CAP can be added by keyboard alone."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from duediligence import services_monitoring
from duediligence.models import Monitoring, Risk, Supplier
from plans.models import Method
from tests.browser.test_phone_layout import LAPTOP, PHONE
from tests.factories import PlanFactory

LONG = "Ketenverantwoordelijkheidsbeoordelingsrapportage"


def build(org_a):
    org = org_a.org
    plan = PlanFactory(organisation=org, method=Method.DUE_DILIGENCE, title=f"DD {LONG}")
    supplier = Supplier.objects.create(organisation=org, plan=plan, name=f"Leverancier {LONG}")
    risk = Risk.objects.create(
        organisation=org,
        plan=plan,
        title=f"Risico {LONG}",
        category="kinderarbeid",
        area="mensenrechten",
        scale=5,
        scope=3,
        irremediability=4,
        likelihood=3,
        prioritised=True,
    )
    monitoring = Monitoring.objects.create(
        organisation=org,
        plan=plan,
        kind="audit",
        audit_scheme="smeta",
        supplier=supplier,
        date=timezone.localdate() - timedelta(days=20),
        findings=f"Bevinding {LONG} " * 5,
    )
    monitoring.risks.add(risk)
    services_monitoring.create_corrective_actions(monitoring, [f"Verbeterpunt {LONG}"])
    return plan, monitoring


def urls(live_server, org, plan, monitoring):
    slug = org.slug
    return {
        "list": reverse("duediligence:monitoring", args=[slug, plan.pk]),
        "detail": reverse("duediligence:monitoring_detail", args=[slug, monitoring.pk]),
        "form": reverse("duediligence:monitoring_create", args=[slug, plan.pk]),
        "edit": reverse("duediligence:monitoring_edit", args=[slug, monitoring.pk]),
    }


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_monitoring_pages_fit_and_pass_axe(
    browser, live_server, org_a, log_in, axe_check, viewport
):
    plan, monitoring = build(org_a)
    page = browser.new_context(viewport=viewport).new_page()
    blocked = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security" in m.text else None)
    log_in(page, org_a.member.email)
    for key, path in urls(live_server, org_a.org, plan, monitoring).items():
        page.goto(live_server.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], (key, width)
        assert axe_check(page) == [], key
    assert blocked == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_audit_fields_show_only_for_an_audit(browser, live_server, org_a, log_in):
    plan, _monitoring = build(org_a)
    page = browser.new_context(viewport=PHONE).new_page()
    log_in(page, org_a.member.email)
    page.goto(live_server.url + reverse("duediligence:monitoring_create", args=["org-a", plan.pk]))
    scheme, other = page.locator("#div_id_audit_scheme"), page.locator("#div_id_audit_other")
    expect(scheme).to_be_hidden()
    expect(other).to_be_hidden()
    page.select_option("#id_kind", "audit")
    expect(scheme).to_be_visible()
    expect(other).to_be_hidden()
    page.select_option("#id_audit_scheme", "anders")
    expect(other).to_be_visible()
    page.select_option("#id_kind", "bezoek")  # a scheme is still chosen: it stays in view
    expect(scheme).to_be_visible()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_cap_is_added_by_keyboard(browser, live_server, org_a, log_in):
    plan, monitoring = build(org_a)
    page = browser.new_context(viewport=PHONE).new_page()
    log_in(page, org_a.member.email)
    page.goto(
        live_server.url + reverse("duediligence:monitoring_detail", args=["org-a", monitoring.pk])
    )
    page.locator("#id_lines").focus()
    page.keyboard.type("Eerste punt")
    page.keyboard.press("Enter")
    page.keyboard.type("Tweede punt")
    page.keyboard.press("Tab")  # planned quarter
    page.keyboard.press("Tab")  # responsible
    page.keyboard.press("Tab")  # the button
    page.keyboard.press("Enter")
    expect(page.get_by_text("2 acties staan nu in het verbeterplan.")).to_be_visible()
    expect(page.get_by_text("0 van 3 verbeterpunten afgerond.")).to_be_visible()
    assert monitoring.corrective_actions.count() == 3
