"""Evidence files: what may be uploaded, and that files leave only through the organisation-
checked download, with the grievance-handler permission for a grievance's files."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from duediligence import evidence as evidence_rules
from duediligence.models import Evidence, Grievance, PolicyVersion
from duediligence.services_policy import add_policy_version

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <</Type /Catalog>> endobj\n%%EOF\n"


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture
def version(dd_plan, org_a):
    return add_policy_version(dd_plan, PolicyVersion(summary="Eerste versie"), org_a.member)


@pytest.fixture
def policy_file(version, org_a):
    return evidence_rules.attach(
        upload("Beleid ‘26 é.pdf", PDF, "application/pdf"),
        user=org_a.member,
        policy_version=version,
    )


@pytest.fixture
def grievance_file(org_a):
    grievance = Grievance.objects.create(
        organisation=org_a.org,
        channel="email",
        complainant_type="ketenwerker",
        description="Geen pauzes op de plantage",
        response_due=timezone.localdate() + timedelta(days=28),
    )
    return evidence_rules.attach(
        upload("foto.png", b"\x89PNG\r\n\x1a\n" + b"0" * 50, "image/png"),
        user=org_a.member,
        grievance=grievance,
    )


def url(row, slug="org-a"):
    return f"/o/{slug}/due-diligence/bewijs/{row.pk}/"


def add_version_url(plan):
    return f"/o/org-a/due-diligence/{plan.pk}/beleid/versies/nieuw/"


def test_a_pdf_comes_back_byte_identical_as_an_attachment(dd_plan, org_a, client_for):
    client = client_for(org_a.member)
    sent = upload("Gedragscode leveranciers.pdf", PDF, "application/pdf")
    assert (
        client.post(add_version_url(dd_plan), {"summary": "Met code", "file": sent}).status_code
        == 302
    )
    row = Evidence.objects.get()
    assert row.size == len(PDF) and row.content_type == "application/pdf"
    assert not row.file.name.startswith("Gedragscode")  # stored under a random name
    response = client_for(org_a.viewer).get(url(row))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == 'attachment; filename="Gedragscode leveranciers.pdf"'


def test_a_name_with_other_characters_is_kept_for_the_download(policy_file, org_a, client_for):
    response = client_for(org_a.viewer).get(url(policy_file))
    assert response["Content-Disposition"].startswith("attachment; filename*=utf-8''")
    assert "%C3%A9.pdf" in response["Content-Disposition"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("setup.exe", b"MZ\x90\x00" + b"0" * 100, "Dit soort bestand kan niet worden toegevoegd"),
        ("rapport.pdf", b"<!doctype html><script>alert(1)</script>", "past niet bij de extensie"),
        ("pagina.html", b"<html></html>", "Dit soort bestand kan niet worden toegevoegd"),
        ("leeg.pdf", b"", "Het bestand is leeg."),
    ],
)
def test_files_that_may_not_be_stored_are_refused(
    name, content, message, dd_plan, org_a, client_for
):
    response = client_for(org_a.member).post(
        add_version_url(dd_plan), {"summary": "Poging", "file": upload(name, content)}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Evidence.objects.exists() and not PolicyVersion.objects.exists()


def test_an_oversized_file_is_refused(dd_plan, org_a, client_for):
    big = upload("groot.pdf", b"%PDF-" + b"0" * evidence_rules.MAX_BYTES, "application/pdf")
    response = client_for(org_a.member).post(
        add_version_url(dd_plan), {"summary": "x", "file": big}
    )
    assert "Het bestand is groter dan 10 MB." in " ".join(response.context["form"].errors["file"])
    assert not Evidence.objects.exists()


def test_another_organisations_file_is_not_found(policy_file, org_b, client_for):
    client = client_for(org_b.member)
    assert client.get(url(policy_file)).status_code == 404  # not a member of A
    assert client.get(url(policy_file, "org-b")).status_code == 404  # A's id under B
    assert client.get(url(policy_file, "org-b") + "verwijderen/").status_code == 404
    assert client.post(url(policy_file, "org-b") + "verwijderen/").status_code == 404
    assert Evidence.objects.filter(pk=policy_file.pk).exists()


def test_a_grievance_file_is_for_grievance_handlers_only(
    grievance_file, org_a, handler, client_for
):
    for user in (org_a.viewer, org_a.member, org_a.manager, org_a.admin):
        assert client_for(user).get(url(grievance_file)).status_code == 403, user
        assert client_for(user).post(url(grievance_file) + "verwijderen/").status_code == 403
    response = client_for(handler).get(url(grievance_file))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert Evidence.objects.filter(pk=grievance_file.pk).exists()


def test_a_missing_file_gives_a_dutch_gone_page(policy_file, org_a, client_for):
    policy_file.file.storage.delete(policy_file.file.name)
    response = client_for(org_a.viewer).get(url(policy_file))
    assert response.status_code == 410
    assert "Bestand niet meer beschikbaar" in response.content.decode()


def test_members_delete_a_file_and_it_leaves_the_storage(
    policy_file, dd_plan, org_a, client_for, django_capture_on_commit_callbacks
):
    storage, name = policy_file.file.storage, policy_file.file.name
    delete_url = url(policy_file) + "verwijderen/"
    assert client_for(org_a.viewer).get(delete_url).status_code == 403
    assert client_for(org_a.viewer).post(delete_url).status_code == 403
    client = client_for(org_a.member)
    assert client.get(delete_url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(delete_url, {"next": "https://evil.example/"})
    assert response.status_code == 302
    assert response["Location"] == f"/o/org-a/due-diligence/{dd_plan.pk}/beleid/"
    assert not Evidence.objects.exists()
    assert not storage.exists(name)


def test_a_grievance_handler_deletes_a_grievance_file(grievance_file, handler, client_for):
    response = client_for(handler).post(url(grievance_file) + "verwijderen/", {"next": "/o/org-a/"})
    assert response.status_code == 302 and response["Location"] == "/o/org-a/"
    assert not Evidence.objects.exists()


def test_a_failed_version_leaves_no_file_behind(dd_plan, org_a, monkeypatch):
    from duediligence import services_policy
    from duediligence.models import Policy

    stored = []
    real_attach = evidence_rules.attach

    def attach_then_fail(*args, **kwargs):
        row = real_attach(*args, **kwargs)
        stored.append((row.file.storage, row.file.name))
        return row

    def fail(*args, **kwargs):
        raise RuntimeError("database gone")

    Policy.objects.create(organisation=org_a.org, plan=dd_plan)  # fails after the file is saved
    monkeypatch.setattr(services_policy.evidence, "attach", attach_then_fail)
    monkeypatch.setattr(Policy, "save", fail)
    with pytest.raises(RuntimeError):
        add_policy_version(
            dd_plan,
            PolicyVersion(summary="x"),
            org_a.member,
            upload("a.pdf", PDF, "application/pdf"),
        )
    storage, name = stored[0]
    assert not storage.exists(name)
    assert not PolicyVersion.objects.exists()
