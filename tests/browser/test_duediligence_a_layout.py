"""The pages of due diligence area A (loop, policy, communication) on a phone and a laptop:
no sideways scrolling, nothing the Content-Security-Policy blocks, no serious axe findings,
and the loop's steps reachable by keyboard. (tests/browser/test_phone_layout.py lists these
routes too once they are added there.)"""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from duediligence import evidence
from duediligence.models import Communication, DepartmentRole, Policy, PolicyVersion, Risk
from duediligence.services_policy import add_policy_version
from plans.models import Method
from tests.browser.test_phone_layout import LAPTOP, PHONE, check
from tests.factories import PlanFactory

LONG = "Ketenverantwoordelijkheidsbeleidsdocumentatieonderdelen"


def build(org_a):
    plan = PlanFactory(
        organisation=org_a.org, method=Method.DUE_DILIGENCE, title=f"Due diligence {LONG}"
    )
    org = org_a.org
    Policy.objects.create(
        organisation=org,
        plan=plan,
        title=f"Beleid {LONG}",
        elements=["richtlijnen"],
        consulted=True,
        consulted_with=f"OR, {LONG}",
        approved_by="A. Jansen",
        approved_on=date(2026, 1, 5),
        published_url=f"https://agv.example/{LONG}/{LONG}",
        published_on=date(2026, 1, 6),
    )
    version = add_policy_version(
        plan, PolicyVersion(summary=LONG, link=f"https://agv.example/{LONG}"), org_a.member
    )
    evidence.attach(
        SimpleUploadedFile(f"{LONG}{LONG}.pdf", b"%PDF-1.4\n", "application/pdf"),
        user=org_a.member,
        policy_version=version,
    )
    DepartmentRole.objects.create(
        organisation=org, plan=plan, department="inkoop", responsibilities=f"{LONG} " * 5
    )
    for i in range(3):
        Communication.objects.create(
            organisation=org,
            plan=plan,
            date=date(2026, 2, 1 + i),
            audience="extern",
            channel="csrd",
            subject=f"{LONG} {i}",
            dilemmas_shared=True,
            dilemmas=LONG,
            link=f"https://agv.example/{LONG}",
        )
    Risk.objects.create(
        organisation=org,
        plan=plan,
        title="Kinderarbeid",
        category="kinderarbeid",
        area="mensenrechten",
        scale=5,
        scope=4,
        irremediability=5,
        likelihood=2,
        prioritised=True,
    )
    return plan


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_the_pages_fit_and_pass_axe(browser, live_server, org_a, log_in, axe_check, viewport):
    plan = build(org_a)
    page = browser.new_context(viewport=viewport).new_page()
    blocked = []
    page.on(
        "console",
        lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None,
    )
    log_in(page, org_a.admin.email)
    base = f"{live_server.url}/o/{org_a.org.slug}/due-diligence/"
    role = DepartmentRole.objects.get()
    row = Communication.objects.first()
    paths = {
        "dd_index": "",
        "dd_overview": f"{plan.pk}/",
        "dd_policy": f"{plan.pk}/beleid/",
        "dd_policy_edit": f"{plan.pk}/beleid/bewerken/",
        "dd_version_new": f"{plan.pk}/beleid/versies/nieuw/",
        "dd_department_edit": f"{plan.pk}/beleid/afdelingen/{role.pk}/bewerken/",
        "dd_communication": f"{plan.pk}/communicatie/",
        "dd_communication_edit": f"{plan.pk}/communicatie/{row.pk}/bewerken/",
        "dd_plan_detail": None,
    }
    problems, findings = {}, {}
    shots = "phone" if viewport == PHONE else "laptop"
    for key, path in paths.items():
        url = base + path if path is not None else f"{live_server.url}/o/org-a/plannen/{plan.pk}/"
        assert page.goto(url).status == 200, key
        check(page, key, shots, problems)
        if found := axe_check(page):
            findings[key] = found
    assert problems == {}
    assert findings == {}
    assert blocked == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_loops_steps_are_reached_by_keyboard(browser, live_server, org_a, log_in):
    plan = build(org_a)
    page = browser.new_context(viewport=LAPTOP).new_page()
    log_in(page, org_a.viewer.email)
    page.goto(f"{live_server.url}/o/org-a/due-diligence/{plan.pk}/")
    labels = []
    for _i in range(40):
        page.keyboard.press("Tab")
        label = page.evaluate("document.activeElement.getAttribute('aria-label') || ''")
        if label.startswith("Stap "):
            labels.append(label)
    assert [label.split(":")[0] for label in labels] == [f"Stap {n}" for n in range(1, 7)]
    assert "Beleid" not in labels[0] or "open" in labels[0]
