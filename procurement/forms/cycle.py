"""Forms of steps 5–7: what is anchored per area, an MVOI action (the shared action form plus
its MVOI details) and the yearly evaluation (three levels × three questions)."""

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from mvo.forms import OrgModelForm
from plans.forms import ActionForm

from ..models import (
    TEAMS,
    ActionDetail,
    Anchoring,
    AnchoringKind,
    Evaluation,
    EvaluationLevel,
    EvaluationQuestion,
    evaluation_field,
)


class AnchoringForm(OrgModelForm):
    class Meta:
        model = Anchoring
        fields = ["anchored"]
        widgets = {"anchored": forms.Textarea(attrs={"rows": 8})}
        help_texts = {
            "anchored": _(
                "Bijvoorbeeld: MVOI staat in het inkoopbeleid, in de inkoopprocedure, in "
                "functieprofielen of in de contractmanagementcyclus."
            )
        }


class DatalistInput(forms.TextInput):
    """A text field that suggests ``options`` (an HTML datalist): pick one, or type another."""

    def __init__(self, options, attrs=None):
        super().__init__(attrs)
        self.options = options

    def render(self, name, value, attrs=None, renderer=None):
        attrs = {**(attrs or {})}
        list_id = f"{attrs.get('id') or 'id_' + name}-opties"
        attrs["list"] = list_id
        field = super().render(name, value, attrs, renderer)
        options = format_html_join("", '<option value="{}"></option>', ((o,) for o in self.options))
        return format_html('{}<datalist id="{}">{}</datalist>', field, list_id, options)


class MvoiActionForm(ActionForm):
    """The shared action form (plans.forms.ActionForm) for an action of this MVOI plan, with
    what MVOI adds (ActionDetail): anchoring kind, extra budget, extra capacity. The plan is
    the one of the page; the action and its details are saved together."""

    anchoring = forms.ChoiceField(
        label=_("Borgingsactie"),
        choices=[("", _("Geen borgingsactie")), *AnchoringKind.choices],
        required=False,
        help_text=_(
            "Een structurele actie verankert MVOI blijvend; een eenmalige gebeurt één keer."
        ),
    )
    extra_budget = forms.BooleanField(
        label=_("Extra budget nodig"),
        required=False,
        help_text=_("Aangevinkt: de actie past niet binnen het bestaande budget."),
    )
    extra_capacity = forms.BooleanField(
        label=_("Extra capaciteit nodig"),
        required=False,
        help_text=_("Aangevinkt: er zijn meer mensen of uren nodig dan er nu zijn."),
    )

    class Meta(ActionForm.Meta):
        fields = [name for name in ActionForm.Meta.fields if name != "plan"]
        widgets = {**ActionForm.Meta.widgets, "team": DatalistInput(TEAMS)}

    def __init__(self, *args, plan=None, **kwargs):
        """``plan`` is the page's plan; without it (only to list what was typed into a form
        whose row was deleted meanwhile) the form offers no goals."""
        super().__init__(*args, **kwargs)
        self.plan = plan
        if plan is not None:
            self.instance.plan = plan
        self.fields["goal"].queryset = self.fields["goal"].queryset.filter(plan=plan)
        self.fields["goal"].help_text = ""
        self.fields["team"].help_text = _(
            "Kies een team uit de lijst of typ een andere naam; die staat dan bij ‘Anders’."
        )
        mvoi = ("anchoring", "extra_budget", "extra_capacity")
        order = [name for name in self.fields if name not in mvoi]
        at = order.index("within_budget") + 1
        order[at:at] = ["extra_budget", "extra_capacity"]
        order.insert(1, "anchoring")  # right after the title
        self.order_fields(order)
        detail = getattr(self.instance, "mvoi", None) if self.instance.pk else None
        if detail is not None:
            self.initial.setdefault("anchoring", detail.anchoring)
            self.initial.setdefault("extra_budget", detail.extra_budget)
            self.initial.setdefault("extra_capacity", detail.extra_capacity)

    def clean(self):
        self.cleaned_data["plan"] = self.plan  # the shared checks (goal, quarter) need it
        cleaned = super().clean()
        if cleaned.get("extra_budget") or cleaned.get("extra_capacity"):
            cleaned["within_budget"] = False  # what the shared field means, kept in step
        return cleaned

    def save(self, commit=True):
        """The action and its MVOI details (call inside a transaction: the view does)."""
        action = super().save(commit)
        if commit:
            action.mvoi, _created = ActionDetail.objects.update_or_create(
                action=action,
                defaults={
                    "organisation": action.organisation,
                    "anchoring": self.cleaned_data["anchoring"],
                    "extra_budget": self.cleaned_data["extra_budget"],
                    "extra_capacity": self.cleaned_data["extra_capacity"],
                },
            )
        return action


LEVEL_HELP = {
    EvaluationLevel.STRATEGIC: _("Beleid, ambities en draagvlak bij bestuur en directie."),
    EvaluationLevel.SUBSTANTIVE: _("De thema's: wat leverden de aanbestedingen op?"),
    EvaluationLevel.PROCESS: _("De werkwijze: kalender, acties, samenwerking en planning."),
}


class EvaluationForm(OrgModelForm):
    """Three levels × three questions. The template lays them out as a grid (see
    ``levels``); crispy is not used here."""

    class Meta:
        model = Evaluation
        fields = [
            evaluation_field(level, question)
            for level in EvaluationLevel.values
            for question in EvaluationQuestion.values
        ]
        widgets = {name: forms.Textarea(attrs={"rows": 5}) for name in fields}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for level in EvaluationLevel:
            for question in EvaluationQuestion:
                field = self.fields[evaluation_field(level.value, question.value)]
                field.label = format_lazy("{}: {}", level.label, question.label)
                field.widget.attrs["aria-describedby"] = f"niveau-{level.value}"
                field.widget.attrs["class"] = "form-control"

    def levels(self):
        """[(level value, label, help, [(question label, bound field)])] for the template."""
        return [
            (
                level.value,
                level.label,
                LEVEL_HELP[level],
                [
                    (question.label, self[evaluation_field(level.value, question.value)])
                    for question in EvaluationQuestion
                ],
            )
            for level in EvaluationLevel
        ]
