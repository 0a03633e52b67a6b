"""Forms of the grievance mechanism (step 6): the mechanism itself, a complaint entered by
hand, its handling, an evidence file, the register's filters and the public intake form."""

import unicodedata

import django_filters
from crispy_forms.helper import FormHelper
from django import forms
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mvo.forms import OrgModelForm
from plans.models import Method

from .. import evidence
from ..grievances import apply_status, check_status_change
from ..models import (
    ComplainantType,
    Grievance,
    GrievanceChannel,
    GrievanceMechanism,
    GrievanceStatus,
    MechanismCriterion,
    Risk,
    Supplier,
)

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_DESCRIPTION = 5000
MAX_WHERE = 300
MAX_NAME = 120
MAX_CONTACT = 170  # name + " – " + contact fit the model's 300 characters
ALLOWED_CONTROLS = {"\n", "\r", "\t"}


def has_control_characters(text):
    """True for text with invisible control characters (other than line breaks and tabs),
    which have no place in a complaint and can hide content from the reader."""
    return any(
        unicodedata.category(ch) in ("Cc", "Cs") and ch not in ALLOWED_CONTROLS for ch in text or ""
    )


def clean_text(value):
    if has_control_characters(value):
        raise forms.ValidationError(
            _("De tekst bevat onzichtbare stuurtekens. Typ of plak de tekst opnieuw.")
        )
    return value


class MechanismForm(OrgModelForm):
    criteria = forms.MultipleChoiceField(
        label=_("Waaraan voldoet het mechanisme al?"),
        choices=MechanismCriterion.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Aangevinkt = voldoet; niet aangevinkt = nog niet."),
    )

    class Meta:
        model = GrievanceMechanism
        fields = ["criteria", "response_days", "intake_open", "procedure_nl", "procedure_en"]
        widgets = {
            "procedure_nl": forms.Textarea(attrs={"rows": 5}),
            "procedure_en": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "intake_open": _("Alleen als het formulier openstaat, kunnen buitenstaanders melden."),
            "procedure_nl": _(
                "Staat boven het openbare formulier: wie beoordeelt de klacht, binnen welke "
                "termijn, en hoe wordt de melder beschermd?"
            ),
            "procedure_en": _(
                "Dezelfde tekst in het Engels, voor wie het formulier in het Engels invult."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["response_days"].widget.attrs.update(min=1, max=365)

    def clean_response_days(self):
        days = self.cleaned_data["response_days"]
        if days is not None and not 1 <= days <= 365:
            raise forms.ValidationError(_("Kies een termijn van 1 tot en met 365 dagen."))
        return days

    def clean_criteria(self):
        chosen = set(self.cleaned_data["criteria"])
        return [value for value in MechanismCriterion.values if value in chosen]

    def clean_procedure_nl(self):
        return clean_text(self.cleaned_data["procedure_nl"])

    def clean_procedure_en(self):
        return clean_text(self.cleaned_data["procedure_en"])

    def save(self, commit=True):
        self.instance.updated_at = timezone.now()
        return super().save(commit)


class RiskChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.plan.title})"


class SupplierChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.plan.title})"


class LinkedRowsMixin:
    """Risk and supplier come from the organisation's own due-diligence plans."""

    def limit_links(self):
        plans = {"plan__organisation": self.organisation, "plan__method": Method.DUE_DILIGENCE}
        risk, supplier = self.fields["risk"], self.fields["supplier"]
        risk.queryset = (
            Risk.objects.for_org(self.organisation)
            .filter(**plans)
            .select_related("plan")
            .order_by("plan__title", "title", "pk")
        )
        supplier.queryset = (
            Supplier.objects.for_org(self.organisation)
            .filter(**plans)
            .select_related("plan")
            .order_by("plan__title", "name", "pk")
        )
        risk.empty_label = _("Geen risico")
        supplier.empty_label = _("Geen leverancier")
        risk.error_messages["invalid_choice"] = _(
            "Kies een risico uit een due-diligenceplan van uw eigen organisatie."
        )
        supplier.error_messages["invalid_choice"] = _(
            "Kies een leverancier uit een due-diligenceplan van uw eigen organisatie."
        )


class GrievanceForm(LinkedRowsMixin, OrgModelForm):
    """A complaint that came in another way than the public form (e-mail, phone, letter…)
    and is entered by a grievance handler."""

    submit_label = _("Klacht vastleggen")

    class Meta:
        model = Grievance
        fields = [
            "received_on",
            "channel",
            "complainant_type",
            "anonymous",
            "contact",
            "description",
            "confidential",
            "response_due",
            "risk",
            "supplier",
        ]
        field_classes = {"risk": RiskChoiceField, "supplier": SupplierChoiceField}
        widgets = {
            "received_on": DATE_WIDGET,
            "response_due": DATE_WIDGET,
            "description": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_links()
        self.fields["channel"].choices = [
            (value, label)
            for value, label in self.fields["channel"].choices
            if value != GrievanceChannel.WEB_FORM
        ]
        self.fields["description"].validators.append(
            MaxLengthValidator(
                MAX_DESCRIPTION,
                _("Hoogstens %(limit_value)d tekens (nu %(show_value)d)."),
            )
        )
        self.fields["description"].widget.attrs["maxlength"] = MAX_DESCRIPTION
        self.fields["response_due"].required = False
        self.fields["response_due"].help_text = _(
            "Leeg laten: de reactietermijn van het klachtenmechanisme geldt."
        )
        self.fields["received_on"].widget.attrs["max"] = timezone.localdate().isoformat()

    def clean_received_on(self):
        received = self.cleaned_data["received_on"]
        if received and received > timezone.localdate():
            raise forms.ValidationError(_("Een klacht kan niet in de toekomst ontvangen zijn."))
        return received

    def clean_description(self):
        return clean_text(self.cleaned_data["description"])

    def clean_contact(self):
        return clean_text(self.cleaned_data["contact"])


class GrievanceHandlingForm(LinkedRowsMixin, OrgModelForm):
    """What a grievance handler does with a complaint: status, response, remedy, outcome
    and the message the complainant sees with the receipt code."""

    class Meta:
        model = Grievance
        fields = [
            "status",
            "response_due",
            "responded_on",
            "risk",
            "supplier",
            "remedy_type",
            "outcome",
            "public_note",
            "confidential",
        ]
        field_classes = {"risk": RiskChoiceField, "supplier": SupplierChoiceField}
        widgets = {
            "response_due": DATE_WIDGET,
            "responded_on": DATE_WIDGET,
            "outcome": forms.Textarea(attrs={"rows": 4}),
            "public_note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_links()
        self.loaded_status = self.instance.status
        self.fields["remedy_type"].help_text = _("Afgesproken met wie de schade ondervond.")

    def save(self, commit=True):
        apply_status(self.instance)  # closed_on follows the status
        self.instance.updated_at = timezone.now()
        return super().save(commit)

    def clean_status(self):
        status = self.cleaned_data["status"]
        try:
            check_status_change(self.loaded_status, status)
        except forms.ValidationError as error:
            raise forms.ValidationError(error.messages) from error
        return status

    def clean_responded_on(self):
        responded = self.cleaned_data["responded_on"]
        if responded and responded > timezone.localdate():
            raise forms.ValidationError(_("Een reactie kan niet in de toekomst liggen."))
        return responded

    def clean_outcome(self):
        return clean_text(self.cleaned_data["outcome"])

    def clean_public_note(self):
        return clean_text(self.cleaned_data["public_note"])

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        if status == GrievanceStatus.REMEDY and not cleaned.get("remedy_type"):
            self.add_error(
                "remedy_type", _("Kies welk herstel er loopt voordat u deze status kiest.")
            )
        if status == GrievanceStatus.CLOSED and not (cleaned.get("outcome") or "").strip():
            self.add_error("outcome", _("Beschrijf de uitkomst voordat u de klacht afsluit."))
        if status == GrievanceStatus.INADMISSIBLE and not (cleaned.get("outcome") or "").strip():
            self.add_error("outcome", _("Leg uit waarom de klacht niet-ontvankelijk is."))
        return cleaned


class EvidenceForm(forms.Form):
    file = forms.FileField(label=_("Bestand"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = gettext("Hoogstens %(mb)s MB; %(kinds)s.") % {
            "mb": evidence.MAX_BYTES // (1024 * 1024),
            "kinds": evidence.ALLOWED_LABEL,
        }
        self.fields["file"].error_messages["required"] = _("Kies een bestand.")
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        evidence.check_file(uploaded)
        return uploaded


YES_NO = [("ja", _("Ja")), ("nee", _("Nee"))]


class GrievanceFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        choices=GrievanceStatus.choices, label=_("Status"), empty_label=_("Alle statussen")
    )
    channel = django_filters.ChoiceFilter(
        choices=GrievanceChannel.choices, label=_("Kanaal"), empty_label=_("Alle kanalen")
    )
    complainant_type = django_filters.ChoiceFilter(
        choices=ComplainantType.choices, label=_("Wie meldt"), empty_label=_("Iedereen")
    )
    overdue = django_filters.ChoiceFilter(
        choices=YES_NO, label=_("Termijn verstreken"), empty_label=_("Alle"), method="by_overdue"
    )
    year = django_filters.ChoiceFilter(
        field_name="received_on__year", label=_("Jaar"), empty_label=_("Alle jaren")
    )

    class Meta:
        model = Grievance
        fields = ["status", "channel", "complainant_type", "overdue", "year"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organisation = self.request.organisation
        years = Grievance.objects.for_org(organisation).dates("received_on", "year", "DESC")
        self.filters["year"].extra["choices"] = [(d.year, d.year) for d in years]

    def by_overdue(self, queryset, name, value):
        return queryset.filter(is_overdue=(value == "ja"))


class PublicGrievanceForm(forms.Form):
    """The public intake form. Its texts speak to an outsider, in Dutch or English."""

    description = forms.CharField(
        label=_("Wat is er gebeurd?"),
        max_length=MAX_DESCRIPTION,
        widget=forms.Textarea(attrs={"rows": 7}),
        help_text=_(
            "Beschrijf wat er gebeurde, wanneer, en wie erdoor geraakt werd. Hoogstens "
            "5.000 tekens."
        ),
        error_messages={
            "required": _("Beschrijf wat er is gebeurd."),
            "max_length": _(
                "Uw beschrijving is te lang: hoogstens %(limit_value)d tekens (nu %(show_value)d)."
            ),
        },
    )
    where = forms.CharField(
        label=_("Waar was het, of om welke leverancier of welk product gaat het?"),
        max_length=MAX_WHERE,
        required=False,
        help_text=_("Niet verplicht."),
        error_messages={"max_length": _("Hoogstens %(limit_value)d tekens (nu %(show_value)d).")},
    )
    complainant_type = forms.ChoiceField(
        label=_("Wie bent u?"),
        choices=[("", _("Zeg ik liever niet")), *ComplainantType.choices[:-1]],
        required=False,
        error_messages={"invalid_choice": _("Kies een van de mogelijkheden.")},
    )
    anonymous = forms.TypedChoiceField(
        label=_("Wilt u anoniem melden?"),
        choices=[("ja", _("Ja, anoniem")), ("nee", _("Nee, met mijn naam"))],
        coerce=lambda value: value == "ja",
        initial="ja",
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies of u anoniem wilt melden.")},
    )
    name = forms.CharField(
        label=_("Naam"),
        max_length=MAX_NAME,
        required=False,
        help_text=_("Niet verplicht; alleen als u niet anoniem meldt."),
        error_messages={"max_length": _("Hoogstens %(limit_value)d tekens.")},
    )
    contact = forms.CharField(
        label=_("Hoe kunnen we u bereiken?"),
        max_length=MAX_CONTACT,
        required=False,
        help_text=_("E-mailadres of telefoonnummer. Niet verplicht."),
        error_messages={"max_length": _("Hoogstens %(limit_value)d tekens.")},
    )
    consent = forms.BooleanField(
        label=_(
            "Ik begrijp dat mijn melding vertrouwelijk wordt behandeld door de "
            "klachtbehandelaars van deze organisatie, en alleen gebruikt wordt om de "
            "klacht te onderzoeken en af te handelen."
        ),
        error_messages={
            "required": _("Vink aan dat u dit begrijpt; anders kunnen we de melding niet aannemen.")
        },
    )
    # A field people do not see: only robots fill it in.
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["description"].widget.attrs["maxlength"] = MAX_DESCRIPTION
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def is_robot(self):
        return bool(self.data.get(self.add_prefix("website"), "").strip())

    def clean_description(self):
        return clean_text(self.cleaned_data["description"])

    def clean_where(self):
        return clean_text(self.cleaned_data["where"])

    def clean_name(self):
        return clean_text(self.cleaned_data["name"])

    def clean_contact(self):
        return clean_text(self.cleaned_data["contact"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("anonymous"):  # whatever was typed in hidden fields is dropped
            cleaned["name"] = cleaned["contact"] = ""
        return cleaned

    def full_description(self):
        """What the register keeps: what happened, and where (when given)."""
        text = self.cleaned_data["description"].strip()
        where = self.cleaned_data["where"].strip()
        if where:
            with_label = gettext("Waar / leverancier / product")
            text = f"{text}\n\n{with_label}: {where}"
        return text

    def contact_line(self):
        parts = [self.cleaned_data["name"].strip(), self.cleaned_data["contact"].strip()]
        return " – ".join(part for part in parts if part)


class ReceiptLookupForm(forms.Form):
    code = forms.CharField(
        label=_("Uw ontvangstcode"),
        max_length=40,
        help_text=_(
            "Bijvoorbeeld K7QM-2XWD-PR9T-HA3N. Hoofdletters, kleine letters en "
            "streepjes maken niet uit."
        ),
        error_messages={
            "required": _("Vul uw ontvangstcode in."),
            "max_length": _("Een ontvangstcode is korter."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(
            autocomplete="off", spellcheck="false", autocapitalize="characters"
        )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
