"""MVOI (method 3): the tender calendar of an MVOI plan and its yearly targets.

A start for issue 12: the rows the share computation needs (product groups, tenders with the
themes they apply and how, yearly targets) and the computation itself in
``procurement.share``. The screens, the import, the stepper's other steps and the providers
follow.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from mvo.models import OrgScopedModel, OrgScopedQuerySet
from mvo.versioning import Versioned
from plans.models import QUARTER_VALIDATORS, YEAR_VALIDATORS, Plan, with_planned_period
from themes.models import OrgTheme

MONEY = {"max_digits": 14, "decimal_places": 2}

# Product groups seen in municipalities' MVOI plans (DOMAIN.md, step 4); an organisation
# adds its own.
STANDARD_PRODUCT_GROUPS = [
    "Energie",
    "Vervoer",
    "ICT",
    "GWW (grond-, weg- en waterbouw)",
    "Klimaatinstallaties",
    "Bedrijfskleding",
    "Meubilair",
    "Gebouwde omgeving",
    "Catering",
    "Schoonmaak",
]


class ProductGroup(OrgScopedModel, Versioned):
    name = models.CharField(_("naam"), max_length=120)
    annual_spend = models.DecimalField(_("uitgaven per jaar (€)"), null=True, blank=True, **MONEY)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("productgroep")
        verbose_name_plural = _("productgroepen")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"],
                name="product_group_unique_name",
                violation_error_message=_("Er is al een productgroep met deze naam."),
            )
        ]

    def __str__(self):
        return self.name


class Procedure(models.TextChoices):
    SINGLE = "enkelvoudig", _("Enkelvoudig onderhands")
    MULTIPLE = "meervoudig", _("Meervoudig onderhands")
    NATIONAL = "nationaal", _("Nationaal")
    EUROPEAN = "europees", _("Europees")


class TenderStatus(models.TextChoices):
    PLANNED = "gepland", _("Gepland")
    PREPARING = "voorbereiding", _("In voorbereiding")
    PUBLISHED = "gepubliceerd", _("Gepubliceerd")
    AWARDED = "gegund", _("Gegund")
    RUNNING = "lopend", _("Lopend contract")
    EVALUATED = "geevalueerd", _("Geëvalueerd")
    POSTPONED = "uitgesteld", _("Uitgesteld")
    CANCELLED = "geannuleerd", _("Geannuleerd")


class TenderQuerySet(OrgScopedQuerySet):
    def counting_for_share(self, year):
        """The tenders that count for a year's share: promising, starting in that year (its
        planned year as it stands now, so a postponed tender counts in its new year), and
        not cancelled."""
        return self.filter(promising=True, planned_year=year).exclude(status=TenderStatus.CANCELLED)


class Tender(OrgScopedModel, Versioned):
    """One tender of an MVOI plan's calendar (aanbestedingskalender)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tenders")
    title = models.CharField(_("aanbesteding"), max_length=200)
    product_group = models.ForeignKey(
        ProductGroup,
        on_delete=models.PROTECT,
        related_name="tenders",
        verbose_name=_("productgroep"),
    )
    estimated_value = models.DecimalField(_("geraamde waarde (€)"), null=True, blank=True, **MONEY)
    procedure = models.CharField(
        _("procedure"), max_length=20, choices=Procedure.choices, blank=True
    )
    budget_holder = models.CharField(_("opdrachtgever (budgethouder)"), max_length=200, blank=True)
    purchaser = models.CharField(_("inkoper"), max_length=200, blank=True)
    planned_year = models.PositiveSmallIntegerField(_("startjaar"), validators=YEAR_VALIDATORS)
    planned_quarter = models.PositiveSmallIntegerField(
        _("startkwartaal"), validators=QUARTER_VALIDATORS
    )
    planned_period = models.PositiveIntegerField(editable=False, null=True)
    promising = models.BooleanField(
        _("kansrijk"), default=True, help_text=_("Ziet het MVOI-team hier kansen?")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=TenderStatus.choices, default=TenderStatus.PLANNED
    )
    explanation = models.TextField(
        _("uitleg bij afwijking (pas toe of leg uit)"),
        blank=True,
        help_text=_("Waarom deze kansrijke aanbesteding zonder MVOI-thema start."),
    )
    evaluation = models.TextField(_("evaluatie na gunning"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = TenderQuerySet.as_manager()
    history = HistoricalRecords()  # a move to another quarter is a recorded change

    class Meta:
        ordering = ["planned_period", "title", "pk"]
        verbose_name = _("aanbesteding")
        verbose_name_plural = _("aanbestedingen")
        indexes = [models.Index(fields=["plan", "planned_year"], name="tender_plan_year")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        super().save(*args, **with_planned_period(self, kwargs))


class Instrument(models.TextChoices):
    """How a theme is asked for in a tender (PIANOo): the way, and the form it takes."""

    REQUIREMENT = "eis", _("Voorschrijven: eis")
    CONTRACT_TERM = "contractvoorwaarde", _("Voorschrijven: contractvoorwaarde")
    AWARD_CRITERION = "gunningscriterium", _("Aanmoedigen: gunningscriterium")
    FUNCTIONAL = "functioneel", _("Uitnodigen: functionele uitvraag")


class TenderTheme(OrgScopedModel):
    """A theme a tender applies, how (the instrument) and with which criterion."""

    tender = models.ForeignKey(Tender, on_delete=models.CASCADE, related_name="applied_themes")
    theme = models.ForeignKey(
        OrgTheme, on_delete=models.PROTECT, related_name="+", verbose_name=_("thema")
    )
    instrument = models.CharField(
        _("instrument"), max_length=20, choices=Instrument.choices, blank=True
    )
    criterion_ref = models.CharField(
        _("criterium (bijv. uit de MVI-criteriatool)"), max_length=200, blank=True
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["tender", "pk"]
        verbose_name = _("toegepast thema")
        verbose_name_plural = _("toegepaste thema's")
        constraints = [
            models.UniqueConstraint(fields=["tender", "theme"], name="tender_theme_once")
        ]


class YearTarget(OrgScopedModel, Versioned):
    """Step 3: the share of promising tenders that apply at least one chosen theme."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="year_targets")
    year = models.PositiveSmallIntegerField(_("jaar"), validators=YEAR_VALIDATORS)
    target_pct = models.PositiveSmallIntegerField(
        _("streefwaarde (%)"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "year"]
        verbose_name = _("jaardoel")
        verbose_name_plural = _("jaardoelen")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "year"],
                name="year_target_once",
                violation_error_message=_("Dit jaar heeft al een streefwaarde."),
            )
        ]

    def clean(self):
        super().clean()
        if (
            self.year
            and self.plan_id
            and not (self.plan.start_year <= self.year <= max(self.plan.end_year, 2030))
        ):
            raise ValidationError(
                {"year": _("Kies een jaar binnen de planperiode (of tot en met 2030).")}
            )
