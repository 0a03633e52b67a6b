"""No lost updates: a model with a ``version`` field is saved only if nobody saved it meanwhile.

The form carries the version it was loaded with; saving bumps the version in the same
UPDATE that checks it, so of two people editing the same row the second is told, not
silently overwritten.
"""

from django import forms
from django.db import models, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

CONFLICT_MESSAGE = _(
    "Iemand anders heeft dit intussen gewijzigd. Herlaad de pagina, bekijk de nieuwe "
    "gegevens en voer uw wijziging opnieuw in."
)


class EditConflict(Exception):
    pass


class Versioned(models.Model):
    """A row that VersionedModelForm protects against lost updates."""

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


class VersionedModelForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        else:
            self.fields["version"].required = False

    def save(self, commit=True):
        """Save, or add a form error and raise EditConflict if the row changed meanwhile."""
        if not self.instance.pk:
            return super().save(commit)
        expected = self.cleaned_data["version"]
        model = type(self.instance)
        with transaction.atomic():
            claimed = model.objects.filter(pk=self.instance.pk, version=expected).update(
                version=F("version") + 1
            )
            if not claimed:
                self.add_error(None, CONFLICT_MESSAGE)
                raise EditConflict
            self.instance.version = expected + 1
            return super().save(commit)
