"""Who sees what of the grievances: content for grievance handlers only, counts for the rest
of the organisation, nothing for other organisations; and who may grant the permission."""

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from duediligence.models import Evidence, Grievance, GrievanceMechanism
from mvo.models import Membership, Role

from .conftest import make_handler
from .grievance_helpers import PDF, SECRET_CONTACT, SECRET_STORY, grievance, mechanism

WITHOUT_PERMISSION = [Role.VIEWER, Role.MEMBER, Role.MANAGER, Role.ADMIN]


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def url(name, org, *args):
    return reverse(f"duediligence:{name}", args=[org.slug, *args])


@pytest.mark.parametrize("role", WITHOUT_PERMISSION)
def test_without_the_permission_the_register_shows_counts_only(org_a, client_for, role):
    rows = [
        grievance(org_a.org),
        grievance(org_a.org, status="afgesloten", description="Tweede verhaal"),
        grievance(org_a.org, days_ago=40, description="Te laat beantwoord"),
    ]
    response = client_for(getattr(org_a, role)).get(url("grievances", org_a.org))
    assert response.status_code == 200
    html = response.content.decode()
    for secret in (SECRET_STORY, SECRET_CONTACT, "Tweede verhaal", "Te laat beantwoord"):
        assert secret not in html
    counts = dict(response.context["status_counts"])
    assert counts["ontvangen"] == 2 and counts["afgesloten"] == 1
    assert response.context["overdue_count"] == 1
    assert response.context["total"] == 3
    assert "page_obj" not in response.context  # no rows at all, not even on the page
    for row in rows:
        assert url("grievance", org_a.org, row.pk) not in html


@pytest.mark.parametrize("role", WITHOUT_PERMISSION)
def test_without_the_permission_one_complaint_is_forbidden(org_a, client_for, role):
    complaint = grievance(org_a.org)
    client = client_for(getattr(org_a, role))
    pages = [
        url("grievance", org_a.org, complaint.pk),
        url("grievance_edit", org_a.org, complaint.pk),
        url("grievance_create", org_a.org),
        url("grievance", org_a.org, complaint.pk + 1000),  # not even whether it exists
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 403, page
        assert SECRET_STORY not in response.content.decode()
    edit = client.post(
        url("grievance_edit", org_a.org, complaint.pk), {"status": "afgesloten", "version": 1}
    )
    upload = client.post(
        url("grievance_evidence", org_a.org, complaint.pk),
        {"file": SimpleUploadedFile("bewijs.pdf", PDF)},
    )
    create = client.post(url("grievance_create", org_a.org), {"description": "x"})
    assert {edit.status_code, upload.status_code, create.status_code} == {403}
    complaint.refresh_from_db()
    assert complaint.status == "ontvangen"
    assert not Evidence.objects.exists()
    assert Grievance.objects.count() == 1


@pytest.fixture
def stored_file(org_a, settings, tmp_path):
    """A grievance with an evidence file on a temporary evidence storage."""
    settings.STORAGES = {
        **settings.STORAGES,
        "evidence": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    from duediligence.evidence import attach

    return attach(
        SimpleUploadedFile("loonstrook.pdf", PDF), user=None, grievance=grievance(org_a.org)
    )


@pytest.mark.parametrize("role", WITHOUT_PERMISSION)
def test_without_the_permission_a_grievance_file_is_forbidden(org_a, client_for, role, stored_file):
    client = client_for(getattr(org_a, role))
    download = client.get(url("evidence", org_a.org, stored_file.pk))
    assert download.status_code == 403
    delete = client.post(url("evidence_delete", org_a.org, stored_file.pk))
    assert delete.status_code == 403
    assert Evidence.objects.filter(pk=stored_file.pk).exists()


def test_a_handler_downloads_a_grievance_file(org_a, org_b, client_for, handler, stored_file):
    page = client_for(handler).get(url("grievance", org_a.org, stored_file.grievance_id))
    assert url("evidence", org_a.org, stored_file.pk) in page.content.decode()
    download = client_for(handler).get(url("evidence", org_a.org, stored_file.pk))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    make_handler(org_b.member, org_b.org)
    assert (
        client_for(org_b.member).get(url("evidence", org_b.org, stored_file.pk)).status_code == 404
    )


def test_a_handler_sees_the_content(org_a, client_for, handler):
    complaint = grievance(org_a.org)
    client = client_for(handler)
    register = client.get(url("grievances", org_a.org))
    assert register.status_code == 200
    assert SECRET_STORY[:40] in register.content.decode()
    detail = client.get(url("grievance", org_a.org, complaint.pk))
    assert detail.status_code == 200
    html = detail.content.decode()
    assert SECRET_STORY in html and SECRET_CONTACT in html


@pytest.mark.parametrize("role", WITHOUT_PERMISSION)
def test_each_role_with_the_permission_sees_the_content(org_a, client_for, role):
    complaint = grievance(org_a.org)
    person = getattr(org_a, role)
    make_handler(person, org_a.org)
    response = client_for(person).get(url("grievance", org_a.org, complaint.pk))
    assert response.status_code == 200
    assert SECRET_STORY in response.content.decode()


def test_a_viewer_with_the_permission_reads_but_does_not_change(org_a, client_for):
    complaint = grievance(org_a.org)
    make_handler(org_a.viewer, org_a.org)
    client = client_for(org_a.viewer)
    assert client.get(url("grievance", org_a.org, complaint.pk)).status_code == 200
    response = client.post(
        url("grievance_edit", org_a.org, complaint.pk),
        {"status": "in_behandeling", "version": complaint.version},
    )
    assert response.status_code == 403
    complaint.refresh_from_db()
    assert complaint.status == "ontvangen"


def test_a_handler_of_another_organisation_gets_404(org_a, org_b, client_for):
    complaint = grievance(org_a.org)
    make_handler(org_b.member, org_b.org)
    client = client_for(org_b.member)
    for page in (
        url("grievances", org_a.org),
        url("grievance", org_a.org, complaint.pk),
        url("grievance_edit", org_a.org, complaint.pk),
        url("mechanism", org_a.org),
        url("grievance", org_b.org, complaint.pk),  # A's complaint through B's address
        url("grievance_edit", org_b.org, complaint.pk),
    ):
        assert client.get(page).status_code == 404, page
    upload = client.post(
        url("grievance_evidence", org_b.org, complaint.pk),
        {"file": SimpleUploadedFile("bewijs.pdf", PDF)},
    )
    assert upload.status_code == 404
    # B's register counts only B's complaints.
    register = client.get(url("grievances", org_b.org))
    assert register.context["total"] == 0
    assert SECRET_STORY not in register.content.decode()


@pytest.mark.parametrize("role", [Role.VIEWER, Role.MEMBER, Role.MANAGER])
def test_the_mechanism_is_read_only_without_the_permission(org_a, client_for, role):
    mechanism(org_a.org, procedure_nl="Onze procedure")
    client = client_for(getattr(org_a, role))
    page = client.get(url("mechanism", org_a.org))
    assert page.status_code == 200
    assert page.context["form"] is None
    assert "Onze procedure" in page.content.decode()
    response = client.post(url("mechanism", org_a.org), {"response_days": 5, "version": 1})
    assert response.status_code == 403
    assert GrievanceMechanism.objects.get().response_days == 28


def test_admins_and_handlers_edit_the_mechanism(org_a, client_for, handler):
    data = {
        "criteria": ["bekend", "vertrouwelijk"],
        "response_days": 14,
        "intake_open": "on",
        "procedure_nl": "Een onafhankelijke commissie beoordeelt elke klacht.",
        "procedure_en": "An independent committee reviews every complaint.",
    }
    response = client_for(org_a.admin).post(url("mechanism", org_a.org), data)
    assert response.status_code == 302
    saved = GrievanceMechanism.objects.get()
    assert saved.criteria == ["bekend", "vertrouwelijk"] and saved.response_days == 14
    response = client_for(handler).post(
        url("mechanism", org_a.org), {**data, "response_days": 21, "version": saved.version}
    )
    assert response.status_code == 302
    assert GrievanceMechanism.objects.get().response_days == 21
    # A viewer with the permission may not (writing needs the member role).
    make_handler(org_a.viewer, org_a.org)
    response = client_for(org_a.viewer).post(url("mechanism", org_a.org), data)
    assert response.status_code == 403


def test_an_admin_grants_and_revokes_the_permission(org_a, client_for):
    membership = Membership.objects.get(user=org_a.member, organisation=org_a.org)
    change = reverse("change_member", args=[org_a.org.slug, membership.pk])
    admin = client_for(org_a.admin)
    admin.post(change, {"role": "member", "department": "Inkoop", "handles_grievances": "on"})
    membership.refresh_from_db()
    assert membership.handles_grievances and membership.department == "Inkoop"
    members = client_for(org_a.viewer).get(reverse("members", args=[org_a.org.slug]))
    assert "klachtbehandelaar" in members.content.decode()
    admin.post(change, {"role": "member", "department": "Inkoop"})
    membership.refresh_from_db()
    assert not membership.handles_grievances


def test_only_an_admin_changes_the_permission(org_a, client_for):
    membership = Membership.objects.get(user=org_a.member, organisation=org_a.org)
    change = reverse("change_member", args=[org_a.org.slug, membership.pk])
    for role in (Role.MEMBER, Role.MANAGER):
        response = client_for(getattr(org_a, role)).post(
            change, {"role": "member", "department": "", "handles_grievances": "on"}
        )
        assert response.status_code == 403
    membership.refresh_from_db()
    assert not membership.handles_grievances


def test_the_last_admin_keeps_the_role_and_the_permission_is_not_half_saved(org_a, client_for):
    membership = Membership.objects.get(user=org_a.admin, organisation=org_a.org)
    change = reverse("change_member", args=[org_a.org.slug, membership.pk])
    client_for(org_a.admin).post(
        change, {"role": "member", "department": "", "handles_grievances": "on"}
    )
    membership.refresh_from_db()
    assert membership.role == Role.ADMIN
    assert not membership.handles_grievances
