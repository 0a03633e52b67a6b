"""Due diligence along the OECD guidelines (method 2): the rows behind the six steps.

Everything except the grievances belongs to one due-diligence plan (``plans.Plan`` with method
``due_diligence``): its policy (1A/1B), value-chain map (2A), risks with their scores and
involvement (2B/2C/3A), the actions against them (3B, the shared ``plans.Action``), monitoring
(4) and communication (5). Grievances (6) belong to the organisation: outsiders file them
through its public form, whatever plan runs at the time.

The rules (severity, bands, the response per involvement) live in ``duediligence.rules`` so
forms, pages, the snapshot and the report all say the same thing.
"""

import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kpis.models import Kpi
from mvo.models import OrgScopedModel, OrgScopedQuerySet
from mvo.validation import DATE_VALIDATORS, SCORE_VALIDATORS
from mvo.versioning import Versioned
from plans.models import Action, Plan

from . import rules
from .storage import evidence_storage

MONEY = {"max_digits": 14, "decimal_places": 2}
PERCENT_MESSAGE = _("Vul een percentage van 0 tot en met 100 in.")


# --- Policy (1A / 1B) ---------------------------------------------------------------------


class PolicyElement(models.TextChoices):
    """What a due-diligence policy should say (DOMAIN.md, 1A)."""

    GUIDELINES = "richtlijnen", _("Gebaseerd op de OESO- en VN-richtlijnen")
    RESPECT = "respect", _("Hoe het bedrijf mensenrechten, milieu en klimaat respecteert")
    PRIORITIES = "prioriteiten", _("De prioritaire risico's en meetbare doelen")
    EXPECTATIONS = "verwachtingen", _("Wat we verwachten van medewerkers en leveranciers")
    RESPONSIBLE = "verantwoordelijk", _("Wie verantwoordelijk is")
    DECISIONS = "besluiten", _("Hoe besluiten worden genomen")
    CERTIFICATION = "certificering", _("De rol van certificeringen en sectorafspraken")
    STAKEHOLDERS = "stakeholders", _("Blijvende betrokkenheid van stakeholders")


class Department(models.TextChoices):
    """The departments of DOMAIN.md 1B."""

    PURCHASING = "inkoop", _("Inkoop")
    SALES = "verkoop", _("Verkoop")
    LEGAL = "juridisch", _("Juridische zaken")
    FINANCE = "financien", _("Financiën")
    HR = "hr", _("HR")
    MARCOM = "marcom", _("Marketing en communicatie")
    ICT = "ict", _("ICT")
    QUALITY = "kwaliteit", _("Kwaliteit")
    RND = "rnd", _("R&D")
    LOGISTICS = "logistiek", _("Logistiek")
    SUSTAINABILITY = "duurzaamheid", _("Duurzaamheid")
    MANAGEMENT = "directie", _("Directie")


class Policy(OrgScopedModel, Versioned):
    """The plan's due-diligence policy: what it covers, how it came about and where it is
    published (1A), and how it is embedded (1B). Its texts are in PolicyVersion rows."""

    plan = models.OneToOneField(Plan, on_delete=models.CASCADE, related_name="dd_policy")
    title = models.CharField(_("titel"), max_length=200, default="", blank=True)
    elements = models.JSONField(
        _("onderdelen die het beleid behandelt"), default=list, blank=True
    )  # PolicyElement values
    consulted = models.BooleanField(_("intern en extern overleg gevoerd"), default=False)
    consulted_with = models.TextField(_("overlegd met"), blank=True)
    approved_by = models.CharField(_("goedgekeurd door (directie)"), max_length=200, blank=True)
    approved_on = models.DateField(
        _("goedgekeurd op"), null=True, blank=True, validators=DATE_VALIDATORS
    )
    published_url = models.URLField(_("gepubliceerd op (link)"), blank=True, max_length=500)
    published_on = models.DateField(
        _("gepubliceerd op (datum)"), null=True, blank=True, validators=DATE_VALIDATORS
    )
    shared_internally = models.BooleanField(_("intern gedeeld"), default=False)
    shared_externally = models.BooleanField(_("extern gedeeld"), default=False)
    supplier_monitoring = models.BooleanField(
        _("het volgen van leveranciers staat in het beleid"), default=False
    )
    code_of_conduct = models.BooleanField(
        _("wederzijdse gedragscode voor leveranciers"), default=False
    )
    in_risk_management = models.BooleanField(
        _("MVO is onderdeel van het risicomanagement"), default=False
    )
    updated_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("due-diligencebeleid")
        verbose_name_plural = _("due-diligencebeleid")

    def __str__(self):
        return self.title or str(_("Due-diligencebeleid"))

    @property
    def missing_elements(self):
        return [label for value, label in PolicyElement.choices if value not in self.elements]

    @property
    def is_approved(self):
        return bool(self.approved_by and self.approved_on)

    @property
    def is_published(self):
        return bool(self.published_url and self.published_on)


class PolicyVersion(OrgScopedModel):
    """One version of the policy text: what changed, with the document as a file or a link."""

    policy = models.ForeignKey(Policy, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("versie"))
    summary = models.TextField(_("wat is er veranderd?"), blank=True)
    text = models.TextField(_("beleidstekst"), blank=True)
    link = models.URLField(_("link naar het document"), blank=True, max_length=500)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("beleidsversie")
        verbose_name_plural = _("beleidsversies")
        constraints = [
            models.UniqueConstraint(fields=["policy", "number"], name="policy_version_once")
        ]

    def __str__(self):
        return _("Versie %(number)s") % {"number": self.number}


class DepartmentRole(OrgScopedModel, Versioned):
    """1B: what one department is responsible for in due diligence."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="dd_departments")
    department = models.CharField(_("afdeling"), max_length=20, choices=Department.choices)
    responsibilities = models.TextField(_("verantwoordelijkheden"))
    contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aanspreekpunt"),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["department"]
        verbose_name = _("verantwoordelijkheid per afdeling")
        verbose_name_plural = _("verantwoordelijkheden per afdeling")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "department"],
                name="dd_department_once",
                violation_error_message=_("Deze afdeling staat al in de lijst."),
            )
        ]

    def __str__(self):
        return self.get_department_display()


# --- Value chain (2A) ---------------------------------------------------------------------


class ItemKind(models.TextChoices):
    PRODUCT = "product", _("Product")
    INGREDIENT = "ingredient", _("Ingrediënt")
    RAW_MATERIAL = "grondstof", _("Grondstof")
    SERVICE = "dienst", _("Dienst")


class ChainMap(OrgScopedModel, Versioned):
    """The plan's value-chain map as a whole: by when it should be complete."""

    plan = models.OneToOneField(Plan, on_delete=models.CASCADE, related_name="dd_chain")
    complete_by = models.DateField(
        _("kaart compleet op"), null=True, blank=True, validators=DATE_VALIDATORS
    )
    approach = models.TextField(_("aanpak om de gaten te vullen"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ketenkaart")
        verbose_name_plural = _("ketenkaarten")


class SupplierQuerySet(OrgScopedQuerySet):
    def for_plan(self, plan):
        return self.filter(plan=plan)


class Supplier(OrgScopedModel, Versioned):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="dd_suppliers")
    name = models.CharField(_("naam"), max_length=200)
    country = models.CharField(
        _("land"), max_length=2, blank=True, help_text=_("Leeg laten als het land onbekend is.")
    )  # ISO 3166-1 alpha-2, see duediligence.countries
    tier = models.PositiveSmallIntegerField(
        _("schakel (tier)"),
        default=1,
        validators=SCORE_VALIDATORS,
        help_text=_("1 = directe leverancier, 2 = de leverancier daarvan, enzovoort."),
    )
    has_contract = models.BooleanField(_("contract"), default=False)
    certifications = models.CharField(_("certificeringen"), max_length=300, blank=True)
    code_of_conduct_signed = models.BooleanField(_("gedragscode ondertekend"), default=False)
    notes = models.TextField(_("toelichting"), blank=True)

    objects = SupplierQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("leverancier")
        verbose_name_plural = _("leveranciers")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "name"],
                name="dd_supplier_unique_name",
                violation_error_message=_("Er is al een leverancier met deze naam."),
            )
        ]

    def __str__(self):
        return self.name


class ItemQuerySet(OrgScopedQuerySet):
    def with_chain_flags(self):
        """Each item with ``has_supplier`` and ``has_origin``: is at least one supplier or
        origin country of it known? (Subqueries: the list's cost does not grow per row.)"""
        sources = Sourcing.objects.filter(item=OuterRef("pk"))
        return self.annotate(
            has_supplier=Exists(sources.filter(supplier__isnull=False)),
            has_origin=Exists(sources.exclude(origin_country="")),
        )

    def completeness(self):
        """{"items", "with_supplier", "with_origin", "supplier_pct", "origin_pct"}, counted
        in the database. Percentages are rounded down: a map with a gap never shows 100 %."""
        figures = self.with_chain_flags().aggregate(
            items=Count("pk"),
            with_supplier=Count("pk", filter=Q(has_supplier=True)),
            with_origin=Count("pk", filter=Q(has_origin=True)),
        )
        total = figures["items"]
        for key in ("supplier", "origin"):
            figures[f"{key}_pct"] = 100 * figures[f"with_{key}"] // total if total else None
        return figures


class Item(OrgScopedModel, Versioned):
    """Something the organisation buys: a product, ingredient, raw material or service."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="dd_items")
    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort"), max_length=20, choices=ItemKind.choices)
    volume = models.DecimalField(_("volume"), null=True, blank=True, **MONEY)
    unit = models.CharField(_("eenheid"), max_length=40, blank=True)
    spend = models.DecimalField(_("uitgaven per jaar (€)"), null=True, blank=True, **MONEY)
    notes = models.TextField(_("toelichting"), blank=True)

    objects = ItemQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("ingekocht product of dienst")
        verbose_name_plural = _("ingekochte producten en diensten")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "name"],
                name="dd_item_unique_name",
                violation_error_message=_("Er is al een product of dienst met deze naam."),
            )
        ]

    def __str__(self):
        return self.name


class Sourcing(OrgScopedModel, Versioned):
    """One link of an item's chain: bought from this supplier (or an unknown one), coming
    from this origin country (or an unknown one)."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="sources")
    supplier = models.ForeignKey(
        Supplier,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sources",
        verbose_name=_("leverancier"),
    )
    origin_country = models.CharField(
        _("land van herkomst"),
        max_length=2,
        blank=True,
        help_text=_("Leeg laten als het land van herkomst onbekend is."),
    )
    share = models.PositiveSmallIntegerField(
        _("aandeel (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100, message=PERCENT_MESSAGE)],
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["item", "pk"]
        verbose_name = _("herkomst")
        verbose_name_plural = _("herkomst")


class Downstream(OrgScopedModel, Versioned):
    """Where products go after the organisation: customers, destination, end of life."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="dd_downstream")
    item = models.ForeignKey(
        Item,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="downstream",
        verbose_name=_("product"),
    )
    customers = models.CharField(_("afnemers"), max_length=300)
    destination_country = models.CharField(_("land van bestemming"), max_length=2, blank=True)
    end_of_life = models.CharField(_("einde levensduur"), max_length=300, blank=True)
    notes = models.TextField(_("toelichting"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["customers", "pk"]
        verbose_name = _("afzet (downstream)")
        verbose_name_plural = _("afzet (downstream)")

    def __str__(self):
        return self.customers


# --- Risks (2B / 2C / 3A) -----------------------------------------------------------------


class RiskCategory(models.TextChoices):
    CHILD_LABOUR = "kinderarbeid", _("Kinderarbeid")
    FORCED_LABOUR = "gedwongen_arbeid", _("Gedwongen arbeid")
    UNSAFE_WORK = "onveilig_werk", _("Onveilige arbeidsomstandigheden")
    EXPLOITATION = "uitbuiting", _("Uitbuiting")
    LOW_WAGES = "lage_lonen", _("Te lage lonen (geen leefbaar loon)")
    DISCRIMINATION = "discriminatie", _("Discriminatie")
    UNION_RIGHTS = "vakbondsvrijheid", _("Geen vrijheid van vakvereniging")
    LAND_RIGHTS = "landrechten", _("Schending van landrechten")
    WATER_POLLUTION = "watervervuiling", _("Watervervuiling")
    DEFORESTATION = "ontbossing", _("Ontbossing en verlies van biodiversiteit")
    EMISSIONS = "broeikasgassen", _("Uitstoot van broeikasgassen")
    WASTE = "afval", _("Afval en vervuiling")
    ANIMAL_WELFARE = "dierenwelzijn", _("Dierenwelzijn")
    CORRUPTION = "corruptie", _("Corruptie")
    OTHER = "anders", _("Anders")


class RiskArea(models.TextChoices):
    HUMAN_RIGHTS = "mensenrechten", _("Mensenrechten")
    ENVIRONMENT = "milieu", _("Milieu")
    CLIMATE = "klimaat", _("Klimaat")


class RiskNature(models.TextChoices):
    ACTUAL = "werkelijk", _("Werkelijk (speelt nu)")
    POTENTIAL = "potentieel", _("Potentieel (kan ontstaan)")


class AffectedGroup(models.TextChoices):
    WOMEN = "vrouwen", _("Vrouwen")
    CHILDREN = "kinderen", _("Kinderen")
    MIGRANTS = "migranten", _("Migranten")
    DISABLED = "beperking", _("Mensen met een beperking")
    WORKERS = "werknemers", _("Werknemers in de keten")
    COMMUNITIES = "gemeenschappen", _("Lokale gemeenschappen")
    OTHER = "anders", _("Anderen")


class RiskSource(models.TextChoices):
    RISK_CHECKER = "risicochecker", _("Sector- en landeninformatie (risicochecker)")
    SUPPLIERS = "leveranciers", _("Leveranciers")
    AUDITS = "audits", _("Auditrapporten")
    NGOS = "ngos", _("Ngo's")
    UNIONS = "vakbonden", _("Vakbonden")
    EMBASSIES = "ambassades", _("Ambassades")
    COMPLAINTS = "klachten", _("Klachten")
    MEDIA = "media", _("Media")
    OWN_PRACTICES = "eigen_praktijk", _("Eigen inkooppraktijken")
    OTHER = "anders", _("Anders")


class Involvement(models.TextChoices):
    CAUSES = "veroorzaakt", _("Veroorzaakt")
    CONTRIBUTES = "draagt_bij", _("Draagt bij")
    LINKED = "direct_verbonden", _("Direct verbonden")


class RiskQuerySet(OrgScopedQuerySet):
    def by_priority(self):
        """The register's order: severity first, then likelihood (DOMAIN.md 2C)."""
        return self.order_by("-severity", "-likelihood", "-scale", "title", "pk")

    def heat_counts(self):
        """{(severity, likelihood): count}, counted in the database."""
        rows = self.values_list("severity", "likelihood").annotate(n=Count("pk")).order_by()
        return {(severity, likelihood): n for severity, likelihood, n in rows}

    def with_action_progress(self):
        """Each risk with ``action_count`` and ``actions_done`` (its linked actions)."""
        return self.annotate(
            action_count=Count("action_links", distinct=True),
            actions_done=Count(
                "action_links",
                filter=Q(action_links__action__status="afgerond"),
                distinct=True,
            ),
        )


class Risk(OrgScopedModel, Versioned):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="dd_risks")
    title = models.CharField(_("risico"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    category = models.CharField(_("categorie"), max_length=20, choices=RiskCategory.choices)
    category_other = models.CharField(_("andere categorie"), max_length=120, blank=True)
    area = models.CharField(_("gebied"), max_length=20, choices=RiskArea.choices)
    nature = models.CharField(
        _("werkelijk of potentieel"),
        max_length=20,
        choices=RiskNature.choices,
        default=RiskNature.POTENTIAL,
    )
    items = models.ManyToManyField(
        Item, blank=True, related_name="risks", verbose_name=_("producten en diensten")
    )
    suppliers = models.ManyToManyField(
        Supplier, blank=True, related_name="risks", verbose_name=_("leveranciers")
    )
    countries = models.JSONField(_("landen"), default=list, blank=True)  # ISO codes
    affected_groups = models.JSONField(_("getroffen groepen"), default=list, blank=True)
    affected_other = models.CharField(_("andere getroffen groep"), max_length=200, blank=True)
    sources = models.JSONField(_("bronnen"), default=list, blank=True)  # RiskSource values
    source_notes = models.TextField(_("toelichting op de bronnen"), blank=True)
    scale = models.PositiveSmallIntegerField(
        _("zwaarte (1–5)"),
        validators=SCORE_VALIDATORS,
        help_text=_("Hoe ernstig is de schade voor de mensen of het milieu?"),
    )
    scope = models.PositiveSmallIntegerField(
        _("reikwijdte (1–5)"),
        validators=SCORE_VALIDATORS,
        help_text=_("Hoeveel mensen of hoe groot een gebied wordt er geraakt?"),
    )
    irremediability = models.PositiveSmallIntegerField(
        _("onomkeerbaarheid (1–5)"),
        validators=SCORE_VALIDATORS,
        help_text=_("Hoe moeilijk is de schade te herstellen? 5 = niet meer goed te maken."),
    )
    likelihood = models.PositiveSmallIntegerField(
        _("waarschijnlijkheid (1–5)"), validators=SCORE_VALIDATORS
    )
    severity = models.PositiveSmallIntegerField(_("ernst"), editable=False, default=1)
    prioritised = models.BooleanField(_("prioriteit"), default=False)
    priority_rationale = models.TextField(_("onderbouwing van de prioritering"), blank=True)
    involvement = models.CharField(
        _("betrokkenheid"), max_length=20, choices=Involvement.choices, blank=True
    )
    involvement_notes = models.TextField(_("toelichting op de betrokkenheid"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = RiskQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-severity", "-likelihood", "-scale", "title", "pk"]
        verbose_name = _("risico")
        verbose_name_plural = _("risico's")
        indexes = [
            models.Index(fields=["plan", "severity", "likelihood"], name="dd_risk_heat"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.severity = rules.severity(self.scale, self.scope, self.irremediability)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"scale", "scope", "irremediability"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "severity"}
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        scores = (self.scale, self.scope, self.irremediability)
        if all(isinstance(score, int) and 1 <= score <= 5 for score in scores):
            message = rules.priority_problem(
                rules.severity(*scores), self.prioritised, self.priority_rationale
            )
            if message:
                errors["priority_rationale"] = message
        if self.category == RiskCategory.OTHER and not self.category_other.strip():
            errors["category_other"] = _("Zeg welke categorie het is.")
        if errors:
            raise ValidationError(errors)

    @property
    def band(self):
        return rules.band(self.severity)

    @property
    def band_label(self):
        return rules.BAND_LABELS[self.band]

    @property
    def expected_response(self):
        return rules.RESPONSE.get(self.involvement, "")

    @property
    def remediation_duty(self):
        return rules.REMEDIATION.get(self.involvement, "")


class RiskAction(OrgScopedModel):
    """3B: an action of the plan (the shared action model) that addresses a risk, with the
    chain partners it involves."""

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="action_links")
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="dd_risk_links")
    partners = models.ManyToManyField(
        Supplier, blank=True, related_name="risk_actions", verbose_name=_("ketenpartners")
    )
    partner_notes = models.CharField(
        _("wie is er verder nodig?"),
        max_length=300,
        blank=True,
        help_text=_(
            "Bijvoorbeeld experts, getroffenen of andere inkopers bij dezelfde leverancier."
        ),
    )

    class Meta:
        ordering = ["risk", "action__planned_period", "action__title", "pk"]
        verbose_name = _("actie tegen een risico")
        verbose_name_plural = _("acties tegen risico's")
        constraints = [
            models.UniqueConstraint(fields=["risk", "action"], name="dd_risk_action_once")
        ]


# --- Monitoring (4) -----------------------------------------------------------------------


class MonitoringKind(models.TextChoices):
    CONVERSATION = "gesprek", _("Gesprek met de leverancier")
    SELF_ASSESSMENT = "zelfevaluatie", _("Zelfevaluatie (self-assessment)")
    VISIT = "bezoek", _("Bezoek ter plaatse")
    AUDIT = "audit", _("Audit")
    PUBLIC = "openbaar", _("Openbare informatie")
    THIRD_PARTY = "derden", _("Derden")


class AuditScheme(models.TextChoices):
    SMETA = "smeta", _("SMETA")
    AMFORI = "amfori_bsci", _("amfori BSCI")
    OTHER = "anders", _("Andere audit")


class Effectiveness(models.TextChoices):
    EFFECTIVE = "doeltreffend", _("Doeltreffend")
    PARTLY = "deels", _("Deels doeltreffend")
    NOT = "niet", _("Niet doeltreffend")
    UNKNOWN = "onbekend", _("Nog niet te zeggen")


class MonitoringQuerySet(OrgScopedQuerySet):
    def in_quarter(self, year, quarter):
        first_month = 3 * (quarter - 1) + 1
        return self.filter(
            date__year=year, date__month__gte=first_month, date__month__lte=first_month + 2
        )


class Monitoring(OrgScopedModel, Versioned):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="dd_monitoring")
    kind = models.CharField(_("soort"), max_length=20, choices=MonitoringKind.choices)
    audit_scheme = models.CharField(
        _("auditstandaard"), max_length=20, choices=AuditScheme.choices, blank=True
    )
    audit_other = models.CharField(_("andere auditstandaard"), max_length=120, blank=True)
    supplier = models.ForeignKey(
        Supplier,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="monitoring",
        verbose_name=_("leverancier"),
    )
    risks = models.ManyToManyField(
        Risk, blank=True, related_name="monitoring", verbose_name=_("risico's")
    )
    kpis = models.ManyToManyField(
        Kpi, blank=True, related_name="dd_monitoring", verbose_name=_("KPI's")
    )
    date = models.DateField(_("datum"), validators=DATE_VALIDATORS)
    findings = models.TextField(_("bevindingen"), blank=True)
    effectiveness = models.CharField(
        _("doeltreffendheid"),
        max_length=20,
        choices=Effectiveness.choices,
        default=Effectiveness.UNKNOWN,
    )
    corrective_actions = models.ManyToManyField(
        Action, blank=True, related_name="dd_monitoring", verbose_name=_("verbeterplan (CAP)")
    )
    notes = models.TextField(_("toelichting"), blank=True)

    objects = MonitoringQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("monitoring")
        verbose_name_plural = _("monitoring")

    def __str__(self):
        return f"{self.get_kind_display()} {self.date:%d-%m-%Y}"

    def clean(self):
        super().clean()
        errors = {}
        if self.kind == MonitoringKind.AUDIT and not self.audit_scheme:
            errors["audit_scheme"] = _("Kies de auditstandaard.")
        if self.kind != MonitoringKind.AUDIT and self.audit_scheme:
            errors["audit_scheme"] = _("Een auditstandaard hoort alleen bij een audit.")
        if self.audit_scheme == AuditScheme.OTHER and not self.audit_other.strip():
            errors["audit_other"] = _("Zeg welke audit het was.")
        if errors:
            raise ValidationError(errors)


# --- Communication (5) --------------------------------------------------------------------


class Audience(models.TextChoices):
    INTERNAL = "intern", _("Intern")
    EXTERNAL = "extern", _("Extern")


class Channel(models.TextChoices):
    MEETING = "overleg", _("Overleg of bijeenkomst")
    INTRANET = "intranet", _("Intranet")
    EMAIL = "email", _("E-mail")
    NEWSLETTER = "nieuwsbrief", _("Nieuwsbrief")
    WEBSITE = "website", _("Website")
    REPORT = "verslag", _("Jaar- of duurzaamheidsverslag")
    CSRD = "csrd", _("CSRD-rapportage")
    MEDIA = "media", _("Media of sociale media")
    OTHER = "anders", _("Anders")


class Communication(OrgScopedModel, Versioned):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="dd_communications")
    date = models.DateField(_("datum"), validators=DATE_VALIDATORS)
    audience = models.CharField(_("doelgroep"), max_length=10, choices=Audience.choices)
    audience_detail = models.CharField(
        _("voor wie"), max_length=200, blank=True, help_text=_("Bijvoorbeeld: alle medewerkers.")
    )
    channel = models.CharField(_("kanaal"), max_length=20, choices=Channel.choices)
    subject = models.CharField(_("onderwerp"), max_length=200)
    dilemmas_shared = models.BooleanField(_("dilemma's of tegenvallers gedeeld"), default=False)
    dilemmas = models.TextField(_("welke dilemma's?"), blank=True)
    stakeholders_consulted = models.BooleanField(
        _("getroffen stakeholders vooraf geraadpleegd"),
        default=False,
        help_text=_("Nagevraagd dat deze communicatie hen niet in gevaar brengt."),
    )
    link = models.URLField(_("link"), blank=True, max_length=500)
    notes = models.TextField(_("toelichting"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("communicatie")
        verbose_name_plural = _("communicatie")

    def __str__(self):
        return self.subject


# --- Grievances (6) -----------------------------------------------------------------------


class MechanismCriterion(models.TextChoices):
    """What a good grievance mechanism is (DOMAIN.md, step 6)."""

    KNOWN = "bekend", _("Bekend bij medewerkers, leveranciers en stakeholders")
    ACCESSIBLE = "toegankelijk", _("Toegankelijk voor interne en externe stakeholders")
    CONFIDENTIAL = "vertrouwelijk", _("Vertrouwelijk")
    TRUSTED = "betrouwbaar", _("Betrouwbaar en vertrouwd")
    WHISTLEBLOWERS = "klokkenluiders", _("Beschermt klokkenluiders")
    REGISTERED = "geregistreerd", _("Elke klacht en de afhandeling worden vastgelegd")
    TRANSPARENT = "transparant", _("Open over procedure en termijnen")
    INDEPENDENT = (
        "onafhankelijk",
        _("In lijn met internationaal recht, beoordeeld door onafhankelijke deskundigen"),
    )


class GrievanceMechanism(OrgScopedModel, Versioned):
    """The organisation's grievance mechanism: the criteria it meets, the response term and
    the public intake form's texts."""

    criteria = models.JSONField(_("criteria waaraan het mechanisme voldoet"), default=list)
    response_days = models.PositiveSmallIntegerField(
        _("reactietermijn (dagen)"),
        default=28,
        help_text=_("Binnen hoeveel dagen krijgt iemand die een klacht indient een reactie?"),
    )
    intake_open = models.BooleanField(_("openbaar meldformulier staat open"), default=True)
    procedure_nl = models.TextField(_("procedure (Nederlands)"), blank=True)
    procedure_en = models.TextField(_("procedure (Engels)"), blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("klachtenmechanisme")
        verbose_name_plural = _("klachtenmechanismen")
        constraints = [
            models.UniqueConstraint(fields=["organisation"], name="one_mechanism_per_org")
        ]


class GrievanceStatus(models.TextChoices):
    RECEIVED = "ontvangen", _("Ontvangen")
    HANDLING = "in_behandeling", _("In behandeling")
    REMEDY = "herstel_loopt", _("Herstel loopt")
    CLOSED = "afgesloten", _("Afgesloten")
    INADMISSIBLE = "niet_ontvankelijk", _("Niet-ontvankelijk")


OPEN_GRIEVANCE = (GrievanceStatus.RECEIVED, GrievanceStatus.HANDLING, GrievanceStatus.REMEDY)
# Waiting for a first response: the deadline applies until someone responded.
AWAITING_RESPONSE = (GrievanceStatus.RECEIVED, GrievanceStatus.HANDLING)


class GrievanceChannel(models.TextChoices):
    WEB_FORM = "formulier", _("Openbaar meldformulier")
    EMAIL = "email", _("E-mail")
    PHONE = "telefoon", _("Telefoon")
    LETTER = "brief", _("Brief")
    IN_PERSON = "persoonlijk", _("Persoonlijk")
    THIRD_PARTY = "derden", _("Via derden (ngo, vakbond, platform)")
    OTHER = "anders", _("Anders")


class ComplainantType(models.TextChoices):
    EMPLOYEE = "werknemer", _("Eigen werknemer")
    SUPPLY_WORKER = "ketenwerker", _("Werknemer in de keten")
    RESIDENT = "omwonende", _("Omwonende of gemeenschap")
    NGO = "ngo", _("Ngo of vakbond")
    CUSTOMER = "klant", _("Klant")
    SUPPLIER = "leverancier", _("Leverancier")
    OTHER = "anders", _("Anders")
    UNKNOWN = "onbekend", _("Onbekend (anoniem)")


class RemedyType(models.TextChoices):
    APOLOGY = "excuses", _("Excuses")
    RECOGNITION = "erkenning", _("Erkenning")
    COMPENSATION = "compensatie", _("Financiële compensatie")
    RESTORATION = "herstel", _("Herstel van de schade")
    PREVENTION = "herhaling", _("Maatregelen tegen herhaling")
    OTHER = "anders", _("Anders")


RECEIPT_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no 0/O, 1/I/L, U: easy to read aloud
RECEIPT_LENGTH = 16  # 16 symbols of 30: about 78 bits, not guessable


def new_receipt_code():
    """A random receipt code, e.g. "K7QM-2XWD-PR9T-HA3N", as the complainant sees it."""
    raw = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(RECEIPT_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, RECEIPT_LENGTH, 4))


def normalise_receipt_code(text):
    """What someone typed as a code, reduced to its symbols ("k7qm 2xwd…" → "K7QM2XWD…")."""
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())[: RECEIPT_LENGTH + 4]


def receipt_digest(code):
    """Only a digest of the code is stored: the database never holds a usable code."""
    symbols = normalise_receipt_code(code)
    return hashlib.sha256(f"{settings.SECRET_KEY}:{symbols}".encode()).hexdigest()


class GrievanceQuerySet(OrgScopedQuerySet):
    def with_overdue_flag(self, today=None):
        today = today or timezone.localdate()
        return self.annotate(
            is_overdue=Q(
                status__in=AWAITING_RESPONSE,
                responded_on__isnull=True,
                response_due__lt=today,
            )
        )

    def overdue(self, today=None):
        today = today or timezone.localdate()
        return self.filter(
            status__in=AWAITING_RESPONSE, responded_on__isnull=True, response_due__lt=today
        )

    def status_counts(self):
        """{status value: count} for every status (zero included)."""
        counts = dict(self.values_list("status").annotate(n=Count("pk")).order_by())
        return {value: counts.get(value, 0) for value in GrievanceStatus.values}


class Grievance(OrgScopedModel, Versioned):
    """One complaint: what came in, how it is handled, and the remedy. Its content is for
    grievance handlers only (mvo.Membership.handles_grievances)."""

    received_on = models.DateField(
        _("ontvangen op"), default=timezone.localdate, validators=DATE_VALIDATORS
    )
    channel = models.CharField(_("kanaal"), max_length=20, choices=GrievanceChannel.choices)
    complainant_type = models.CharField(
        _("wie meldt"), max_length=20, choices=ComplainantType.choices
    )
    confidential = models.BooleanField(_("vertrouwelijk"), default=True)
    anonymous = models.BooleanField(_("anoniem"), default=False)
    contact = models.CharField(
        _("naam en contactgegevens"),
        max_length=300,
        blank=True,
        help_text=_("Leeg bij een anonieme melding."),
    )
    description = models.TextField(_("omschrijving van de klacht"))
    risk = models.ForeignKey(
        Risk,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="grievances",
        verbose_name=_("gekoppeld risico"),
    )
    supplier = models.ForeignKey(
        Supplier,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="grievances",
        verbose_name=_("gekoppelde leverancier"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=GrievanceStatus.choices,
        default=GrievanceStatus.RECEIVED,
    )
    response_due = models.DateField(_("reageren vóór"), validators=DATE_VALIDATORS)
    responded_on = models.DateField(
        _("gereageerd op"), null=True, blank=True, validators=DATE_VALIDATORS
    )
    remedy_type = models.CharField(
        _("soort herstel"), max_length=20, choices=RemedyType.choices, blank=True
    )
    outcome = models.TextField(_("uitkomst"), blank=True)
    public_note = models.TextField(
        _("bericht voor de melder"),
        blank=True,
        help_text=_("Ziet de melder bij het opzoeken van de ontvangstcode. Geen namen noemen."),
    )
    language = models.CharField(max_length=5, default="nl", editable=False)
    receipt_digest = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    closed_on = models.DateField(_("afgesloten op"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = GrievanceQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["receipt_digest"])

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = _("klacht")
        verbose_name_plural = _("klachten")
        indexes = [models.Index(fields=["organisation", "status"], name="dd_grievance_status")]

    def __str__(self):
        return _("Klacht %(number)s") % {"number": self.pk}

    def clean(self):
        super().clean()
        errors = {}
        if self.responded_on and self.received_on and self.responded_on < self.received_on:
            errors["responded_on"] = _("De reactie kan niet vóór de ontvangst liggen.")
        if self.response_due and self.received_on and self.response_due < self.received_on:
            errors["response_due"] = _("De termijn kan niet vóór de ontvangst aflopen.")
        if self.anonymous and self.contact.strip():
            errors["contact"] = _("Een anonieme melding heeft geen naam of contactgegevens.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_open(self):
        return self.status in OPEN_GRIEVANCE


# --- Evidence files (policy, monitoring, grievances) --------------------------------------


class Evidence(OrgScopedModel):
    """An uploaded file that backs up a policy version, a monitoring activity or a grievance.
    Stored on ``STORAGES["evidence"]`` (outside static and media) and downloaded only through
    duediligence's evidence view, which checks the organisation and the permission."""

    policy_version = models.ForeignKey(
        PolicyVersion, on_delete=models.CASCADE, null=True, blank=True, related_name="evidence"
    )
    monitoring = models.ForeignKey(
        Monitoring, on_delete=models.CASCADE, null=True, blank=True, related_name="evidence"
    )
    grievance = models.ForeignKey(
        Grievance, on_delete=models.CASCADE, null=True, blank=True, related_name="evidence"
    )
    file = models.FileField(storage=evidence_storage, upload_to="%Y/%m", max_length=300)
    name = models.CharField(_("bestandsnaam"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("bewijsstuk")
        verbose_name_plural = _("bewijsstukken")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(policy_version__isnull=False, monitoring=None, grievance=None)
                    | Q(policy_version=None, monitoring__isnull=False, grievance=None)
                    | Q(policy_version=None, monitoring=None, grievance__isnull=False)
                ),
                name="evidence_has_one_owner",
            )
        ]

    def __str__(self):
        return self.name
