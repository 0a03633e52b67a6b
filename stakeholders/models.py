"""Stakeholders, dialogues with them, and the organisation's working group."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from mvo.models import Membership, OrgScopedModel, OrgScopedQuerySet
from mvo.validation import DATE_VALIDATORS, SCORE_VALIDATORS
from mvo.versioning import Versioned
from themes.models import OrgTheme


class Category(models.TextChoices):
    CUSTOMERS = "afnemers", _("Afnemers en klanten")
    SUPPLIERS = "leveranciers", _("Leveranciers")
    TRADE_ASSOCIATIONS = "branche", _("Branche- en beroepsverenigingen")
    UNIONS = "vakbonden", _("Vakbonden")
    NGOS = "ngos", _("Ngo's")
    GOVERNMENTS = "overheden", _("(Lokale) overheden")
    FINANCIERS = "financiers", _("Financiers")
    EMPLOYEES = "werknemers", _("Werknemers")
    WORKS_COUNCIL = "or", _("Ondernemingsraad")
    GROUP_COMPANIES = "concern", _("Zuster- of moederbedrijf")
    RESIDENTS = "omwonenden", _("Omwonenden")
    SHAREHOLDERS = "aandeelhouders", _("Aandeelhouders")
    OTHER = "anders", _("Anders")


class StakeholderQuerySet(OrgScopedQuerySet):
    def with_dialogue_counts(self):
        return self.annotate(dialogue_count=models.Count("dialogues", distinct=True))


class Stakeholder(OrgScopedModel, Versioned):
    name = models.CharField(_("naam"), max_length=200)
    category = models.CharField(_("categorie"), max_length=20, choices=Category.choices)
    is_internal = models.BooleanField(
        _("intern"), default=False, help_text=_("Aanvinken voor een interne stakeholder.")
    )
    influence = models.PositiveSmallIntegerField(
        _("invloed (1–5)"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    interest = models.PositiveSmallIntegerField(
        _("belang (1–5)"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    contact = models.CharField(_("contactpersoon of -gegevens"), max_length=200, blank=True)
    notes = models.TextField(_("toelichting"), blank=True)

    objects = StakeholderQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"],
                name="stakeholder_unique_name",
                violation_error_message=_("Er bestaat al een stakeholder met deze naam."),
            )
        ]

    def __str__(self):
        return self.name


class Method(models.TextChoices):
    CONVERSATION = "gesprek", _("Gesprek")
    SURVEY = "enquete", _("Enquête")
    WORKSHOP = "workshop", _("Workshop")
    CROWDSOURCING = "crowdsourcing", _("Crowdsourcing")
    MEETING = "bijeenkomst", _("Bijeenkomst")
    PANEL = "panel", _("Panel of klankbordgroep")
    OTHER = "anders", _("Anders")


class DialogueQuerySet(OrgScopedQuerySet):
    def with_related(self):
        return self.prefetch_related("stakeholders", "themes__framework_theme__framework").order_by(
            "-date", "-pk"
        )

    def needing_attention(self):
        """Dialogues whose input has no recorded follow-up, or that were not reported back."""
        return self.filter(Q(follow_up="") | Q(reported_back=False))


class Dialogue(OrgScopedModel, Versioned):
    """A consultation of stakeholders: what they said, and what was done with it."""

    date = models.DateField(_("datum"), validators=DATE_VALIDATORS)
    subject = models.CharField(_("onderwerp"), max_length=200)
    stakeholders = models.ManyToManyField(
        Stakeholder, related_name="dialogues", verbose_name=_("stakeholders")
    )
    method = models.CharField(_("werkvorm"), max_length=20, choices=Method.choices)
    themes = models.ManyToManyField(
        OrgTheme, blank=True, related_name="dialogues", verbose_name=_("besproken thema's")
    )
    input_received = models.TextField(_("wat de stakeholders inbrachten"), blank=True)
    follow_up = models.TextField(
        _("wat er met de inbreng is gedaan"),
        blank=True,
        help_text=_("Leeg laten zolang er nog niets mee gedaan is."),
    )
    reported_back = models.BooleanField(
        _("teruggekoppeld"),
        default=False,
        help_text=_("Hebben de stakeholders gehoord wat er met hun inbreng is gebeurd?"),
    )

    objects = DialogueQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("dialoog")
        verbose_name_plural = _("dialogen")

    def __str__(self):
        return f"{self.date:%d-%m-%Y} · {self.subject}"

    @property
    def needs_follow_up(self):
        return not self.follow_up.strip()

    @property
    def needs_attention(self):
        return self.needs_follow_up or not self.reported_back


class WorkingGroupRole(models.TextChoices):
    LEAD = "trekker", _("Trekker / coördinator")
    MEMBER = "lid", _("Lid")


class WorkingGroupQuerySet(OrgScopedQuerySet):
    def with_related(self):
        # "trekker" sorts after "lid": descending puts the lead first.
        still_member = Membership.objects.filter(
            user=OuterRef("user"), organisation=OuterRef("organisation")
        )
        return (
            self.select_related("user")
            .annotate(user_is_member=Exists(still_member))
            .order_by("-role", "user__full_name", "external_name")
        )


class WorkingGroupMember(OrgScopedModel, Versioned):
    """A person in the working group: a user of the organisation, or a named external."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gebruiker"),
    )
    external_name = models.CharField(
        _("naam (zonder account)"),
        max_length=150,
        blank=True,
        help_text=_("Voor iemand zonder Koers-account, bijvoorbeeld een externe adviseur."),
    )
    department = models.CharField(_("afdeling"), max_length=120, blank=True)
    role = models.CharField(
        _("rol in de werkgroep"),
        max_length=10,
        choices=WorkingGroupRole.choices,
        default=WorkingGroupRole.MEMBER,
    )

    objects = WorkingGroupQuerySet.as_manager()

    class Meta:
        ordering = ["role", "external_name"]
        verbose_name = _("werkgroeplid")
        verbose_name_plural = _("werkgroep")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"],
                condition=Q(user__isnull=False),
                name="working_group_user_once",
                violation_error_message=_("Deze persoon zit al in de werkgroep."),
            )
        ]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.user.get_full_name() if self.user_id else self.external_name

    def clean(self):
        super().clean()
        if bool(self.user_id) == bool(self.external_name.strip()):
            raise ValidationError(
                {"external_name": _("Kies een gebruiker óf vul een naam in, niet allebei.")}
            )


def single_department_hint(members):
    """The department all members share, if they all come from one (known) department.

    The guidance asks for a group from several departments; the page shows a hint then.
    """
    departments = {m.department.strip().lower() for m in members}
    if members and len(departments) == 1 and "" not in departments:
        return min(m.department.strip() for m in members)  # capitalised spelling sorts first
    return None
