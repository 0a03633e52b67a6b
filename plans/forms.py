"""Forms of the plans app. Validation lives here and in the models' clean()."""

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kpis.models import Kpi
from mvo.forms import OrgModelForm
from mvo.models import Role, User
from mvo.versioning import VersionedModelForm

from .models import Plan, PlanStep, StepStatus

WRITERS = [role for role in Role.values if Role.at_least(role, Role.MEMBER)]


def writers_of(organisation, keep=None):
    """People who may edit in the organisation (plus ``keep``, a current choice who left)."""
    return (
        User.objects.filter(
            Q(memberships__organisation=organisation, memberships__role__in=WRITERS)
            | Q(pk=getattr(keep, "pk", keep))
        )
        .distinct()
        .order_by("full_name", "email")
    )


class PlanForm(OrgModelForm):
    class Meta:
        model = Plan
        fields = ["title", "method", "start_year", "end_year", "coordinator", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coordinator"].queryset = writers_of(
            self.organisation, self.instance.coordinator_id
        )
        if self.instance.pk:
            # The method decides the steps: it is fixed once the plan exists.
            self.fields["method"].disabled = True
            self.fields["method"].help_text = _("De methode ligt vast zodra het plan bestaat.")


class PlanStepForm(VersionedModelForm):
    """A step's status, notes and one answer per guiding question (answer_0, answer_1, ...)."""

    status = forms.ChoiceField(label=_("Status"), choices=StepStatus.choices)
    notes = forms.CharField(
        label=_("Aantekeningen van de werkgroep"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    class Meta:
        model = PlanStep
        fields = ["status", "notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        answers = list(self.instance.answers or [])
        for i, question in enumerate(self.instance.step.questions):
            self.fields[f"answer_{i}"] = forms.CharField(
                label=question,
                required=False,
                max_length=5000,
                initial=answers[i] if i < len(answers) else "",
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def save(self, commit=True, user=None):
        self.instance.answers = self.answers()
        self.instance.updated_by = user
        self.instance.updated_at = timezone.now()
        return super().save(commit)

    def answers(self):
        count = len(self.instance.step.questions)
        return [self.cleaned_data.get(f"answer_{i}", "").strip() for i in range(count)]

    def question_fields(self):
        return [self[f"answer_{i}"] for i in range(len(self.instance.step.questions))]


class KpiChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.unit})"


class PlanKpisForm(OrgModelForm):
    """Which of the organisation's KPIs this plan follows (step 2.2)."""

    submit_label = _("KPI's opslaan")
    kpis = KpiChoiceField(
        queryset=Kpi.objects.all(),
        required=False,
        label=_("KPI's van dit plan"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Nieuwe KPI's maakt u aan onder KPI's; daarna kiest u ze hier."),
    )

    class Meta:
        model = Plan
        fields = ["kpis"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kpis"].queryset = self.fields["kpis"].queryset.order_by("name")
