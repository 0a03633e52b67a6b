"""Forms of the foundation of an MVOI plan (steps 1–3): the plan's themes, the nulmeting per
theme, a theme's focus and ambition levels, the yearly targets (all years in one form) and the
ambition statement per theme."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.db import transaction
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _

from mvo.forms import OrgModelForm
from mvo.versioning import CONFLICT_MESSAGE, VersionedModelForm
from plans.models import Plan
from themes.models import OrgTheme

from ..models import Source, ThemeAmbition, ThemeBaseline, YearTarget

MVOI_FRAMEWORK = "mvoi"
LAST_TARGET_YEAR = 2030  # the Manifest MVOI: 100 % in 2030


def mvoi_first(themes):
    """Themes of the Manifest MVOI framework first (in the framework's order), then the
    others: themes of other frameworks, then the organisation's own themes."""
    return (
        themes.select_related("framework_theme__framework")
        .alias(
            mvoi_rank=Case(
                When(framework_theme__framework__code=MVOI_FRAMEWORK, then=Value(0)),
                When(framework_theme__isnull=False, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        .order_by(
            "mvoi_rank",
            "framework_theme__framework__order",
            "framework_theme__order",
            "own_name",
            "pk",
        )
    )


def target_years(plan):
    """Every year a target can be set for: the plan period, and on to 2030."""
    return list(range(plan.start_year, max(plan.end_year, LAST_TARGET_YEAR) + 1))


class ThemeChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.source})"


class PlanThemesForm(VersionedModelForm):
    """Which of the organisation's themes this MVOI plan works with."""

    themes = ThemeChoiceField(
        queryset=OrgTheme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Thema's van dit plan"),
        help_text=_(
            "Kies de thema's van het Manifest MVOI waar dit plan mee werkt. Een thema dat hier "
            "ontbreekt, voegt u eerst toe aan de thema's van uw organisatie."
        ),
    )

    class Meta:
        model = Plan
        fields = ["themes"]

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["themes"].queryset = mvoi_first(OrgTheme.objects.for_org(organisation))
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Opslaan")))

    @property
    def error_summary(self):
        return [(field, error) for field in self for error in field.errors]


class ThemeBaselineForm(OrgModelForm):
    """The nulmeting of one theme: what is already there, where that is known from, and the
    current level."""

    sources = forms.MultipleChoiceField(
        label=_("Bronnen"),
        choices=Source.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Waar komt dit beeld vandaan?"),
    )
    parent_fields = ("organisation", "plan", "theme")

    class Meta:
        model = ThemeBaseline
        fields = ["ambitions", "goals", "activities", "sources", "source_notes", "level"]
        widgets = {
            "ambitions": forms.Textarea(attrs={"rows": 3}),
            "goals": forms.Textarea(attrs={"rows": 3}),
            "activities": forms.Textarea(attrs={"rows": 3}),
            "source_notes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, plan, theme, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.plan = plan
        self.instance.theme = theme
        self.fields["level"].help_text = _(
            "Het niveau waarop de organisatie nu met dit thema werkt (1 tot en met 5)."
        )


class ThemeLevelForm(OrgModelForm):
    """Step 2 for one theme: focus or not, why, and current → target ambition level."""

    class Meta:
        model = OrgTheme
        fields = ["is_focus", "rationale", "ambition_current", "ambition_target"]
        widgets = {"rationale": forms.Textarea(attrs={"rows": 3})}
        labels = {"rationale": _("Waarom dit een focusthema is")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["is_focus"].help_text = _(
            "Kies er liever drie of vier: de andere thema's lopen door zonder focus."
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("is_focus") and not (cleaned.get("rationale") or "").strip():
            self.add_error("rationale", _("Zeg waarom dit thema een focusthema is."))
        # A target below the current level: OrgTheme.clean gives the field message.
        return cleaned


class ThemeAmbitionForm(OrgModelForm):
    """The ambition statement for one theme; left empty, an existing statement is removed."""

    parent_fields = ("organisation", "plan", "theme")

    class Meta:
        model = ThemeAmbition
        fields = ["statement"]
        widgets = {"statement": forms.Textarea(attrs={"rows": 4})}
        labels = {"statement": _("Ambitie")}

    def __init__(self, *args, plan, theme, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.plan = plan
        self.instance.theme = theme
        self.fields["statement"].required = False
        self.fields["statement"].help_text = _(
            "Bijvoorbeeld: in 2027 passen we bij alle kansrijke ICT-aanbestedingen "
            "circulaire criteria toe. Laat leeg om de ambitie te verwijderen."
        )


def _fingerprint(rows):
    """What the stored targets were when the form was loaded: "year:version,..."."""
    return ",".join(f"{row.year}:{row.version}" for row in sorted(rows, key=lambda r: r.year))


class YearTargetsForm(forms.Form):
    """One percentage per year; empty means no target (a stored one is removed). All years
    are saved in one transaction, or none."""

    state = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, plan, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.organisation = organisation
        self.years = target_years(plan)
        self.stored = {row.year: row for row in self._rows()}
        self.fields["state"].initial = _fingerprint(self.stored.values())
        for year in self.years:
            stored = self.stored.get(year)
            self.fields[self.field_name(year)] = forms.IntegerField(
                label=str(year),
                required=False,
                min_value=0,
                max_value=100,
                initial=stored.target_pct if stored else None,
                widget=forms.NumberInput(attrs={"min": 0, "max": 100, "inputmode": "numeric"}),
                error_messages={
                    "invalid": _("Vul een heel getal in, van 0 tot en met 100."),
                    "min_value": _("Een doel kan niet lager zijn dan 0 procent."),
                    "max_value": _("Een doel kan niet hoger zijn dan 100 procent."),
                },
            )

    def _rows(self):
        return YearTarget.objects.for_org(self.organisation).filter(plan=self.plan)

    @staticmethod
    def field_name(year):
        return f"year_{year}"

    def year_fields(self):
        """(year, bound field) for the template."""
        return [(year, self[self.field_name(year)]) for year in self.years]

    @property
    def error_summary(self):
        return [(field, error) for field in self for error in field.errors]

    def targets(self):
        """{year: pct or None} from the cleaned form."""
        return {year: self.cleaned_data.get(self.field_name(year)) for year in self.years}

    def decreasing(self):
        """(earlier year, later year) pairs where a later target is lower than an earlier one."""
        found = []
        highest = None
        for year, pct in self.targets().items():
            if pct is None:
                continue
            if highest is not None and pct < highest[1]:
                found.append((highest[0], year))
            if highest is None or pct >= highest[1]:
                highest = (year, pct)
        return found

    def save(self):
        """Write every year, or nothing when someone changed the targets meanwhile (then a
        form error). Returns True when saved."""
        with transaction.atomic():
            current = {row.year: row for row in self._rows().select_for_update()}
            if _fingerprint(current.values()) != (self.cleaned_data.get("state") or ""):
                self.add_error(None, CONFLICT_MESSAGE)
                return False
            for year, pct in self.targets().items():
                row = current.get(year)
                if pct is None:
                    if row is not None:
                        row.delete()
                elif row is None:
                    YearTarget.objects.create(
                        organisation=self.organisation, plan=self.plan, year=year, target_pct=pct
                    )
                elif row.target_pct != pct:
                    row.target_pct = pct
                    row.version += 1
                    row.save()
        return True
