from django import forms
from django.utils.translation import gettext_lazy as _

from mvo.versioning import VersionedModelForm

from .models import TEXT_MAX, NoteTexts, QuarterNote


def text_field(label):
    return forms.CharField(
        label=label,
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
    )


class QuarterNoteForm(VersionedModelForm):
    class Meta:
        model = QuarterNote
        fields = ["went_well", "lagging", "next_steps"]
        widgets = {
            name: forms.Textarea(attrs={"rows": 3, "class": "form-control"})
            for name in NoteTexts.TEXT_FIELDS
        }


class NoteItemForm(forms.Form):
    """The three texts for one theme or goal; ``subject`` is the theme or the goal."""

    went_well = text_field(_("wat ging goed"))
    lagging = text_field(_("wat blijft achter en waarom"))
    next_steps = text_field(_("wat komt hierna"))

    def __init__(self, *args, subject=None, kind=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.subject = subject
        self.kind = kind  # "theme" or "goal"

    def is_empty(self):
        return not any(self.cleaned_data.get(name, "").strip() for name in NoteTexts.TEXT_FIELDS)
