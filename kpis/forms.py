from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import localize_input, number_format
from django.utils.translation import gettext_lazy as _

from mvo.forms import OrgModelForm
from mvo.models import Role, User
from mvo.validation import DutchDecimalField
from themes.models import OrgTheme

from .models import VALUE, Direction, Frequency, Kpi, Measurement, Target, period_has_started

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
        # The owner enters the values, so only people who may write are offered; a current
        # owner who has left (or became a reader) stays selectable until handed over.
        writers = [role for role in Role.values if Role.at_least(role, Role.MEMBER)]
        owners = User.objects.filter(
            Q(memberships__organisation=self.organisation, memberships__role__in=writers)
            | Q(pk=self.instance.owner_id)
        )
        self.fields["owner"].queryset = owners.distinct().order_by("full_name", "email")
        self.fields["owner"].help_text = _(
            "Wie de waarden aanlevert. U kiest uit de werkgroepleden, managers en beheerders."
        )

    def _update_errors(self, errors):
        """A baseline value or date that did not validate already has its message; the model's
        check that value and date go together would add a second, false one."""
        if {"baseline_value", "baseline_date"} & set(self._errors) and hasattr(
            errors, "error_dict"
        ):
            errors.error_dict.pop("baseline_date", None)
            if not errors.error_dict:
                return
        super()._update_errors(errors)

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
        baseline = cleaned.get("baseline_value")
        if baseline is not None and baseline < 0 and cleaned.get("unit", "").strip() == "%":
            self.add_error("baseline_value", NEGATIVE_SHARE)
        direction = cleaned.get("direction")
        if self.instance.pk and baseline is not None and direction:
            against = [
                t
                for t in self.instance.targets.all()
                if points_against(t.value, baseline, direction)
            ]
            if against:
                self.add_error(
                    "baseline_value",
                    _(
                        "Met deze nulmeting en richting wijst de streefwaarde %(value)s de "
                        "verkeerde kant op. Pas de streefwaarde, de nulmeting of de richting aan."
                    )
                    % {"value": number_format(against[0].value.normalize())},
                )
        return cleaned


NEGATIVE_SHARE = _("Een percentage kan niet negatief zijn.")


def points_against(target, baseline, direction):
    """Does a target lie on the wrong side of the baseline for the KPI's direction?"""
    return target < baseline if direction == Direction.HIGHER else target > baseline


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

    def clean_value(self):
        value = self.cleaned_data["value"]
        kpi = self.kpi
        if value < 0 and kpi.is_percentage:
            raise forms.ValidationError(NEGATIVE_SHARE)
        if kpi.baseline_value is not None and points_against(
            value, kpi.baseline_value, kpi.direction
        ):
            message = (
                _("Bij „hoger is beter” ligt een streefwaarde boven de nulmeting (%(base)s).")
                if kpi.direction == Direction.HIGHER
                else _("Bij „lager is beter” ligt een streefwaarde onder de nulmeting (%(base)s).")
            )
            raise forms.ValidationError(
                message % {"base": number_format(kpi.baseline_value.normalize())}
            )
        return value


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

    def clean_value(self):
        value = self.cleaned_data["value"]
        if value is not None and value < 0 and self.kpi.is_percentage:
            raise forms.ValidationError(NEGATIVE_SHARE)
        return value

    def save(self, commit=True):
        """The measurement records who entered it last, as quarter entry does."""
        self.instance.entered_by = self.user
        self.instance.entered_at = timezone.now()
        return super().save(commit)


PER_PAGE_CHOICES = [(50, "50"), (100, "100"), (250, "250"), (1000, "1000")]


class PeriodForm(forms.Form):
    """Which quarter to enter, optionally for one theme, and how many KPIs per page."""

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
    per_page = forms.TypedChoiceField(
        choices=PER_PAGE_CHOICES,
        coerce=int,
        required=False,
        empty_value=100,
        label=_("KPI's per pagina"),
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


def posted_kpi_ids(data):
    """The KPIs a posted quarter-entry form showed: the ids in its value_<id> and version_<id>
    field names. A KPI added while the form was open is not among them, so it is left alone."""
    ids = set()
    for name in data:
        prefix, _sep, suffix = name.partition("_")
        if prefix in ("value", "version") and suffix.isascii() and suffix.isdigit():
            ids.add(int(suffix))
    return ids


class QuarterEntryForm:
    """One value, note and evidence link per KPI for one period, validated all at once.

    Fields per KPI: value_<id>, note_<id>, evidence_<id> and version_<id> (the edit token of the
    measurement the form was loaded with, "0" if there was none; see Measurement.edit_token).
    With a thousand KPIs a regular Form would build four thousand field objects and widgets;
    this one cleans every row with the same three fields and leaves the HTML to the template,
    which writes plain inputs.
    """

    def __init__(self, data=None, *, kpis, existing):
        self.data = data
        self.kpis = kpis
        self.existing = existing
        self.errors = {}  # {(kpi id, "value" | "note" | "evidence"): message}
        self.non_field_errors = []
        self.cleaned = {}
        self.value_field = DutchDecimalField(
            required=False,
            max_digits=VALUE["max_digits"],
            decimal_places=VALUE["decimal_places"],
        )
        self.note_field = forms.CharField(required=False, max_length=500)
        self.evidence_field = forms.URLField(required=False, max_length=200, assume_scheme="https")

    @property
    def is_bound(self):
        return self.data is not None

    def add_error(self, kpi_id, field, message):
        if kpi_id is None:
            self.non_field_errors.append(message)
        else:
            self.errors[(kpi_id, field)] = message

    def _clean(self, kpi, name, field):
        try:
            return field.clean(self.data.get(f"{name}_{kpi.pk}", ""))
        except forms.ValidationError as error:
            self.add_error(kpi.pk, name, error.messages[0])
            return None

    def is_valid(self):
        if not self.is_bound:
            return False
        for kpi in self.kpis:
            value = self._clean(kpi, "value", self.value_field)
            if value is not None and value < 0 and kpi.is_percentage:
                self.add_error(kpi.pk, "value", NEGATIVE_SHARE)
            self.cleaned[kpi.pk] = (
                value,
                self._clean(kpi, "note", self.note_field) or "",
                self._clean(kpi, "evidence", self.evidence_field) or "",
                # The edit token of the measurement the user saw ("0": none); the service
                # compares it with what is stored now. Anything mangled simply won't match.
                self.data.get(f"version_{kpi.pk}", "").strip() or "0",
            )
        return not self.errors and not self.non_field_errors

    def has_errors(self):
        return bool(self.errors or self.non_field_errors)

    def entries(self):
        """{kpi_id: (value or None, note, evidence, version)} from the cleaned data."""
        return self.cleaned

    def rows(self, previous, targets):
        """Per KPI what its row shows: the input values (as posted, or as stored), their
        errors, the previous value and the target to compare with. Plain values only."""
        rows = []
        for kpi in self.kpis:
            current = self.existing.get(kpi.pk)
            if self.is_bound:
                value = self.data.get(f"value_{kpi.pk}", "")
                note = self.data.get(f"note_{kpi.pk}", "")
                evidence = self.data.get(f"evidence_{kpi.pk}", "")
                version = self.data.get(f"version_{kpi.pk}", "0")
            else:
                value = localize_input(current.value.normalize()) if current else ""
                note = current.note if current else ""
                evidence = current.evidence_url if current else ""
                version = current.edit_token if current else "0"
            rows.append(
                {
                    "kpi": kpi,
                    "value": value,
                    "note": note,
                    "evidence": evidence,
                    "version": version,
                    "value_error": self.errors.get((kpi.pk, "value")),
                    "note_error": self.errors.get((kpi.pk, "note")),
                    "evidence_error": self.errors.get((kpi.pk, "evidence")),
                    "previous": previous.get(kpi.pk),
                    "target": targets.get(kpi.pk),
                }
            )
        return rows
