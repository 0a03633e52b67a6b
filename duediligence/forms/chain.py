"""Forms and filters of the value chain (2A): the chain map, suppliers, purchased items,
their sourcing (supplier and origin country) and where products go (downstream).

Every choice of a supplier or item offers only the rows of the same plan: another plan's or
organisation's id is an invalid choice with a message, never a save.
"""

import django_filters
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from mvo.forms import OrgModelForm, XlsxImportForm
from mvo.validation import browser_limits
from mvo.versioning import VersionedModelForm

from .. import chain_import, countries
from ..models import ChainMap, Downstream, Item, ItemKind, Sourcing, Supplier

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def country_field(label, help_text=""):
    """A select of every country by name in the active language; "Onbekend" is the empty
    choice (an unknown country is allowed: the chain shows it as a gap)."""
    return forms.ChoiceField(
        label=label,
        choices=countries.choices,
        required=False,
        help_text=help_text,
        error_messages={"invalid_choice": _("Kies een land uit de lijst, of ‘Onbekend’.")},
    )


class PlanRowForm(OrgModelForm):
    """A row of one due-diligence plan: the plan comes from the URL, and the unique names
    per plan are checked with a message (not a database error)."""

    parent_fields = ("organisation", "plan")

    def __init__(self, *args, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        if not self.instance.pk and plan is not None:
            self.instance.plan = plan

    def clean_name(self):
        """Names are compared without regard to case or spaces, as the import does."""
        name = " ".join(self.cleaned_data["name"].split())
        model = self._meta.model
        twin = model.objects.filter(plan=self.plan, name__iexact=name).exclude(pk=self.instance.pk)
        if twin.exists():
            raise forms.ValidationError(model._meta.constraints[0].violation_error_message)
        return name


class ChainMapForm(OrgModelForm):
    submit_label = _("Opslaan")

    class Meta:
        model = ChainMap
        fields = ["complete_by", "approach"]
        widgets = {"complete_by": DATE_WIDGET, "approach": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "complete_by": _("Wanneer moet de kaart van de keten compleet zijn?"),
            "approach": _(
                "Hoe vult u de gaten? Begin bij landen met een hoog risico, dan bij het grootste "
                "volume en de grootste uitgaven."
            ),
        }

    def __init__(self, *args, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk and plan is not None:
            self.instance.plan = plan


class SupplierForm(PlanRowForm):
    submit_label = _("Leverancier opslaan")
    country = country_field(_("Land"), _("Kies ‘Onbekend’ als het land onbekend is."))

    class Meta:
        model = Supplier
        fields = [
            "name",
            "country",
            "tier",
            "has_contract",
            "certifications",
            "code_of_conduct_signed",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}
        labels = {"has_contract": _("Er is een contract met deze leverancier")}
        help_texts = {"certifications": _("Bijvoorbeeld Fairtrade, Rainforest Alliance.")}


class ItemForm(PlanRowForm):
    submit_label = _("Opslaan")

    class Meta:
        model = Item
        fields = ["name", "kind", "volume", "unit", "spend", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "volume": _("Hoeveel u per jaar inkoopt."),
            "unit": _("Bijvoorbeeld kg, liter, stuks of uur."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].error_messages["invalid_choice"] = _("Kies een soort uit de lijst.")


class SupplierChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({countries.name(obj.country)})"


class SourcingForm(VersionedModelForm):
    """One link of an item's chain: its supplier (of the same plan) and origin country; two
    people editing the same row are told, not overwritten (mvo.versioning)."""

    supplier = SupplierChoiceField(
        label=_("Leverancier"),
        queryset=Supplier.objects.none(),
        required=False,
        empty_label=_("Onbekend"),
        error_messages={
            "invalid_choice": _("Kies een leverancier van dit plan uit de lijst, of ‘Onbekend’.")
        },
    )
    origin_country = country_field(
        _("Land van herkomst"), _("Kies ‘Onbekend’ als het land van herkomst onbekend is.")
    )

    class Meta:
        model = Sourcing
        fields = ["supplier", "origin_country", "share"]
        help_texts = {"share": _("Welk deel van dit product via deze weg komt, als u dat weet.")}

    def __init__(self, *args, organisation, item=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        if not self.instance.pk:
            self.instance.organisation = organisation
            self.instance.item = item
        self.fields["supplier"].queryset = Supplier.objects.for_org(organisation).filter(
            plan_id=getattr(item, "plan_id", None)
        )
        self.fields["share"].error_messages["invalid"] = _("Vul een heel getal in.")
        browser_limits(self.fields["share"], Sourcing._meta.get_field("share"))
        self.fields["share"].widget.attrs.setdefault("min", 0)
        self.fields["share"].widget.attrs.setdefault("max", 100)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Opslaan")))

    @property
    def error_summary(self):
        return [(field, error) for field in self for error in field.errors]

    conflict = None  # no version: generic/form.html shows no edit conflict

    def clean(self):
        cleaned = super().clean()
        unknown = not cleaned.get("supplier") and not cleaned.get("origin_country")
        if unknown and not self.errors:
            raise forms.ValidationError(
                _(
                    "Vul de leverancier of het land van herkomst in, of allebei. Zijn beide "
                    "onbekend, dan is er niets om vast te leggen."
                )
            )
        return cleaned


class ItemChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class DownstreamForm(PlanRowForm):
    submit_label = _("Opslaan")
    item = ItemChoiceField(
        label=_("Product"),
        queryset=Item.objects.all(),
        required=False,
        empty_label=_("Geen bepaald product"),
        help_text=_("Het product waar deze afzet over gaat, als het om één product gaat."),
        error_messages={"invalid_choice": _("Kies een product van dit plan uit de lijst.")},
    )
    destination_country = country_field(_("Land van bestemming"))

    class Meta:
        model = Downstream
        fields = ["item", "customers", "destination_country", "end_of_life", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "customers": _("Aan wie levert u: bijvoorbeeld groothandels in Duitsland."),
            "end_of_life": _("Wat gebeurt er aan het eind: hergebruik, recycling, afval?"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = self.fields["item"].queryset.filter(plan=self.plan)


class ChainImportForm(XlsxImportForm):
    """An xlsx of suppliers and products (services_chain.import_chain checks every row)."""

    read = staticmethod(chain_import.read_file)
    help_text = _("Hoogstens 5.000 rijen per blad en 5 MB per bestand.")
    required_message = _("Kies het Excel-bestand met de leveranciers en producten.")


# --- Filters ------------------------------------------------------------------------------

GAP_ORIGIN, GAP_SUPPLIER = "herkomst", "leverancier"
YES, NO = "ja", "nee"
UNKNOWN_COUNTRY = "onbekend"


class ItemFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label=_("Zoeken"))
    kind = django_filters.ChoiceFilter(
        choices=ItemKind.choices, label=_("Soort"), empty_label=_("Alle soorten")
    )
    gap = django_filters.ChoiceFilter(
        choices=[
            (GAP_ORIGIN, _("Land van herkomst onbekend")),
            (GAP_SUPPLIER, _("Leverancier onbekend")),
        ],
        method="filter_gap",
        label=_("Gaten"),
        empty_label=_("Alles"),
    )
    supplier = django_filters.ModelChoiceFilter(
        queryset=Supplier.objects.none(),
        method="filter_supplier",
        label=_("Leverancier"),
        empty_label=_("Alle leveranciers"),
    )

    class Meta:
        model = Item
        fields = ["q", "kind", "gap", "supplier"]

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["supplier"].queryset = Supplier.objects.for_org(
            self.request.organisation
        ).filter(plan=plan)

    def filter_gap(self, queryset, name, value):
        if value == GAP_ORIGIN:
            return queryset.filter(has_origin=False)
        return queryset.filter(has_supplier=False)

    def filter_supplier(self, queryset, name, value):
        return queryset.filter(Exists(Sourcing.objects.filter(item=OuterRef("pk"), supplier=value)))


class SupplierFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label=_("Zoeken"))
    country = django_filters.ChoiceFilter(
        choices=[], method="filter_country", label=_("Land"), empty_label=_("Alle landen")
    )
    tier = django_filters.ChoiceFilter(
        choices=[(n, str(n)) for n in range(1, 6)],
        label=_("Schakel (tier)"),
        empty_label=_("Alle schakels"),
    )
    contract = django_filters.ChoiceFilter(
        choices=[(YES, _("Met contract")), (NO, _("Zonder contract"))],
        method="filter_contract",
        label=_("Contract"),
        empty_label=_("Met en zonder"),
    )

    class Meta:
        model = Supplier
        fields = ["q", "country", "tier", "contract"]

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        used = (
            Supplier.objects.for_org(self.request.organisation)
            .filter(plan=plan)
            .exclude(country="")
            .values_list("country", flat=True)
            .distinct()
            .order_by()
        )
        names = sorted(((code, countries.name(code)) for code in used), key=lambda c: c[1])
        self.filters["country"].extra["choices"] = [(UNKNOWN_COUNTRY, _("Onbekend")), *names]

    def filter_country(self, queryset, name, value):
        return queryset.filter(country="" if value == UNKNOWN_COUNTRY else value)

    def filter_contract(self, queryset, name, value):
        return queryset.filter(has_contract=value == YES)
