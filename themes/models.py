"""Theme frameworks (shipped as data), the organisation's own theme choices, ambition levels."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from mvo.i18n import language_suffix, pick
from mvo.models import OrgScopedModel, OrgScopedQuerySet
from mvo.validation import SCORE_VALIDATORS
from mvo.versioning import Versioned

from .frameworks import AMBITION_LEVELS

FOCUS_WARNING_ABOVE = 4  # more focus themes than this earns a warning (not a block)


class Bilingual(models.Model):
    """Reference data shipped in Dutch and English: ``name`` and ``description`` follow the
    active language."""

    name_nl = models.CharField(max_length=160)
    name_en = models.CharField(max_length=160)
    description_nl = models.TextField(blank=True)
    description_en = models.TextField(blank=True)

    class Meta:
        abstract = True

    @property
    def name(self):
        return pick(self, "name")

    @property
    def description(self):
        return pick(self, "description")


class Framework(Bilingual):
    """A published set of themes: ISO 26000, Manifest MVOI, PIANOo MVI or the SDGs."""

    code = models.SlugField(unique=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("kader")
        verbose_name_plural = _("kaders")

    def __str__(self):
        return self.name


class FrameworkThemeQuerySet(models.QuerySet):
    def sdgs(self):
        return self.filter(framework__code="sdg").order_by("order")

    def pickable(self):
        """Themes an organisation can adopt (the SDGs are linked, not adopted)."""
        return self.exclude(framework__code="sdg").select_related("framework")


class FrameworkTheme(Bilingual):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="themes")
    code = models.SlugField(unique=True)
    order = models.PositiveSmallIntegerField(default=0)
    number = models.PositiveSmallIntegerField(null=True, blank=True)  # SDG number
    sdgs = models.ManyToManyField("self", symmetrical=False, blank=True, related_name="+")

    objects = FrameworkThemeQuerySet.as_manager()

    class Meta:
        ordering = ["framework__order", "order"]
        verbose_name = _("kaderthema")
        verbose_name_plural = _("kaderthema's")

    def __str__(self):
        if self.number:
            return f"SDG {self.number} · {self.name}"
        return self.name


class AmbitionLevel(models.IntegerChoices):
    EXPLORING = 1, _("1 Afweging")
    PILOTS = 2, _("2 Pilots")
    BROADENING = 3, _("3 Verbreding")
    EMBEDDING = 4, _("4 Borging")
    LEADERSHIP = 5, _("5 Leiderschap")


def ambition_levels():
    """The five levels with name and description in the active language."""
    lang = language_suffix()
    return [
        {"number": n, "name": d[f"name_{lang}"], "description": d[f"description_{lang}"]}
        for n, d in AMBITION_LEVELS.items()
    ]


class OrgThemeQuerySet(OrgScopedQuerySet):
    def with_related(self):
        return self.select_related("framework_theme__framework").prefetch_related("sdgs")

    def focus(self):
        return self.filter(is_focus=True)


class OrgTheme(OrgScopedModel, Versioned):
    """A theme the organisation works on: from a framework, or its own."""

    framework_theme = models.ForeignKey(
        FrameworkTheme,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("thema uit een kader"),
    )
    own_name = models.CharField(
        _("eigen thema"),
        max_length=160,
        blank=True,
        help_text=_("Alleen invullen voor een thema dat in geen enkel kader staat."),
    )
    rationale = models.TextField(
        _("waarom dit thema ertoe doet"),
        blank=True,
        help_text=_("Waarom is dit thema belangrijk voor uw organisatie en uw stakeholders?"),
    )
    importance = models.PositiveSmallIntegerField(
        _("belang voor stakeholders (1–5)"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    impact = models.PositiveSmallIntegerField(
        _("impact van de organisatie (1–5)"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    is_focus = models.BooleanField(_("focusthema"), default=False)
    ambition_current = models.PositiveSmallIntegerField(
        _("huidig ambitieniveau"), choices=AmbitionLevel.choices, null=True, blank=True
    )
    ambition_target = models.PositiveSmallIntegerField(
        _("beoogd ambitieniveau"), choices=AmbitionLevel.choices, null=True, blank=True
    )
    sdgs = models.ManyToManyField(
        FrameworkTheme,
        blank=True,
        related_name="+",
        limit_choices_to={"framework__code": "sdg"},
        verbose_name=_("gekoppelde SDG's"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrgThemeQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[sdgs])

    class Meta:
        ordering = [
            "-is_focus",
            "framework_theme__framework__order",
            "framework_theme__order",
            "own_name",
        ]
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "framework_theme"],
                condition=Q(framework_theme__isnull=False),
                name="org_theme_once_per_framework_theme",
                violation_error_message=_("Dit thema bestaat al in uw organisatie."),
            ),
            models.UniqueConstraint(
                "organisation",
                Lower("own_name"),
                condition=Q(framework_theme__isnull=True),
                name="org_own_theme_unique_name_ci",
                violation_error_message=_("Er bestaat al een eigen thema met deze naam."),
            ),
            models.CheckConstraint(
                condition=Q(framework_theme__isnull=False) | ~Q(own_name=""),
                name="org_theme_has_a_name",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def name(self):
        if self.framework_theme_id:
            return self.framework_theme.name
        return self.own_name

    def _names(self):
        """Every name this theme goes by, in lower case (a framework theme has two)."""
        if self.framework_theme_id:
            return {self.framework_theme.name_nl.lower(), self.framework_theme.name_en.lower()}
        return {self.own_name.strip().lower()}

    def _check_name_is_free(self):
        """Theme names are unique in an organisation whatever their case, across framework
        themes and own themes: an own "klimaat" beside the framework's "Klimaat" would make
        every list ambiguous."""
        if not self.organisation_id:
            return
        others = (
            OrgTheme.objects.filter(organisation_id=self.organisation_id)
            .exclude(pk=self.pk)
            .select_related("framework_theme")
        )
        mine = self._names()
        for other in others:
            if mine & other._names():
                field = "framework_theme" if self.framework_theme_id else "own_name"
                raise ValidationError(
                    {
                        field: _(
                            "Uw organisatie heeft al een thema „%(name)s”. Hoofdletters "
                            "tellen daarbij niet mee."
                        )
                        % {"name": other.name}
                    }
                )

    @property
    def source(self):
        return self.framework_theme.framework.name if self.framework_theme_id else _("Eigen thema")

    def clean(self):
        super().clean()
        if not self.framework_theme_id and not self.own_name.strip():
            raise ValidationError(
                {"own_name": _("Kies een thema uit een kader of geef uw eigen thema een naam.")}
            )
        if self.framework_theme_id and self.own_name.strip():
            raise ValidationError(
                {
                    "own_name": _(
                        "Kies óf een thema uit een kader, óf een eigen thema; niet allebei."
                    )
                }
            )
        self._check_name_is_free()
        if (
            self.ambition_current
            and self.ambition_target
            and self.ambition_target < self.ambition_current
        ):
            raise ValidationError(
                {"ambition_target": _("Het beoogde niveau kan niet lager zijn dan het huidige.")}
            )
