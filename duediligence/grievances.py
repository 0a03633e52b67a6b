"""Writes of the grievance mechanism (step 6): a complaint filed through the public form, a
complaint entered by hand and the handling of a complaint (status, dates).

Each function is one use case inside ``transaction.atomic``: the complaint and what belongs
to it are stored together, or nothing is. The grievance handlers are told of a new complaint
without any of its content: the notification says only that one came in, with a link.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from mvo.notifications import notify

from .models import (
    ComplainantType,
    Grievance,
    GrievanceChannel,
    GrievanceMechanism,
    GrievanceStatus,
    new_receipt_code,
    receipt_digest,
)

DEFAULT_RESPONSE_DAYS = GrievanceMechanism._meta.get_field("response_days").default
FINISHED = (GrievanceStatus.CLOSED, GrievanceStatus.INADMISSIBLE)

# Where a complaint may go from each status (staying put is always allowed). A closed or
# inadmissible complaint can be reopened: new facts, or a decision taken too soon.
NEXT_STATUS = {
    GrievanceStatus.RECEIVED: {GrievanceStatus.HANDLING, GrievanceStatus.INADMISSIBLE},
    GrievanceStatus.HANDLING: {
        GrievanceStatus.REMEDY,
        GrievanceStatus.CLOSED,
        GrievanceStatus.INADMISSIBLE,
    },
    GrievanceStatus.REMEDY: {GrievanceStatus.CLOSED},
    GrievanceStatus.CLOSED: {GrievanceStatus.HANDLING},
    GrievanceStatus.INADMISSIBLE: {GrievanceStatus.HANDLING},
}


def mechanism_for(organisation):
    """The organisation's mechanism, or an unsaved one with the defaults."""
    return GrievanceMechanism.objects.for_org(organisation).first() or GrievanceMechanism(
        organisation=organisation
    )


def response_due(organisation, received_on, mechanism=None):
    """The day by which a complaint received on ``received_on`` must have had a response."""
    mechanism = mechanism or mechanism_for(organisation)
    days = mechanism.response_days or DEFAULT_RESPONSE_DAYS
    return received_on + timedelta(days=days)


def check_status_change(old, new):
    """Raise ValidationError when a complaint may not go from ``old`` to ``new``."""
    if old == new or new in NEXT_STATUS.get(old, ()):
        return
    raise ValidationError(
        _("Een klacht met status '%(old)s' kan niet direct naar '%(new)s'.")
        % {"old": GrievanceStatus(old).label, "new": GrievanceStatus(new).label}
    )


def apply_status(grievance, today=None):
    """Set or clear ``closed_on`` to match the status (the model does not edit it itself)."""
    if grievance.status in FINISHED:
        grievance.closed_on = grievance.closed_on or today or timezone.localdate()
    else:
        grievance.closed_on = None


def handlers_of(organisation):
    return get_user_model().objects.filter(
        memberships__organisation=organisation,
        memberships__handles_grievances=True,
        is_active=True,
    )


def _tell_handlers(grievance, by=None):
    url = reverse(
        "duediligence:grievance",
        kwargs={"org_slug": grievance.organisation.slug, "pk": grievance.pk},
    )
    notify(
        grievance.organisation,
        [user for user in handlers_of(grievance.organisation) if user != by],
        f"grievance-new:{grievance.pk}",
        title=lambda: _("Nieuwe klacht ontvangen"),
        url=url,
    )


def file_public_grievance(
    organisation, *, description, complainant_type, anonymous, contact, language, mechanism=None
):
    """A complaint from the public form. Returns (grievance, receipt code): the code is
    shown to the complainant once; only its digest is stored."""
    code = new_receipt_code()
    today = timezone.localdate()
    with transaction.atomic():
        grievance = Grievance(
            organisation=organisation,
            received_on=today,
            channel=GrievanceChannel.WEB_FORM,
            complainant_type=complainant_type or ComplainantType.UNKNOWN,
            confidential=True,
            anonymous=anonymous,
            contact="" if anonymous else contact,
            description=description,
            status=GrievanceStatus.RECEIVED,
            response_due=response_due(organisation, today, mechanism),
            language=language,
            receipt_digest=receipt_digest(code),
        )
        grievance.full_clean()
        grievance.save()
        _tell_handlers(grievance)
    return grievance, code


def record_grievance(form, by=None):
    """A complaint entered by hand (e-mail, phone, letter…) from a valid GrievanceForm."""
    with transaction.atomic():
        grievance = form.save(commit=False)
        grievance.status = GrievanceStatus.RECEIVED
        if not grievance.response_due:
            grievance.response_due = response_due(grievance.organisation, grievance.received_on)
        grievance.save()
        _tell_handlers(grievance, by=by)
    return grievance
