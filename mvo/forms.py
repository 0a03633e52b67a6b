from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from . import ownership
from .models import Membership, Organisation, Role, User
from .validation import DutchDecimalField, browser_limits, limit_text
from .versioning import VersionedModelForm


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mailadres"))
    role = forms.ChoiceField(label=_("Rol"), choices=Role.choices, initial=Role.MEMBER)
    department = forms.CharField(label=_("Afdeling"), max_length=120, required=False)

    def __init__(self, *args, organisation, **kwargs):
        self.organisation = organisation
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Uitnodiging versturen")))

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if Membership.objects.filter(
            organisation=self.organisation, user__email__iexact=email
        ).exists():
            raise forms.ValidationError(_("Deze persoon is al lid van de organisatie."))
        return email


class MembershipForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["role", "department", "handles_grievances"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.form_show_labels = False


class HandOverForm(forms.Form):
    """Give what a former member still owns to a current member who may edit."""

    from_user = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**63 - 1)
    to_user = forms.ModelChoiceField(label=_("Overdragen aan"), queryset=User.objects.none())

    def __init__(self, *args, organisation, **kwargs):
        self.organisation = organisation
        super().__init__(*args, **kwargs)
        writers = Membership.objects.for_org(organisation).filter(
            role__in=[role for role in Role.values if Role.at_least(role, Role.MEMBER)]
        )
        self.fields["to_user"].queryset = User.objects.filter(
            memberships__in=writers, is_active=True
        ).order_by("full_name", "email")
        self.fields["to_user"].error_messages["invalid_choice"] = _(
            "Kies iemand die lid is van de organisatie en gegevens mag invoeren."
        )

    def clean_from_user(self):
        """Only someone who left and still owns something here; anyone else (a member, a
        person of another organisation, an unknown id) gets the same message, so the form
        tells nothing about people outside the organisation."""
        from_user = User.objects.filter(pk=self.cleaned_data["from_user"]).first()
        if (
            from_user is None
            or Membership.objects.filter(organisation=self.organisation, user=from_user).exists()
            or not ownership.owned_by(self.organisation, from_user)
        ):
            raise forms.ValidationError(_("Deze persoon is geen voormalig lid."))
        return from_user


class OrganisationForm(VersionedModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "kind", "sector", "size"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Opslaan")))


class InvitationSignupForm(forms.Form):
    """A newcomer accepts an invitation by choosing a name and a password."""

    full_name = forms.CharField(label=_("Uw naam"), max_length=150)
    password1 = forms.CharField(
        label=_("Wachtwoord"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Wachtwoord (nogmaals)"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email, **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Account aanmaken en deelnemen")))

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("De twee wachtwoorden zijn niet gelijk."))
        elif p1:
            probe = User(email=self.email, full_name=cleaned.get("full_name", ""))
            try:
                password_validation.validate_password(p1, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class EmailAuthenticationForm(AuthenticationForm):
    """Django's login form, with the username field presented as an e-mail address."""

    username = forms.EmailField(
        label=_("E-mailadres"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "Dit e-mailadres en wachtwoord horen niet bij elkaar. Let op: het wachtwoord is "
            "hoofdlettergevoelig."
        ),
    }


def login_identifier(request, credentials):
    """What django-axes counts failed logins by: the e-mail address, in lower case."""
    value = (credentials or {}).get("username") or request.POST.get("username", "")
    return value.strip().lower()


class OrgModelForm(VersionedModelForm):
    """Base form for a row of one organisation.

    - sets the organisation on a new row;
    - offers only the organisation's own rows (and members) in every choice field, so a
      posted id of another organisation's row is refused like any invalid choice;
    - checks unique constraints that include the organisation (Django skips those by default
      because the organisation is not a form field), so duplicates get a message, not a 500;
    - carries the version field against lost updates (see mvo.versioning).
    """

    submit_label = _("Opslaan")
    parent_fields = ("organisation",)  # set by the view, not the form; still validated

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        if not self.instance.pk and hasattr(self.instance, "organisation_id"):
            self.instance.organisation = organisation
        model_fields = {f.name: f for f in self._meta.model._meta.get_fields()}
        for name, field in self.fields.items():
            queryset = getattr(field, "queryset", None)
            if queryset is not None:
                field.queryset = restrict_to_organisation(queryset, organisation)
            if type(field) is forms.DecimalField:
                dutch_decimal(field)
            if name in model_fields:
                browser_limits(field, model_fields[name])
                limit_text(field, model_fields[name])
            if type(field) is forms.ModelMultipleChoiceField:
                field.__class__ = BoundedModelMultipleChoiceField  # same field, one check more
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", self.submit_label))

    @property
    def error_summary(self):
        """(bound field, message) for every field error, for the summary above the form.

        Errors on checkbox lists without options would otherwise not show at all.
        Errors that belong to no field are shown by crispy above the form itself."""
        return [(field, error) for field in self for error in field.errors]

    def _get_validation_exclusions(self):
        return super()._get_validation_exclusions() - set(self.parent_fields)


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A multiple choice of rows that refuses ids the database cannot hold (beyond 64 bits)
    as an invalid choice, instead of letting the query fail."""

    def _check_values(self, value):
        for pk in value:
            try:
                number = int(str(pk))
            except ValueError:
                continue  # not a number at all: the parent class reports it
            if not -(2**63) <= number < 2**63:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return super()._check_values(value)


def dutch_decimal(field):
    """Make a DecimalField read and show numbers the Dutch way (see mvo.validation)."""
    field.__class__ = DutchDecimalField
    field.error_messages["invalid"] = DutchDecimalField.default_error_messages["invalid"]
    field.localize = True
    field.widget = forms.TextInput(attrs={"inputmode": "decimal", **field.widget.attrs})
    field.widget.attrs.pop("step", None)
    field.widget.is_localized = True


def restrict_to_organisation(queryset, organisation):
    model = queryset.model
    if model is User:
        return queryset.filter(memberships__organisation=organisation).order_by("full_name")
    if any(f.name == "organisation" for f in model._meta.get_fields()):
        return queryset.filter(organisation=organisation)
    return queryset


class AccountSettingsForm(forms.ModelForm):
    """A person's own settings: the language of screens and e-mails, and the weekly
    reminder."""

    language = forms.ChoiceField(label=_("Taal"), choices=settings.LANGUAGES)

    class Meta:
        model = User
        fields = ["language", "weekly_reminders"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["language"] = self.instance.preferred_language
        self.fields["language"].help_text = _(
            "De taal van uw schermen en van de e-mails die u van Koers krijgt."
        )
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Opslaan")))


class XlsxImportForm(forms.Form):
    """An uploaded .xlsx, read and checked as a whole (type, size, headers, number of rows)
    by ``read`` when the form is cleaned; the result is ``self.parsed``. Each import sets
    ``read`` (a staticmethod taking the upload), ``help_text``, ``required_message`` and
    ``submit_label``; the rows themselves are checked by the import's service."""

    read = None
    help_text = ""
    required_message = _("Kies het Excel-bestand.")
    submit_label = _("Inlezen")

    file = forms.FileField(
        label=_("Excel-bestand (.xlsx)"),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = self.help_text
        self.fields["file"].error_messages.update(
            {"required": self.required_message, "empty": _("Het gekozen bestand is leeg.")}
        )
        self.parsed = None
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", self.submit_label))

    def clean_file(self):
        from .spreadsheet import ImportFileError

        uploaded = self.cleaned_data["file"]
        try:
            self.parsed = type(self).read(uploaded)
        except ImportFileError as error:
            raise forms.ValidationError(error.messages) from error
        return uploaded
