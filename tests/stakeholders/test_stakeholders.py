"""Stakeholders, the power–interest grid, dialogues and the working group."""

import csv
import io
from datetime import date

from openpyxl import load_workbook

from stakeholders.models import Dialogue, Stakeholder, WorkingGroupMember
from tests.factories import (
    DialogueFactory,
    OrgThemeFactory,
    StakeholderFactory,
    WorkingGroupMemberFactory,
)
from tests.helpers import body


def url(org, rest=""):
    return f"/o/{org.slug}/stakeholders/{rest}"


def test_register_stakeholder_and_see_grid(org_a, client_for):
    client = client_for(org_a.member)
    response = client.post(
        url(org_a.org, "nieuw/"),
        {
            "name": "Gemeente Ommen",
            "category": "overheden",
            "influence": 5,
            "interest": 2,
            "contact": "wethouder",
        },
    )
    assert response.status_code == 302
    stakeholder = Stakeholder.objects.get()
    assert (stakeholder.organisation, stakeholder.is_internal) == (org_a.org, False)
    page = client.get(url(org_a.org)).content.decode()
    assert "<svg" in page and "Gemeente Ommen" in page


def test_stakeholder_validation(org_a, client_for):
    StakeholderFactory(organisation=org_a.org, name="Bank")
    response = client_for(org_a.member).post(
        url(org_a.org, "nieuw/"), {"name": "Bank", "category": "buren", "influence": 7}
    )
    text = response.content.decode()
    assert "Er bestaat al een stakeholder met deze naam." in text
    assert "Selecteer een geldige keuze" in text
    assert "Kies een score van 1 tot en met 5." in text
    assert Stakeholder.objects.count() == 1


def test_filter_stakeholders_with_htmx(org_a, client_for):
    StakeholderFactory(organisation=org_a.org, name="Klant X", category="afnemers")
    StakeholderFactory(organisation=org_a.org, name="OR", category="or", is_internal=True)
    client = client_for(org_a.viewer)
    partial = client.get(url(org_a.org, "?category=or"), HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in partial and "OR" in partial and "Klant X" not in partial
    external = client.get(url(org_a.org, "?side=extern")).content.decode()
    assert "Klant X" in external and ">OR<" not in external


def test_dialogue_recorded_and_listed_on_stakeholder(org_a, client_for):
    supplier = StakeholderFactory(organisation=org_a.org, name="Leverancier Y")
    theme = OrgThemeFactory(organisation=org_a.org, own_name="Ketens")
    client = client_for(org_a.member)
    form = client.get(url(org_a.org, f"dialogen/nieuw/?stakeholder={supplier.pk}"))
    assert form.context["form"].initial["stakeholders"] == [supplier.pk]
    response = client.post(
        url(org_a.org, "dialogen/nieuw/"),
        {
            "date": "2025-03-14",
            "subject": "Gedragscode",
            "stakeholders": [supplier.pk],
            "method": "gesprek",
            "themes": [theme.pk],
            "input_received": "Wil meedenken.",
        },
    )
    assert response.status_code == 302
    dialogue = Dialogue.objects.get()
    assert dialogue.date == date(2025, 3, 14) and dialogue.needs_attention
    detail = client.get(url(org_a.org, f"{supplier.pk}/")).content.decode()
    assert "Gedragscode" in detail and "nog geen opvolging" in detail


def test_reported_back_needs_follow_up(org_a, client_for):
    s = StakeholderFactory(organisation=org_a.org)
    response = client_for(org_a.member).post(
        url(org_a.org, "dialogen/nieuw/"),
        {
            "date": "2025-03-14",
            "subject": "X",
            "stakeholders": [s.pk],
            "method": "gesprek",
            "reported_back": "on",
        },
    )
    assert "Beschrijf wat er met de inbreng is gedaan" in response.content.decode()
    no_stakeholder = client_for(org_a.member).post(
        url(org_a.org, "dialogen/nieuw/"),
        {"date": "14-03-2025x", "subject": "", "method": "gesprek"},
    )
    text = no_stakeholder.content.decode()
    assert "Voer een geldige datum in." in text and "Dit veld is verplicht." in text
    assert not Dialogue.objects.exists()


def test_dialogue_form_explains_when_there_are_no_stakeholders(org_a, client_for):
    page = client_for(org_a.member).get(url(org_a.org, "dialogen/nieuw/")).content.decode()
    assert "Er zijn nog geen stakeholders." in page


def test_open_dialogues_list(org_a, client_for):
    s = StakeholderFactory(organisation=org_a.org)
    DialogueFactory(
        organisation=org_a.org,
        subject="Afgerond",
        follow_up="Gedaan",
        reported_back=True,
        stakeholders=[s],
    )
    DialogueFactory(organisation=org_a.org, subject="Geen opvolging", stakeholders=[s])
    DialogueFactory(
        organisation=org_a.org, subject="Niet teruggekoppeld", follow_up="Gedaan", stakeholders=[s]
    )
    page = client_for(org_a.viewer).get(url(org_a.org, "dialogen/?status=open")).content.decode()
    assert "Geen opvolging" in page and "Niet teruggekoppeld" in page
    assert "Afgerond" not in page
    done = client_for(org_a.viewer).get(url(org_a.org, "dialogen/?status=rond")).content.decode()
    assert "Afgerond" in done and "Geen opvolging" not in done


def test_stakeholder_of_other_org_cannot_be_linked(org_a, org_b, client_for):
    StakeholderFactory(organisation=org_a.org)
    foreign = StakeholderFactory(organisation=org_b.org)
    response = client_for(org_a.member).post(
        url(org_a.org, "dialogen/nieuw/"),
        {"date": "2025-03-14", "subject": "X", "stakeholders": [foreign.pk], "method": "gesprek"},
    )
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not Dialogue.objects.exists()


def test_working_group_with_users_and_externals_and_hint(org_a, org_b, client_for):
    client = client_for(org_a.member)
    response = client.post(
        url(org_a.org, "werkgroep/nieuw/"),
        {"user": org_a.manager.pk, "department": "Inkoop", "role": "trekker"},
    )
    assert response.status_code == 302
    assert (
        client.post(
            url(org_a.org, "werkgroep/nieuw/"),
            {"external_name": "Adviseur Z", "department": "inkoop", "role": "lid"},
        ).status_code
        == 302
    )
    page = client.get(url(org_a.org, "werkgroep/")).content.decode()
    assert "Alle werkgroepleden komen uit de afdeling Inkoop" in page
    WorkingGroupMemberFactory(organisation=org_a.org, department="HR")
    assert "Alle werkgroepleden" not in client.get(url(org_a.org, "werkgroep/")).content.decode()
    # Validation: both or neither, twice the same user, a user of another organisation.
    both = client.post(
        url(org_a.org, "werkgroep/nieuw/"),
        {"user": org_a.viewer.pk, "external_name": "X", "role": "lid"},
    )
    assert "niet allebei" in both.content.decode()
    twice = client.post(
        url(org_a.org, "werkgroep/nieuw/"), {"user": org_a.manager.pk, "role": "lid"}
    )
    assert "Deze persoon zit al in de werkgroep." in twice.content.decode()
    outsider = client.post(
        url(org_a.org, "werkgroep/nieuw/"), {"user": org_b.member.pk, "role": "lid"}
    )
    assert "Selecteer een geldige keuze" in outsider.content.decode()
    assert WorkingGroupMember.objects.count() == 3


def test_working_group_member_gets_department_from_membership(org_a, client_for):
    from mvo.models import Membership

    Membership.objects.filter(user=org_a.viewer).update(department="Financiën")
    client_for(org_a.member).post(
        url(org_a.org, "werkgroep/nieuw/"), {"user": org_a.viewer.pk, "role": "lid"}
    )
    assert WorkingGroupMember.objects.get().department == "Financiën"


def test_exports_stakeholders_with_dialogues(org_a, client_for):
    a = StakeholderFactory(organisation=org_a.org, name="Alpha")
    StakeholderFactory(organisation=org_a.org, name="Beta")
    DialogueFactory(organisation=org_a.org, subject="Eerste", stakeholders=[a])
    DialogueFactory(organisation=org_a.org, subject="Tweede", stakeholders=[a])
    client = client_for(org_a.viewer)
    rows = list(
        csv.reader(
            io.StringIO(body(client.get(url(org_a.org, "export.csv"))).decode("utf-8-sig")),
            delimiter=";",
        )
    )
    assert rows[0][0] == "Stakeholder" and len(rows) == 4
    assert {r[7] for r in rows[1:]} == {"Eerste", "Tweede", ""}
    sheet = load_workbook(io.BytesIO(client.get(url(org_a.org, "export.xlsx")).content)).active
    assert sheet.max_row == 4 and sheet["A1"].value == "Stakeholder"


def test_dialogues_filter_by_stakeholder_name_and_page(org_a, client_for):
    acme = StakeholderFactory(organisation=org_a.org, name="Acme Transport")
    other = StakeholderFactory(organisation=org_a.org, name="Buurtvereniging")
    DialogueFactory(organisation=org_a.org, subject="Over ritten", stakeholders=[acme])
    DialogueFactory(organisation=org_a.org, subject="Over geluid", stakeholders=[other])
    client = client_for(org_a.viewer)
    found = client.get(url(org_a.org, "dialogen/?stakeholder=acme")).content.decode()
    assert "Over ritten" in found and "Over geluid" not in found
    DialogueFactory.create_batch(60, organisation=org_a.org, stakeholders=[other])
    page_2 = client.get(url(org_a.org, "dialogen/?page=2")).content.decode()
    assert "51–62 van 62" in page_2
