import django_filters
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from themes.models import OrgTheme

from .models import Kpi, StatusLabel


class KpiFilter(django_filters.FilterSet):
    """Search, theme and owner filter in the database; the status is computed per KPI from
    its latest values, so the view applies it (``wanted_status``)."""

    q = django_filters.CharFilter(method="search", label=_("Zoeken"))
    theme = django_filters.ModelChoiceFilter(
        queryset=OrgTheme.objects.none(), label=_("Thema"), empty_label=_("Alle thema's")
    )
    owner = django_filters.ModelChoiceFilter(
        queryset=get_user_model().objects.none(),
        label=_("Eigenaar"),
        empty_label=_("Alle eigenaren"),
    )
    status = django_filters.ChoiceFilter(
        choices=StatusLabel.choices,
        label=_("Status"),
        method="keep_all",
        empty_label=_("Alle statussen"),
    )

    class Meta:
        model = Kpi
        fields = ["q", "theme", "owner", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organisation = self.request.organisation
        self.filters["theme"].queryset = OrgTheme.objects.for_org(organisation).with_related()
        self.filters["owner"].queryset = (
            get_user_model()
            .objects.filter(memberships__organisation=organisation)
            .order_by("full_name")
        )

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(unit__icontains=value))

    def keep_all(self, queryset, name, value):
        return queryset

    def wanted_status(self):
        """The status chosen in the filter, or None for all."""
        if not self.is_bound:
            return None
        self.form.is_valid()  # cleans what it can; a bad value elsewhere keeps this one
        return self.form.cleaned_data.get("status") or None
