from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mvo.forms import OrgModelForm
from themes.models import OrgTheme

from .models import VALUE, Frequency, Kpi, Measurement, Target, period_has_started

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
QUARTER_CHOICES = [(1, _("K1")), (2, _("K2")), (3, _("K3")), (4, _("K4"))]


class ThemeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class KpiForm(OrgModelForm):
    theme = ThemeChoiceField(queryset=OrgTheme.objects.all(), label=_("Thema"))

    class Meta:
        model = Kpi
        fields = [
            "theme",
            "name",
            "unit",
            "direction",
            "frequency",
            "owner",
            "definition",
            "data_source",
            "baseline_value",
            "baseline_date",
        ]
        widgets = {"definition": forms.Textarea(attrs={"rows": 3}), "baseline_date": DATE_WIDGET}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = self.fields["theme"].queryset.with_related()

    def clean(self):
        cleaned = super().clean()
        frequency = cleaned.get("frequency")
        if (
            self.instance.pk
            and frequency
            and frequency != self.instance.frequency
            and self.instance.measurements.exists()
        ):
            self.add_error(
                "frequency",
                _("De meetfrequentie kan niet veranderen zolang de KPI metingen heeft."),
            )
        baseline_date = cleaned.get("baseline_date")
        if self.instance.pk and baseline_date:
            first_target = self.instance.targets.order_by("date").first()
            if first_target and first_target.date <= baseline_date:
                self.add_error(
                    "baseline_date",
                    _("De nulmeting moet vóór de eerste streefwaarde (%(date)s) liggen.")
                    % {"date": first_target.date.strftime("%d-%m-%Y")},
                )
        return cleaned


class KpiChildForm(OrgModelForm):
    """A form for a row that belongs to a KPI (target, measurement)."""

    parent_fields = ("kpi",)

    def __init__(self, *args, kpi, **kwargs):
        super().__init__(*args, **kwargs)
        self.kpi = kpi
        self.instance.kpi = kpi


class TargetForm(KpiChildForm):
    submit_label = _("Streefwaarde toevoegen")

    class Meta:
        model = Target
        fields = ["value", "date"]
        widgets = {"date": DATE_WIDGET}


class MeasurementForm(KpiChildForm):
    parent_fields = ("kpi", "quarter")  # quarter: also checked when the form hides it
    evidence_url = forms.URLField(
        label=_("Link naar onderbouwing"), required=False, assume_scheme="https"
    )
    quarter = forms.TypedChoiceField(
        choices=[("", "—"), *QUARTER_CHOICES],
        coerce=int,
        empty_value=None,
        required=False,
        label=_("Kwartaal"),
    )

    class Meta:
        model = Measurement
        fields = ["year", "quarter", "value", "note", "evidence_url"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if self.kpi.frequency == Frequency.YEARLY:
            del self.fields["quarter"]
        if not self.instance.pk:
            self.initial.setdefault("year", timezone.localdate().year)

    def save(self, commit=True):
        """The measurement records who entered it last, as quarter entry does."""
        self.instance.entered_by = self.user
        self.instance.entered_at = timezone.now()
        return super().save(commit)


class PeriodForm(forms.Form):
    """Which quarter to enter, and optionally for one theme only (GET parameters)."""

    year = forms.IntegerField(
        label=_("Jaar"), validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    quarter = forms.TypedChoiceField(choices=QUARTER_CHOICES, coerce=int, label=_("Kwartaal"))
    theme = ThemeChoiceField(
        queryset=OrgTheme.objects.none(),
        required=False,
        label=_("Thema"),
        empty_label=_("Alle thema's"),
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = OrgTheme.objects.for_org(organisation).with_related()

    def clean(self):
        cleaned = super().clean()
        year, quarter = cleaned.get("year"), cleaned.get("quarter")
        if year and quarter and not period_has_started(year, quarter):
            raise forms.ValidationError(_("Dit kwartaal is nog niet begonnen."))
        return cleaned


class QuarterEntryForm(forms.Form):
    """One value (with note and evidence link) per KPI for one period.

    Fields per KPI: value_<id>, note_<id>, evidence_<id>, version_<id> (the version of the
    measurement the form was loaded with, 0 if there was none).
    """

    def __init__(self, *args, kpis, existing, **kwargs):
        super().__init__(*args, **kwargs)
        self.kpis = kpis
        for kpi in kpis:
            current = existing.get(kpi.pk)
            self.fields[f"value_{kpi.pk}"] = forms.DecimalField(
                label=kpi.name,
                required=False,
                max_digits=VALUE["max_digits"],
                decimal_places=VALUE["decimal_places"],
                localize=True,
                initial=current.value.normalize() if current else None,
            )
            self.fields[f"note_{kpi.pk}"] = forms.CharField(
                label=_("Toelichting"),
                required=False,
                max_length=500,
                initial=current.note if current else "",
            )
            self.fields[f"evidence_{kpi.pk}"] = forms.URLField(
                label=_("Link naar onderbouwing"),
                required=False,
                max_length=200,
                assume_scheme="https",
                initial=current.evidence_url if current else "",
            )
            # Not validated as a number: a missing or mangled version (a KPI added while the
            # form was open) counts as "no measurement seen", which the service checks.
            self.fields[f"version_{kpi.pk}"] = forms.CharField(
                widget=forms.HiddenInput, required=False, initial=current.version if current else 0
            )

    def rows(self):
        """Per KPI its bound fields, for the template (fields with errors marked invalid)."""
        for name, field in self.fields.items():
            css = "form-control" + (" is-invalid" if name in self.errors else "")
            field.widget.attrs["class"] = css
        for kpi in self.kpis:
            yield {
                "kpi": kpi,
                "value": self[f"value_{kpi.pk}"],
                "note": self[f"note_{kpi.pk}"],
                "evidence": self[f"evidence_{kpi.pk}"],
                "version": self[f"version_{kpi.pk}"],
            }

    def entries(self):
        """{kpi_id: (value or None, note, evidence, version)} from the cleaned data."""
        data = self.cleaned_data
        return {
            kpi.pk: (
                data[f"value_{kpi.pk}"],
                data[f"note_{kpi.pk}"],
                data[f"evidence_{kpi.pk}"],
                int(data[f"version_{kpi.pk}"]) if data[f"version_{kpi.pk}"].isdigit() else 0,
            )
            for kpi in self.kpis
        }
