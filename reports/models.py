"""The quarter's explanation (toelichting) per plan and quarter, for the quarterly report."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from mvo.models import OrgScopedModel, OrgScopedQuerySet
from mvo.versioning import Versioned
from plans.models import QUARTER_VALIDATORS, YEAR_VALIDATORS, Goal, Plan
from themes.models import OrgTheme

TEXT_MAX = 4000  # per field; enforced by the forms


class NoteTexts(models.Model):
    """The three questions of the toelichting."""

    went_well = models.TextField(_("wat ging goed"), blank=True, max_length=TEXT_MAX)
    lagging = models.TextField(_("wat blijft achter en waarom"), blank=True, max_length=TEXT_MAX)
    next_steps = models.TextField(_("wat komt hierna"), blank=True, max_length=TEXT_MAX)

    TEXT_FIELDS = ("went_well", "lagging", "next_steps")

    class Meta:
        abstract = True

    def texts(self):
        return {name: getattr(self, name) for name in self.TEXT_FIELDS}


class QuarterNote(OrgScopedModel, Versioned, NoteTexts):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="quarter_notes")
    year = models.PositiveSmallIntegerField(_("jaar"), validators=YEAR_VALIDATORS)
    quarter = models.PositiveSmallIntegerField(_("kwartaal"), validators=QUARTER_VALIDATORS)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "year", "quarter"]
        verbose_name = _("kwartaaltoelichting")
        verbose_name_plural = _("kwartaaltoelichtingen")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "year", "quarter"], name="quarternote_unique_quarter"
            )
        ]

    def __str__(self):
        return f"{self.plan} K{self.quarter} {self.year}"


class QuarterNoteItem(NoteTexts):
    """The toelichting for one theme or one goal of the plan (exactly one of the two)."""

    note = models.ForeignKey(QuarterNote, on_delete=models.CASCADE, related_name="items")
    theme = models.ForeignKey(
        OrgTheme, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    goal = models.ForeignKey(
        Goal, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("toelichting per thema of doel")
        verbose_name_plural = _("toelichtingen per thema of doel")
        constraints = [
            models.CheckConstraint(
                condition=Q(theme__isnull=False, goal__isnull=True)
                | Q(theme__isnull=True, goal__isnull=False),
                name="quarternoteitem_theme_or_goal",
            ),
            models.UniqueConstraint(
                fields=["note", "theme"],
                condition=Q(theme__isnull=False),
                name="quarternoteitem_unique_theme",
            ),
            models.UniqueConstraint(
                fields=["note", "goal"],
                condition=Q(goal__isnull=False),
                name="quarternoteitem_unique_goal",
            ),
        ]

    def __str__(self):
        return str(self.theme_id and self.theme or self.goal)


def report_storage():
    """Where report files live: ``STORAGES["reports"]`` (a folder outside static by default;
    settings can point it at an S3-compatible store shared by several worker machines)."""
    from django.core.files.storage import storages

    return storages["reports"]


def report_file_name(report, filename):
    return f"{report.organisation_id}/{report.kind}-{report.pk}-{report.attempts}.pdf"


class ReportKind(models.TextChoices):
    QUARTERLY = "kwartaal", _("Kwartaalrapportage")
    PLAN_VERSION = "plan", _("Vastgesteld plan")
    # Documents of one year of an MVOI plan, made by procurement.documents (plans.registry
    # "documents"): the year plan (jaarplanning and calendar) and the year's evaluation.
    YEAR_PLAN = "jaarplan", _("Jaarplan")
    EVALUATION = "evaluatie", _("Evaluatie")


YEAR_KINDS = (ReportKind.YEAR_PLAN, ReportKind.EVALUATION)


class ReportStatus(models.TextChoices):
    QUEUED = "wachtrij", _("In de wachtrij")
    RUNNING = "bezig", _("Wordt gemaakt")
    DONE = "klaar", _("Klaar")
    FAILED = "mislukt", _("Mislukt")


ACTIVE = (ReportStatus.QUEUED, ReportStatus.RUNNING)


class Failure(models.TextChoices):
    """Why a report failed, in words a user can act on (the technical detail is kept apart)."""

    TIMEOUT = "tijd", _("Het maken duurde te lang en is afgebroken.")
    RENDER = "opmaak", _("Het document kon niet worden opgemaakt.")
    STORAGE = "opslag", _("Het bestand kon niet worden opgeslagen.")
    LOST = "kwijt", _("Het maken is na herhaalde pogingen niet gelukt.")
    GONE = "weg", _("Het plan of de versie bestaat niet meer.")


class ReportQuerySet(OrgScopedQuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE)

    def for_list(self):
        return self.select_related("plan", "version", "requested_by")


class Report(OrgScopedModel):
    """One requested PDF: a quarterly report of a plan, or an approved plan version.

    A row is made at request time (wachtrij) and ends klaar (with its file) or mislukt (with a
    reason); ``reports.pipeline`` hands it to Celery and sweeps up rows that got stuck. At most
    one row per ``key`` (same kind, plan, period or version and language) is in the queue or
    being made at a time: a second request gets the first one back."""

    kind = models.CharField(_("soort"), max_length=10, choices=ReportKind.choices)
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="reports")
    version = models.ForeignKey(
        "plans.PlanVersion", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("jaar"), null=True, blank=True)
    quarter = models.PositiveSmallIntegerField(_("kwartaal"), null=True, blank=True)
    language = models.CharField(_("taal"), max_length=5, choices=settings.LANGUAGES)
    key = models.CharField(max_length=100, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.QUEUED
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    scheduled = models.BooleanField(_("volgens schema"), default=False)
    requested_at = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)  # handed to the broker
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    failure = models.CharField(max_length=10, choices=Failure.choices, blank=True)
    failure_detail = models.TextField(blank=True)
    file = models.FileField(storage=report_storage, upload_to=report_file_name, blank=True)
    size = models.PositiveIntegerField(_("grootte"), null=True, blank=True)
    pages = models.PositiveIntegerField(_("pagina's"), null=True, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("rapport")
        verbose_name_plural = _("rapporten")
        constraints = [
            models.UniqueConstraint(
                fields=["key"], condition=Q(status__in=ACTIVE), name="report_one_active_per_key"
            ),
            models.CheckConstraint(
                condition=Q(kind="plan", version__isnull=False)
                | Q(kind="kwartaal", year__isnull=False, quarter__gte=1, quarter__lte=4)
                | Q(kind__in=["jaarplan", "evaluatie"], year__isnull=False, quarter__isnull=True),
                name="report_kind_fields",
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "-requested_at"], name="report_org_recent"),
            models.Index(fields=["status", "requested_at"], name="report_status_age"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.plan} {self.period_label}"

    @staticmethod
    def make_key(kind, plan, *, year=None, quarter=None, version=None, language="nl"):
        if kind == ReportKind.PLAN_VERSION:
            return f"plan:{plan.pk}:v{version.pk}:{language}"
        if kind in YEAR_KINDS:
            return f"{kind}:{plan.pk}:{year}:{language}"
        return f"kwartaal:{plan.pk}:{year}-{quarter}:{language}"

    @property
    def period_label(self):
        from kpis.models import period_label

        if self.kind == ReportKind.PLAN_VERSION:
            return _("versie %(number)s") % {"number": self.version.number}
        if self.kind in YEAR_KINDS:
            return str(self.year)
        return period_label(self.year, self.quarter)

    @property
    def is_active(self):
        return self.status in ACTIVE

    def download_name(self):
        """The file name the browser saves: e.g. kwartaalrapportage-co2-plan-k3-2026.pdf, with
        -en before .pdf for a report in English."""
        from django.utils.text import slugify

        words = f"{self.get_kind_display()} {self.plan.title} {self.period_label}"
        language = f"-{self.language}" if self.language != settings.LANGUAGE_CODE else ""
        return f"{slugify(words.replace('–', '-'))}{language}.pdf"
