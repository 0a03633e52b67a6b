"""Forms of communication (5): one logged communication, and the log's filter."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from mvo.forms import OrgModelForm

from ..models import Audience, Channel, Communication
from .policy import url_field


class CommunicationForm(OrgModelForm):
    parent_fields = ("organisation", "plan")
    link = url_field(Communication, "link")

    class Meta:
        model = Communication
        fields = [
            "date",
            "audience",
            "audience_detail",
            "channel",
            "subject",
            "dilemmas_shared",
            "dilemmas",
            "stakeholders_consulted",
            "link",
            "notes",
        ]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "dilemmas": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "dilemmas_shared": _(
                "Deel ook wat lastig is of tegenviel, niet alleen de successen: dat maakt "
                "de communicatie geloofwaardig."
            ),
        }

    def __init__(self, *args, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        if plan is not None:
            self.instance.plan = plan

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("dilemmas_shared") and not (cleaned.get("dilemmas") or "").strip():
            self.add_error("dilemmas", _("Beschrijf welke dilemma's of tegenvallers zijn gedeeld."))
        return cleaned


class CommunicationFilter(django_filters.FilterSet):
    audience = django_filters.ChoiceFilter(
        choices=Audience.choices, label=_("Doelgroep"), empty_label=_("Intern en extern")
    )
    channel = django_filters.ChoiceFilter(
        choices=Channel.choices, label=_("Kanaal"), empty_label=_("Alle kanalen")
    )
    year = django_filters.ChoiceFilter(
        choices=[], label=_("Jaar"), empty_label=_("Alle jaren"), method="filter_year"
    )

    class Meta:
        model = Communication
        fields = ["audience", "channel", "year"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the years the log holds: one query, and no odd year ever reaches the database.
        years = self.queryset.dates("date", "year", order="DESC")
        self.filters["year"].extra["choices"] = [(str(d.year), str(d.year)) for d in years]

    def filter_year(self, queryset, name, value):
        return queryset.filter(date__year=int(value))  # one of the choices: a plain year
