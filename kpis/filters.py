import django_filters
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from themes.models import OrgTheme

from .models import Kpi, StatusLabel


class KpiFilter(django_filters.FilterSet):
    """Theme and owner filter in the database; status is computed, see ``apply_status``."""

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
        fields = ["theme", "owner", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organisation = self.request.organisation
        self.filters["theme"].queryset = OrgTheme.objects.for_org(organisation).with_related()
        self.filters["owner"].queryset = (
            get_user_model()
            .objects.filter(memberships__organisation=organisation)
            .order_by("full_name")
        )

    def keep_all(self, queryset, name, value):
        return queryset

    def apply_status(self, kpis):
        """The KPIs whose computed status matches the chosen one (all if none chosen)."""
        wanted = self.form.cleaned_data.get("status") if self.form.is_valid() else None
        return [k for k in kpis if not wanted or k.progress.status == wanted]
