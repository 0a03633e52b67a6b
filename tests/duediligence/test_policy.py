"""The policy page (1A/1B): the policy, its versions with evidence, the departments."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from duediligence.models import DepartmentRole, Evidence, Policy, PolicyElement, PolicyVersion
from duediligence.services_policy import add_policy_version
from tests.helpers import assert_queries_constant

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def base(plan):
    return f"/o/org-a/due-diligence/{plan.pk}/beleid/"


def policy_data(**changes):
    data = {
        "title": "Ons due-diligencebeleid",
        "elements": [PolicyElement.GUIDELINES, PolicyElement.RESPECT],
        "consulted": "on",
        "consulted_with": "OR, twee leveranciers en een ngo",
        "approved_by": "A. Jansen, directeur",
        "approved_on": "2026-02-01",
        "published_url": "https://agv.example/beleid",
        "published_on": "2026-02-10",
        "shared_internally": "on",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_a_viewer_reads_the_page_but_may_not_write(dd_plan, org_a, client_for):
    client = client_for(org_a.viewer)
    page = client.get(base(dd_plan))
    assert page.status_code == 200
    assert page.content.decode().count("ontbreekt") == len(PolicyElement.values)
    assert "Beleid vastleggen" not in page.content.decode()
    assert client.get(base(dd_plan) + "bewerken/").status_code == 403
    assert client.post(base(dd_plan) + "bewerken/", policy_data()).status_code == 403
    assert client.post(base(dd_plan) + "versies/nieuw/", {"summary": "x"}).status_code == 403
    assert client.post(base(dd_plan) + "afdelingen/nieuw/", {}).status_code == 403
    assert not Policy.objects.exists() and not PolicyVersion.objects.exists()


def test_viewing_the_page_writes_nothing(dd_plan, org_a, client_for):
    client_for(org_a.member).get(base(dd_plan))
    assert not Policy.objects.exists()


def test_a_member_records_the_policy(dd_plan, org_a, client_for):
    client = client_for(org_a.member)
    response = client.post(base(dd_plan) + "bewerken/", policy_data())
    assert response.status_code == 302
    policy = Policy.objects.get(plan=dd_plan)
    assert policy.organisation == org_a.org
    assert policy.elements == ["richtlijnen", "respect"]
    assert policy.is_approved and policy.is_published
    html = client.get(base(dd_plan)).content.decode()
    assert "A. Jansen, directeur" in html
    assert html.count("ontbreekt") == len(PolicyElement.values) - 2
    # the second save edits the same row
    data = policy_data(elements=list(PolicyElement.values), version=policy.version)
    assert client.post(base(dd_plan) + "bewerken/", data).status_code == 302
    assert Policy.objects.get().missing_elements == []


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"approved_by": ""}, "approved_by", "Zeg wie van de directie het beleid goedkeurde."),
        ({"approved_on": ""}, "approved_on", "Vul in wanneer de directie het beleid goedkeurde."),
        ({"published_url": "geen link"}, "published_url", "Voer een geldige URL in."),
        ({"published_url": ""}, "published_url", "Geef de link waar het beleid is gepubliceerd."),
        ({"approved_on": "1900-01-01"}, "approved_on", "Kies een datum tussen 01-01-1990"),
        ({"consulted_with": "  "}, "consulted_with", "Zeg met wie er is overlegd."),
        ({"elements": ["verzonnen"]}, "elements", "verzonnen is geen beschikbare keuze"),
    ],
)
def test_bad_input_gets_a_message_next_to_the_field_and_saves_nothing(
    changes, field, message, dd_plan, org_a, client_for
):
    response = client_for(org_a.member).post(base(dd_plan) + "bewerken/", policy_data(**changes))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors, errors
    assert message in " ".join(errors[field])
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not Policy.objects.exists()


def test_a_lost_update_is_refused(dd_plan, org_a, client_for):
    client = client_for(org_a.member)
    client.post(base(dd_plan) + "bewerken/", policy_data())
    loaded = Policy.objects.get().version
    first = client.post(base(dd_plan) + "bewerken/", policy_data(title="Eerst", version=loaded))
    assert first.status_code == 302
    second = client.post(base(dd_plan) + "bewerken/", policy_data(title="Later", version=loaded))
    assert second.status_code == 200
    assert Policy.objects.get().title == "Eerst"


def test_versions_are_numbered_and_carry_their_evidence(dd_plan, org_a, client_for):
    client = client_for(org_a.member)
    url = base(dd_plan) + "versies/nieuw/"
    form_page = client.get(url).content.decode()
    assert 'enctype="multipart/form-data"' in form_page
    assert client.post(url, {"summary": "Eerste versie", "text": "Wij..."}).status_code == 302
    upload = SimpleUploadedFile("beleid 2026.pdf", PDF, content_type="application/pdf")
    response = client.post(url, {"summary": "Na overleg", "file": upload})
    assert response.status_code == 302
    versions = list(PolicyVersion.objects.order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    assert versions[1].created_by == org_a.member
    evidence = Evidence.objects.get()
    assert evidence.policy_version == versions[1] and evidence.name == "beleid 2026.pdf"
    html = client.get(base(dd_plan)).content.decode()
    assert f"/o/org-a/due-diligence/bewijs/{evidence.pk}/" in html
    download = client_for(org_a.viewer).get(f"/o/org-a/due-diligence/bewijs/{evidence.pk}/")
    assert b"".join(download.streaming_content) == PDF


def test_a_version_needs_some_content_and_a_good_file(dd_plan, org_a, client_for):
    client = client_for(org_a.member)
    url = base(dd_plan) + "versies/nieuw/"
    empty = client.post(url, {"summary": ""})
    assert "Vul de tekst in, geef een link" in empty.content.decode()
    fake = SimpleUploadedFile("beleid.pdf", b"<html><script>alert(1)</script>", "application/pdf")
    response = client.post(url, {"summary": "Met bestand", "file": fake})
    assert "past niet bij de extensie .pdf" in " ".join(response.context["form"].errors["file"])
    assert not PolicyVersion.objects.exists() and not Evidence.objects.exists()


def test_the_version_number_follows_the_highest_one(dd_plan, org_a):
    first = add_policy_version(dd_plan, PolicyVersion(summary="a"), org_a.member)
    PolicyVersion.objects.filter(pk=first.pk).update(number=7)
    assert add_policy_version(dd_plan, PolicyVersion(summary="b"), org_a.member).number == 8


def test_a_file_is_added_to_an_existing_version(dd_plan, org_a, client_for):
    version = add_policy_version(dd_plan, PolicyVersion(summary="a"), org_a.member)
    url = base(dd_plan) + f"versies/{version.pk}/bestand/"
    assert client_for(org_a.viewer).get(url).status_code == 403
    upload = SimpleUploadedFile("bijlage.txt", b"Notulen van het overleg", "text/plain")
    response = client_for(org_a.member).post(url, {"file": upload})
    assert response.status_code == 302
    assert Evidence.objects.get().policy_version == version
    missing = client_for(org_a.member).post(url, {})
    assert "Kies een bestand." in missing.content.decode()


def test_departments_are_added_once_edited_and_deleted(dd_plan, org_a, client_for):
    client = client_for(org_a.member)
    url = base(dd_plan) + "afdelingen/nieuw/"
    data = {"department": "inkoop", "responsibilities": "Leveranciers beoordelen"}
    assert client.post(url, data).status_code == 302
    again = client.post(url, data)
    assert again.status_code == 200
    assert "Deze afdeling staat al in de lijst" in " ".join(
        again.context["form"].errors["department"]
    )
    assert DepartmentRole.objects.count() == 1
    role = DepartmentRole.objects.get()
    assert role.plan == dd_plan and role.organisation == org_a.org
    edit = base(dd_plan) + f"afdelingen/{role.pk}/bewerken/"
    changed = {**data, "responsibilities": "Inkoopcode", "contact": org_a.manager.pk}
    assert client.post(edit, {**changed, "version": role.version}).status_code == 302
    role.refresh_from_db()
    assert role.responsibilities == "Inkoopcode" and role.contact == org_a.manager
    assert "Inkoopcode" in client_for(org_a.viewer).get(base(dd_plan)).content.decode()
    assert (
        client_for(org_a.viewer)
        .post(base(dd_plan) + f"afdelingen/{role.pk}/verwijderen/")
        .status_code
        == 403
    )
    assert client.post(base(dd_plan) + f"afdelingen/{role.pk}/verwijderen/").status_code == 302
    assert not DepartmentRole.objects.exists()


def test_a_contact_from_another_organisation_is_refused(dd_plan, org_a, org_b, client_for):
    data = {"department": "hr", "responsibilities": "x", "contact": org_b.member.pk}
    response = client_for(org_a.member).post(base(dd_plan) + "afdelingen/nieuw/", data)
    assert "contact" in response.context["form"].errors
    assert not DepartmentRole.objects.exists()


def test_every_url_is_not_found_for_another_organisation(dd_plan, org_a, org_b, client_for):
    version = add_policy_version(dd_plan, PolicyVersion(summary="a"), org_a.member)
    role = DepartmentRole.objects.create(
        organisation=org_a.org, plan=dd_plan, department="hr", responsibilities="x"
    )
    paths = [
        "",
        "bewerken/",
        "versies/nieuw/",
        f"versies/{version.pk}/bestand/",
        "afdelingen/nieuw/",
        f"afdelingen/{role.pk}/bewerken/",
        f"afdelingen/{role.pk}/verwijderen/",
    ]
    client = client_for(org_b.member)
    for path in paths:
        assert client.get(base(dd_plan) + path).status_code == 404, path
        assert client.post(base(dd_plan) + path, {}).status_code == 404, path
    # and under B's own address, A's rows are not found either
    for path in paths[3:]:
        b_path = f"/o/org-b/due-diligence/{dd_plan.pk}/beleid/{path}"
        assert client.get(b_path).status_code == 404, path
    assert DepartmentRole.objects.filter(pk=role.pk).exists()


def test_rows_of_another_plan_are_not_found_under_this_plan(dd_plan, org_a, client_for):
    from tests.factories import PlanFactory

    other = PlanFactory(organisation=org_a.org, method="due_diligence")
    role = DepartmentRole.objects.create(
        organisation=org_a.org, plan=other, department="hr", responsibilities="x"
    )
    response = client_for(org_a.member).get(base(dd_plan) + f"afdelingen/{role.pk}/bewerken/")
    assert response.status_code == 404


def test_the_policy_page_takes_the_same_queries_for_few_and_many_versions(
    dd_plan, org_a, client_for
):
    def add_versions(n):
        for _i in range(n):
            version = add_policy_version(dd_plan, PolicyVersion(summary="v"), org_a.member)
            Evidence.objects.create(
                organisation=org_a.org,
                policy_version=version,
                file="x.pdf",
                name="x.pdf",
                content_type="application/pdf",
                size=3,
            )
        for department in ["inkoop", "hr", "ict", "rnd"][: min(n, 4)]:
            DepartmentRole.objects.get_or_create(
                organisation=org_a.org,
                plan=dd_plan,
                department=department,
                defaults={"responsibilities": "x", "contact": org_a.member},
            )

    assert_queries_constant(
        client_for(org_a.viewer), base(dd_plan), add_versions, small=2, large=40
    )
