"""Forms of monitoring (step 4): one activity, the filters of the list, and the corrective
action plan (CAP) that turns findings into actions of the plan."""

import django_filters
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from kpis.models import Kpi
from mvo.forms import OrgModelForm
from mvo.models import User
from mvo.validation import DATE_RANGE_MESSAGE, LAST_DATE
from plans.filters import YearFilter
from plans.forms import writers_of

from .. import evidence
from ..models import Effectiveness, Monitoring, MonitoringKind, Risk, Supplier

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_CAP_LINES = 50
MAX_CAP_LINE = 200  # an action's title holds at most 200 characters
YEAR_MESSAGE = _("Vul een jaartal tussen 1990 en 2100 in.")


class KpiChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.unit})"


class MonitoringForm(OrgModelForm):
    """One monitoring activity of a due-diligence plan. Supplier and risks come from the same
    plan, KPIs from the organisation; one evidence file may be added per save."""

    evidence = forms.FileField(label=_("Bewijsstuk toevoegen"), required=False)

    class Meta:
        model = Monitoring
        fields = [
            "kind",
            "audit_scheme",
            "audit_other",
            "date",
            "supplier",
            "risks",
            "kpis",
            "findings",
            "effectiveness",
            "notes",
        ]
        field_classes = {"kpis": KpiChoiceField}
        widgets = {
            "date": DATE_WIDGET,
            "risks": forms.CheckboxSelectMultiple,
            "kpis": forms.CheckboxSelectMultiple,
            "findings": forms.Textarea(attrs={"rows": 4}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "audit_scheme": _("Alleen bij een audit."),
            "audit_other": _("Alleen bij een andere audit: welke standaard?"),
            "risks": _("Welke risico's van dit plan heeft deze activiteit gevolgd?"),
            "kpis": _("Bijvoorbeeld het percentage leveranciers dat de gedragscode ondertekende."),
            "effectiveness": _("Werken de afspraken en maatregelen? Zijn ze nagekomen?"),
        }

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        if not self.instance.pk:
            self.instance.plan = plan
        fields = self.fields
        fields["supplier"].queryset = Supplier.objects.for_org(self.organisation).filter(plan=plan)
        fields["supplier"].empty_label = _("Geen bepaalde leverancier")
        fields["risks"].queryset = Risk.objects.for_org(self.organisation).filter(plan=plan)
        fields["kpis"].queryset = Kpi.objects.for_org(self.organisation).order_by("name")
        fields["evidence"].help_text = gettext(
            "Bijvoorbeeld het auditrapport. Hoogstens %(mb)s MB; %(kinds)s."
        ) % {"mb": evidence.MAX_BYTES // (1024 * 1024), "kinds": evidence.ALLOWED_LABEL}
        fields["date"].widget.attrs["max"] = timezone.localdate().isoformat()
        for name in ("supplier", "risks"):
            fields[name].error_messages["invalid_choice"] = _(
                "Kies een leverancier of risico van dit plan."
            )
        fields["kpis"].error_messages["invalid_choice"] = _("Kies een KPI van uw organisatie.")
        if not self.instance.pk:
            fields["date"].initial = timezone.localdate()

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date and date > LAST_DATE:
            raise forms.ValidationError(DATE_RANGE_MESSAGE)
        if date and date > timezone.localdate():
            raise forms.ValidationError(
                _("Een monitoringactiviteit ligt niet in de toekomst. Kies vandaag of eerder.")
            )
        return date

    def clean_evidence(self):
        uploaded = self.cleaned_data.get("evidence")
        if uploaded:
            evidence.check_file(uploaded)
        return uploaded


def quarter_choices(plan):
    return [("", gettext("Niet gepland"))] + [
        (f"{year}-{quarter}", gettext("K%(quarter)s %(year)s") % {"quarter": quarter, "year": year})
        for year, quarter in plan.quarters
    ]


class CapForm(forms.Form):
    """A corrective action plan: each non-empty line becomes an action of the plan."""

    lines = forms.CharField(
        label=_("Verbeterpunten"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Vul ten minste één verbeterpunt in.")},
    )
    planned = forms.ChoiceField(label=_("Gepland kwartaal"), required=False)
    responsible = forms.ModelChoiceField(
        label=_("Verantwoordelijke"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("Nog niemand"),
        error_messages={"invalid_choice": _("Kies iemand die in uw organisatie mag invoeren.")},
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["lines"].help_text = gettext(
            "Eén verbeterpunt per regel; elke regel wordt een actie in het plan. Hoogstens "
            "%(lines)s regels van elk hoogstens %(chars)s tekens."
        ) % {"lines": MAX_CAP_LINES, "chars": MAX_CAP_LINE}
        self.fields["planned"].choices = quarter_choices(plan)
        self.fields["planned"].error_messages["invalid_choice"] = gettext(
            "Kies een kwartaal binnen de planperiode (%(period)s)."
        ) % {"period": plan.period_label}
        self.fields["responsible"].queryset = writers_of(plan.organisation)
        self.helper = FormHelper()
        self.helper.form_id = "cap-form"
        self.helper.add_input(Submit("submit", _("Acties aanmaken")))

    @property
    def error_summary(self):
        return [(field, error) for field in self for error in field.errors]

    def clean_lines(self):
        lines = [line.strip() for line in self.cleaned_data["lines"].splitlines()]
        lines = [line for line in lines if line]
        if not lines:
            raise forms.ValidationError(_("Vul ten minste één verbeterpunt in."))
        if len(lines) > MAX_CAP_LINES:
            raise forms.ValidationError(
                gettext("Dit zijn %(count)s regels; hoogstens %(max)s per keer.")
                % {"count": len(lines), "max": MAX_CAP_LINES}
            )
        too_long = [n for n, line in enumerate(lines, start=1) if len(line) > MAX_CAP_LINE]
        if too_long:
            text = ngettext(
                "Regel %(lines)s is langer dan %(max)s tekens. Maak dit verbeterpunt korter.",
                "Regels %(lines)s zijn langer dan %(max)s tekens. Maak deze verbeterpunten korter.",
                len(too_long),
            )
            lines_text = ", ".join(map(str, too_long))
            raise forms.ValidationError(text % {"lines": lines_text, "max": MAX_CAP_LINE})
        return lines

    def clean_planned(self):
        value = self.cleaned_data.get("planned")
        if not value:
            return None
        year, quarter = (int(part) for part in value.split("-"))
        return year, quarter


class MonitoringFilter(django_filters.FilterSet):
    """The plan's monitoring list: every filter runs in the database."""

    kind = django_filters.ChoiceFilter(
        choices=MonitoringKind.choices, label=_("Soort"), empty_label=_("Alle soorten")
    )
    supplier = django_filters.ModelChoiceFilter(
        queryset=Supplier.objects.none(),
        label=_("Leverancier"),
        empty_label=_("Alle leveranciers"),
    )
    effectiveness = django_filters.ChoiceFilter(
        choices=Effectiveness.choices,
        label=_("Doeltreffendheid"),
        empty_label=_("Alles"),
    )
    year = YearFilter(
        field_name="date",
        lookup_expr="year",
        label=_("Jaar"),
        validators=[
            MinValueValidator(1990, message=YEAR_MESSAGE),
            MaxValueValidator(2100, message=YEAR_MESSAGE),
        ],
        error_messages={"invalid": _("Vul een jaartal in, bijvoorbeeld 2026.")},
        widget=forms.NumberInput(attrs={"min": 1990, "max": 2100}),
    )

    class Meta:
        model = Monitoring
        fields = ["kind", "supplier", "effectiveness", "year"]

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        # Only suppliers that have been monitored: the list stays short in a large chain.
        self.filters["supplier"].queryset = (
            Supplier.objects.for_org(plan.organisation)
            .filter(plan=plan, monitoring__isnull=False)
            .distinct()
        )
