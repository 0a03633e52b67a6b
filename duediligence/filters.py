"""Filters of due diligence's lists. Every filter runs in the database."""

import django_filters
from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from . import countries, rules
from .models import Involvement, Item, Risk, RiskArea, RiskCategory, RiskNature, Supplier

UNDECIDED = "geen"  # the involvement filter's "nog niet bepaald"
SCORES = [(str(n), str(n)) for n in range(1, 6)]


class RiskFilter(django_filters.FilterSet):
    """The risk register of one plan. ``severity`` and ``likelihood`` together are a cell of
    the heat map (a click on a cell sets both)."""

    category = django_filters.ChoiceFilter(
        choices=RiskCategory.choices, label=_("Categorie"), empty_label=_("Alle categorieën")
    )
    area = django_filters.ChoiceFilter(
        choices=RiskArea.choices, label=_("Gebied"), empty_label=_("Alle gebieden")
    )
    nature = django_filters.ChoiceFilter(
        choices=RiskNature.choices,
        label=_("Werkelijk of potentieel"),
        empty_label=_("Beide"),
    )
    band = django_filters.ChoiceFilter(
        choices=[(band, rules.BAND_LABELS[band]) for band in rules.BANDS],
        method="filter_band",
        label=_("Ernstklasse"),
        empty_label=_("Alle ernstklassen"),
    )
    prioritised = django_filters.ChoiceFilter(
        choices=[("ja", _("Met prioriteit")), ("nee", _("Zonder prioriteit"))],
        method="filter_prioritised",
        label=_("Prioriteit"),
        empty_label=_("Met en zonder"),
    )
    involvement = django_filters.ChoiceFilter(
        choices=[*Involvement.choices, (UNDECIDED, _("Nog niet bepaald"))],
        method="filter_involvement",
        label=_("Betrokkenheid"),
        empty_label=_("Alle"),
    )
    severity = django_filters.ChoiceFilter(choices=SCORES, label=_("Ernst"), empty_label=_("Alle"))
    likelihood = django_filters.ChoiceFilter(
        choices=SCORES, label=_("Waarschijnlijkheid"), empty_label=_("Alle")
    )
    item = django_filters.ModelChoiceFilter(
        field_name="items",
        queryset=Item.objects.none(),
        label=_("Product of dienst"),
        empty_label=_("Alle producten en diensten"),
    )
    supplier = django_filters.ModelChoiceFilter(
        field_name="suppliers",
        queryset=Supplier.objects.none(),
        label=_("Leverancier"),
        empty_label=_("Alle leveranciers"),
    )
    country = django_filters.ChoiceFilter(
        choices=[], method="filter_country", label=_("Land"), empty_label=_("Alle landen")
    )

    class Meta:
        model = Risk
        fields = [
            "category",
            "area",
            "nature",
            "band",
            "prioritised",
            "involvement",
            "severity",
            "likelihood",
            "item",
            "supplier",
            "country",
        ]

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        organisation = plan.organisation_id
        # Only what some risk of the plan names: a chain of thousands of items and suppliers
        # would otherwise make two drop-downs of thousands of options above the register.
        self.filters["item"].queryset = (
            Item.objects.for_org(organisation).filter(plan=plan, risks__isnull=False).distinct()
        )
        self.filters["supplier"].queryset = (
            Supplier.objects.for_org(organisation).filter(plan=plan, risks__isnull=False).distinct()
        )
        self.filters["country"].extra["choices"] = countries.choices()[1:]

    def filter_band(self, queryset, name, value):
        return queryset.filter(severity__in=rules.SEVERITIES_OF_BAND[value])

    def filter_prioritised(self, queryset, name, value):
        return queryset.filter(prioritised=(value == "ja"))

    def filter_involvement(self, queryset, name, value):
        return queryset.filter(involvement="" if value == UNDECIDED else value)

    def filter_country(self, queryset, name, value):
        """The JSON list of codes holds ``"XX"``: a text match works on every database
        (JSON containment does not exist in SQLite)."""
        return queryset.alias(countries_text=Cast("countries", TextField())).filter(
            countries_text__contains=f'"{value}"'
        )

    def cell(self):
        """The heat-map cell the filter shows, as (severity, likelihood), or None."""
        if not self.is_bound or not self.is_valid():
            return None
        severity = self.form.cleaned_data.get("severity")
        likelihood = self.form.cleaned_data.get("likelihood")
        if severity and likelihood:
            return int(severity), int(likelihood)
        return None
