from django import forms
from django.utils.translation import gettext_lazy as _

from mvo.forms import BoundedModelMultipleChoiceField, OrgModelForm

from .models import FrameworkTheme, OrgTheme


class FrameworkThemeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.framework.name} · {obj.name}"


class OrgThemeForm(OrgModelForm):
    framework_theme = FrameworkThemeChoiceField(
        queryset=FrameworkTheme.objects.pickable(),
        required=False,
        label=_("Thema uit een kader"),
        empty_label=_("— eigen thema —"),
    )
    sdgs = BoundedModelMultipleChoiceField(
        queryset=FrameworkTheme.objects.sdgs(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Gekoppelde SDG's"),
    )

    class Meta:
        model = OrgTheme
        fields = [
            "framework_theme",
            "own_name",
            "rationale",
            "importance",
            "impact",
            "is_focus",
            "ambition_current",
            "ambition_target",
            "sdgs",
        ]
        widgets = {
            "rationale": forms.Textarea(attrs={"rows": 3}),
            "importance": forms.NumberInput(attrs={"min": 1, "max": 5}),
            "impact": forms.NumberInput(attrs={"min": 1, "max": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        chosen = OrgTheme.objects.for_org(self.organisation).exclude(pk=self.instance.pk)
        self.fields["framework_theme"].queryset = FrameworkTheme.objects.pickable().exclude(
            pk__in=chosen.filter(framework_theme__isnull=False).values("framework_theme")
        )
        self.fields["is_focus"].help_text = _(
            "Kies er liever drie dan tien: meer dan vier focusthema's maakt keuzes vaag."
        )
