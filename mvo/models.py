"""Users, organisations, memberships and invitations: the security boundary of Koers.

Every domain row of the other apps belongs to exactly one Organisation (see OrgScopedModel).
"""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .versioning import Versioned


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in with an e-mail address."""

    email = models.EmailField(_("e-mailadres"), unique=True)
    full_name = models.CharField(_("naam"), max_length=150, blank=True)
    is_staff = models.BooleanField(_("toegang tot Django-beheer"), default=False)
    is_active = models.BooleanField(_("actief"), default=True)
    date_joined = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    language = models.CharField(
        _("taal"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("De taal van de schermen en van de e-mails die deze persoon krijgt."),
    )
    weekly_reminders = models.BooleanField(
        _("wekelijkse herinnering per e-mail"),
        default=True,
        help_text=_(
            "Elke maandag een e-mail met uw acties die te laat zijn of binnenkort af moeten, "
            "en uw KPI's waarvan de meting van het vorige kwartaal ontbreekt."
        ),
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_ci_unique")]

    def __str__(self):
        return self.full_name or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self):
        return self.full_name or self.email

    @property
    def preferred_language(self):
        """The language for this person's screens and e-mails: their own choice, else Dutch."""
        return self.language or settings.LANGUAGE_CODE

    def get_short_name(self):
        return (self.full_name.split(" ")[0] if self.full_name else "") or self.email


class Organisation(Versioned):
    class Kind(models.TextChoices):
        COMPANY = "bedrijf", _("Bedrijf")
        GOVERNMENT = "overheid", _("Gemeente of andere overheid")
        OTHER = "anders", _("Andere organisatie")

    class Size(models.TextChoices):
        SME = "mkb", _("Mkb")
        LARGE = "groot", _("Groot")

    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("korte naam in de adresbalk"), max_length=60, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.COMPANY)
    sector = models.CharField(_("sector"), max_length=120, blank=True)
    size = models.CharField(_("omvang"), max_length=10, choices=Size.choices, default=Size.SME)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Role(models.TextChoices):
    """Roles in ascending power: each role may do everything the roles before it may."""

    VIEWER = "viewer", _("Meelezer")
    MEMBER = "member", _("Werkgroeplid")
    MANAGER = "manager", _("Manager")
    ADMIN = "admin", _("Beheerder")

    @classmethod
    def rank(cls, role):
        return [c.value for c in cls].index(role)

    @classmethod
    def at_least(cls, role, minimum):
        return cls.rank(role) >= cls.rank(minimum)


class MembershipQuerySet(models.QuerySet):
    def for_org(self, organisation):
        return self.filter(organisation=organisation)

    def with_users(self):
        return self.select_related("user").order_by("user__full_name", "user__email")

    def admins(self):
        return self.filter(role=Role.ADMIN)

    def for_menu(self):
        """A person's organisations in the one order every chooser and menu uses."""
        return self.select_related("organisation").order_by(
            Lower("organisation__name"), "organisation__slug"
        )


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("rol"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    department = models.CharField(_("afdeling"), max_length=120, blank=True)
    # A permission on top of the role: sees and handles the content of grievances
    # (duediligence). Everyone else sees only their counts.
    handles_grievances = models.BooleanField(_("klachtbehandelaar"), default=False)
    created_at = models.DateTimeField(_("lid sinds"), auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_org")
        ]

    def __str__(self):
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"

    def has_role(self, minimum):
        return Role.at_least(self.role, minimum)

    @property
    def can_write(self):
        return self.has_role(Role.MEMBER)

    @property
    def is_admin(self):
        return self.role == Role.ADMIN


class InvitationQuerySet(models.QuerySet):
    def for_org(self, organisation):
        return self.filter(organisation=organisation)

    def open(self):
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True)


class Invitation(models.Model):
    """An admin's invitation to join an organisation; the e-mailed link is signed and expires."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mailadres"))
    role = models.CharField(_("rol"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    department = models.CharField(_("afdeling"), max_length=120, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("verstuurd op"), default=timezone.now)
    accepted_at = models.DateTimeField(_("geaccepteerd op"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.organisation}"

    @property
    def expires_at(self):
        return self.created_at + timezone.timedelta(days=settings.INVITATION_MAX_AGE_DAYS)

    @property
    def is_expired(self):
        return timezone.now() > self.expires_at

    @property
    def is_open(self):
        return self.accepted_at is None and self.revoked_at is None and not self.is_expired


class OrgScopedQuerySet(models.QuerySet):
    def for_org(self, organisation):
        return self.filter(organisation=organisation)


class OrgScopedModel(models.Model):
    """Base for every domain row: it belongs to exactly one organisation."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")

    objects = OrgScopedQuerySet.as_manager()

    class Meta:
        abstract = True


class MailStatus(models.TextChoices):
    NONE = "geen", _("Geen e-mail")
    QUEUED = "wachtrij", _("In de wachtrij")
    SENDING = "bezig", _("Wordt verstuurd")
    SENT = "verstuurd", _("Verstuurd")
    FAILED = "mislukt", _("Mislukt")


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user, organisation):
        return self.filter(user=user, organisation=organisation)

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """Something that happened for one person, shown in the app and mailed once.

    One event (e.g. "plan 12 submitted, transition 34") gives each recipient one row, so a
    task that runs twice can neither list nor mail it twice (unique user + event). The texts
    are stored in both languages when the event happens; each person reads and gets mailed
    the one of their own language (mvo.notifications)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="notifications"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    event = models.CharField(max_length=80)
    title_nl = models.CharField(max_length=300)
    title_en = models.CharField(max_length=300)
    body_nl = models.TextField(blank=True)
    body_en = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    mail_status = models.CharField(
        max_length=10, choices=MailStatus.choices, default=MailStatus.QUEUED
    )
    mailed_at = models.DateTimeField(null=True, blank=True)
    mail_error = models.TextField(blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "event"], name="notification_once_per_event")
        ]
        indexes = [
            models.Index(
                fields=["user", "organisation", "read_at"], name="notification_user_unread"
            )
        ]
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")

    def __str__(self):
        return self.title_nl
