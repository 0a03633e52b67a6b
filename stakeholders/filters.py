import django_filters
from django.utils.translation import gettext_lazy as _

from themes.models import OrgTheme

from .models import Category, Dialogue, Method, Stakeholder


class StakeholderFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label=_("Zoeken"))
    category = django_filters.ChoiceFilter(
        choices=Category.choices, label=_("Categorie"), empty_label=_("Alle categorieën")
    )
    side = django_filters.ChoiceFilter(
        choices=[("intern", _("Intern")), ("extern", _("Extern"))],
        label=_("Intern of extern"),
        empty_label=_("Intern en extern"),
        method="filter_side",
    )

    class Meta:
        model = Stakeholder
        fields = ["q", "category", "side"]

    def filter_side(self, queryset, name, value):
        return queryset.filter(is_internal=value == "intern")


class DialogueFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        choices=[("open", _("Nog niet rond")), ("rond", _("Rond"))],
        label=_("Opvolging en terugkoppeling"),
        empty_label=_("Alle dialogen"),
        method="filter_status",
    )
    method = django_filters.ChoiceFilter(
        choices=Method.choices, label=_("Werkvorm"), empty_label=_("Alle werkvormen")
    )
    # A name search, not a drop-down: an organisation may have a thousand stakeholders.
    stakeholder = django_filters.CharFilter(method="filter_stakeholder", label=_("Stakeholder"))
    themes = django_filters.ModelChoiceFilter(
        queryset=OrgTheme.objects.none(), label=_("Thema"), empty_label=_("Alle thema's")
    )

    class Meta:
        model = Dialogue
        fields = ["status", "method", "stakeholder", "themes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organisation = self.request.organisation
        self.filters["themes"].queryset = OrgTheme.objects.for_org(organisation).with_related()

    def filter_stakeholder(self, queryset, name, value):
        matching = Stakeholder.objects.for_org(self.request.organisation).filter(
            name__icontains=value
        )
        return queryset.filter(
            pk__in=Dialogue.stakeholders.through.objects.filter(stakeholder__in=matching).values(
                "dialogue_id"
            )
        )

    def filter_status(self, queryset, name, value):
        """Open: follow-up or feedback still missing. Rond: both done."""
        if value == "open":
            return queryset.needing_attention()
        return queryset.exclude(pk__in=queryset.needing_attention().values("pk"))
