import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Method, Plan, PlanStatus


class PlanFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Zoeken"))
    method = django_filters.ChoiceFilter(
        choices=Method.choices, label=_("Methode"), empty_label=_("Alle methoden")
    )
    status = django_filters.ChoiceFilter(
        choices=PlanStatus.choices, label=_("Status"), empty_label=_("Alle statussen")
    )

    class Meta:
        model = Plan
        fields = ["q", "method", "status"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(description__icontains=value))
