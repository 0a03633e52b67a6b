"""Forms of the product groups: a group with its spend, impact, MVOI chance and owner; its
kansenkaart (opportunity card); and the filter of the list and the analysis."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mvo.forms import OrgModelForm
from mvo.models import Role, User

from ..models import ProductGroup

SCORE_CHOICES = [
    ("", _("Nog niet ingeschat")),
    (1, _("1 – heel klein")),
    (2, _("2 – klein")),
    (3, _("3 – gemiddeld")),
    (4, _("4 – groot")),
    (5, _("5 – heel groot")),
]

OWNER_REFUSED = _("Kies iemand die lid is van de organisatie en gegevens mag invoeren.")
DUPLICATE_NAME = _("Er is al een productgroep met deze naam.")


def writers(organisation, current=None):
    """The people who may own a product group: members of the organisation who may write
    (the owner fills in the kansenkaart), and the current owner while they are still in the
    organisation (a role changed to reader does not block saving the rest)."""
    roles = [role for role in Role.values if Role.at_least(role, Role.MEMBER)]
    return User.objects.filter(
        Q(memberships__role__in=roles, is_active=True) | Q(pk=current),
        memberships__organisation=organisation,
    ).order_by("full_name", "email")


def score_field(model_field):
    return forms.TypedChoiceField(
        label=model_field.verbose_name,
        help_text=model_field.help_text,
        choices=SCORE_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
    )


class OwnerMixin:
    def limit_owner(self):
        field = self.fields["owner"]
        field.queryset = writers(self.organisation, self.instance.owner_id)
        field.error_messages["invalid_choice"] = OWNER_REFUSED
        field.empty_label = _("Nog niemand")


class ProductGroupForm(OwnerMixin, OrgModelForm):
    impact = score_field(ProductGroup._meta.get_field("impact"))
    chance = score_field(ProductGroup._meta.get_field("chance"))

    class Meta:
        model = ProductGroup
        fields = ["name", "annual_spend", "impact", "chance", "owner"]
        help_texts = {
            "annual_spend": _("Wat de organisatie er gemiddeld per jaar aan uitgeeft."),
            "owner": _("De budgethouder die de kansenkaart van deze productgroep bijhoudt."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_owner()
        self.fields["annual_spend"].widget.attrs["placeholder"] = "250.000"

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        others = ProductGroup.objects.for_org(self.organisation).filter(name__iexact=name)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(DUPLICATE_NAME)
        return name

    def clean_annual_spend(self):
        spend = self.cleaned_data.get("annual_spend")
        if spend is not None and spend < 0:
            raise forms.ValidationError(_("Uitgaven kunnen niet negatief zijn."))
        return spend


class ProductGroupCardForm(OwnerMixin, OrgModelForm):
    """The kansenkaart: saving it records when and by whom."""

    class Meta:
        model = ProductGroup
        fields = ["owner", "card_chances", "card_tenders", "card_actions"]
        widgets = {
            "card_chances": forms.Textarea(attrs={"rows": 4}),
            "card_tenders": forms.Textarea(attrs={"rows": 4}),
            "card_actions": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "owner": _("De budgethouder die deze kansenkaart bijhoudt."),
            "card_chances": _(
                "Waar kan deze productgroep milieu en samenleving het meest helpen? Denk aan "
                "minder uitstoot, hergebruik, eerlijke ketens of werk voor mensen met een "
                "afstand tot de arbeidsmarkt."
            ),
            "card_tenders": _(
                "Welke inkopen komen eraan en welke contracten lopen af? Dat zijn de momenten "
                "om MVOI toe te passen."
            ),
            "card_actions": _("Wie pakt wat op, en voor wanneer?"),
        }

    submit_label = _("Kansenkaart opslaan")

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.limit_owner()

    def save(self, commit=True):
        self.instance.card_updated_at = timezone.now()
        self.instance.card_updated_by = self.user
        return super().save(commit)


class GroupFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label=_("Zoeken"))
    owner = django_filters.ModelChoiceFilter(
        queryset=User.objects.none(), label=_("Eigenaar"), empty_label=_("Alle eigenaren")
    )
    estimate = django_filters.ChoiceFilter(
        choices=[("ja", _("Ingeschat")), ("nee", _("Nog niet ingeschat"))],
        label=_("Impact en kans"),
        empty_label=_("Alle productgroepen"),
        method="filter_estimate",
    )

    class Meta:
        model = ProductGroup
        fields = ["q", "owner", "estimate"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organisation = self.request.organisation
        # Only the people who own a group here: short, and nobody of another organisation.
        owners = ProductGroup.objects.for_org(organisation).values("owner")
        self.filters["owner"].queryset = User.objects.filter(
            pk__in=owners, memberships__organisation=organisation
        ).order_by("full_name", "email")

    def filter_estimate(self, queryset, name, value):
        missing = Q(impact__isnull=True) | Q(chance__isnull=True)
        return queryset.exclude(missing) if value == "ja" else queryset.filter(missing)
