"""Monitoring (step 4): the list with its summary and filters, one activity with its evidence,
and the corrective action plan whose lines become actions of the plan."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from duediligence import services_monitoring
from duediligence.models import Evidence, Monitoring, Risk, Supplier
from plans.models import Action, Method
from tests.factories import ActionFactory, KpiFactory, PlanFactory
from tests.helpers import assert_queries_constant

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def supplier(plan, name, **fields):
    return Supplier.objects.create(organisation=plan.organisation, plan=plan, name=name, **fields)


def risk(plan, title, prioritised=True, **scores):
    values = {"scale": 4, "scope": 3, "irremediability": 3, "likelihood": 3, **scores}
    return Risk.objects.create(
        organisation=plan.organisation,
        plan=plan,
        title=title,
        category="kinderarbeid",
        area="mensenrechten",
        prioritised=prioritised,
        **values,
    )


def activity(plan, days_ago=10, kind="gesprek", **fields):
    return Monitoring.objects.create(
        organisation=plan.organisation,
        plan=plan,
        kind=kind,
        date=timezone.localdate() - timedelta(days=days_ago),
        **fields,
    )


def url(name, org, pk):
    return reverse(f"duediligence:{name}", args=[org.slug, pk])


def form_data(**changes):
    data = {
        "kind": "gesprek",
        "audit_scheme": "",
        "audit_other": "",
        "date": (timezone.localdate() - timedelta(days=3)).isoformat(),
        "supplier": "",
        "findings": "Afspraken over werktijden worden nagekomen.",
        "effectiveness": "deels",
        "notes": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


# --- Who may do what ---------------------------------------------------------------------


def all_urls(org, plan, monitoring):
    return [
        url("monitoring", org, plan.pk),
        url("monitoring_create", org, plan.pk),
        url("monitoring_detail", org, monitoring.pk),
        url("monitoring_edit", org, monitoring.pk),
        url("monitoring_delete", org, monitoring.pk),
        url("monitoring_cap", org, monitoring.pk),
    ]


def test_a_viewer_reads_but_may_not_write(org_a, dd_plan, client_for):
    monitoring = activity(dd_plan, findings="Geen bijzonderheden")
    client = client_for(org_a.viewer)
    for name, pk in (("monitoring", dd_plan.pk), ("monitoring_detail", monitoring.pk)):
        response = client.get(url(name, org_a.org, pk))
        assert response.status_code == 200
        assert "Nieuwe activiteit" not in response.content.decode()
        assert "Verbeterpunten toevoegen" not in response.content.decode()
    for name, pk in (
        ("monitoring_create", dd_plan.pk),
        ("monitoring_edit", monitoring.pk),
        ("monitoring_delete", monitoring.pk),
    ):
        assert client.get(url(name, org_a.org, pk)).status_code == 403
    posts = [
        (url("monitoring_create", org_a.org, dd_plan.pk), form_data()),
        (url("monitoring_edit", org_a.org, monitoring.pk), form_data(version=1)),
        (url("monitoring_delete", org_a.org, monitoring.pk), {}),
        (url("monitoring_cap", org_a.org, monitoring.pk), {"lines": "Nieuw punt"}),
    ]
    for path, data in posts:
        assert client.post(path, data).status_code == 403
    assert Monitoring.objects.get().findings == "Geen bijzonderheden"
    assert not Action.objects.exists()


@pytest.mark.parametrize("role", ["member", "manager", "admin"])
def test_writers_create_edit_and_delete_an_activity(
    org_a, dd_plan, client_for, role, django_capture_on_commit_callbacks
):
    client = client_for(getattr(org_a, role))
    farm = supplier(dd_plan, "Finca La Esperanza", country="CO")
    child_labour = risk(dd_plan, "Kinderarbeid bij de oogst")
    kpi = KpiFactory(organisation=org_a.org, name="Leveranciers met gedragscode")
    data = form_data(
        kind="audit",
        audit_scheme="smeta",
        supplier=farm.pk,
        risks=[child_labour.pk],
        kpis=[kpi.pk],
        evidence=SimpleUploadedFile("auditrapport.pdf", PDF, content_type="application/pdf"),
    )
    response = client.post(url("monitoring_create", org_a.org, dd_plan.pk), data)
    monitoring = Monitoring.objects.get()
    assert response.status_code == 302
    assert response.url == url("monitoring_detail", org_a.org, monitoring.pk)
    assert (monitoring.plan, monitoring.supplier, monitoring.audit_scheme) == (
        dd_plan,
        farm,
        "smeta",
    )
    assert list(monitoring.risks.all()) == [child_labour]
    assert list(monitoring.kpis.all()) == [kpi]
    evidence = Evidence.objects.get()
    assert (evidence.monitoring, evidence.name, evidence.organisation) == (
        monitoring,
        "auditrapport.pdf",
        org_a.org,
    )
    page = client.get(response.url).content.decode()
    assert "auditrapport.pdf" in page and "Finca La Esperanza" in page
    assert reverse("duediligence:evidence", args=[org_a.org.slug, evidence.pk]) in page

    edit = form_data(
        kind="bezoek", supplier=farm.pk, effectiveness="doeltreffend", version=monitoring.version
    )
    response = client.post(url("monitoring_edit", org_a.org, monitoring.pk), edit)
    assert response.status_code == 302
    monitoring.refresh_from_db()
    assert (monitoring.kind, monitoring.effectiveness) == ("bezoek", "doeltreffend")
    assert not monitoring.risks.exists()  # unticked

    stored = evidence.file.storage, evidence.file.name
    assert stored[0].exists(stored[1])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("monitoring_delete", org_a.org, monitoring.pk))
    assert response.status_code == 302
    assert response.url == url("monitoring", org_a.org, dd_plan.pk)
    assert not Monitoring.objects.exists() and not Evidence.objects.exists()
    assert not stored[0].exists(stored[1])  # the file went with its row


def test_another_organisation_gets_404_on_every_url(org_a, org_b, dd_plan, client_for):
    monitoring = activity(dd_plan)
    client = client_for(org_b.member)
    for path in all_urls(org_a.org, dd_plan, monitoring):
        assert client.get(path).status_code == 404, path
        assert client.post(path, form_data(lines="x")).status_code == 404, path
    # Under its own organisation's address, A's plan and activity do not exist either.
    own = all_urls(org_b.org, dd_plan, monitoring)
    for path in own[:-1]:
        assert client.get(path).status_code == 404, path
    for path in [own[1], *own[3:]]:  # every URL that takes a POST
        assert client.post(path, form_data(lines="x")).status_code == 404, path
    assert Monitoring.objects.count() == 1 and not Action.objects.exists()


def test_a_plan_of_another_method_has_no_monitoring(org_a, client_for):
    steps_plan = PlanFactory(organisation=org_a.org, method=Method.MVO_STEPS)
    client = client_for(org_a.member)
    assert client.get(url("monitoring", org_a.org, steps_plan.pk)).status_code == 404
    assert client.get(url("monitoring_create", org_a.org, steps_plan.pk)).status_code == 404


# --- Field messages on bad input, nothing saved --------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"kind": "audit"}, "audit_scheme", "Kies de auditstandaard."),
        (
            {"kind": "bezoek", "audit_scheme": "smeta"},
            "audit_scheme",
            "Een auditstandaard hoort alleen bij een audit.",
        ),
        ({"kind": "audit", "audit_scheme": "anders"}, "audit_other", "Zeg welke audit het was."),
        ({"date": "2101-01-01"}, "date", "Kies een datum tussen 01-01-1990 en 31-12-2100."),
        ({"date": "1989-12-31"}, "date", "Kies een datum tussen 01-01-1990 en 31-12-2100."),
        ({"date": "31-31-2026"}, "date", None),
        ({"kind": "iets"}, "kind", None),
    ],
)
def test_bad_input_gets_a_message_next_to_the_field(
    org_a, dd_plan, client_for, changes, field, message
):
    response = client_for(org_a.member).post(
        url("monitoring_create", org_a.org, dd_plan.pk), form_data(**changes)
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors, errors
    if message:
        assert errors[field] == [message]
    assert "Er is niets opgeslagen" in response.content.decode()
    assert not Monitoring.objects.exists()


def test_a_date_in_the_future_is_refused(org_a, dd_plan, client_for):
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client_for(org_a.member).post(
        url("monitoring_create", org_a.org, dd_plan.pk), form_data(date=tomorrow.isoformat())
    )
    assert "toekomst" in response.context["form"].errors["date"][0]
    assert not Monitoring.objects.exists()


def test_supplier_risk_and_kpi_must_belong_to_the_plan_and_organisation(
    org_a, org_b, dd_plan, dd_plan_b, client_for
):
    other_plan = PlanFactory(
        organisation=org_a.org, method=Method.DUE_DILIGENCE, start_year=2026, end_year=2027
    )
    cases = [
        ("supplier", supplier(other_plan, "Andere BV").pk),
        ("supplier", supplier(dd_plan_b, "Vreemde BV").pk),
        ("supplier", 2**63),
        ("risks", [risk(other_plan, "Ander risico").pk]),
        ("risks", [risk(dd_plan_b, "Vreemd risico").pk]),
        ("kpis", [KpiFactory(organisation=org_b.org).pk]),
    ]
    client = client_for(org_a.member)
    for field, value in cases:
        response = client.post(
            url("monitoring_create", org_a.org, dd_plan.pk), form_data(**{field: value})
        )
        assert response.status_code == 200
        assert field in response.context["form"].errors, (field, value)
    assert not Monitoring.objects.exists()


def test_a_file_that_is_not_what_it_says_is_refused_and_nothing_saved(org_a, dd_plan, client_for):
    fake = SimpleUploadedFile("rapport.pdf", b"<script>alert(1)</script>")
    response = client_for(org_a.member).post(
        url("monitoring_create", org_a.org, dd_plan.pk), form_data(evidence=fake)
    )
    assert "extensie .pdf" in response.context["form"].errors["evidence"][0]
    assert not Monitoring.objects.exists() and not Evidence.objects.exists()


def test_a_stale_edit_is_not_saved_over_a_newer_one(org_a, dd_plan, client_for):
    monitoring = activity(dd_plan, findings="Eerste versie")
    Monitoring.objects.filter(pk=monitoring.pk).update(version=2, findings="Nieuwer")
    response = client_for(org_a.member).post(
        url("monitoring_edit", org_a.org, monitoring.pk), form_data(findings="Oud", version=1)
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    monitoring.refresh_from_db()
    assert monitoring.findings == "Nieuwer"


# --- The corrective action plan --------------------------------------------------------------


def test_a_cap_turns_each_line_into_a_linked_action(org_a, dd_plan, client_for):
    farm = supplier(dd_plan, "Coopérative Kpoté", country="CI")
    monitoring = activity(dd_plan, kind="audit", audit_scheme="amfori_bsci", supplier=farm)
    client = client_for(org_a.member)
    lines = "  Brandblussers keuren  \n\nNooduitgang vrijhouden\n   \nLoonstroken op papier\n"
    response = client.post(
        url("monitoring_cap", org_a.org, monitoring.pk),
        {"lines": lines, "planned": "2026-3", "responsible": org_a.manager.pk},
    )
    assert response.status_code == 302
    actions = list(monitoring.corrective_actions.order_by("pk"))
    assert [a.title for a in actions] == [
        "Brandblussers keuren",
        "Nooduitgang vrijhouden",
        "Loonstroken op papier",
    ]
    for action in actions:
        assert (action.plan, action.organisation, action.status) == (dd_plan, org_a.org, "gepland")
        assert (action.planned_year, action.planned_quarter) == (2026, 3)
        assert action.responsible == org_a.manager
        assert action.why.startswith("Verbeterpunt uit Audit (amfori BSCI)")
        assert "Coopérative Kpoté" in action.why
    Action.objects.filter(pk=actions[0].pk).update(status="afgerond")
    page = client.get(url("monitoring_detail", org_a.org, monitoring.pk)).content.decode()
    assert "1 van 3 verbeterpunten afgerond" in page
    assert "Loonstroken op papier" in page
    listing = client.get(url("monitoring", org_a.org, dd_plan.pk)).content.decode()
    assert "1 van 3 klaar" in listing


def test_a_cap_without_quarter_or_responsible_is_fine(org_a, dd_plan, client_for):
    monitoring = activity(dd_plan)
    response = client_for(org_a.member).post(
        url("monitoring_cap", org_a.org, monitoring.pk), {"lines": "Gesprek plannen"}
    )
    assert response.status_code == 302
    action = monitoring.corrective_actions.get()
    assert action.planned_period is None and action.responsible is None


@pytest.mark.parametrize(
    ("data", "field", "fragment"),
    [
        ({"lines": "Kort punt\n" + "x" * 201}, "lines", "Regel 2 is langer dan 200 tekens"),
        ({"lines": "\n".join(f"Punt {n}" for n in range(51))}, "lines", "51 regels"),
        ({"lines": "  \n \n"}, "lines", "ten minste één"),
        ({"lines": "Punt", "planned": "2031-1"}, "planned", "planperiode"),
        ({"lines": "Punt", "planned": "2026-x"}, "planned", "planperiode"),
        ({"lines": "Punt", "responsible": "viewer"}, "responsible", "mag invoeren"),
        ({"lines": "Punt", "responsible": str(2**64)}, "responsible", "mag invoeren"),
        ({"lines": "Punt", "responsible": "abc"}, "responsible", "mag invoeren"),
    ],
)
def test_a_bad_cap_saves_nothing_and_says_why(org_a, dd_plan, client_for, data, field, fragment):
    monitoring = activity(dd_plan)
    if data.get("responsible") == "viewer":
        data = {**data, "responsible": org_a.viewer.pk}  # a viewer may not be responsible
    response = client_for(org_a.member).post(url("monitoring_cap", org_a.org, monitoring.pk), data)
    assert response.status_code == 200
    errors = response.context["cap_form"].errors
    assert fragment in errors[field][0], errors
    assert "Er is niets opgeslagen" in response.content.decode()
    assert not Action.objects.exists()


def test_fifty_lines_of_two_hundred_characters_are_accepted(org_a, dd_plan, client_for):
    monitoring = activity(dd_plan)
    lines = "\n".join(f"{n:02d}" + "y" * 198 for n in range(50))
    response = client_for(org_a.member).post(
        url("monitoring_cap", org_a.org, monitoring.pk), {"lines": lines}
    )
    assert response.status_code == 302
    assert monitoring.corrective_actions.count() == 50


# --- The list: summary and filters ---------------------------------------------------------


def test_the_summary_counts_this_year_recent_risks_and_suppliers(org_a, dd_plan):
    today = date(2026, 6, 15)
    signed = supplier(dd_plan, "A", code_of_conduct_signed=True, certifications="Rainforest")
    supplier(dd_plan, "B", certifications="Fairtrade")
    supplier(dd_plan, "C")
    supplier(PlanFactory(organisation=org_a.org, method=Method.DUE_DILIGENCE), "Ander plan")
    recent, old, never = (risk(dd_plan, t) for t in ("Recent", "Lang geleden", "Nooit"))
    unprioritised = risk(dd_plan, "Geen prioriteit", prioritised=False, scale=2, scope=2)

    def on(day, kind="gesprek", risks=()):
        monitoring = Monitoring.objects.create(
            organisation=org_a.org, plan=dd_plan, kind=kind, date=day, supplier=signed
        )
        monitoring.risks.set(risks)

    on(date(2026, 2, 1), "audit", [recent, unprioritised])
    on(date(2026, 5, 1), "audit")
    on(date(2026, 6, 15), "bezoek")
    on(date(2025, 6, 14), "zelfevaluatie", [old])  # a year and a day ago
    on(date(2026, 7, 1), "gesprek", [never])  # after "today"
    figures = services_monitoring.summary(dd_plan, today)
    per_kind = dict(figures["per_kind"])
    assert figures["this_year"] == 4
    assert (
        per_kind["Audit"],
        per_kind["Bezoek ter plaatse"],
        per_kind["Zelfevaluatie (self-assessment)"],
    ) == (
        2,
        1,
        0,
    )
    assert figures["risks"] == {"total": 3, "monitored": 1, "pct": 33}
    assert figures["suppliers"] == {
        "total": 3,
        "signed": 1,
        "certified": 2,
        "signed_pct": 33,
        "certified_pct": 67,
    }


def test_the_summary_of_an_empty_plan_has_no_percentages(dd_plan):
    figures = services_monitoring.summary(dd_plan)
    assert figures["risks"]["pct"] is None and figures["suppliers"]["signed_pct"] is None
    assert figures["this_year"] == 0


def test_the_list_page_shows_the_summary(org_a, dd_plan, client_for):
    supplier(dd_plan, "Getekend", code_of_conduct_signed=True)
    supplier(dd_plan, "Niet getekend")
    page = client_for(org_a.viewer).get(url("monitoring", org_a.org, dd_plan.pk))
    text = page.content.decode()
    assert "<strong>1 van 2</strong> (50%)" in text
    assert "Dit plan heeft nog geen prioritaire risico" in text


def test_the_list_filters_and_shows_newest_first(org_a, dd_plan, client_for):
    farm, mill = supplier(dd_plan, "Boerderij"), supplier(dd_plan, "Molen")
    last_year = timezone.localdate().replace(month=1, day=1) - timedelta(days=1)
    a = activity(dd_plan, 5, "audit", audit_scheme="smeta", supplier=farm, effectiveness="niet")
    b = activity(dd_plan, 2, "bezoek", supplier=mill, effectiveness="doeltreffend")
    c = Monitoring.objects.create(
        organisation=org_a.org, plan=dd_plan, kind="gesprek", date=last_year, supplier=farm
    )
    activity(PlanFactory(organisation=org_a.org, method=Method.DUE_DILIGENCE), 1)
    client = client_for(org_a.viewer)
    path = url("monitoring", org_a.org, dd_plan.pk)

    def shown(query=""):
        response = client.get(f"{path}?{query}" if query else path)
        return list(response.context["page_obj"].object_list)

    assert shown() == [b, a, c]
    assert shown("kind=audit") == [a]
    assert shown(f"supplier={farm.pk}") == [a, c]
    assert shown("effectiveness=doeltreffend") == [b]
    assert shown(f"year={last_year.year}") == [c]
    assert shown("year=abc") == [b, a, c]  # an invalid value filters nothing
    htmx = client.get(f"{path}?kind=bezoek", headers={"HX-Request": "true"})
    assert htmx.templates[0].name == "duediligence/monitoring_results.html"
    assert list(htmx.context["page_obj"].object_list) == [b]


def test_the_list_pages_by_fifty(org_a, dd_plan, client_for):
    Monitoring.objects.bulk_create(
        Monitoring(organisation=org_a.org, plan=dd_plan, kind="gesprek", date=date(2026, 1, 1))
        for _ in range(51)
    )
    client = client_for(org_a.viewer)
    path = url("monitoring", org_a.org, dd_plan.pk)
    assert len(client.get(path).context["page_obj"].object_list) == 50
    assert len(client.get(f"{path}?page=2").context["page_obj"].object_list) == 1


# --- Query counts ----------------------------------------------------------------------------


def test_the_list_query_count_does_not_grow(org_a, dd_plan, client_for):
    farm = supplier(dd_plan, "Boerderij", code_of_conduct_signed=True)
    prioritised = risk(dd_plan, "Prioriteit")

    def add_rows(n):
        for i in range(n):
            monitoring = activity(dd_plan, i % 300, "audit", audit_scheme="smeta", supplier=farm)
            monitoring.risks.add(prioritised)
            monitoring.corrective_actions.add(ActionFactory(organisation=org_a.org, plan=dd_plan))

    assert_queries_constant(
        client_for(org_a.viewer), url("monitoring", org_a.org, dd_plan.pk), add_rows, large=60
    )


def test_the_detail_query_count_does_not_grow(org_a, dd_plan, client_for):
    monitoring = activity(dd_plan, supplier=supplier(dd_plan, "Boerderij"))

    def add_rows(n):
        for _ in range(n):
            monitoring.risks.add(risk(dd_plan, f"Risico {monitoring.risks.count()}"))
            monitoring.kpis.add(KpiFactory(organisation=org_a.org))
            monitoring.corrective_actions.add(
                ActionFactory(organisation=org_a.org, plan=dd_plan, responsible=org_a.member)
            )

    assert_queries_constant(
        client_for(org_a.member),
        url("monitoring_detail", org_a.org, monitoring.pk),
        add_rows,
        large=60,
    )


@pytest.mark.parametrize(
    "query",
    [
        "supplier=abc",
        f"supplier={2**64}",
        "supplier=-1",
        "year=1e309",
        "year=²",
        "year=99999",
        "kind=geen",
        "effectiveness=%00",
        "page=x",
        "page=99999999999999999999",
    ],
)
def test_odd_filter_values_give_the_page_not_an_error(org_a, dd_plan, client_for, query):
    activity(dd_plan)
    response = client_for(org_a.viewer).get(f"{url('monitoring', org_a.org, dd_plan.pk)}?{query}")
    assert response.status_code == 200
