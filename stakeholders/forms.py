from django import forms
from django.utils.translation import gettext_lazy as _

from mvo.forms import OrgModelForm
from mvo.models import Membership

from .models import Dialogue, Stakeholder, WorkingGroupMember


class StakeholderForm(OrgModelForm):
    class Meta:
        model = Stakeholder
        fields = ["name", "category", "is_internal", "influence", "interest", "contact", "notes"]
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 3}),
            "influence": forms.NumberInput(attrs={"min": 1, "max": 5}),
            "interest": forms.NumberInput(attrs={"min": 1, "max": 5}),
        }


class DialogueForm(OrgModelForm):
    class Meta:
        model = Dialogue
        fields = [
            "date",
            "subject",
            "stakeholders",
            "method",
            "themes",
            "input_received",
            "follow_up",
            "reported_back",
        ]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "stakeholders": forms.CheckboxSelectMultiple,
            "themes": forms.CheckboxSelectMultiple,
            "input_received": forms.Textarea(attrs={"rows": 4}),
            "follow_up": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = self.fields["themes"].queryset.with_related()
        if not self.fields["stakeholders"].queryset.exists():
            self.fields["stakeholders"].help_text = _(
                "Er zijn nog geen stakeholders. Voeg eerst de stakeholders toe met wie u sprak."
            )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reported_back") and not (cleaned.get("follow_up") or "").strip():
            self.add_error(
                "follow_up",
                _(
                    "Beschrijf wat er met de inbreng is gedaan voordat u het als "
                    "teruggekoppeld markeert."
                ),
            )
        return cleaned


class WorkingGroupMemberForm(OrgModelForm):
    class Meta:
        model = WorkingGroupMember
        fields = ["user", "external_name", "department", "role"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].help_text = _("Iemand met een Koers-account in deze organisatie.")

    def clean(self):
        cleaned = super().clean()
        user = cleaned.get("user")
        if user and not cleaned.get("department"):
            # Default to the department the person has in the organisation.
            membership = Membership.objects.filter(
                user=user, organisation=self.organisation
            ).first()
            if membership:
                cleaned["department"] = membership.department
        return cleaned
