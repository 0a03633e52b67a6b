"""Filters of the tender calendar (list and grid). Every filter runs in the database; an
invalid value (a year of no plan, a theme of another plan) gives an empty list, never an
error."""

import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from themes.models import OrgTheme

from .models import ProductGroup, Tender, TenderStatus, TenderTheme

YES, NO = "ja", "nee"


def plan_years(plan):
    """The years a tender of ``plan`` may start in: the plan period, or up to 2030."""
    return list(range(plan.start_year, max(plan.end_year, 2030) + 1))


class TenderFilter(django_filters.FilterSet):
    """The calendar of one plan. The grid leaves ``year`` out: it has its own year
    selector (``with_year=False``)."""

    year = django_filters.ChoiceFilter(
        field_name="planned_year",
        choices=[],
        label=_("Startjaar"),
        empty_label=_("Alle jaren"),
    )
    product_group = django_filters.ModelChoiceFilter(
        queryset=ProductGroup.objects.none(),
        label=_("Productgroep"),
        empty_label=_("Alle productgroepen"),
    )
    theme = django_filters.ModelChoiceFilter(
        queryset=OrgTheme.objects.none(),
        method="filter_theme",
        label=_("Toegepast thema"),
        empty_label=_("Alle thema's"),
    )
    promising = django_filters.ChoiceFilter(
        choices=[(YES, _("Kansrijk")), (NO, _("Niet kansrijk"))],
        method="filter_promising",
        label=_("Kansrijk"),
        empty_label=_("Beide"),
    )
    status = django_filters.ChoiceFilter(
        choices=TenderStatus.choices, label=_("Status"), empty_label=_("Alle statussen")
    )

    class Meta:
        model = Tender
        fields = ["year", "product_group", "theme", "promising", "status"]

    def __init__(self, *args, plan, with_year=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        if with_year:
            self.filters["year"].extra["choices"] = [(str(y), str(y)) for y in plan_years(plan)]
        else:
            del self.filters["year"]
        self.filters["product_group"].queryset = ProductGroup.objects.for_org(
            plan.organisation_id
        ).order_by("name", "pk")
        self.filters["theme"].queryset = plan.themes.select_related("framework_theme")

    def filter_theme(self, queryset, name, value):
        applied = TenderTheme.objects.filter(tender=OuterRef("pk"), theme=value)
        return queryset.filter(Exists(applied))

    def filter_promising(self, queryset, name, value):
        return queryset.filter(promising=value == YES)
