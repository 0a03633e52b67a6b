"""The quarter's explanation (toelichting) per plan and quarter, for the quarterly report."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from mvo.models import OrgScopedModel
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
