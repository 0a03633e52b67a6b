"""MVOI (method 3): the tender calendar of an MVOI plan and its yearly targets.

The seven steps of DOMAIN.md, method 3, in rows:

1. ThemeBaseline: the nulmeting per Manifest MVOI theme.
2. The focus themes, their rationale and current → target level live on themes.OrgTheme (the
   plan's ``themes``); the ambition matrix shows them.
3. YearTarget (the target share per year) and ThemeAmbition (an ambition statement per theme).
4. Tender and TenderTheme: the tender calendar; ProductGroup with its spend, impact, MVOI
   chance and kansenkaart (opportunity card).
5. Anchoring (what is already anchored, per area) and ActionDetail on the shared
   plans.Action (anchoring actions, structural or one-off).
6. The jaarplanning: the plan's actions per quarter × team (Action.team, ActionDetail's extra
   budget / capacity).
7. Evaluation: per year, three levels × three questions.

The yearly share is computed in ``procurement.share``.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from mvo.models import OrgScopedModel, OrgScopedQuerySet
from mvo.versioning import Versioned
from plans.models import QUARTER_VALIDATORS, YEAR_VALIDATORS, Action, Plan, with_planned_period
from themes.models import AmbitionLevel, OrgTheme

SCORE = [MinValueValidator(1), MaxValueValidator(5)]

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
    impact = models.PositiveSmallIntegerField(
        _("impact op milieu en samenleving (1–5)"),
        null=True,
        blank=True,
        validators=SCORE,
        help_text=_("Een grote uitgave is niet altijd een grote impact."),
    )
    chance = models.PositiveSmallIntegerField(
        _("MVOI-kans (1–5)"),
        null=True,
        blank=True,
        validators=SCORE,
        help_text=_("Hoeveel ruimte is er om bij deze productgroep MVOI toe te passen?"),
    )
    # The kansenkaart (opportunity card), filled in by the group's owner, a budget holder.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("eigenaar (budgethouder)"),
    )
    card_chances = models.TextField(_("kansen voor MVOI in deze productgroep"), blank=True)
    card_tenders = models.TextField(
        _("geplande aanbestedingen en contracten die aflopen"), blank=True
    )
    card_actions = models.TextField(_("wie doet wat, en wanneer"), blank=True)
    card_updated_at = models.DateTimeField(null=True, blank=True, editable=False)
    card_updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

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


class Source(models.TextChoices):
    POLICY = "beleidsstukken", _("Beleidsstukken")
    INTERVIEWS = "interviews", _("Interviews")
    WORK_SESSION = "werksessie", _("Werksessie")


class ThemeBaseline(OrgScopedModel, Versioned):
    """Step 1, the nulmeting: what already exists for one Manifest MVOI theme."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="theme_baselines")
    theme = models.ForeignKey(
        OrgTheme, on_delete=models.CASCADE, related_name="+", verbose_name=_("thema")
    )
    ambitions = models.TextField(_("huidige ambities"), blank=True)
    goals = models.TextField(_("huidige doelen"), blank=True)
    activities = models.TextField(_("huidige activiteiten"), blank=True)
    sources = models.JSONField(_("bronnen"), default=list, blank=True)  # [Source values]
    source_notes = models.TextField(
        _("welke stukken, gesprekken of sessies"),
        blank=True,
        help_text=_("Bijvoorbeeld de titels van beleidsstukken of met wie is gesproken."),
    )
    level = models.PositiveSmallIntegerField(
        _("huidig ambitieniveau"), choices=AmbitionLevel.choices, null=True, blank=True
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "pk"]
        verbose_name = _("nulmeting per thema")
        verbose_name_plural = _("nulmetingen per thema")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "theme"],
                name="theme_baseline_once",
                violation_error_message=_("Dit thema heeft in dit plan al een nulmeting."),
            )
        ]

    def source_labels(self):
        labels = dict(Source.choices)
        return [str(labels[s]) for s in self.sources if s in labels]


class ThemeAmbition(OrgScopedModel, Versioned):
    """Step 3: the ambition statement for one theme of the plan."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="theme_ambitions")
    theme = models.ForeignKey(
        OrgTheme, on_delete=models.CASCADE, related_name="+", verbose_name=_("thema")
    )
    statement = models.TextField(_("ambitie"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "pk"]
        verbose_name = _("ambitie per thema")
        verbose_name_plural = _("ambities per thema")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "theme"],
                name="theme_ambition_once",
                violation_error_message=_("Dit thema heeft in dit plan al een ambitie."),
            )
        ]


class AnchoringArea(models.TextChoices):
    ORGANISATION = "organisatie", _("Organisatie")
    PROCESS = "inkoopproces", _("Inkoopproces en contractmanagement")


class Anchoring(OrgScopedModel, Versioned):
    """Step 5: what is already anchored in one area."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="anchorings")
    area = models.CharField(_("gebied"), max_length=20, choices=AnchoringArea.choices)
    anchored = models.TextField(_("wat is al geborgd"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "area"]
        verbose_name = _("borging")
        verbose_name_plural = _("borging")
        constraints = [
            models.UniqueConstraint(fields=["plan", "area"], name="anchoring_once_per_area")
        ]


class AnchoringKind(models.TextChoices):
    STRUCTURAL = "structureel", _("Structureel")
    ONE_OFF = "eenmalig", _("Eenmalig")


# The teams of the jaarplanning (step 6); Action.team holds one of these or another name,
# which the grid shows under "Anders".
TEAMS = [
    "MVOI-team",
    "Inkoop",
    "Projectleiders",
    "Directie / management",
    "Interne communicatie",
]


class ActionDetail(OrgScopedModel):
    """What an MVOI plan adds to a shared action: whether it anchors MVOI (step 5), and
    whether it needs extra budget or capacity (step 6)."""

    action = models.OneToOneField(
        Action, on_delete=models.CASCADE, primary_key=True, related_name="mvoi"
    )
    anchoring = models.CharField(
        _("borgingsactie"), max_length=20, choices=AnchoringKind.choices, blank=True
    )
    extra_budget = models.BooleanField(_("extra budget nodig"), default=False)
    extra_capacity = models.BooleanField(_("extra capaciteit nodig"), default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("MVOI-gegevens van een actie")
        verbose_name_plural = _("MVOI-gegevens van acties")


class EvaluationLevel(models.TextChoices):
    STRATEGIC = "strategisch", _("Strategisch")
    SUBSTANTIVE = "inhoudelijk", _("Inhoudelijk")
    PROCESS = "procesgericht", _("Procesgericht")


class EvaluationQuestion(models.TextChoices):
    WENT_WELL = "goed", _("Wat ging goed?")
    COULD_BE_BETTER = "beter", _("Wat kon beter?")
    WATCH = "letten", _("Waar letten we komend jaar op?")


def evaluation_field(level, question):
    """The Evaluation field for one level × question, e.g. ``strategisch_goed``."""
    return f"{level}_{question}"


class Evaluation(OrgScopedModel, Versioned):
    """Step 7, yearly: three levels × three questions, and the facts of the year as they
    stood when the evaluation was finished."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="evaluations")
    year = models.PositiveSmallIntegerField(_("jaar"), validators=YEAR_VALIDATORS)
    strategisch_goed = models.TextField(blank=True)
    strategisch_beter = models.TextField(blank=True)
    strategisch_letten = models.TextField(blank=True)
    inhoudelijk_goed = models.TextField(blank=True)
    inhoudelijk_beter = models.TextField(blank=True)
    inhoudelijk_letten = models.TextField(blank=True)
    procesgericht_goed = models.TextField(blank=True)
    procesgericht_beter = models.TextField(blank=True)
    procesgericht_letten = models.TextField(blank=True)
    facts = models.JSONField(default=dict, blank=True, editable=False)
    finished_at = models.DateTimeField(_("afgerond op"), null=True, blank=True, editable=False)
    finished_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    next_year_prepared_at = models.DateTimeField(null=True, blank=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "year"]
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "year"],
                name="evaluation_once_per_year",
                violation_error_message=_("Dit jaar heeft al een evaluatie."),
            )
        ]
