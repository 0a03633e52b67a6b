"""The public grievance intake (/meld/<slug>/): no login, Dutch and English, a random receipt
code shown once, a status page that shows only the one complaint, throttling and the abuse a
public form gets (flooding, guessing codes, oversized or script content, robots)."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from duediligence.models import Grievance, receipt_digest
from mvo.models import Notification

from .grievance_helpers import grievance, mechanism

pytestmark = pytest.mark.django_db

CODE = re.compile(r"\b([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})\b")
STORY = "De opzichter houdt ons loon in als we ziek zijn."


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def intake(org_a):
    return mechanism(
        org_a.org,
        response_days=14,
        procedure_nl="Een commissie beoordeelt.",
        procedure_en="A committee reviews it.",
    )


def form_url(org, lang=None):
    path = reverse("meld:form", args=[org.slug])
    return f"{path}?lang={lang}" if lang else path


def status_url(org):
    return reverse("meld:status", args=[org.slug])


def complaint(**changes):
    data = {
        "description": STORY,
        "where": "Spinnerij bij Tiruppur",
        "complainant_type": "ketenwerker",
        "anonymous": "ja",
        "name": "",
        "contact": "",
        "consent": "on",
        "website": "",
        "submission": "",
    }
    return {**data, **changes}


def file(client, org, ip="10.0.0.1", **changes):
    return client.post(form_url(org), complaint(**changes), REMOTE_ADDR=ip)


def code_in(response):
    found = CODE.findall(response.content.decode())
    assert len(found) == 1, found
    return found[0]


def test_the_form_opens_without_login_and_shows_the_procedure(org_a, intake):
    response = Client().get(form_url(org_a.org))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Organisatie A" in html and "Een commissie beoordeelt." in html
    assert 'lang="nl"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "navbar" not in html  # no navigation of the app
    english = Client().get(form_url(org_a.org, "en"))
    assert 'lang="en"' in english.content.decode()
    assert "A committee reviews it." in english.content.decode()


def test_a_complaint_is_stored_with_a_code_shown_once(org_a, intake, handler):
    Notification.objects.all().delete()
    response = file(Client(), org_a.org)
    assert response.status_code == 200
    code = code_in(response)
    assert "no-store" in response["Cache-Control"]
    stored = Grievance.objects.get()
    assert stored.channel == "formulier" and stored.confidential and stored.anonymous
    assert stored.status == "ontvangen" and stored.language == "nl"
    assert stored.complainant_type == "ketenwerker" and stored.contact == ""
    assert STORY in stored.description and "Spinnerij bij Tiruppur" in stored.description
    assert stored.response_due == stored.received_on + timedelta(days=14)
    # Only a digest of the code is kept, nowhere the code itself.
    assert stored.receipt_digest == receipt_digest(code)
    symbols = code.replace("-", "")
    row = Grievance.objects.filter(pk=stored.pk).values().get()
    history = list(stored.history.values())
    for text in (str(row), str(history)):
        assert code not in text and symbols not in text
    assert code not in response.get("Location", "")
    # The handlers hear of it, without its content.
    notice = Notification.objects.get(user=handler)
    assert notice.title_nl == "Nieuwe klacht ontvangen"
    assert STORY not in notice.title_nl + notice.body_nl
    assert notice.url == reverse("duediligence:grievance", args=[org_a.org.slug, stored.pk])


def test_codes_are_random(org_a, intake):
    first = code_in(file(Client(), org_a.org, ip="10.0.0.1"))
    second = code_in(file(Client(), org_a.org, ip="10.0.0.2"))
    assert first != second
    digests = set(Grievance.objects.values_list("receipt_digest", flat=True))
    assert digests == {receipt_digest(first), receipt_digest(second)}


def test_an_english_complaint_keeps_its_language(org_a, intake):
    client = Client()
    response = client.post(form_url(org_a.org, "en"), complaint(lang="en"), REMOTE_ADDR="10.1.1.1")
    assert response.status_code == 200
    assert Grievance.objects.get().language == "en"


def test_with_a_name_the_contact_is_kept_and_without_it_dropped(org_a, intake):
    file(Client(), org_a.org, anonymous="nee", name="Ravi", contact="ravi@example.org")
    named = Grievance.objects.get()
    assert not named.anonymous and named.contact == "Ravi – ravi@example.org"
    Grievance.objects.all().delete()
    file(Client(), org_a.org, ip="10.0.0.9", anonymous="ja", name="Ravi", contact="06")
    assert Grievance.objects.get().contact == ""


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"description": ""}, "description", "Beschrijf wat er is gebeurd."),
        ({"description": "x" * 5001}, "description", "te lang: hoogstens 5000 tekens"),
        ({"description": "Loon\x1b[31m ingehouden"}, "description", "onzichtbare stuurtekens"),
        ({"where": "x" * 301}, "where", "Hoogstens 300 tekens"),
        ({"consent": ""}, "consent", "Vink aan dat u dit begrijpt"),
        ({"anonymous": ""}, "anonymous", "Kies of u anoniem wilt melden."),
        ({"complainant_type": "robot"}, "complainant_type", "Kies een van de mogelijkheden."),
        ({"name": "Ra\x08vi", "anonymous": "nee"}, "name", "stuurtekens"),
    ],
)
def test_bad_input_gets_a_field_message_and_nothing_is_saved(
    org_a, intake, changes, field, message
):
    response = file(Client(), org_a.org, **changes)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not CODE.search(response.content.decode())
    assert not Grievance.objects.exists()


def test_a_robot_filling_the_hidden_field_stores_nothing(org_a, intake):
    response = file(Client(), org_a.org, website="http://spam.example")
    assert response.status_code == 200  # the robot cannot tell
    assert not Grievance.objects.exists()


def test_script_content_is_stored_as_text(org_a, intake, client_for, handler):
    attack = "<script>document.location='//evil'</script>"
    file(Client(), org_a.org, description=attack)
    stored = Grievance.objects.get()
    assert attack in stored.description
    html = (
        client_for(handler)
        .get(reverse("duediligence:grievance", args=[org_a.org.slug, stored.pk]))
        .content.decode()
    )
    assert "<script>document" not in html and "&lt;script&gt;document" in html


def test_sending_the_same_form_twice_stores_it_once(org_a, intake):
    client = Client()
    first = file(client, org_a.org, submission="abc123")
    again = file(client, org_a.org, submission="abc123")
    assert CODE.search(first.content.decode())
    assert "al ontvangen" in again.content.decode()
    assert not CODE.search(again.content.decode())
    assert Grievance.objects.count() == 1


def test_csrf_is_checked(org_a, intake):
    client = Client(enforce_csrf_checks=True)
    response = client.post(form_url(org_a.org), complaint(), REMOTE_ADDR="10.0.0.1")
    assert response.status_code == 403
    assert not Grievance.objects.exists()


# --- Closed or unknown: the same answer ------------------------------------------------


def test_unknown_closed_and_unconfigured_organisations_look_the_same(org_a, org_b):
    mechanism(org_a.org, intake_open=False)  # B has no mechanism at all
    answers = []
    for path in (
        form_url(org_a.org),
        form_url(org_b.org),
        reverse("meld:form", args=["bestaat-niet"]),
    ):
        response = Client().get(path)
        assert response.status_code == 404
        answers.append(response.content)
        assert b"Organisatie" not in response.content
    assert len(set(answers)) == 1
    posted = file(Client(), org_a.org)
    assert posted.status_code == 404
    assert not Grievance.objects.exists()
    assert Client().post(status_url(org_b.org), {"code": "AAAA"}).status_code == 404


def test_after_the_form_closes_a_complainant_can_still_follow_the_complaint(org_a, intake):
    code = code_in(file(Client(), org_a.org))
    intake.intake_open = False
    intake.save()
    assert Client().get(form_url(org_a.org)).status_code == 404
    response = Client().post(status_url(org_a.org), {"code": code}, REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 200
    assert "Ontvangen" in response.content.decode()


# --- Throttling ------------------------------------------------------------------------


def test_flooding_gets_429_after_five_complaints_an_hour(org_a, org_b, intake):
    client = Client()
    for _ in range(5):
        assert CODE.search(file(client, org_a.org).content.decode())
    response = file(client, org_a.org)
    assert response.status_code == 429
    assert "Even wachten" in response.content.decode()
    assert Grievance.objects.count() == 5
    # Another client is not hindered, and a forged X-Forwarded-For does not help the first.
    assert file(Client(), org_a.org, ip="10.9.9.9").status_code == 200
    forged = Client().post(
        form_url(org_a.org), complaint(), REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4"
    )
    assert forged.status_code == 429
    assert Grievance.objects.count() == 6
    english = Client().post(form_url(org_a.org, "en"), complaint(), REMOTE_ADDR="10.0.0.1")
    assert english.status_code == 429 and 'lang="en"' in english.content.decode()


def test_a_trusted_proxy_header_counts_per_client_when_configured(org_a, intake, settings):
    settings.GRIEVANCE_CLIENT_IP_HEADERS = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
    settings.GRIEVANCE_INTAKE_PER_HOUR = 1
    proxy = "10.0.0.1"
    first = Client().post(
        form_url(org_a.org), complaint(), REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="1.1.1.1"
    )
    other = Client().post(
        form_url(org_a.org), complaint(), REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="2.2.2.2"
    )
    same = Client().post(
        form_url(org_a.org), complaint(), REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="9.9.9.9, 1.1.1.1"
    )
    assert (first.status_code, other.status_code, same.status_code) == (200, 200, 429)


# --- The status page -------------------------------------------------------------------


def test_the_status_shows_only_that_complaint(org_a, intake):
    code = code_in(file(Client(), org_a.org))
    stored = Grievance.objects.get()
    stored.status = "in_behandeling"
    stored.public_note = "We spreken de leverancier deze week."
    stored.save()
    grievance(org_a.org, description="Een ander verhaal", public_note="Niet voor u")
    response = Client().post(
        status_url(org_a.org), {"code": code.lower().replace("-", " ")}, REMOTE_ADDR="10.2.2.2"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "In behandeling" in html and "We spreken de leverancier deze week." in html
    assert STORY not in html and "Spinnerij" not in html
    assert "Een ander verhaal" not in html and "Niet voor u" not in html
    assert "no-store" in response["Cache-Control"]
    assert stored.response_due.strftime("%Y") in html


def test_any_wrong_code_gets_the_same_neutral_answer(org_a, org_b, intake):
    mechanism(org_b.org)
    other_code = code_in(file(Client(), org_b.org))  # right code, wrong organisation
    closed = grievance(org_a.org, status="afgesloten")
    del closed
    answers = set()
    for guess in (other_code, "AAAA-BBBB-CCCC-DDDD", "kort", "0000-0000-0000-0000-0000", "'; --"):
        response = Client().post(status_url(org_a.org), {"code": guess}, REMOTE_ADDR="10.3.3.3")
        assert response.status_code == 200
        assert "Niet gevonden" in response.content.decode()
        assert response.context["grievance"] is None
        body = response.content.decode()
        answers.add(re.sub(r'value="[^"]*"', "", re.sub(r'name="csrf[^>]*>', "", body)))
    assert len(answers) == 1


def test_guessing_codes_is_throttled(org_a, intake):
    code = code_in(file(Client(), org_a.org))
    client = Client()
    for i in range(20):
        guess = f"AAAA-BBBB-CCCC-{i:04d}".replace("0", "A").replace("1", "B")
        response = client.post(status_url(org_a.org), {"code": guess}, REMOTE_ADDR="10.4.4.4")
        assert response.status_code == 200
    blocked = client.post(status_url(org_a.org), {"code": code}, REMOTE_ADDR="10.4.4.4")
    assert blocked.status_code == 429
    assert "In behandeling" not in blocked.content.decode()
    assert "Ontvangen" not in blocked.content.decode()
    # Another client with the right code still gets its answer.
    fine = Client().post(status_url(org_a.org), {"code": code}, REMOTE_ADDR="10.5.5.5")
    assert fine.status_code == 200 and fine.context["grievance"] is not None


def test_an_empty_code_gets_a_field_message(org_a, intake):
    response = Client().post(status_url(org_a.org), {"code": ""}, REMOTE_ADDR="10.6.6.6")
    assert response.context["form"].errors["code"] == ["Vul uw ontvangstcode in."]
    assert "looked_up" not in response.context
