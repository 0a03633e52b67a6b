"""No lost updates: a model with a ``version`` field is saved only if nobody saved it meanwhile.

The form carries the version it was loaded with; saving bumps the version in the same
UPDATE that checks it, so of two people editing the same row the second is told, not
silently overwritten.

The second writer is told what the other person changed (``form.conflict``, from the
recorded history, see mvo.conflicts) and keeps their own input in the form; its hidden
version then moves to the stored one, so that saving again is a deliberate choice to
overwrite. Where the history cannot say what changed, the form asks to reload instead.
"""

from django import forms
from django.db import models, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from .conflicts import describe

CONFLICT_MESSAGE = _(
    "Iemand anders heeft dit intussen gewijzigd. Herlaad de pagina, bekijk de nieuwe "
    "gegevens en voer uw wijziging opnieuw in."
)
CONFLICT_SHOWN_MESSAGE = _(
    "Iemand anders heeft dit intussen gewijzigd: %(names)s. Uw invoer is niet opgeslagen; "
    "bekijk wat er veranderde, pas zo nodig uw invoer aan en sla dan opnieuw op."
)
DELETED_MESSAGE = _("Niet opgeslagen: iemand anders heeft dit intussen verwijderd.")


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
        self.conflict = None  # after a refused save: what the other person changed
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
            if claimed:
                self.instance.version = expected + 1
                return super().save(commit)
        self.refuse(expected)
        raise EditConflict

    def refuse(self, loaded_version):
        """Say why the save was refused. With the history: what changed since
        ``loaded_version`` (``self.conflict``), and the hidden version moved on so that the
        next submit saves. The instance is read again, so the page around the form shows what
        is stored, not the refused input (which stays in the form)."""
        stored = type(self.instance)._base_manager.filter(pk=self.instance.pk).first()
        if stored is None:
            self.add_error(None, DELETED_MESSAGE)
            return
        self.conflict = describe(self, stored, loaded_version)
        show_stored(self.instance, stored)
        if self.conflict is None:
            self.add_error(None, CONFLICT_MESSAGE)
            return
        data = self.data.copy()
        data[self.add_prefix("version")] = str(self.conflict.version)
        self.data = data
        self.add_error(None, CONFLICT_SHOWN_MESSAGE % {"names": self.conflict.names})


def show_stored(instance, stored):
    """Put the stored values back on ``instance`` (a refused form wrote its input there),
    keeping the linked rows already loaded where the link did not change."""
    for field in instance._meta.concrete_fields:
        value = getattr(stored, field.attname)
        changed = getattr(instance, field.attname) != value
        if field.is_relation and changed and field.is_cached(instance):
            field.delete_cached_value(instance)
        setattr(instance, field.attname, value)
