import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from themes.models import OrgTheme

from .models import YEAR_VALIDATORS, Action, ActionStatus, Goal, Method, Plan, PlanStatus


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


class YearFilter(django_filters.NumberFilter):
    """A whole year; anything else (1e309, ², 2.5) is an invalid value, not an error page."""

    field_class = forms.IntegerField


UNPLANNED = "geen"


class ActionFilter(django_filters.FilterSet):
    """The one action list across all plans: every filter runs in the database."""

    q = django_filters.CharFilter(method="search", label=_("Zoeken"))
    plan = django_filters.ModelChoiceFilter(
        queryset=Plan.objects.none(), label=_("Plan"), empty_label=_("Alle plannen")
    )
    status = django_filters.ChoiceFilter(
        choices=ActionStatus.choices, label=_("Status"), empty_label=_("Alle statussen")
    )
    responsible = django_filters.ModelChoiceFilter(
        queryset=get_user_model().objects.none(),
        label=_("Verantwoordelijke"),
        empty_label=_("Iedereen"),
    )
    team = django_filters.CharFilter(
        field_name="team", lookup_expr="icontains", label=_("Team of afdeling")
    )
    year = YearFilter(
        field_name="planned_year",
        label=_("Gepland jaar"),
        validators=YEAR_VALIDATORS,
        error_messages={"invalid": _("Vul een jaartal in, bijvoorbeeld 2026.")},
        widget=forms.NumberInput(attrs={"min": 2000, "max": 2100}),
    )
    quarter = django_filters.ChoiceFilter(
        choices=[
            ("1", _("K1")),
            ("2", _("K2")),
            ("3", _("K3")),
            ("4", _("K4")),
            (UNPLANNED, _("Niet gepland")),
        ],
        method="filter_quarter",
        label=_("Gepland kwartaal"),
        empty_label=_("Alle kwartalen"),
    )
    theme = django_filters.ModelChoiceFilter(
        queryset=OrgTheme.objects.none(), label=_("Thema"), empty_label=_("Alle thema's")
    )
    goal = django_filters.ModelChoiceFilter(
        queryset=Goal.objects.none(), label=_("Doel"), empty_label=_("Alle doelen")
    )
    late = django_filters.BooleanFilter(
        method="filter_late", label=_("Alleen te laat"), widget=forms.CheckboxInput
    )
    mine = django_filters.BooleanFilter(
        method="filter_mine", label=_("Mijn acties"), widget=forms.CheckboxInput
    )

    class Meta:
        model = Action
        fields = [
            "q",
            "plan",
            "status",
            "responsible",
            "team",
            "year",
            "quarter",
            "theme",
            "goal",
            "late",
            "mine",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organisation = self.request.organisation
        self.filters["plan"].queryset = Plan.objects.for_org(organisation)
        self.filters["responsible"].queryset = (
            get_user_model()
            .objects.filter(memberships__organisation=organisation)
            .order_by("full_name", "email")
        )
        self.filters["theme"].queryset = OrgTheme.objects.for_org(organisation).with_related()
        self.filters["goal"].queryset = Goal.objects.for_org(organisation).order_by("title")

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(title__icontains=value) | Q(description__icontains=value) | Q(team__icontains=value)
        )

    def filter_quarter(self, queryset, name, value):
        if value == UNPLANNED:
            return queryset.filter(planned_period__isnull=True)
        return queryset.filter(planned_quarter=int(value))

    def filter_late(self, queryset, name, value):
        return queryset.overdue() if value else queryset

    def filter_mine(self, queryset, name, value):
        return queryset.filter(responsible=self.request.user) if value else queryset
