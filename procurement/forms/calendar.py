"""The form of one tender of the calendar, with its applied themes as an inline formset.

``TenderEditor`` holds both and checks the rules that need both (comply or explain: a
promising tender that has started without any theme must explain why). It saves the tender
and its themes in one transaction, so nothing is half saved.
"""

from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.db import transaction
from django.forms import inlineformset_factory
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from mvo.forms import OrgModelForm

from .. import rules
from ..filters import plan_years
from ..models import Tender, TenderStatus, TenderTheme

# An evaluation after award: only from these statuses on.
AWARDED = (TenderStatus.AWARDED, TenderStatus.RUNNING, TenderStatus.EVALUATED)
# Lazy, so that each request shows them in its own language.
QUARTERS = [(q, format_lazy("{} {}", _("Kwartaal"), q)) for q in range(1, 5)]
QUARTER_MESSAGE = _("Kies kwartaal 1 tot en met 4.")
EXPLAIN_MESSAGE = _(
    "Deze kansrijke aanbesteding is gestart zonder MVOI-thema. Pas een thema toe, of leg hier "
    "uit waarom dat niet kon (pas toe of leg uit)."
)
EVALUATION_MESSAGE = _(
    "Een evaluatie hoort bij een gegunde aanbesteding. Zet de status op gegund, lopend "
    "contract of geëvalueerd, of laat de evaluatie nog leeg."
)
DUPLICATE_THEME_MESSAGE = _("Dit thema staat al bij deze aanbesteding. Kies elk thema één keer.")
NOT_IN_PLAN = _("Kies een thema van dit plan.")
NEGATIVE_MESSAGE = _("Een geraamde waarde kan niet negatief zijn.")


class TenderForm(OrgModelForm):
    planned_quarter = forms.TypedChoiceField(
        label=_("Startkwartaal"),
        choices=[("", _("Kies een kwartaal")), *QUARTERS],
        coerce=int,
        error_messages={"invalid_choice": QUARTER_MESSAGE, "required": QUARTER_MESSAGE},
    )

    class Meta:
        model = Tender
        fields = [
            "title",
            "product_group",
            "estimated_value",
            "procedure",
            "budget_holder",
            "purchaser",
            "planned_year",
            "planned_quarter",
            "promising",
            "status",
            "explanation",
            "evaluation",
        ]
        widgets = {
            "explanation": forms.Textarea(attrs={"rows": 3}),
            "evaluation": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.applies_a_theme = False  # set by TenderEditor from the themes formset
        if not self.instance.pk:
            self.instance.plan = plan
        years = plan_years(plan)
        self.year_message = _("Kies een startjaar van %(first)s tot en met %(last)s.") % {
            "first": years[0],
            "last": years[-1],
        }
        year = self.fields["planned_year"]
        year.error_messages["invalid"] = self.year_message
        year.widget.attrs.update({"min": years[0], "max": years[-1], "inputmode": "numeric"})
        year.help_text = _("Binnen de planperiode (%(period)s) of uiterlijk 2030.") % {
            "period": f"{plan.start_year}–{plan.end_year}"
        }
        group = self.fields["product_group"]
        group.queryset = group.queryset.order_by("name", "pk")
        group.empty_label = _("Kies een productgroep")
        group.error_messages["invalid_choice"] = _("Kies een productgroep uit de lijst.")
        self.fields["procedure"].choices = [("", _("Nog niet bekend"))] + list(
            self.fields["procedure"].choices
        )[1:]
        self.fields["evaluation"].help_text = _(
            "Pas na de gunning: wat leverde het toepassen van de thema's op?"
        )
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.inputs = []
        self.helper.layout = Layout(
            Fieldset(
                _("De aanbesteding"),
                "title",
                "product_group",
                "estimated_value",
                "procedure",
                "budget_holder",
                "purchaser",
            ),
            Fieldset(_("Planning"), "planned_year", "planned_quarter", "status", "promising"),
            Fieldset(_("Pas toe of leg uit, en evaluatie"), "explanation", "evaluation"),
            "version",
        )

    def clean_estimated_value(self):
        value = self.cleaned_data["estimated_value"]
        if value is not None and value < 0:
            raise forms.ValidationError(NEGATIVE_MESSAGE)
        return value

    def clean_planned_year(self):
        year = self.cleaned_data["planned_year"]
        if year not in plan_years(self.plan):
            raise forms.ValidationError(self.year_message)
        return year

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        if cleaned.get("evaluation", "").strip() and status and status not in AWARDED:
            self.add_error("evaluation", EVALUATION_MESSAGE)
        if (
            status
            and rules.needs_explanation(cleaned.get("promising"), status, self.applies_a_theme)
            and not cleaned.get("explanation", "").strip()
        ):
            self.add_error("explanation", EXPLAIN_MESSAGE)
        return cleaned


class TenderThemeForm(forms.ModelForm):
    class Meta:
        model = TenderTheme
        fields = ["theme", "instrument", "criterion_ref"]

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.instance.organisation_id = plan.organisation_id
        theme = self.fields["theme"]
        theme.queryset = plan.themes.select_related("framework_theme")
        theme.empty_label = _("Kies een thema")
        theme.error_messages["invalid_choice"] = NOT_IN_PLAN
        theme.error_messages["required"] = _("Kies een thema, of laat de hele rij leeg.")
        self.fields["instrument"].choices = [("", _("Nog niet gekozen"))] + list(
            self.fields["instrument"].choices
        )[1:]

    def _get_validation_exclusions(self):
        # Doubles are checked by the formset over all rows at once (with a Dutch message);
        # the database constraint stays the last guard.
        return super()._get_validation_exclusions() | {"tender"}


class BaseTenderThemeFormSet(forms.BaseInlineFormSet):
    def __init__(self, *args, plan, **kwargs):
        self.plan = plan
        super().__init__(*args, form_kwargs={"plan": plan}, **kwargs)

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Dit thema weghalen")

    def kept_forms(self):
        """The rows that will be stored: filled in and not marked for deletion."""
        return [
            form
            for form in self.forms
            if getattr(form, "cleaned_data", None)
            and form.cleaned_data.get("theme")
            and not form.cleaned_data.get("DELETE")
        ]

    def applies_a_theme(self):
        return bool(self.kept_forms())

    def clean(self):
        seen = set()
        for form in self.kept_forms():
            theme = form.cleaned_data["theme"]
            if theme.pk in seen:
                form.add_error("theme", DUPLICATE_THEME_MESSAGE)
            seen.add(theme.pk)

    def validate_unique(self):
        pass  # clean() above says it in Dutch, per row


TenderThemeFormSet = inlineformset_factory(
    Tender,
    TenderTheme,
    form=TenderThemeForm,
    formset=BaseTenderThemeFormSet,
    fields=["theme", "instrument", "criterion_ref"],
    extra=3,
    can_delete=True,
    max_num=50,
    validate_max=True,
)


class TenderEditor:
    """The tender form and its themes, validated and saved together."""

    prefix = "themes"

    def __init__(self, data=None, *, organisation, plan, instance=None):
        self.plan = plan
        self.form = TenderForm(data, organisation=organisation, plan=plan, instance=instance)
        self.formset = TenderThemeFormSet(
            data, instance=self.form.instance, plan=plan, prefix=self.prefix
        )
        if instance is not None and instance.pk:
            self.formset.extra = 1

    def is_valid(self):
        themes_valid = self.formset.is_valid()
        self.form.applies_a_theme = self.formset.applies_a_theme()
        return self.form.is_valid() and themes_valid

    @property
    def error_summary(self):
        """(bound field, message) for every error of the tender and of the theme rows."""
        summary = list(self.form.error_summary)
        for form in self.formset.forms:
            summary += [(field, error) for field in form for error in field.errors]
        return summary

    @property
    def non_field_errors(self):
        errors = list(self.formset.non_form_errors())
        for form in self.formset.forms:
            errors += list(form.non_field_errors())
        return errors

    def save(self):
        """Save both or neither (an EditConflict of the tender form rolls back)."""
        with transaction.atomic():
            tender = self.form.save()
            self.formset.instance = tender
            for form in self.formset.forms:
                form.instance.tender = tender
            # Removed rows first, and rows that now hold another theme are stored anew, so
            # themes moved or swapped between rows never clash with a row not yet saved.
            deleted = self.formset.deleted_forms
            kept = [
                form
                for form in self.formset.forms
                if form not in deleted and form.has_changed() and form.cleaned_data.get("theme")
            ]
            for form in deleted:
                if form.instance.pk:
                    form.instance.delete()
            for form in kept:
                if form.instance.pk and "theme" in form.changed_data:
                    TenderTheme.objects.filter(pk=form.instance.pk).delete()
                    form.instance.pk = None
                    form.instance._state.adding = True
            for form in kept:
                form.save()
        return tender
