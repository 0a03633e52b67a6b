"""The public grievance intake under /meld/<public_slug>/: the only pages without login.

Anyone may file a complaint here and later check its status with the receipt code shown once
after filing. These pages show nothing of the organisation but its name and the procedure it
published, and nothing of any complaint but the one whose code was typed in: its status,
dates and the message for the complainant, never the description.

An organisation that does not exist and one whose form is closed get the same "not available"
page; the status look-up stays open after the form closes, so whoever filed a complaint can
still follow it. Each client (by IP address, see ``client_key``) may file a few complaints
and look up a few codes per hour per organisation; beyond that it gets a 429 page. Form
fields are checked in the forms; the writes are in ``duediligence.grievances``.
"""

import hashlib
import secrets
from functools import partial, wraps

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.urls import path
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_http_methods

from ..forms.grievances import PublicGrievanceForm, ReceiptLookupForm
from ..grievances import file_public_grievance
from ..models import (
    RECEIPT_LENGTH,
    Grievance,
    GrievanceMechanism,
    new_receipt_code,
    normalise_receipt_code,
    receipt_digest,
)

WINDOW = 60 * 60  # the throttling counts per hour
SUBMISSION_KEPT = 60 * 60 * 24  # a submitted form's token is remembered this long


def intake_limit():
    return getattr(settings, "GRIEVANCE_INTAKE_PER_HOUR", 5)


def lookup_limit():
    return getattr(settings, "GRIEVANCE_LOOKUPS_PER_HOUR", 20)


def client_ip(request):
    """The client's address: REMOTE_ADDR, unless the deployment says a proxy sets a header
    it can trust (GRIEVANCE_CLIENT_IP_HEADERS, else the same list as the login throttling,
    AXES_IPWARE_META_PRECEDENCE_ORDER). Of a list of addresses the last one is taken: the
    one the trusted proxy added, not one the client wrote itself."""
    headers = getattr(settings, "GRIEVANCE_CLIENT_IP_HEADERS", None) or getattr(
        settings, "AXES_IPWARE_META_PRECEDENCE_ORDER", ["REMOTE_ADDR"]
    )
    for header in headers:
        value = request.META.get(header, "")
        if value.strip():
            return value.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def client_key(request, kind, organisation):
    """A cache key per client, organisation and kind of use. The address itself is not
    stored, only a digest of it."""
    ip = hashlib.sha256(f"{settings.SECRET_KEY}:{client_ip(request)}".encode()).hexdigest()
    return f"meld:{kind}:{organisation.pk}:{ip[:32]}"


def used(key):
    return cache.get(key, 0)


def count_use(key):
    """One more use within the hour that started with the first use."""
    if cache.add(key, 1, timeout=WINDOW):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.add(key, 1, timeout=WINDOW)
        return 1


def chosen_language(request):
    code = request.GET.get("lang") or request.POST.get("lang")
    return code if code in dict(settings.LANGUAGES) else translation.get_language()


def public_page(view, open_only=True):
    """Resolve the open intake of ``public_slug`` (or the 'not available' page; with
    ``open_only=False`` any mechanism of the organisation), pick the language (``?lang=en``)
    and never let a browser or proxy keep the answer."""

    @wraps(view)
    def wrapped(request, public_slug):
        language = chosen_language(request)
        with translation.override(language):
            mechanisms = GrievanceMechanism.objects.select_related("organisation").filter(
                organisation__slug=public_slug
            )
            if open_only:
                mechanisms = mechanisms.filter(intake_open=True)
            mechanism = mechanisms.first()
            if mechanism is None:
                response = render(request, "duediligence/public/closed.html", status=404)
            else:
                page = {"org_name": mechanism.organisation.name, "lang": language}
                response = view(request, mechanism, page)
        patch_cache_control(response, no_store=True, private=True)
        return response

    return wrapped


def too_many(request, page):
    return render(request, "duediligence/public/throttled.html", page, status=429)


@require_http_methods(["GET", "POST"])
@public_page
def intake(request, mechanism, page):
    """The form; after a valid submit the receipt code, shown on this answer only."""
    organisation = mechanism.organisation
    key = client_key(request, "intake", organisation)
    form = PublicGrievanceForm(request.POST or None)
    if request.method == "POST":
        if used(key) >= intake_limit():
            return too_many(request, page)
        if form.is_robot():  # looks like success to the robot; nothing is stored
            count_use(key)
            return render(
                request, "duediligence/public/thanks.html", {**page, "code": new_receipt_code()}
            )
        if form.is_valid():
            token = request.POST.get("submission", "")[:64]
            if token and not cache.add(f"meld:submitted:{token}", 1, SUBMISSION_KEPT):
                return render(request, "duediligence/public/already_sent.html", page)
            count_use(key)
            _grievance, code = file_public_grievance(
                organisation,
                description=form.full_description(),
                complainant_type=form.cleaned_data["complainant_type"],
                anonymous=form.cleaned_data["anonymous"],
                contact=form.contact_line(),
                language=page["lang"],
                mechanism=mechanism,
            )
            return render(request, "duediligence/public/thanks.html", {**page, "code": code})
    procedure = mechanism.procedure_nl
    if page["lang"] == "en" and mechanism.procedure_en.strip():
        procedure = mechanism.procedure_en
    context = {
        **page,
        "form": form,
        "procedure": procedure,
        "response_days": mechanism.response_days,
        "submission": secrets.token_urlsafe(24),
    }
    return render(request, "duediligence/public/form.html", context)


def find_by_code(organisation, code):
    """The complaint of ``code`` in this organisation, or None, whatever the reason."""
    symbols = normalise_receipt_code(code)
    if len(symbols) != RECEIPT_LENGTH:
        return None
    return (
        Grievance.objects.for_org(organisation)
        .filter(receipt_digest=receipt_digest(symbols))
        .only("status", "received_on", "response_due", "public_note")
        .first()
    )


@require_http_methods(["GET", "POST"])
@partial(public_page, open_only=False)
def status(request, mechanism, page):
    """Type the code, see that one complaint's status; the code travels in the POST body,
    never in an address."""
    form = ReceiptLookupForm(request.POST or None)
    context = {**page, "form": form}
    if request.method == "POST":
        key = client_key(request, "lookup", mechanism.organisation)
        if count_use(key) > lookup_limit():
            return too_many(request, page)
        if form.is_valid():
            context["grievance"] = find_by_code(mechanism.organisation, form.cleaned_data["code"])
            context["looked_up"] = True
    return render(request, "duediligence/public/status.html", context)


urlpatterns = [
    path("", intake, name="form"),
    path("status/", status, name="status"),
]
