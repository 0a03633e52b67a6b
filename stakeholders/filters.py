import django_filters
from django.utils.translation import gettext_lazy as _

from themes.models import OrgTheme

from .models import Category, Dialogue, Method, Stakeholder


class StakeholderFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label=_("Zoeken"))
    category = django_filters.ChoiceFilter(choices=Category.choices, label=_("Categorie"))
    is_internal = django_filters.BooleanFilter(
        label=_("Intern of extern"),
        widget=django_filters.widgets.BooleanWidget(),
    )

    class Meta:
        model = Stakeholder
        fields = ["q", "category", "is_internal"]


class DialogueFilter(django_filters.FilterSet):
    open = django_filters.BooleanFilter(
        method="filter_open",
        label=_("Alleen zonder opvolging of terugkoppeling"),
        widget=django_filters.widgets.BooleanWidget(),
    )
    method = django_filters.ChoiceFilter(choices=Method.choices, label=_("Werkvorm"))
    stakeholders = django_filters.ModelChoiceFilter(
        queryset=Stakeholder.objects.none(), label=_("Stakeholder")
    )
    themes = django_filters.ModelChoiceFilter(queryset=OrgTheme.objects.none(), label=_("Thema"))

    class Meta:
        model = Dialogue
        fields = ["open", "method", "stakeholders", "themes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organisation = self.request.organisation
        self.filters["stakeholders"].queryset = Stakeholder.objects.for_org(organisation)
        self.filters["themes"].queryset = OrgTheme.objects.for_org(organisation).with_related()

    def filter_open(self, queryset, name, value):
        if value:
            return queryset.needing_attention()
        if value is False:
            return queryset.exclude(pk__in=queryset.needing_attention().values("pk"))
        return queryset
