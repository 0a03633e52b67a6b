"""The grievance register for handlers: entering a complaint by hand, the status flow, links to
risks and suppliers, evidence, history, the overdue flag, filters and query counts."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from duediligence.grievances import response_due
from duediligence.models import Evidence, Grievance, GrievanceMechanism
from mvo.models import Notification
from tests.factories import PlanFactory
from tests.helpers import assert_queries_constant

from .grievance_helpers import PDF, SECRET_STORY, grievance, mechanism, risk, supplier

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def url(name, org, *args):
    return reverse(f"duediligence:{name}", args=[org.slug, *args])


def new_complaint(**changes):
    data = {
        "received_on": (timezone.localdate() - timedelta(days=2)).isoformat(),
        "channel": "telefoon",
        "complainant_type": "omwonende",
        "anonymous": "",
        "contact": "Mevrouw Jansen, 06-12345678",
        "description": "Vrachtwagens rijden 's nachts langs de school.",
        "confidential": "on",
        "response_due": "",
        "risk": "",
        "supplier": "",
    }
    return {**data, **changes}


def handling(complaint, **changes):
    data = {
        "status": complaint.status,
        "response_due": complaint.response_due.isoformat(),
        "responded_on": complaint.responded_on.isoformat() if complaint.responded_on else "",
        "risk": "",
        "supplier": "",
        "remedy_type": "",
        "outcome": "",
        "public_note": "",
        "confidential": "on",
        "version": complaint.version,
    }
    return {**data, **changes}


# --- Entering a complaint by hand -------------------------------------------------------


def test_a_complaint_entered_by_hand_gets_the_mechanism_term(org_a, client_for, handler):
    mechanism(org_a.org, response_days=14)
    response = client_for(handler).post(url("grievance_create", org_a.org), new_complaint())
    complaint = Grievance.objects.get()
    assert response.status_code == 302
    assert response.url == url("grievance", org_a.org, complaint.pk)
    assert complaint.status == "ontvangen" and complaint.channel == "telefoon"
    assert complaint.response_due == complaint.received_on + timedelta(days=14)
    assert complaint.organisation == org_a.org


def test_without_a_mechanism_the_term_is_28_days(org_a):
    today = timezone.localdate()
    assert not GrievanceMechanism.objects.exists()
    assert response_due(org_a.org, today) == today + timedelta(days=28)


def test_the_handler_may_set_the_deadline_himself(org_a, client_for, handler):
    due = (timezone.localdate() + timedelta(days=5)).isoformat()
    client_for(handler).post(url("grievance_create", org_a.org), new_complaint(response_due=due))
    assert Grievance.objects.get().response_due.isoformat() == due


def test_other_handlers_are_told_without_any_content(org_a, client_for, handler):
    Notification.objects.all().delete()
    from .conftest import make_handler

    make_handler(org_a.manager, org_a.org)
    client_for(handler).post(url("grievance_create", org_a.org), new_complaint())
    notice = Notification.objects.get()  # the manager; not the handler who entered it
    assert notice.user == org_a.manager
    assert notice.title_nl == "Nieuwe klacht ontvangen"
    assert "Vrachtwagens" not in notice.title_nl + notice.body_nl + notice.title_en + notice.body_en
    assert notice.url == url("grievance", org_a.org, Grievance.objects.get().pk)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"description": ""}, "description", "Dit veld is verplicht."),
        ({"channel": "formulier"}, "channel", "Selecteer een geldige keuze."),
        (
            {"anonymous": "on"},
            "contact",
            "Een anonieme melding heeft geen naam of contactgegevens.",
        ),
        (
            {"received_on": (timezone.localdate() + timedelta(days=1)).isoformat()},
            "received_on",
            "Een klacht kan niet in de toekomst ontvangen zijn.",
        ),
        (
            {"response_due": (timezone.localdate() - timedelta(days=30)).isoformat()},
            "response_due",
            "De termijn kan niet vóór de ontvangst aflopen.",
        ),
        ({"description": "Tekst met een \x07 bel"}, "description", "onzichtbare stuurtekens"),
        ({"description": "x" * 5001}, "description", "5000"),
    ],
)
def test_bad_input_gets_a_field_message_and_nothing_is_saved(
    org_a, client_for, handler, changes, field, message
):
    response = client_for(handler).post(
        url("grievance_create", org_a.org), new_complaint(**changes)
    )
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors[field])
    assert message in errors
    assert not Grievance.objects.exists()


def test_a_risk_or_supplier_of_another_organisation_is_refused(
    org_a, org_b, client_for, handler, dd_plan, dd_plan_b
):
    own_risk, own_supplier = risk(dd_plan), supplier(dd_plan)
    other_risk, other_supplier = risk(dd_plan_b), supplier(dd_plan_b)
    client = client_for(handler)
    response = client.post(
        url("grievance_create", org_a.org),
        new_complaint(risk=other_risk.pk, supplier=other_supplier.pk),
    )
    form = response.context["form"]
    assert form.errors["risk"] == [
        "Kies een risico uit een due-diligenceplan van uw eigen organisatie."
    ]
    assert form.errors["supplier"] == [
        "Kies een leverancier uit een due-diligenceplan van uw eigen organisatie."
    ]
    assert not Grievance.objects.exists()
    client.post(
        url("grievance_create", org_a.org),
        new_complaint(risk=own_risk.pk, supplier=own_supplier.pk),
    )
    complaint = Grievance.objects.get()
    assert (complaint.risk, complaint.supplier) == (own_risk, own_supplier)


def test_a_risk_of_a_plan_of_another_method_is_refused(org_a, client_for, handler):
    other_plan = PlanFactory(organisation=org_a.org)  # an MVO plan, not due diligence
    foreign = risk(other_plan)
    response = client_for(handler).post(
        url("grievance_create", org_a.org), new_complaint(risk=foreign.pk)
    )
    assert "risk" in response.context["form"].errors
    assert not Grievance.objects.exists()


# --- Handling: the status flow ----------------------------------------------------------


def test_the_status_flow_to_closed_sets_closed_on(org_a, client_for, handler):
    complaint = grievance(org_a.org)
    client = client_for(handler)
    edit = url("grievance_edit", org_a.org, complaint.pk)
    today = timezone.localdate()
    steps = [
        {"status": "in_behandeling", "responded_on": today.isoformat()},
        {"status": "herstel_loopt", "remedy_type": "compensatie"},
        {"status": "afgesloten", "remedy_type": "compensatie", "outcome": "Loon nabetaald."},
    ]
    for step in steps:
        complaint.refresh_from_db()
        response = client.post(edit, handling(complaint, **step))
        assert response.status_code == 302, response.context["form"].errors
    complaint.refresh_from_db()
    assert complaint.status == "afgesloten"
    assert complaint.closed_on == today and complaint.responded_on == today
    # Reopened: no longer closed.
    response = client.post(edit, handling(complaint, status="in_behandeling", outcome="x"))
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.closed_on is None


@pytest.mark.parametrize(
    ("start", "changes", "field", "message"),
    [
        ("ontvangen", {"status": "afgesloten", "outcome": "x"}, "status", "kan niet direct"),
        ("ontvangen", {"status": "herstel_loopt"}, "status", "kan niet direct"),
        ("in_behandeling", {"status": "herstel_loopt"}, "remedy_type", "Kies welk herstel"),
        ("in_behandeling", {"status": "afgesloten"}, "outcome", "Beschrijf de uitkomst"),
        ("ontvangen", {"status": "niet_ontvankelijk"}, "outcome", "niet-ontvankelijk"),
        ("ontvangen", {"status": "onzin"}, "status", "Selecteer een geldige keuze"),
        (
            "ontvangen",
            {"responded_on": (timezone.localdate() - timedelta(days=10)).isoformat()},
            "responded_on",
            "De reactie kan niet vóór de ontvangst liggen.",
        ),
        ("ontvangen", {"public_note": "a\x1bb"}, "public_note", "stuurtekens"),
    ],
)
def test_a_wrong_handling_gets_a_field_message(
    org_a, client_for, handler, start, changes, field, message
):
    complaint = grievance(org_a.org, status=start)
    response = client_for(handler).post(
        url("grievance_edit", org_a.org, complaint.pk), handling(complaint, **changes)
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    complaint.refresh_from_db()
    assert complaint.status == start and complaint.version == 1


def test_two_handlers_at_once_the_second_is_told(org_a, client_for, handler):
    complaint = grievance(org_a.org)
    from .conftest import make_handler

    make_handler(org_a.manager, org_a.org)
    edit = url("grievance_edit", org_a.org, complaint.pk)
    first = client_for(handler).post(edit, handling(complaint, status="in_behandeling"))
    assert first.status_code == 302
    second = client_for(org_a.manager).post(
        edit, handling(complaint, status="niet_ontvankelijk", outcome="Geen klacht.")
    )
    assert second.status_code == 200
    assert "intussen gewijzigd" in second.content.decode()
    complaint.refresh_from_db()
    assert complaint.status == "in_behandeling"


def test_the_history_names_what_changed(org_a, client_for, handler):
    complaint = grievance(org_a.org)
    client = client_for(handler)
    client.post(
        url("grievance_edit", org_a.org, complaint.pk),
        handling(complaint, status="in_behandeling", public_note="We kijken ernaar."),
    )
    page = client.get(url("grievance", org_a.org, complaint.pk))
    entries = page.context["history"]
    assert entries[0]["record"].history_user == handler
    assert {str(label) for label in entries[0]["changed"]} == {"status", "bericht voor de melder"}
    assert entries[-1]["created"]


# --- What the page shows ----------------------------------------------------------------


def test_script_content_is_shown_as_text(org_a, client_for, handler):
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    complaint = grievance(org_a.org, description=attack, contact=attack)
    client = client_for(handler)
    for page in (url("grievance", org_a.org, complaint.pk), url("grievances", org_a.org)):
        html = client.get(page).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert" in html
    assert Grievance.objects.get().description == attack  # stored as typed


def test_the_overdue_flag_and_filter(org_a, client_for, handler):
    late = grievance(org_a.org, days_ago=40, description="Te laat")
    grievance(
        org_a.org,
        days_ago=40,
        description="Op tijd beantwoord",
        responded_on=timezone.localdate() - timedelta(days=30),
    )
    grievance(org_a.org, days_ago=40, description="Afgesloten", status="afgesloten")
    grievance(org_a.org, days_ago=1, description="Nieuw")
    client = client_for(handler)
    page = client.get(url("grievances", org_a.org))
    flags = {g.description: g.is_overdue for g in page.context["page_obj"]}
    assert flags == {
        "Te laat": True,
        "Op tijd beantwoord": False,
        "Afgesloten": False,
        "Nieuw": False,
    }
    assert page.context["overdue_count"] == 1
    assert page.content.decode().count("badge text-bg-danger") == 1
    overdue = client.get(url("grievances", org_a.org), {"overdue": "ja"})
    assert [g.pk for g in overdue.context["page_obj"]] == [late.pk]
    assert (
        len(client.get(url("grievances", org_a.org), {"overdue": "nee"}).context["page_obj"]) == 3
    )


def test_the_register_filters_and_orders_newest_first(org_a, client_for, handler):
    old = grievance(org_a.org, days_ago=400, channel="brief")
    new = grievance(org_a.org, days_ago=1, status="in_behandeling", complainant_type="ngo")
    middle = grievance(org_a.org, days_ago=20)
    client = client_for(handler)

    def listed(**query):
        return [g.pk for g in client.get(url("grievances", org_a.org), query).context["page_obj"]]

    assert listed() == [new.pk, middle.pk, old.pk]
    assert listed(status="in_behandeling") == [new.pk]
    assert listed(channel="brief") == [old.pk]
    assert listed(complainant_type="ngo") == [new.pk]
    assert listed(year=old.received_on.year) == (
        [old.pk] if old.received_on.year != middle.received_on.year else [middle.pk, old.pk]
    )
    response = client.get(url("grievances", org_a.org), {"status": "bestaat-niet"})
    assert response.status_code == 200
    assert "status" in response.context["filter"].form.errors


def test_the_register_pages_by_50(org_a, client_for, handler):
    for _ in range(51):
        grievance(org_a.org)
    client = client_for(handler)
    assert len(client.get(url("grievances", org_a.org)).context["page_obj"]) == 50
    assert len(client.get(url("grievances", org_a.org), {"page": 2}).context["page_obj"]) == 1


# --- Evidence ---------------------------------------------------------------------------


def test_evidence_is_added_and_listed(org_a, client_for, handler, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "evidence": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    complaint = grievance(org_a.org)
    client = client_for(handler)
    upload = url("grievance_evidence", org_a.org, complaint.pk)
    response = client.post(upload, {"file": SimpleUploadedFile("loonstrook.pdf", PDF)})
    assert response.status_code == 302
    stored = Evidence.objects.get()
    assert stored.grievance == complaint and stored.name == "loonstrook.pdf"
    assert stored.organisation == org_a.org and stored.uploaded_by == handler
    page = client.get(url("grievance", org_a.org, complaint.pk))
    assert "loonstrook.pdf" in page.content.decode()
    bad = client.post(upload, {"file": SimpleUploadedFile("script.pdf", b"<script>")})
    assert bad.status_code == 400
    assert "past niet bij de extensie" in " ".join(bad.context["evidence_form"].errors["file"])
    assert Evidence.objects.count() == 1


# --- Query counts -----------------------------------------------------------------------


def test_the_register_query_count_does_not_grow(org_a, client_for, handler, dd_plan):
    linked_risk, linked_supplier = risk(dd_plan), supplier(dd_plan)

    def add(n):
        for _ in range(n):
            grievance(org_a.org, risk=linked_risk, supplier=linked_supplier)

    assert_queries_constant(client_for(handler), url("grievances", org_a.org), add, large=60)


def test_the_counts_page_query_count_does_not_grow(org_a, client_for):
    def add(n):
        for _ in range(n):
            grievance(org_a.org)

    assert_queries_constant(client_for(org_a.member), url("grievances", org_a.org), add)


def test_the_detail_query_count_does_not_grow(org_a, client_for, handler, dd_plan):
    complaint = grievance(org_a.org, risk=risk(dd_plan), supplier=supplier(dd_plan))

    def add(n):
        for i in range(n):
            Evidence.objects.create(
                organisation=org_a.org,
                grievance=complaint,
                file=f"2026/01/x{i}.pdf",
                name=f"bewijs-{i}.pdf",
                content_type="application/pdf",
                size=10,
                uploaded_by=handler,
            )
            complaint.outcome = f"stap {i}"
            complaint.save()

    assert_queries_constant(
        client_for(handler), url("grievance", org_a.org, complaint.pk), add, large=40
    )


def test_the_mechanism_form_messages(org_a, client_for):
    client = client_for(org_a.admin)
    response = client.post(
        url("mechanism", org_a.org),
        {"response_days": 0, "procedure_nl": "a\x1bb", "criteria": ["verzonnen"]},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["response_days"] == ["Kies een termijn van 1 tot en met 365 dagen."]
    assert "stuurtekens" in errors["procedure_nl"][0]
    assert "criteria" in errors
    assert not GrievanceMechanism.objects.exists()
    page = client.get(url("mechanism", org_a.org))
    assert reverse("meld:form", args=[org_a.org.slug]) in page.content.decode()


def test_the_counts_page_links_nothing_of_a_complaint(org_a, client_for):
    complaint = grievance(org_a.org, description=SECRET_STORY)
    html = client_for(org_a.manager).get(url("grievances", org_a.org)).content.decode()
    assert url("grievance", org_a.org, complaint.pk) not in html
    assert SECRET_STORY not in html


def test_an_htmx_filter_request_gets_only_the_results(org_a, client_for, handler):
    grievance(org_a.org, description="Via htmx gevonden")
    response = client_for(handler).get(
        url("grievances", org_a.org), {"status": "ontvangen"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="results">')
    assert "Via htmx gevonden" in html and "<html" not in html
