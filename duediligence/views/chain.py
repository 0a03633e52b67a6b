"""The value chain of a due-diligence plan (2A): the overview with its completeness figures,
the chain map's target date and approach, and the items list; the chain view per item
(upstream sourcing → the item → downstream); suppliers; downstream rows; the Excel import.

Every URL carries the plan's id as ``pk`` (loaded through access.get_dd_plan: another
organisation's plan, or a plan of another method, is a 404); a row of the plan is ``row_pk``
and is looked up within that plan and organisation only.
"""

from django.contrib import messages
from django.db import IntegrityError
from django.db.models import Count, Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_safe

from mvo.exports import XLSX
from mvo.generic import (
    OrgCreateView,
    OrgDeleteView,
    OrgDetailView,
    OrgListView,
    OrgUpdateView,
    paginate,
)
from mvo.guard import org_roles
from mvo.models import Role
from mvo.spreadsheet import MAX_LISTED_ERRORS, ImportRowsError
from mvo.validation import id_from_query

from .. import chain_import, services_chain
from ..access import get_dd_plan
from ..forms.chain import (
    ChainImportForm,
    ChainMapForm,
    DownstreamForm,
    ItemFilter,
    ItemForm,
    SourcingForm,
    SupplierFilter,
    SupplierForm,
)
from ..models import ChainMap, Downstream, Item, Sourcing, Supplier

IMPORT_RACE_MESSAGE = gettext_lazy(
    "Iemand anders voegde tegelijk een leverancier of product met dezelfde naam toe. Er is "
    "niets ingelezen; lees het bestand opnieuw in."
)
ITEMS_PER_PAGE = 50
SUPPLIERS_PER_PAGE = 50
DOWNSTREAM_PER_PAGE = 50


def sources_with_suppliers():
    return Prefetch("sources", queryset=Sourcing.objects.select_related("supplier"))


class PlanMixin:
    """``self.plan`` from the URL; rows (``row_pk``) only of this plan; back to the chain."""

    pk_url_kwarg = "row_pk"
    back_name = "duediligence:chain"

    def dispatch(self, request, *args, **kwargs):
        self.plan = get_dd_plan(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return super().get_queryset().filter(plan=self.plan)

    def back_url(self):
        return self.org_url(self.back_name, pk=self.plan.pk)

    def get_success_url(self):
        return self.back_url()

    get_cancel_url = get_success_url

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=self.plan, back_url=self.back_url(), **kwargs)


class PlanFormMixin(PlanMixin):
    """Create and update views: the form gets the plan too."""

    template_name = "duediligence/chain_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": self.plan}


# --- The overview: completeness, chain map, items ------------------------------------------


class ChainOverview(PlanMixin, OrgListView):
    model = Item
    filterset_class = ItemFilter
    template_name = "duediligence/chain.html"
    partial_template_name = "duediligence/chain_items.html"
    paginate_by = ITEMS_PER_PAGE
    sort_fields = {"name": "name", "spend": "spend", "volume": "volume"}
    default_sort = "-spend"

    def get_queryset(self):
        items = super().get_queryset().with_chain_flags()
        return items.prefetch_related(sources_with_suppliers())

    def get_filterset_kwargs(self, filterset_class):
        return {**super().get_filterset_kwargs(filterset_class), "plan": self.plan}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.request.htmx:  # only the items list is swapped
            return context
        organisation = self.request.organisation
        items = Item.objects.for_org(organisation).filter(plan=self.plan)
        return {
            **context,
            "figures": items.completeness(),
            "chain_map": ChainMap.objects.for_org(organisation).filter(plan=self.plan).first(),
            "supplier_count": Supplier.objects.for_org(organisation).filter(plan=self.plan).count(),
            "downstream_count": Downstream.objects.for_org(organisation)
            .filter(plan=self.plan)
            .count(),
        }


class ChainMapUpdate(PlanFormMixin, OrgUpdateView):
    model = ChainMap
    form_class = ChainMapForm
    success_message = gettext_lazy("De planning van de ketenkaart is opgeslagen.")

    def get_object(self, queryset=None):
        chain_map = self.get_queryset().first()
        return chain_map or ChainMap(organisation=self.request.organisation, plan=self.plan)

    def get_title(self):
        return _("Ketenkaart compleet maken")


# --- Items and their chain -----------------------------------------------------------------


class ItemDetail(PlanMixin, OrgDetailView):
    """The chain view of one item: where it comes from (its sourcing rows, each with the
    supplier and the origin country), the item, and where it goes (downstream)."""

    model = Item
    template_name = "duediligence/chain_item.html"

    def get_queryset(self):
        downstream = Prefetch("downstream", queryset=Downstream.objects.order_by("customers"))
        items = super().get_queryset().with_chain_flags()
        return items.prefetch_related(sources_with_suppliers(), downstream)


class ItemFormMixin:
    model = Item
    form_class = ItemForm

    def get_success_url(self):
        return self.org_url("duediligence:item", pk=self.plan.pk, row_pk=self.object.pk)


class ItemCreate(ItemFormMixin, PlanFormMixin, OrgCreateView):
    title = gettext_lazy("Nieuw ingekocht product of nieuwe dienst")
    success_message = gettext_lazy("Toegevoegd. Vul nu de leverancier en het land van herkomst in.")


class ItemUpdate(ItemFormMixin, PlanFormMixin, OrgUpdateView):
    success_message = gettext_lazy("Opgeslagen.")

    def get_title(self):
        return _("Bewerken: %(name)s") % {"name": self.object.name}


class ItemDelete(PlanMixin, OrgDeleteView):
    model = Item
    success_message = gettext_lazy("Verwijderd uit de ketenkaart.")

    def get_context_data(self, **kwargs):
        warning = _(
            "De herkomst (leveranciers en landen) van dit product wordt ook verwijderd. "
            "Afzetregels blijven bestaan, zonder product."
        )
        return super().get_context_data(delete_warning=warning, **kwargs)


# --- Sourcing: one link of an item's chain --------------------------------------------------


class SourcingMixin(PlanMixin):
    model = Sourcing

    def get_queryset(self):
        return (
            Sourcing.objects.for_org(self.request.organisation)
            .filter(item__plan=self.plan)
            .select_related("item")
        )

    def back_url(self):
        return self.org_url("duediligence:item", pk=self.plan.pk, row_pk=self.item().pk)

    get_success_url = back_url
    get_cancel_url = back_url


class SourcingFormMixin(SourcingMixin):
    form_class = SourcingForm
    template_name = "duediligence/chain_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "item": self.item()}


class SourcingCreate(SourcingFormMixin, OrgCreateView):
    title = gettext_lazy("Herkomst toevoegen")
    success_message = gettext_lazy("De herkomst is toegevoegd.")

    def item(self):
        if not hasattr(self, "_item"):
            items = Item.objects.for_org(self.request.organisation).filter(plan=self.plan)
            self._item = get_object_or_404(items, pk=self.kwargs["row_pk"])
        return self._item

    def get_title(self):
        return _("Herkomst van %(name)s toevoegen") % {"name": self.item().name}


class SourcingUpdate(SourcingFormMixin, OrgUpdateView):
    success_message = gettext_lazy("De herkomst is opgeslagen.")

    def item(self):
        return self.object.item

    def get_title(self):
        return _("Herkomst van %(name)s bewerken") % {"name": self.item().name}


class SourcingDelete(SourcingMixin, OrgDeleteView):
    success_message = gettext_lazy("De herkomst is verwijderd.")

    def item(self):
        return self.object.item


# --- Suppliers ------------------------------------------------------------------------------


class SupplierList(PlanMixin, OrgListView):
    model = Supplier
    filterset_class = SupplierFilter
    template_name = "duediligence/chain_suppliers.html"
    partial_template_name = "duediligence/chain_suppliers_results.html"
    paginate_by = SUPPLIERS_PER_PAGE
    sort_fields = {"name": "name", "tier": "tier", "items": "item_count"}
    default_sort = "name"

    def get_queryset(self):
        return super().get_queryset().annotate(item_count=Count("sources__item", distinct=True))

    def get_filterset_kwargs(self, filterset_class):
        return {**super().get_filterset_kwargs(filterset_class), "plan": self.plan}


class SupplierMixin(PlanMixin):
    model = Supplier
    back_name = "duediligence:suppliers"


class SupplierCreate(SupplierMixin, PlanFormMixin, OrgCreateView):
    form_class = SupplierForm
    title = gettext_lazy("Nieuwe leverancier")
    success_message = gettext_lazy("De leverancier is toegevoegd.")


class SupplierUpdate(SupplierMixin, PlanFormMixin, OrgUpdateView):
    form_class = SupplierForm
    success_message = gettext_lazy("De leverancier is opgeslagen.")

    def get_title(self):
        return _("Leverancier bewerken: %(name)s") % {"name": self.object.name}


class SupplierDelete(SupplierMixin, OrgDeleteView):
    success_message = gettext_lazy("De leverancier is verwijderd.")

    def blocked_reason(self):
        """Deleting would take the item links with it: the origin countries they hold would
        be lost without anyone noticing. Those links are removed (or moved) first."""
        count = self.object.sources.count()
        if count:
            return ngettext(
                "Deze leverancier staat nog bij %(count)s herkomstregel van een product. Haal "
                "hem daar eerst weg of kies er een andere leverancier.",
                "Deze leverancier staat nog bij %(count)s herkomstregels van producten. Haal "
                "hem daar eerst weg of kies er een andere leverancier.",
                count,
            ) % {"count": count}
        return None


# --- Downstream -----------------------------------------------------------------------------


@require_safe
def downstream_list(request, org_slug, pk):
    """Where the products go: customers, destination, end of life."""
    plan = get_dd_plan(request, pk)
    rows = (
        Downstream.objects.for_org(request.organisation)
        .filter(plan=plan)
        .select_related("item")
        .order_by("customers", "pk")
    )
    page = paginate(request, rows, DOWNSTREAM_PER_PAGE)
    return render(request, "duediligence/chain_downstream.html", {"plan": plan, "page_obj": page})


class DownstreamMixin(PlanMixin):
    model = Downstream
    back_name = "duediligence:downstream"

    def get_success_url(self):
        if self.object.item_id:
            return self.org_url("duediligence:item", pk=self.plan.pk, row_pk=self.object.item_id)
        return self.back_url()


class DownstreamCreate(DownstreamMixin, PlanFormMixin, OrgCreateView):
    form_class = DownstreamForm
    title = gettext_lazy("Afzet toevoegen")
    success_message = gettext_lazy("De afzet is toegevoegd.")

    def get_initial(self):
        return {"item": id_from_query(self.request.GET.get("item"))}


class DownstreamUpdate(DownstreamMixin, PlanFormMixin, OrgUpdateView):
    form_class = DownstreamForm
    success_message = gettext_lazy("De afzet is opgeslagen.")

    def get_title(self):
        return _("Afzet bewerken: %(customers)s") % {"customers": self.object.customers}


class DownstreamDelete(DownstreamMixin, OrgDeleteView):
    success_message = gettext_lazy("De afzet is verwijderd.")

    def get_success_url(self):
        return self.back_url()


# --- Excel import ---------------------------------------------------------------------------


@org_roles(read=Role.MEMBER, write=Role.MEMBER)
def chain_import_page(request, org_slug, pk):
    """Upload an xlsx of suppliers and products for the plan: all rows are saved, or none."""
    plan = get_dd_plan(request, pk)
    form = ChainImportForm(*((request.POST, request.FILES) if request.method == "POST" else ()))
    row_errors = None
    if request.method == "POST" and form.is_valid():
        try:
            result = services_chain.import_chain(plan, form.parsed, request.user)
        except ImportRowsError as error:
            row_errors = error
        except IntegrityError:  # someone added the same name at the same moment
            form.add_error(None, IMPORT_RACE_MESSAGE)
        else:
            messages.success(request, services_chain.describe(result))
            return redirect("duediligence:chain", org_slug=org_slug, pk=plan.pk)
    context = {
        "plan": plan,
        "form": form,
        "row_errors": row_errors,
        "max_listed": MAX_LISTED_ERRORS,
    }
    return render(request, "duediligence/chain_import.html", context)


@require_safe
@org_roles(read=Role.MEMBER, write=Role.MEMBER)
def chain_import_template(request, org_slug, pk):
    """The xlsx template: the two sheets with examples and drop-downs, and an explanation."""
    get_dd_plan(request, pk)
    response = HttpResponse(chain_import.template_bytes(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="koers-keten-sjabloon.xlsx"'
    return response


urlpatterns = [
    path("<int:pk>/keten/", ChainOverview.as_view(), name="chain"),
    path("<int:pk>/keten/planning/", ChainMapUpdate.as_view(), name="chain_map"),
    path("<int:pk>/keten/producten/nieuw/", ItemCreate.as_view(), name="item_create"),
    path("<int:pk>/keten/producten/<int:row_pk>/", ItemDetail.as_view(), name="item"),
    path(
        "<int:pk>/keten/producten/<int:row_pk>/bewerken/", ItemUpdate.as_view(), name="item_update"
    ),
    path(
        "<int:pk>/keten/producten/<int:row_pk>/verwijderen/",
        ItemDelete.as_view(),
        name="item_delete",
    ),
    path(
        "<int:pk>/keten/producten/<int:row_pk>/herkomst/nieuw/",
        SourcingCreate.as_view(),
        name="sourcing_create",
    ),
    path(
        "<int:pk>/keten/herkomst/<int:row_pk>/bewerken/",
        SourcingUpdate.as_view(),
        name="sourcing_update",
    ),
    path(
        "<int:pk>/keten/herkomst/<int:row_pk>/verwijderen/",
        SourcingDelete.as_view(),
        name="sourcing_delete",
    ),
    path("<int:pk>/keten/leveranciers/", SupplierList.as_view(), name="suppliers"),
    path("<int:pk>/keten/leveranciers/nieuw/", SupplierCreate.as_view(), name="supplier_create"),
    path(
        "<int:pk>/keten/leveranciers/<int:row_pk>/bewerken/",
        SupplierUpdate.as_view(),
        name="supplier_update",
    ),
    path(
        "<int:pk>/keten/leveranciers/<int:row_pk>/verwijderen/",
        SupplierDelete.as_view(),
        name="supplier_delete",
    ),
    path("<int:pk>/keten/afzet/", downstream_list, name="downstream"),
    path("<int:pk>/keten/afzet/nieuw/", DownstreamCreate.as_view(), name="downstream_create"),
    path(
        "<int:pk>/keten/afzet/<int:row_pk>/bewerken/",
        DownstreamUpdate.as_view(),
        name="downstream_update",
    ),
    path(
        "<int:pk>/keten/afzet/<int:row_pk>/verwijderen/",
        DownstreamDelete.as_view(),
        name="downstream_delete",
    ),
    path("<int:pk>/keten/inlezen/", chain_import_page, name="chain_import"),
    path(
        "<int:pk>/keten/inlezen/sjabloon.xlsx",
        chain_import_template,
        name="chain_import_template",
    ),
]
