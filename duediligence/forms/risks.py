"""Forms of the risk register (2B/2C/3A) and of the actions against a risk (3B).

Items, suppliers and actions come from the risk's own plan only: an id of another plan (or of
another organisation) is refused like any invalid choice, with a Dutch message. The model's
clean() holds the priority rule, so its message lands next to the rationale field.
"""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Fieldset, Layout
from django import forms
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from mvo.forms import OrgModelForm
from mvo.validation import SCORE_MESSAGE
from plans.forms import ActionForm
from plans.models import Action, Goal

from .. import countries, rules
from ..models import AffectedGroup, Item, Risk, RiskAction, RiskSource, Supplier

SCORE_FIELDS = ("scale", "scope", "irremediability", "likelihood")
NOT_IN_PLAN = _("Kies uit de lijst: dit hoort niet bij dit plan.")


def plan_items(plan):
    return Item.objects.for_org(plan.organisation_id).filter(plan=plan)


def plan_suppliers(plan):
    return Supplier.objects.for_org(plan.organisation_id).filter(plan=plan)


class RiskForm(OrgModelForm):
    """One risk of a due-diligence plan. Severity is not a field: the model works it out from
    scale, scope and irremediability when it is saved."""

    countries = forms.MultipleChoiceField(
        label=_("Landen"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Houd Ctrl (of Cmd) ingedrukt om meer landen te kiezen."),
    )
    affected_groups = forms.MultipleChoiceField(
        label=_("Getroffen groepen"),
        required=False,
        choices=AffectedGroup.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Let extra op vrouwen en kwetsbare groepen."),
    )
    sources = forms.MultipleChoiceField(
        label=_("Bronnen"),
        required=False,
        choices=RiskSource.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Waar komt de informatie over dit risico vandaan?"),
    )

    class Meta:
        model = Risk
        fields = [
            "title",
            "description",
            "category",
            "category_other",
            "area",
            "nature",
            "items",
            "suppliers",
            "countries",
            "affected_groups",
            "affected_other",
            "sources",
            "source_notes",
            "scale",
            "scope",
            "irremediability",
            "likelihood",
            "prioritised",
            "priority_rationale",
            "involvement",
            "involvement_notes",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "source_notes": forms.Textarea(attrs={"rows": 2}),
            "priority_rationale": forms.Textarea(attrs={"rows": 3}),
            "involvement_notes": forms.Textarea(attrs={"rows": 2}),
            # lists, not checkboxes: an imported chain can hold hundreds of rows
            "items": forms.SelectMultiple(attrs={"size": 6}),
            "suppliers": forms.SelectMultiple(attrs={"size": 6}),
        }
        help_texts = {
            "category_other": _("Alleen nodig bij de categorie ‘Anders’."),
            "likelihood": _(
                "Hoe groot is de kans dat het gebeurt? 1 = zeer onwaarschijnlijk, "
                "5 = vrijwel zeker. Telt niet mee voor de ernst."
            ),
            "prioritised": _(
                "De ernstigste risico's krijgen altijd voorrang, ook als ze onwaarschijnlijk zijn."
            ),
            "priority_rationale": _(
                "Waarom krijgt dit risico wel of (nog) geen prioriteit? Verplicht bij een risico "
                "in de hoogste ernstklasse zonder prioriteit."
            ),
            "involvement": _(
                "Veroorzaakt u de schade zelf, draagt u eraan bij, of bent u er via uw "
                "producten of diensten direct mee verbonden?"
            ),
        }

    def __init__(self, *args, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan  # None only where the form just reads back what was typed
        if plan is not None and not self.instance.pk:
            self.instance.plan = plan
        fields = self.fields
        fields["items"].queryset = plan_items(plan) if plan else Item.objects.none()
        fields["suppliers"].queryset = plan_suppliers(plan) if plan else Supplier.objects.none()
        for name in ("items", "suppliers"):
            fields[name].error_messages["invalid_choice"] = NOT_IN_PLAN
            fields[name].help_text = _(
                "Uit de waardeketen van dit plan. Houd Ctrl (of Cmd) ingedrukt om er meer te "
                "kiezen."
            )
        fields["countries"].choices = countries.choices()[1:]  # no "onbekend" in a list
        fields["countries"].error_messages["invalid_choice"] = _("Kies een land uit de lijst.")
        fields["involvement"].choices = [("", _("Nog niet bepaald"))] + list(
            fields["involvement"].choices
        )[1:]
        for name in SCORE_FIELDS:
            fields[name].error_messages["invalid"] = SCORE_MESSAGE
            fields[name].widget.attrs.update({"min": 1, "max": 5, "inputmode": "numeric"})
        self.helper.layout = self.layout()

    def layout(self):
        return Layout(
            Fieldset(
                _("Het risico"),
                "title",
                "description",
                "category",
                "category_other",
                "area",
                "nature",
            ),
            Fieldset(_("Waar in de keten"), "items", "suppliers", "countries"),
            Fieldset(
                _("Wie het raakt en waar het vandaan komt"),
                "affected_groups",
                "affected_other",
                "sources",
                "source_notes",
            ),
            Fieldset(
                _("Ernst en waarschijnlijkheid"),
                HTML(self.severity_note()),
                "scale",
                "scope",
                "irremediability",
                "likelihood",
            ),
            Fieldset(_("Prioriteit"), "prioritised", "priority_rationale"),
            Fieldset(_("Betrokkenheid"), "involvement", "involvement_notes"),
            "version",
        )

    def severity_note(self):
        """Said above the scores: severity is worked out, not typed in. The empty paragraph
        gets the severity of the scores as they are typed (static/js/risk_severity.js)."""
        text = _(
            "De ernst vult u niet zelf in: Koers neemt het gemiddelde van zwaarte, reikwijdte "
            "en onomkeerbaarheid en rondt dat naar boven af. Staat een van de drie op 5, dan is "
            "de ernst minstens 4. Bij ernst 4 of 5 krijgt het risico prioriteit, of u legt uit "
            "waarom (nog) niet."
        )
        stored = ""
        if self.instance.pk:
            stored = _("Nu opgeslagen: ernst %(severity)s (%(band)s).") % {
                "severity": self.instance.severity,
                "band": self.instance.band_label,
            }
        bands = {f"data-band{s}": rules.BAND_LABELS[rules.band(s)] for s in range(1, 6)}
        live = format_html(
            '<p class="small fw-semibold" id="severity-live" aria-live="polite" '
            'data-text="{}" data-empty="{}" {}></p>',
            _("Met deze scores: ernst {severity} ({band})."),
            _("Vul de drie scores in om de ernst te zien."),
            format_html_join(" ", '{}="{}"', bands.items()),
        )
        note = format_html('<p class="small mb-1">{} <strong>{}</strong></p>', text, stored)
        return note + live

    def save(self, commit=True):
        self.instance.updated_at = timezone.now()
        return super().save(commit)


class PartnersMixin:
    """The chain partners (suppliers of the plan) and who else is needed."""

    error_summary = OrgModelForm.error_summary  # for the summary above the form

    def setup_partners(self, plan):
        field = self.fields["partners"]
        field.queryset = plan_suppliers(plan)
        field.error_messages["invalid_choice"] = NOT_IN_PLAN
        field.help_text = _(
            "Leveranciers van dit plan die aan deze actie meewerken. Houd Ctrl (of Cmd) "
            "ingedrukt om er meer te kiezen."
        )


class RiskActionPartnersForm(PartnersMixin, forms.ModelForm):
    """The link part of "Nieuwe actie": shown under the action's own fields, one submit."""

    prefix = "link"

    class Meta:
        model = RiskAction
        fields = ["partners", "partner_notes"]
        widgets = {"partners": forms.SelectMultiple(attrs={"size": 6})}

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_partners(plan)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the page's one form has the token


class ActionForRiskForm(ActionForm):
    """The shared action form, fixed on the risk's plan."""

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["plan"]
        field.queryset = field.queryset.filter(pk=plan.pk)
        field.disabled = True
        self.initial["plan"] = plan.pk
        self.instance.plan = plan
        self.fields["goal"].queryset = Goal.objects.for_org(plan.organisation_id).filter(plan=plan)
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.inputs = []


class LinkActionForm(PartnersMixin, forms.ModelForm):
    """Bestaande actie koppelen: an action of the same plan not yet linked to this risk."""

    class Meta:
        model = RiskAction
        fields = ["action", "partners", "partner_notes"]
        widgets = {"partners": forms.SelectMultiple(attrs={"size": 6})}

    def __init__(self, *args, risk, **kwargs):
        super().__init__(*args, **kwargs)
        self.risk = risk
        self.instance.risk = risk
        self.instance.organisation_id = risk.organisation_id
        field = self.fields["action"]
        field.queryset = (
            Action.objects.for_org(risk.organisation_id)
            .filter(plan_id=risk.plan_id)
            .exclude(dd_risk_links__risk=risk)
            .order_by("title", "pk")
        )
        field.label = _("Actie")
        field.empty_label = _("Kies een actie van dit plan")
        field.error_messages["invalid_choice"] = _(
            "Kies een actie van dit plan die nog niet aan dit risico hangt."
        )
        self.setup_partners(risk.plan)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
