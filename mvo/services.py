"""Writes that touch organisations, memberships and invitations. One function per use case."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override

from .models import Invitation, Membership, Organisation, Role

INVITATION_SALT = "koers.invitation"


class InvitationError(Exception):
    """An invitation link that cannot be used; the message is shown to the visitor."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


def invitation_token(invitation):
    return signing.dumps({"i": invitation.pk}, salt=INVITATION_SALT)


def invitation_url(invitation, request=None):
    path = reverse("accept_invitation", kwargs={"token": invitation_token(invitation)})
    return request.build_absolute_uri(path) if request is not None else path


@transaction.atomic
def invite_member(organisation, email, role, invited_by, department="", request=None):
    """Create an invitation and e-mail its link once the transaction has committed."""
    email = email.strip().lower()
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise ValidationError(_("Deze persoon is al lid van de organisatie."))
    # A new invitation replaces any open one for the same address.
    Invitation.objects.for_org(organisation).open().filter(email__iexact=email).update(
        revoked_at=timezone.now()
    )
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        role=role,
        department=department,
        invited_by=invited_by,
    )
    url = invitation_url(invitation, request)
    transaction.on_commit(lambda: send_invitation_email(invitation, url))
    return invitation


def send_invitation_email(invitation, url):
    context = {
        "invitation": invitation,
        "url": url,
        "days": settings.INVITATION_MAX_AGE_DAYS,
    }
    # Invitees have no language preference yet: the mail is in Dutch with an English part.
    with override("nl"):
        subject = _("Uitnodiging voor %(org)s in Koers") % {"org": invitation.organisation.name}
        body = render_to_string("mvo/email/invitation.txt", context)
    send_mail(subject, body, None, [invitation.email])


def load_invitation(token):
    """The open invitation behind a link, or InvitationError with a message for the visitor."""
    max_age = settings.INVITATION_MAX_AGE_DAYS * 24 * 60 * 60
    try:
        data = signing.loads(token, salt=INVITATION_SALT, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise InvitationError(
            _("Deze uitnodiging is verlopen. Vraag de beheerder om een nieuwe."), status=410
        ) from exc
    except signing.BadSignature as exc:
        raise InvitationError(_("Deze uitnodigingslink klopt niet."), status=404) from exc
    invitation = Invitation.objects.select_related("organisation").filter(pk=data.get("i")).first()
    if invitation is None or invitation.revoked_at is not None:
        raise InvitationError(
            _("Deze uitnodiging is ingetrokken of bestaat niet meer."), status=410
        )
    if invitation.accepted_at is not None:
        raise InvitationError(
            _("Deze uitnodiging is al gebruikt. Log in om verder te gaan."), status=410
        )
    return invitation


def _lock_open_invitation(invitation, used_message):
    """The invitation row, locked until the transaction ends; InvitationError if it was used
    or revoked meanwhile. Of several requests with the same link, one goes on and the others
    wait here, then see it used (PostgreSQL: the row lock; SQLite: the write lock that every
    transaction takes at BEGIN IMMEDIATE, see settings)."""
    locked = Invitation.objects.select_for_update(of=("self",)).select_related("organisation")
    locked = locked.get(pk=invitation.pk)
    if locked.revoked_at is not None:
        raise InvitationError(
            _("Deze uitnodiging is ingetrokken of bestaat niet meer."), status=410
        )
    if locked.accepted_at is not None:
        raise InvitationError(used_message, status=410)
    return locked


def _join(locked, user):
    membership, _created = Membership.objects.get_or_create(
        user=user,
        organisation=locked.organisation,
        defaults={"role": locked.role, "department": locked.department},
    )
    locked.accepted_at = timezone.now()
    locked.accepted_by = user
    locked.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def accept_invitation(invitation, user):
    """Make ``user`` a member. Works once: a second call raises InvitationError."""
    locked = _lock_open_invitation(invitation, _("Deze uitnodiging is al gebruikt."))
    if user.email.lower() != locked.email.lower():
        raise InvitationError(
            _("Deze uitnodiging is voor een ander e-mailadres dan waarmee u bent ingelogd."),
            status=403,
        )
    return _join(locked, user)


def register_and_accept(invitation, full_name, password):
    """A newcomer without an account sets a name and password and joins at once.

    Safe when the same link is posted several times at once (a double click, two tabs):
    exactly one account and membership are made; the others get InvitationError."""
    User = get_user_model()
    user = User(email=User.objects.normalize_email(invitation.email).lower(), full_name=full_name)
    user.set_password(password)  # slow on purpose: done before the lock is taken
    used = _("Deze uitnodiging is al gebruikt. Log in om verder te gaan.")
    with transaction.atomic():
        locked = _lock_open_invitation(invitation, used)
        if User.objects.filter(email__iexact=user.email).exists():
            raise InvitationError(used, status=410)
        try:
            with transaction.atomic():  # a savepoint: the unique e-mail is the last guard
                user.save()
        except IntegrityError as exc:
            raise InvitationError(used, status=410) from exc
        return _join(locked, user)


@transaction.atomic
def revoke_invitation(invitation):
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])


LAST_ADMIN_DEMOTE = gettext_lazy(
    "De laatste beheerder kan niet worden teruggezet. Maak eerst iemand anders beheerder."
)
LAST_ADMIN_REMOVE = gettext_lazy(
    "De laatste beheerder kan niet worden verwijderd. Maak eerst iemand anders beheerder."
)


def _refuse_if_last_admin(membership, message):
    """Lock the organisation's admins and refuse if ``membership`` is the only one left."""
    admins = Membership.objects.select_for_update().filter(
        organisation_id=membership.organisation_id, role=Role.ADMIN
    )
    admin_ids = set(admins.values_list("pk", flat=True))
    if admin_ids == {membership.pk}:
        raise ValidationError(message)


@transaction.atomic
def change_role(membership, role, department=None):
    """Set a member's role; the organisation always keeps at least one admin."""
    if role != Role.ADMIN:
        _refuse_if_last_admin(membership, LAST_ADMIN_DEMOTE)
    membership.role = role
    fields = ["role"]
    if department is not None:
        membership.department = department
        fields.append("department")
    membership.save(update_fields=fields)
    return membership


@transaction.atomic
def remove_member(membership):
    """Remove a member; the organisation always keeps at least one admin."""
    _refuse_if_last_admin(membership, LAST_ADMIN_REMOVE)
    membership.delete()


@transaction.atomic
def create_organisation(
    name, slug, admin_email, kind=Organisation.Kind.COMPANY, sector="", size=Organisation.Size.SME
):
    """A new organisation with one invited admin (used by the create_organisation command)."""
    organisation = Organisation.objects.create(
        name=name, slug=slug, kind=kind, sector=sector, size=size
    )
    invitation = invite_member(organisation, admin_email, Role.ADMIN, invited_by=None)
    return organisation, invitation
