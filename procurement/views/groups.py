"""The organisation's product groups (not one plan's): their list with create / edit /
delete and the standard list, the spend and impact analysis (a bubble chart and a table),
and each group's kansenkaart (opportunity card) with its upcoming tenders from the calendars
of all the organisation's MVOI plans."""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, Sum
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from mvo.generic import (
    OrgCreateView,
    OrgDeleteView,
    OrgListView,
    OrgQuerysetMixin,
    OrgUpdateView,
    paginate,
)
from plans.models import Method, encode_quarter
from themes.expressions import person_name

from ..bubble import bubble_chart
from ..forms.groups import GroupFilter, ProductGroupCardForm, ProductGroupForm
from ..models import STANDARD_PRODUCT_GROUPS, ProductGroup, Tender, TenderStatus

FORM_TEMPLATE = "procurement/groups_form.html"
LIST_URL = "procurement:groups"
PAGE = 50
LIVE_STATUSES = [status for status in TenderStatus.values if status != TenderStatus.CANCELLED]
UNSCORED_SHOWN = 50  # names under the chart; the filter "nog niet ingeschat" lists them all


def groups_url(request, name=LIST_URL, **kwargs):
    return reverse(name, kwargs={"org_slug": request.organisation.slug, **kwargs})


class GroupRows(OrgQuerysetMixin):
    """The organisation's groups with what a list row shows (sits under OrgListView in the
    MRO, so the list sorts on these annotations)."""

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("owner")
            .annotate(owner_name=person_name("owner"), tender_count=Count("tenders"))
        )


class GroupList(OrgListView, GroupRows):
    model = ProductGroup
    filterset_class = GroupFilter
    template_name = "procurement/groups_list.html"
    partial_template_name = "procurement/groups_list_results.html"
    paginate_by = PAGE
    sort_fields = {
        "name": "name",
        "spend": "annual_spend",
        "impact": "impact",
        "chance": "chance",
        "owner": "owner_name",
        "tenders": "tender_count",
        "card": "card_updated_at",
    }
    default_sort = "name"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        existing = ProductGroup.objects.for_org(self.request.organisation).values_list(
            "name", flat=True
        )
        missing = len(standard_missing(existing))
        return {**context, "standard_missing": missing}


def standard_missing(existing_names):
    """The names of the standard list that the organisation has not got yet (in any case)."""
    have = {name.casefold() for name in existing_names}
    return [name for name in STANDARD_PRODUCT_GROUPS if name.casefold() not in have]


@require_POST
def group_add_standard(request, org_slug):
    """Add the product groups of the standard list that are missing; twice adds nothing."""
    organisation = request.organisation
    try:
        with transaction.atomic():
            existing = ProductGroup.objects.for_org(organisation).values_list("name", flat=True)
            missing = standard_missing(existing)
            for name in missing:
                ProductGroup.objects.create(organisation=organisation, name=name)
    except IntegrityError:  # someone added the same names a moment earlier
        missing = []
    if missing:
        text = ngettext(
            "Eén productgroep van de standaardlijst toegevoegd.",
            "%(count)d productgroepen van de standaardlijst toegevoegd.",
            len(missing),
        ) % {"count": len(missing)}
        messages.success(request, text)
    else:
        messages.info(request, _("De productgroepen van de standaardlijst staan er al."))
    return HttpResponseRedirect(groups_url(request))


class GroupFormMixin:
    model = ProductGroup
    form_class = ProductGroupForm
    template_name = FORM_TEMPLATE
    pk_url_kwarg = "item_pk"
    success_url_name = LIST_URL
    success_url_with_pk = False


class GroupCreate(GroupFormMixin, OrgCreateView):
    title = _("Productgroep toevoegen")
    success_message = _("De productgroep is toegevoegd.")


class GroupUpdate(GroupFormMixin, OrgUpdateView):
    success_message = _("De productgroep is opgeslagen.")

    def get_title(self):
        return _("Productgroep bewerken: %(name)s") % {"name": self.object.name}


class GroupDelete(OrgDeleteView):
    model = ProductGroup
    pk_url_kwarg = "item_pk"
    success_url_name = LIST_URL
    success_message = _("De productgroep is verwijderd.")
    protected_message = _(
        "Deze productgroep staat nog op de aanbestedingskalender. Kies bij die aanbestedingen "
        "eerst een andere productgroep."
    )

    def blocked_reason(self):
        if not hasattr(self, "_blocked"):
            count = Tender.objects.filter(product_group=self.object).count()
            self._blocked = None
            if count:
                self._blocked = ngettext(
                    "Eén aanbesteding op de kalender hoort bij deze productgroep. Kies daar "
                    "eerst een andere productgroep of verwijder die aanbesteding.",
                    "%(count)d aanbestedingen op de kalender horen bij deze productgroep. Kies "
                    "daar eerst een andere productgroep of verwijder die aanbestedingen.",
                    count,
                ) % {"count": count}
        return self._blocked


class AnalysisRows(GroupRows):
    """The groups with their tenders (not cancelled) planned this year and next, counted in
    the database."""

    def get_queryset(self):
        year = timezone.localdate().year
        live = Q(
            tenders__status__in=[s for s in TenderStatus.values if s != TenderStatus.CANCELLED]
        )
        return (
            super()
            .get_queryset()
            .annotate(
                this_year=Count("tenders", filter=Q(tenders__planned_year=year) & live),
                next_year=Count("tenders", filter=Q(tenders__planned_year=year + 1) & live),
            )
        )


class GroupAnalysis(OrgListView, AnalysisRows):
    """The bubble chart of the filtered groups and, under it, a table with each group's
    share of the organisation's total spend and its tenders this year and next."""

    model = ProductGroup
    filterset_class = GroupFilter
    template_name = "procurement/groups_analysis.html"
    partial_template_name = "procurement/groups_analysis_results.html"
    paginate_by = PAGE
    sort_fields = {
        "name": "name",
        "spend": "annual_spend",
        "impact": "impact",
        "chance": "chance",
        "this_year": "this_year",
        "next_year": "next_year",
    }
    default_sort = "-spend"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisation = self.request.organisation
        total = ProductGroup.objects.for_org(organisation).aggregate(total=Sum("annual_spend"))
        total = total["total"]
        for group in context["page_obj"].object_list:
            group.share = group.annual_spend * 100 / total if total and group.annual_spend else None
        points = list(
            self.object_list.values("pk", "name", "annual_spend", "impact", "chance").order_by(
                "name", "pk"
            )
        )
        for point in points:
            point["url"] = groups_url(self.request, "procurement:group_card", item_pk=point["pk"])
        unscored = [p for p in points if p["impact"] is None or p["chance"] is None]
        chart = bubble_chart(
            points,
            title=str(_("Spend- en impactanalyse van de productgroepen")),
            description=str(
                _(
                    "Elke bel is een productgroep: naar rechts meer impact op milieu en "
                    "samenleving, naar boven meer MVOI-kans; hoe groter de bel, hoe hoger de "
                    "uitgaven per jaar. De tabel onder de grafiek geeft dezelfde gegevens."
                )
            ),
        )
        year = timezone.localdate().year
        return {
            **context,
            "chart": chart,
            "unscored": unscored[:UNSCORED_SHOWN],
            "unscored_count": len(unscored),
            "unscored_more": max(len(unscored) - UNSCORED_SHOWN, 0),
            "total_spend": total,
            "year": year,
            "next_year": year + 1,
        }


def current_period(today=None):
    today = today or timezone.localdate()
    return encode_quarter(today.year, (today.month - 1) // 3 + 1)


def calendar_url(request, plan_pk, cache):
    """The plan's tender calendar (its overview while the calendar screen is not there)."""
    if plan_pk not in cache:
        kwargs = {"org_slug": request.organisation.slug, "pk": plan_pk}
        try:
            cache[plan_pk] = reverse("procurement:calendar", kwargs=kwargs)
        except NoReverseMatch:
            cache[plan_pk] = reverse("procurement:overview", kwargs=kwargs)
    return cache[plan_pk]


@require_safe
def group_card(request, org_slug, item_pk):
    """The kansenkaart: its owner and texts, and the group's tenders from this quarter on in
    the calendars of all the organisation's MVOI plans (cancelled ones left out)."""
    groups = ProductGroup.objects.for_org(request.organisation)
    group = get_object_or_404(groups.select_related("owner", "card_updated_by"), pk=item_pk)
    tenders = (
        Tender.objects.for_org(request.organisation)
        .filter(
            product_group=group,
            plan__method=Method.MVOI,
            planned_period__gte=current_period(),
        )
        .exclude(status=TenderStatus.CANCELLED)
        .select_related("plan")
        .prefetch_related("applied_themes__theme__framework_theme")
        .order_by("planned_period", "title", "pk")
    )
    page = paginate(request, tenders, PAGE)
    urls = {}
    for tender in page.object_list:
        tender.calendar_url = calendar_url(request, tender.plan_id, urls)
    return render(request, "procurement/groups_card.html", {"group": group, "page_obj": page})


class GroupCardEdit(OrgUpdateView):
    model = ProductGroup
    form_class = ProductGroupCardForm
    template_name = FORM_TEMPLATE
    pk_url_kwarg = "item_pk"
    success_message = _("De kansenkaart is opgeslagen.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_title(self):
        return _("Kansenkaart bewerken: %(name)s") % {"name": self.object.name}

    def get_success_url(self):
        return groups_url(self.request, "procurement:group_card", item_pk=self.object.pk)

    def get_context_data(self, **kwargs):
        card_url = groups_url(self.request, "procurement:group_card", item_pk=self.object.pk)
        return super().get_context_data(card_url=card_url, **kwargs)


urlpatterns = [
    path("productgroepen/", GroupList.as_view(), name="groups"),
    path("productgroepen/nieuw/", GroupCreate.as_view(), name="group_create"),
    path("productgroepen/standaardlijst/", group_add_standard, name="group_add_standard"),
    path("productgroepen/<int:item_pk>/", group_card, name="group_card"),
    path("productgroepen/<int:item_pk>/bewerken/", GroupUpdate.as_view(), name="group_update"),
    path(
        "productgroepen/<int:item_pk>/verwijderen/",
        GroupDelete.as_view(),
        name="group_delete",
    ),
    path(
        "productgroepen/<int:item_pk>/kansenkaart/",
        GroupCardEdit.as_view(),
        name="group_card_edit",
    ),
    path("productgroepen/analyse/", GroupAnalysis.as_view(), name="analysis"),
]
