"""Forms of the policy (1A/1B): the policy itself, a new version of its text (with an optional
evidence file), an extra file for a version, and the responsibilities per department."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from mvo.forms import OrgModelForm

from .. import evidence
from ..models import DepartmentRole, Policy, PolicyElement, PolicyVersion

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
ACCEPT = ",".join(evidence.ALLOWED)


def evidence_field(required):
    return forms.FileField(
        label=_("Bewijsstuk"),
        required=required,
        help_text=_("Hoogstens %(mb)s MB. Toegestaan: %(kinds)s.")
        % {"mb": evidence.MAX_BYTES // (1024 * 1024), "kinds": evidence.ALLOWED_LABEL},
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
        error_messages={
            "required": _("Kies een bestand."),
            "empty": _("Het bestand is leeg."),
        },
    )


def url_field(model, name):
    """The model's link field as a form field that reads "example.org" as https://."""
    return model._meta.get_field(name).formfield(assume_scheme="https")


def clean_evidence(uploaded):
    """The evidence rules (size, type, content) as a field message."""
    if uploaded:
        try:
            evidence.check_file(uploaded)
        except ValidationError as error:
            raise forms.ValidationError(error.messages) from error
    return uploaded


class PolicyForm(OrgModelForm):
    elements = forms.MultipleChoiceField(
        label=_("Wat het beleid behandelt"),
        choices=PolicyElement.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Een beleid volgens de OESO-richtlijnen behandelt al deze onderdelen."),
    )
    published_url = url_field(Policy, "published_url")
    parent_fields = ("organisation", "plan")

    class Meta:
        model = Policy
        fields = [
            "title",
            "elements",
            "consulted",
            "consulted_with",
            "approved_by",
            "approved_on",
            "published_url",
            "published_on",
            "shared_internally",
            "shared_externally",
            "supplier_monitoring",
            "code_of_conduct",
            "in_risk_management",
        ]
        widgets = {
            "consulted_with": forms.Textarea(attrs={"rows": 2}),
            "approved_on": DATE_WIDGET,
            "published_on": DATE_WIDGET,
        }
        help_texts = {
            "approved_by": _("Naam en functie, bijvoorbeeld: J. de Vries, directeur."),
            "consulted_with": _("Met wie intern en extern is overlegd (afdelingen, stakeholders)."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Fieldset(_("Inhoud (1A)"), "title", "elements"),
            Fieldset(
                _("Overleg en goedkeuring"),
                "consulted",
                "consulted_with",
                "approved_by",
                "approved_on",
            ),
            Fieldset(
                _("Publicatie en delen"),
                "published_url",
                "published_on",
                "shared_internally",
                "shared_externally",
            ),
            Fieldset(
                _("Verankering in de organisatie (1B)"),
                "supplier_monitoring",
                "code_of_conduct",
                "in_risk_management",
            ),
            "version",
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("approved_on") and not (cleaned.get("approved_by") or "").strip():
            self.add_error("approved_by", _("Zeg wie van de directie het beleid goedkeurde."))
        if (cleaned.get("approved_by") or "").strip() and not cleaned.get("approved_on"):
            self.add_error("approved_on", _("Vul in wanneer de directie het beleid goedkeurde."))
        if cleaned.get("published_on") and not cleaned.get("published_url"):
            self.add_error("published_url", _("Geef de link waar het beleid is gepubliceerd."))
        if cleaned.get("published_url") and not cleaned.get("published_on"):
            self.add_error("published_on", _("Vul in wanneer het beleid is gepubliceerd."))
        if cleaned.get("consulted") and not (cleaned.get("consulted_with") or "").strip():
            self.add_error("consulted_with", _("Zeg met wie er is overlegd."))
        return cleaned


class PolicyVersionForm(OrgModelForm):
    """A new version of the policy text; the number is given by the service."""

    submit_label = _("Versie opslaan")
    link = url_field(PolicyVersion, "link")
    file = evidence_field(required=False)

    class Meta:
        model = PolicyVersion
        fields = ["summary", "text", "link"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2}),
            "text": forms.Textarea(attrs={"rows": 8}),
        }

    def clean_file(self):
        return clean_evidence(self.cleaned_data.get("file"))

    def clean(self):
        cleaned = super().clean()
        if not any(
            (cleaned.get(name) or "") for name in ("summary", "text", "link")
        ) and not cleaned.get("file"):
            raise forms.ValidationError(
                _("Vul de tekst in, geef een link of voeg het document als bestand toe.")
            )
        return cleaned


class EvidenceForm(forms.Form):
    """One more file for something that already exists (e.g. a policy version)."""

    file = evidence_field(required=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Bestand toevoegen")))

    def clean_file(self):
        return clean_evidence(self.cleaned_data.get("file"))


class DepartmentRoleForm(OrgModelForm):
    parent_fields = ("organisation", "plan")

    class Meta:
        model = DepartmentRole
        fields = ["department", "responsibilities", "contact"]
        widgets = {"responsibilities": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        if plan is not None:
            self.instance.plan = plan
        self.fields["contact"].help_text = _("Iemand met een Koers-account in deze organisatie.")

    def clean_department(self):
        department = self.cleaned_data["department"]
        taken = DepartmentRole.objects.filter(plan=self.instance.plan, department=department)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("Deze afdeling staat al in de lijst. Bewerk de bestaande regel.")
            )
        return department
