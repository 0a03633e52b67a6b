"""Communication (5): the log with its filters and pages, and its forms."""

from datetime import date

import pytest

from duediligence.models import Communication
from tests.helpers import assert_queries_constant

pytestmark = pytest.mark.django_db


def base(plan):
    return f"/o/org-a/due-diligence/{plan.pk}/communicatie/"


def add(plan, n=1, **fields):
    values = {
        "date": date(2026, 3, 1),
        "audience": "intern",
        "channel": "intranet",
        "subject": "Kwartaalupdate",
    } | fields
    Communication.objects.bulk_create(
        Communication(organisation=plan.organisation, plan=plan, **values) for _i in range(n)
    )


def form_data(**changes):
    data = {
        "date": "2026-04-02",
        "audience": "extern",
        "channel": "website",
        "subject": "Onze risico's in de cacaoketen",
        "dilemmas_shared": "on",
        "dilemmas": "Leefbaar loon is nog niet haalbaar bij alle coöperaties.",
        "stakeholders_consulted": "on",
        "link": "https://agv.example/nieuws/cacao",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_a_member_logs_edits_and_deletes_a_communication(dd_plan, org_a, client_for):
    client = client_for(org_a.member)
    assert client.get(base(dd_plan) + "nieuw/").status_code == 200
    assert client.post(base(dd_plan) + "nieuw/", form_data()).status_code == 302
    row = Communication.objects.get()
    assert row.plan == dd_plan and row.organisation == org_a.org and row.dilemmas_shared
    html = client_for(org_a.viewer).get(base(dd_plan)).content.decode()
    assert "Onze risico&#x27;s in de cacaoketen" in html
    assert "Leefbaar loon" in html
    edit = base(dd_plan) + f"{row.pk}/bewerken/"
    response = client.post(edit, form_data(subject="Nieuwe titel", version=row.version))
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.subject == "Nieuwe titel"
    stale = client.post(edit, form_data(subject="Oud formulier", version=row.version - 1))
    assert stale.status_code == 200
    assert Communication.objects.get().subject == "Nieuwe titel"
    assert client.post(base(dd_plan) + f"{row.pk}/verwijderen/").status_code == 302
    assert not Communication.objects.exists()


def test_external_communication_without_consulting_stakeholders_gets_a_warning(
    dd_plan, org_a, client_for
):
    client = client_for(org_a.member)
    response = client.post(
        base(dd_plan) + "nieuw/", form_data(stakeholders_consulted=None), follow=True
    )
    assert "de getroffen stakeholders zijn nog niet geraadpleegd" in response.content.decode()
    response = client.post(base(dd_plan) + "nieuw/", form_data(), follow=True)
    assert "nog niet geraadpleegd" not in response.content.decode()
    assert Communication.objects.count() == 2


def test_a_viewer_reads_but_may_not_write(dd_plan, org_a, client_for):
    add(dd_plan)
    row = Communication.objects.get()
    client = client_for(org_a.viewer)
    page = client.get(base(dd_plan))
    assert page.status_code == 200
    assert "Communicatie vastleggen" not in page.content.decode()
    assert client.post(base(dd_plan) + "nieuw/", form_data()).status_code == 403
    assert client.post(base(dd_plan) + f"{row.pk}/bewerken/", form_data()).status_code == 403
    assert client.post(base(dd_plan) + f"{row.pk}/verwijderen/").status_code == 403
    assert Communication.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"dilemmas": "  "}, "dilemmas", "Beschrijf welke dilemma"),
        ({"date": "1900-05-05"}, "date", "Kies een datum tussen 01-01-1990 en 31-12-2100."),
        ({"date": "gisteren"}, "date", "Voer een geldige datum in."),
        ({"link": "geen link"}, "link", "Voer een geldige URL in."),
        ({"subject": ""}, "subject", "Dit veld is verplicht."),
        ({"audience": "iedereen"}, "audience", "Selecteer een geldige keuze"),
    ],
)
def test_bad_input_gets_a_field_message_and_saves_nothing(
    changes, field, message, dd_plan, org_a, client_for
):
    response = client_for(org_a.member).post(base(dd_plan) + "nieuw/", form_data(**changes))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not Communication.objects.exists()


def test_the_log_filters_by_audience_channel_and_year(dd_plan, org_a, client_for):
    add(dd_plan, subject="Intern 2026")
    add(dd_plan, audience="extern", channel="website", subject="Website 2026")
    add(dd_plan, date=date(2025, 6, 1), subject="Intern 2025")
    client = client_for(org_a.viewer)

    def subjects(query):
        page = client.get(base(dd_plan) + query)
        assert page.status_code == 200
        return sorted(c.subject for c in page.context["page_obj"].object_list)

    assert subjects("") == ["Intern 2025", "Intern 2026", "Website 2026"]
    assert subjects("?audience=extern") == ["Website 2026"]
    assert subjects("?channel=intranet") == ["Intern 2025", "Intern 2026"]
    assert subjects("?year=2025") == ["Intern 2025"]
    assert subjects("?year=²") == []  # not a year the log holds: nothing, no error
    assert client.get(base(dd_plan) + "?year=99999999999999999999").status_code == 200


def test_the_log_pages_by_fifty(dd_plan, org_a, client_for):
    add(dd_plan, 55)
    client = client_for(org_a.viewer)
    first = client.get(base(dd_plan))
    assert len(first.context["page_obj"].object_list) == 50
    assert len(client.get(base(dd_plan) + "?page=2").context["page_obj"].object_list) == 5
    partial = client.get(base(dd_plan) + "?page=2", HTTP_HX_REQUEST="true")
    assert "<html" not in partial.content.decode() and 'id="results"' in partial.content.decode()


def test_only_this_plans_communication_is_listed(dd_plan, dd_plan_b, org_a, client_for):
    from tests.factories import PlanFactory

    other = PlanFactory(organisation=org_a.org, method="due_diligence")
    add(dd_plan, subject="Van dit plan")
    add(other, subject="Van het andere plan")
    add(dd_plan_b, subject="Van organisatie B")
    html = client_for(org_a.viewer).get(base(dd_plan)).content.decode()
    assert "Van dit plan" in html
    assert "Van het andere plan" not in html and "Van organisatie B" not in html
    row = Communication.objects.get(subject="Van het andere plan")
    edit = base(dd_plan) + f"{row.pk}/bewerken/"
    assert client_for(org_a.member).get(edit).status_code == 404


def test_every_url_is_not_found_for_another_organisation(dd_plan, org_b, client_for):
    add(dd_plan)
    row = Communication.objects.get()
    client = client_for(org_b.member)
    for path in ["", "nieuw/", f"{row.pk}/bewerken/", f"{row.pk}/verwijderen/"]:
        assert client.get(base(dd_plan) + path).status_code == 404, path
        assert client.post(base(dd_plan) + path, form_data()).status_code == 404, path
    assert Communication.objects.get().subject == "Kwartaalupdate"


def test_a_quarter_without_internal_communication_is_pointed_out(dd_plan, org_a, client_for):
    html = client_for(org_a.viewer).get(base(dd_plan)).content.decode()
    assert "Dit kwartaal is er nog geen interne communicatie vastgelegd." in html


def test_the_log_takes_the_same_queries_for_few_and_many_rows(dd_plan, org_a, client_for):
    assert_queries_constant(
        client_for(org_a.member), base(dd_plan) + "?year=2026", lambda n: add(dd_plan, n)
    )
