"""Plans of every method, the method steps (shipped as data), mission and vision, goals,
droombeelden and the one action list.

One Plan model serves MVO STEPS, due diligence and MVOI: the method decides which steps the
stepper shows. Due diligence and MVOI attach their own rows (risks, tenders) to plans and
actions from their own apps; this app does not know them (see plans/registry.py).
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kpis.models import VALUE, Kpi, quarter_end
from mvo.i18n import pick
from mvo.models import OrgScopedModel, OrgScopedQuerySet
from mvo.validation import DATE_VALIDATORS
from mvo.versioning import Versioned
from themes.expressions import person_name, theme_name
from themes.models import OrgTheme

FIRST_YEAR, LAST_YEAR = 2000, 2100
MAX_PLAN_YEARS = 10
YEAR_VALIDATORS = [
    MinValueValidator(FIRST_YEAR, message=_("Kies een jaar tussen 2000 en 2100.")),
    MaxValueValidator(LAST_YEAR, message=_("Kies een jaar tussen 2000 en 2100.")),
]
QUARTER_VALIDATORS = [
    MinValueValidator(1, message=_("Kies kwartaal 1 tot en met 4.")),
    MaxValueValidator(4, message=_("Kies kwartaal 1 tot en met 4.")),
]
MONEY = {"max_digits": 12, "decimal_places": 2}
MAX_GOALS_PER_THEME = 3  # droombeelden practice: at most three goals per theme
URGENT_VOTES_PER_THEME = 2  # each participant marks two actions per theme


class Method(models.TextChoices):
    MVO_STEPS = "mvo_steps", _("MVO STEPS")
    DUE_DILIGENCE = "due_diligence", _("Due diligence (OESO)")
    MVOI = "mvoi", _("MVOI-actieplan")


# --- Methods as data -----------------------------------------------------------------------


class MethodPhase(models.Model):
    method = models.CharField(max_length=20, choices=Method.choices)
    number = models.PositiveSmallIntegerField()
    name_nl = models.CharField(max_length=160)
    name_en = models.CharField(max_length=160)

    class Meta:
        ordering = ["method", "number"]
        constraints = [
            models.UniqueConstraint(fields=["method", "number"], name="phase_once_per_method")
        ]
        verbose_name = _("fase")
        verbose_name_plural = _("fasen")

    def __str__(self):
        return f"{self.number}. {self.name}"

    @property
    def name(self):
        return pick(self, "name")


class MethodStep(models.Model):
    """One step of a method, with what the stepper shows: its purpose, guiding questions, what
    it delivers and which screens of Koers hold its result (``links``: keys of
    plans.steps.LINKS)."""

    method = models.CharField(max_length=20, choices=Method.choices)
    phase = models.ForeignKey(MethodPhase, on_delete=models.CASCADE, related_name="steps")
    code = models.CharField(max_length=10)
    order = models.PositiveSmallIntegerField()
    name_nl = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200)
    purpose_nl = models.TextField()
    purpose_en = models.TextField()
    questions_nl = models.JSONField(default=list)
    questions_en = models.JSONField(default=list)
    delivers_nl = models.TextField()
    delivers_en = models.TextField()
    links = models.JSONField(default=list)
    recurring = models.BooleanField(default=False)  # done again every year (MVOI 4-7)

    class Meta:
        ordering = ["method", "order"]
        constraints = [
            models.UniqueConstraint(fields=["method", "code"], name="step_code_once_per_method")
        ]
        verbose_name = _("stap")
        verbose_name_plural = _("stappen")

    def __str__(self):
        return f"{self.code} {self.name}"

    @property
    def name(self):
        return pick(self, "name")

    @property
    def purpose(self):
        return pick(self, "purpose")

    @property
    def questions(self):
        return pick(self, "questions")

    @property
    def delivers(self):
        return pick(self, "delivers")


# --- Plans ---------------------------------------------------------------------------------


class PlanStatus(models.TextChoices):
    """Where a plan stands in the approval workflow (plans.approval has the transitions)."""

    DRAFT = "concept", _("Concept")
    SUBMITTED = "ingediend", _("Ingediend")
    APPROVED = "goedgekeurd", _("Goedgekeurd")
    RETURNED = "teruggestuurd", _("Teruggestuurd")


class StepStatus(models.TextChoices):
    NOT_STARTED = "niet_gestart", _("Niet gestart")
    IN_PROGRESS = "bezig", _("Bezig")
    DONE = "afgerond", _("Afgerond")


WORKFLOW_FIELDS = ["status", "submitted_by", "submitted_at"]


class PlanQuerySet(OrgScopedQuerySet):
    def with_progress(self):
        """Each plan with its coordinator and its step counts (done / total)."""
        return self.select_related("coordinator", "predecessor").annotate(
            steps_total=Count("steps", distinct=True),
            steps_done=Count("steps", filter=Q(steps__status=StepStatus.DONE), distinct=True),
        )


class Plan(OrgScopedModel, Versioned):
    title = models.CharField(_("titel"), max_length=200)
    method = models.CharField(
        _("methode"), max_length=20, choices=Method.choices, default=Method.MVO_STEPS
    )
    start_year = models.PositiveSmallIntegerField(_("eerste jaar"), validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(_("laatste jaar"), validators=YEAR_VALIDATORS)
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("coördinator"),
        help_text=_("De persoon die overziet dat het plan wordt uitgevoerd."),
    )
    description = models.TextField(_("toelichting"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    themes = models.ManyToManyField(
        OrgTheme, blank=True, related_name="plans", verbose_name=_("thema's")
    )
    kpis = models.ManyToManyField(Kpi, blank=True, related_name="plans", verbose_name=_("KPI's"))
    predecessor = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="successors",
        verbose_name=_("vorige cyclus"),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Who submitted the plan as it now stands (four eyes: that person may not approve it).
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = PlanQuerySet.as_manager()
    # The workflow fields are written only by plans.approval (its timeline is their history).
    history = HistoricalRecords(m2m_fields=[themes, kpis], excluded_fields=WORKFLOW_FIELDS)

    class Meta:
        ordering = ["-start_year", "title"]
        verbose_name = _("plan")
        verbose_name_plural = _("plannen")

    def __str__(self):
        """The title, with the period unless the title already names it."""
        if self.period_label in self.title:
            return self.title
        return f"{self.title} ({self.period_label})"

    def save(self, *args, **kwargs):
        """A full save of an existing plan leaves the workflow fields alone: only the approval
        services change them (with an UPDATE), so a form holding an older status cannot undo
        a submission or an approval."""
        if self.pk is not None and kwargs.get("update_fields") is None and not self._state.adding:
            kwargs["update_fields"] = [
                f.name
                for f in self._meta.concrete_fields
                if not f.primary_key and f.name not in WORKFLOW_FIELDS
            ]
        super().save(*args, **kwargs)

    @property
    def period_label(self):
        if self.start_year == self.end_year:
            return str(self.start_year)
        return f"{self.start_year}–{self.end_year}"

    def clean(self):
        super().clean()
        if self.start_year and self.end_year:
            if self.end_year < self.start_year:
                raise ValidationError(
                    {"end_year": _("Het laatste jaar kan niet vóór het eerste jaar liggen.")}
                )
            if self.end_year - self.start_year >= MAX_PLAN_YEARS:
                raise ValidationError(
                    {"end_year": _("Een plan loopt hoogstens tien jaar. Kies een korter plan.")}
                )

    def contains(self, day):
        return bool(day) and self.start_year <= day.year <= self.end_year

    @property
    def quarters(self):
        """Every (year, quarter) of the plan period, in order."""
        return [(y, q) for y in range(self.start_year, self.end_year + 1) for q in (1, 2, 3, 4)]


class PlanStep(Versioned):
    """A plan's progress on one method step: status, notes, answers to the guiding questions."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="steps")
    step = models.ForeignKey(MethodStep, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        _("status"), max_length=20, choices=StepStatus.choices, default=StepStatus.NOT_STARTED
    )
    notes = models.TextField(_("aantekeningen van de werkgroep"), blank=True)
    answers = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["step__order"]
        constraints = [models.UniqueConstraint(fields=["plan", "step"], name="plan_step_once")]
        verbose_name = _("planstap")
        verbose_name_plural = _("planstappen")

    def __str__(self):
        return f"{self.plan} · {self.step}"

    def answer_pairs(self):
        """[(question, answer)] in the active language; answers are stored by position."""
        answers = list(self.answers or [])
        questions = self.step.questions
        return [(q, answers[i] if i < len(answers) else "") for i, q in enumerate(questions)]


# --- Approval ------------------------------------------------------------------------------


class PlanVersion(models.Model):
    """An approved version of a plan, frozen for ever: a snapshot of plain JSON that renders
    from itself (plans.snapshot), with its own format number, so that later edits, deletions
    and model changes never alter what was approved."""

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("versie"))
    format = models.PositiveSmallIntegerField()
    data = models.JSONField()
    fingerprint = models.CharField(max_length=64)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_by_name = models.CharField(max_length=200, blank=True)
    submitted_at = models.DateTimeField(null=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    approved_by_name = models.CharField(max_length=200)
    approved_at = models.DateTimeField()
    comment = models.TextField(_("toelichting bij de goedkeuring"), blank=True)

    class Meta:
        ordering = ["plan", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plan_version_number_once")
        ]
        verbose_name = _("vastgestelde versie")
        verbose_name_plural = _("vastgestelde versies")

    def __str__(self):
        return f"{self.plan} · v{self.number}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError(_("Een vastgestelde versie kan niet meer veranderen."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Een vastgestelde versie kan niet worden verwijderd."))


class TransitionKind(models.TextChoices):
    SUBMIT = "indienen", _("Ingediend")
    WITHDRAW = "intrekken", _("Ingetrokken")
    APPROVE = "goedkeuren", _("Goedgekeurd")
    RETURN = "terugsturen", _("Teruggestuurd")
    REOPEN = "heropenen", _("Weer in concept gezet")
    CHANGED = "gewijzigd", _("Gewijzigd, weer concept")


class PlanTransition(models.Model):
    """One step of a plan through the approval workflow: who, when, from and to, and why."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="transitions")
    kind = models.CharField(max_length=20, choices=TransitionKind.choices)
    from_status = models.CharField(max_length=20, choices=PlanStatus.choices)
    to_status = models.CharField(max_length=20, choices=PlanStatus.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    by_name = models.CharField(max_length=200, blank=True)
    at = models.DateTimeField(default=timezone.now)
    comment = models.TextField(_("toelichting"), blank=True)
    version = models.ForeignKey(
        PlanVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["plan", "-at"], name="transition_plan_at")]
        verbose_name = _("stap in de goedkeuring")
        verbose_name_plural = _("stappen in de goedkeuring")

    def __str__(self):
        return f"{self.plan} · {self.get_kind_display()} · {self.at:%d-%m-%Y %H:%M}"


# --- Mission and vision --------------------------------------------------------------------


class Stage(models.TextChoices):
    DRAFT = "voorlopig", _("Voorlopig")
    TESTED = "getoetst", _("Getoetst")
    FINAL = "definitief", _("Definitief")


class MissionVision(Versioned):
    plan = models.OneToOneField(Plan, on_delete=models.CASCADE, related_name="mission_vision")
    mission = models.TextField(_("missie"), blank=True)
    vision = models.TextField(_("visie"), blank=True)
    answers = models.JSONField(default=dict, blank=True)  # {"mission": [...], "vision": [...]}
    stage = models.CharField(_("fase"), max_length=20, choices=Stage.choices, default=Stage.DRAFT)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("missie en visie")
        verbose_name_plural = _("missies en visies")

    def __str__(self):
        return f"{self.plan}: {self.get_stage_display()}"


class MissionVisionVersion(models.Model):
    """Every saved state of a mission and vision, kept for ever and numbered from 1."""

    mission_vision = models.ForeignKey(
        MissionVision, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField()
    stage = models.CharField(max_length=20, choices=Stage.choices)
    mission = models.TextField(blank=True)
    vision = models.TextField(blank=True)
    answers = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["mission_vision", "number"], name="mission_version_number_once"
            )
        ]
        verbose_name = _("versie van missie en visie")
        verbose_name_plural = _("versies van missie en visie")

    def __str__(self):
        return f"v{self.number}"


class Feedback(models.Model):
    """A reaction on the draft mission and vision (step 1.4), and whether it was processed."""

    mission_vision = models.ForeignKey(
        MissionVision, on_delete=models.CASCADE, related_name="feedback"
    )
    given_by = models.CharField(
        _("van wie"),
        max_length=200,
        help_text=_("Bijvoorbeeld een collega, de directie of een stakeholder."),
    )
    given_on = models.DateField(_("datum"), default=timezone.localdate, validators=DATE_VALIDATORS)
    comment = models.TextField(_("reactie"))
    processed = models.BooleanField(_("verwerkt"), default=False)

    class Meta:
        ordering = ["-given_on", "-pk"]
        verbose_name = _("reactie")
        verbose_name_plural = _("reacties")

    def __str__(self):
        return f"{self.given_by} ({self.given_on:%d-%m-%Y})"


# --- Goals ---------------------------------------------------------------------------------


class GoalKind(models.TextChoices):
    THEME = "thema", _("Doel op een thema, gemeten met een KPI")
    GENERAL = "algemeen", _("Algemeen MVO-doel")


class GoalQuerySet(OrgScopedQuerySet):
    def with_related(self):
        return self.select_related(
            "plan", "theme__framework_theme", "kpi", "kpi__theme__framework_theme"
        ).annotate(
            theme_label=theme_name("theme"),
            wish_count=Count("wishes", distinct=True),
        )


class Goal(OrgScopedModel, Versioned):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="goals")
    kind = models.CharField(
        _("soort doel"), max_length=10, choices=GoalKind.choices, default=GoalKind.THEME
    )
    title = models.CharField(_("doel"), max_length=200)
    theme = models.ForeignKey(
        OrgTheme,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="goals",
        verbose_name=_("thema"),
    )
    kpi = models.ForeignKey(
        Kpi,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="goals",
        verbose_name=_("KPI"),
    )
    target_value = models.DecimalField(_("streefwaarde"), null=True, blank=True, **VALUE)
    deadline = models.DateField(_("deadline"), null=True, blank=True, validators=DATE_VALIDATORS)
    specific = models.TextField(_("specifiek: wat bereiken we precies?"), blank=True)
    acceptable = models.TextField(
        _("acceptabel: wie staan erachter?"),
        blank=True,
        help_text=_("Doelen die samen met medewerkers zijn geformuleerd, krijgen meer draagvlak."),
    )
    realistic = models.TextField(_("realistisch: waarom is dit haalbaar?"), blank=True)
    needs_review = models.BooleanField(
        _("te herzien"),
        default=False,
        help_text=_("Overgenomen uit de vorige cyclus: bekijk de streefwaarde en de deadline."),
    )
    carried_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = GoalQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "theme", "title"]
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")

    def __str__(self):
        return self.title


class Wish(OrgScopedModel):
    """A droombeeld: one participant's wish for a theme, later grouped into a goal."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="wishes")
    theme = models.ForeignKey(
        OrgTheme, on_delete=models.CASCADE, related_name="wishes", verbose_name=_("thema")
    )
    text = models.TextField(_("droombeeld"), max_length=1000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    department = models.CharField(_("afdeling"), max_length=120, blank=True)
    goal = models.ForeignKey(
        Goal,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="wishes",
        verbose_name=_("gegroepeerd in doel"),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["theme", "created_at"]
        verbose_name = _("droombeeld")
        verbose_name_plural = _("droombeelden")

    def __str__(self):
        return self.text[:60]


# --- Actions -------------------------------------------------------------------------------


class ActionStatus(models.TextChoices):
    PLANNED = "gepland", _("Gepland")
    RUNNING = "lopend", _("Lopend")
    DONE = "afgerond", _("Afgerond")
    POSTPONED = "uitgesteld", _("Uitgesteld")
    CANCELLED = "geschrapt", _("Geschrapt")


OPEN_STATUSES = (ActionStatus.PLANNED, ActionStatus.RUNNING, ActionStatus.POSTPONED)


def encode_quarter(year, quarter):
    """(2026, 3) → 20263: one sortable number for the planned quarter."""
    return year * 10 + quarter


def with_planned_period(row, save_kwargs):
    """Set ``row.planned_period`` from its planned year and quarter (None without both) and
    return the save() arguments, with planned_period added to ``update_fields`` when those
    name the year or quarter. For every row planned per quarter (actions, tenders)."""
    row.planned_period = (
        encode_quarter(row.planned_year, row.planned_quarter)
        if row.planned_year and row.planned_quarter
        else None
    )
    update_fields = save_kwargs.get("update_fields")
    if update_fields is not None and {"planned_year", "planned_quarter"} & set(update_fields):
        save_kwargs = {**save_kwargs, "update_fields": {*update_fields, "planned_period"}}
    return save_kwargs


class ActionQuerySet(OrgScopedQuerySet):
    def with_related(self):
        """What a list row or board card shows, as columns: plan, goal, theme, responsible."""
        return self.select_related(
            "plan", "goal", "responsible", "theme__framework_theme"
        ).annotate(
            responsible_name=person_name("responsible"),
            theme_label=theme_name("theme"),
        )

    def open(self):
        """Actions still to do. One carried over into a next cycle is done in the new plan,
        so its original (left unchanged in the old plan) no longer counts as open."""
        carried = Action.objects.filter(carried_from=OuterRef("pk"))
        return self.filter(status__in=OPEN_STATUSES).exclude(Exists(carried))

    def overdue(self, today=None):
        """Open actions whose due date has passed or, without one, whose planned quarter
        has ended."""
        today = today or timezone.localdate()
        year, quarter = today.year, (today.month - 1) // 3 + 1
        return self.open().filter(
            Q(due_date__lt=today)
            | Q(due_date__isnull=True, planned_period__lt=encode_quarter(year, quarter))
        )

    def with_overdue_flag(self, today=None):
        today = today or timezone.localdate()
        late = self.overdue(today).filter(pk=OuterRef("pk"))
        return self.annotate(is_overdue=Exists(late))

    def totals(self):
        """Budget and hours, summed in the database (geschrapt does not count)."""
        return self.exclude(status=ActionStatus.CANCELLED).aggregate(
            budget=Coalesce(models.Sum("budget"), Value(0), output_field=models.DecimalField()),
            hours=Coalesce(models.Sum("hours"), Value(0), output_field=models.DecimalField()),
            count=Count("pk"),
        )


class Action(OrgScopedModel, Versioned):
    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="actions", verbose_name=_("plan")
    )
    title = models.CharField(_("actie"), max_length=200)
    description = models.TextField(_("wat houdt het in?"), blank=True)
    why = models.TextField(_("waarom?"), blank=True)
    goal = models.ForeignKey(
        Goal,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("doel"),
    )
    theme = models.ForeignKey(
        OrgTheme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("thema"),
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verantwoordelijke"),
    )
    team = models.CharField(_("team of afdeling"), max_length=120, blank=True)
    planned_year = models.PositiveSmallIntegerField(
        _("gepland jaar"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    planned_quarter = models.PositiveSmallIntegerField(
        _("gepland kwartaal"), null=True, blank=True, validators=QUARTER_VALIDATORS
    )
    planned_period = models.PositiveIntegerField(null=True, blank=True, editable=False)
    start_date = models.DateField(
        _("startdatum"), null=True, blank=True, validators=DATE_VALIDATORS
    )
    due_date = models.DateField(_("einddatum"), null=True, blank=True, validators=DATE_VALIDATORS)
    budget = models.DecimalField(_("budget (€)"), null=True, blank=True, **MONEY)
    hours = models.DecimalField(_("capaciteit (uren)"), null=True, blank=True, **MONEY)
    within_budget = models.BooleanField(
        _("past binnen het bestaande budget"),
        default=True,
        help_text=_("Uitvinken als er extra budget of capaciteit nodig is."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.PLANNED
    )
    progress_notes = models.TextField(_("voortgang"), blank=True)
    carried_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="carried_to",
        verbose_name=_("overgenomen uit"),
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = ActionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["planned_period", "due_date", "title", "pk"]
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        indexes = [
            models.Index(fields=["organisation", "status"], name="action_org_status"),
            models.Index(fields=["organisation", "planned_period"], name="action_org_period"),
            models.Index(fields=["organisation", "responsible"], name="action_org_responsible"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        super().save(*args, **with_planned_period(self, kwargs))

    def clean(self):
        super().clean()
        errors = {}
        if bool(self.planned_year) != bool(self.planned_quarter):
            errors["planned_quarter"] = _(
                "Kies zowel het jaar als het kwartaal, of geen van beide."
            )
        if self.start_date and self.due_date and self.due_date < self.start_date:
            errors["due_date"] = _("De einddatum kan niet vóór de startdatum liggen.")
        for field in ("budget", "hours"):
            value = getattr(self, field)
            if value is not None and value < 0:
                errors[field] = _("Vul een bedrag of aantal van 0 of meer in.")
        if errors:
            raise ValidationError(errors)

    @property
    def planned_label(self):
        if not self.planned_period:
            return ""
        return _("K%(quarter)s %(year)s") % {
            "quarter": self.planned_quarter,
            "year": self.planned_year,
        }

    @property
    def deadline(self):
        """The date by which the action should be done: its due date, or the end of its
        planned quarter."""
        if self.due_date:
            return self.due_date
        if self.planned_year and self.planned_quarter:
            return quarter_end(self.planned_year, self.planned_quarter)
        return None


class UrgentVote(OrgScopedModel):
    """A participant marks an action as one of the two most urgent of its theme."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="urgent_votes")
    theme = models.ForeignKey(OrgTheme, on_delete=models.CASCADE, related_name="+")
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="urgent_votes")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["voter", "action"], name="urgent_vote_once")]
        verbose_name = _("urgentiestem")
        verbose_name_plural = _("urgentiestemmen")


# --- Calendar feed and weekly reminders (per person, across organisations) -----------------


def new_feed_token():
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A person's private calendar link. Anyone holding the token can read the feed, so it is
    long and random; renewing it gives a new token (the old link stops working) and revoking
    it removes the row."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("agendakoppeling")
        verbose_name_plural = _("agendakoppelingen")

    def __str__(self):
        return str(self.user)


class ReminderStatus(models.TextChoices):
    QUEUED = "wachtrij", _("In de wachtrij")
    RUNNING = "bezig", _("Bezig")
    SENT = "verstuurd", _("Verstuurd")
    NOTHING = "niets", _("Niets te melden")
    FAILED = "mislukt", _("Mislukt")


class ReminderLog(models.Model):
    """One weekly reminder for one person: claimed (created) before it is sent, so that a
    second run of the weekly task in the same week sends nothing again."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_logs"
    )
    week = models.DateField(_("week (maandag)"))
    status = models.CharField(
        _("status"), max_length=10, choices=ReminderStatus.choices, default=ReminderStatus.QUEUED
    )
    error = models.TextField(_("foutmelding"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-week", "user"]
        verbose_name = _("wekelijkse herinnering")
        verbose_name_plural = _("wekelijkse herinneringen")
        constraints = [
            models.UniqueConstraint(fields=["user", "week"], name="reminder_once_per_week")
        ]

    def __str__(self):
        return f"{self.user} · {self.week:%d-%m-%Y} · {self.get_status_display()}"
