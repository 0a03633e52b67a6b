from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from mvo.exports import labels, table_response
from mvo.generic import (
    OrgCreateView,
    OrgDeleteView,
    OrgDetailView,
    OrgListView,
    OrgUpdateView,
    paginate,
)
from mvo.guard import org_roles
from mvo.history import history_page
from mvo.models import Role
from mvo.versioning import CONFLICT_MESSAGE, EditConflict
from themes.expressions import person_name

from . import history, services
from .charts import kpi_chart
from .filters import KpiFilter
from .forms import (
    KpiForm,
    MeasurementForm,
    PeriodForm,
    QuarterEntryForm,
    TargetForm,
    posted_kpi_ids,
)
from .models import (
    MISSING_LABELS,
    Direction,
    Frequency,
    Kpi,
    Measurement,
    StatusLabel,
    Target,
    last_finished_quarter,
    quarter_end,
    status_counts,
)

STATUS_ORDER = {status: rank for rank, status in enumerate(StatusLabel)}


class KpiList(OrgListView):
    """KPIs with search, filters, sortable columns and pages. The status of every KPI comes
    from its latest value (a subquery per KPI); the page then loads only its own rows."""

    model = Kpi
    queryset_method = "with_names"
    filterset_class = KpiFilter
    template_name = "kpis/kpi_list.html"
    partial_template_name = "kpis/partials/kpi_table.html"
    paginate_by = None  # pages are cut after the status filter, in get_context_data
    per_page = 50
    sort_fields = {
        "name": "name",
        "theme": "theme_name",
        "owner": "owner_name",
        "status": None,
        "progress": None,
    }
    default_sort = "name"

    def get_context_data(self, **kwargs):
        progress = self.object_list.progress_map()
        wanted = self.filterset.wanted_status()
        ids = [pk for pk, p in progress.items() if wanted is None or p.status == wanted]
        sort = self.current_sort()
        if sort.lstrip("-") == "status":
            ids.sort(key=lambda pk: STATUS_ORDER[progress[pk].status], reverse=sort[0] == "-")
        elif sort.lstrip("-") == "progress":  # KPIs without a percentage always last
            sign = -1 if sort[0] == "-" else 1
            ids.sort(key=lambda pk: _percent_key(progress[pk].percent, sign))
        page = paginate(self.request, ids, self.per_page)
        rows = Kpi.objects.filter(pk__in=page.object_list).for_list().with_names()
        by_pk = {kpi.pk: kpi for kpi in rows}
        kpis = [by_pk[pk] for pk in page.object_list if pk in by_pk]
        for kpi in kpis:
            kpi.progress = progress[kpi.pk]
        counts = status_counts(progress.values())
        return super().get_context_data(kpis=kpis, page_obj=page, status_counts=counts, **kwargs)


def _percent_key(percent, sign):
    return (percent is None, sign * (percent or 0))


class KpiDetail(OrgDetailView):
    model = Kpi
    queryset_method = "with_full_data"
    template_name = "kpis/kpi_detail.html"

    def get_context_data(self, **kwargs):
        kpi = self.object
        context = {"chart": kpi_chart(kpi), "progress": kpi.progress}
        if self.request.membership.can_write:
            organisation = self.request.organisation  # two forms: ids kept apart
            context["target_form"] = TargetForm(
                organisation=organisation, kpi=kpi, auto_id="target_%s"
            )
            context["measurement_form"] = MeasurementForm(
                organisation=organisation, kpi=kpi, auto_id="measurement_%s"
            )
        return super().get_context_data(**context, **kwargs)


@require_safe
def kpi_history(request, org_slug, pk):
    """Every change of a KPI, its targets and its measurements. A deleted KPI keeps this
    page, found through its own records of this organisation."""
    organisation = request.organisation
    kpi = Kpi.objects.for_org(organisation).filter(pk=pk).first()
    if kpi is None:
        kpi = Kpi.history.filter(organisation=organisation, id=pk).order_by("-history_date").first()
    if kpi is None:
        raise Http404
    sources = history.kpi_sources(organisation, [pk], link=False)
    context = {"kpi": kpi, "deleted": not isinstance(kpi, Kpi), "subject": kpi.name}
    related = history.related(organisation)
    return history_page(request, sources, "kpis/kpi_history.html", context, related)


class KpiFormMixin:
    model = Kpi
    form_class = KpiForm
    success_url_name = "kpis:detail"


class KpiCreate(KpiFormMixin, OrgCreateView):
    title = _("KPI toevoegen")
    success_message = _("De KPI is toegevoegd. Voeg nu streefwaarden toe.")

    def get_initial(self):
        return {"owner": self.request.user}


class KpiUpdate(KpiFormMixin, OrgUpdateView):
    success_message = _("De KPI is opgeslagen.")

    def get_title(self):
        return _("KPI bewerken: %(name)s") % {"name": self.object.name}


class KpiDelete(OrgDeleteView):
    model = Kpi
    success_url_name = "kpis:index"
    success_message = _("De KPI en haar metingen zijn verwijderd.")


class KpiChildMixin:
    """Targets and measurements: created under a KPI, always of this organisation."""

    success_url_name = "kpis:detail"

    def get_kpi(self):
        if not hasattr(self, "_kpi"):
            if "kpi_pk" in self.kwargs:
                kpis = Kpi.objects.for_org(self.request.organisation)
                self._kpi = get_object_or_404(kpis, pk=self.kwargs["kpi_pk"])
            else:  # an existing target or measurement (on delete: the one being deleted)
                self._kpi = (getattr(self, "object", None) or self.get_object()).kpi
        return self._kpi

    def get_success_url(self):
        return self.org_url("kpis:detail", pk=self.get_kpi().pk)

    def get_cancel_url(self):
        return self.get_success_url()


class KpiChildFormMixin(KpiChildMixin):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "kpi": self.get_kpi()}


class TargetCreate(KpiChildFormMixin, OrgCreateView):
    model = Target
    form_class = TargetForm
    title = _("Streefwaarde toevoegen")
    success_message = _("De streefwaarde is toegevoegd.")


class TargetDelete(KpiChildMixin, OrgDeleteView):
    model = Target
    success_message = _("De streefwaarde is verwijderd.")


class MeasurementFormMixin(KpiChildFormMixin):
    model = Measurement
    form_class = MeasurementForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}


class MeasurementCreate(MeasurementFormMixin, OrgCreateView):
    title = _("Meting toevoegen")
    success_message = _("De meting is opgeslagen.")


class MeasurementUpdate(MeasurementFormMixin, OrgUpdateView):
    success_message = _("De meting is opgeslagen.")

    def get_title(self):
        return _("Meting bewerken: %(kpi)s, %(period)s") % {
            "kpi": self.object.kpi.name,
            "period": self.object.period_label,
        }


class MeasurementDelete(KpiChildMixin, OrgDeleteView):
    model = Measurement
    success_message = _("De meting is verwijderd.")


@org_roles(read=Role.MEMBER)
def quarter_entry(request, org_slug):
    """Enter one quarter's values for all KPIs (or one theme's), a page at a time, all or
    nothing. Opens on the last finished quarter."""
    year, quarter = last_finished_quarter()
    period = PeriodForm(
        request.GET or {"year": year, "quarter": quarter}, organisation=request.organisation
    )
    if not period.is_valid():
        return render(request, "kpis/quarter_entry.html", {"period": period}, status=400)
    year, quarter, theme, per_page = (
        period.cleaned_data[k] for k in ("year", "quarter", "theme", "per_page")
    )
    kpis = Kpi.objects.for_org(request.organisation).with_names().select_related("theme")
    if theme:
        kpis = kpis.filter(theme=theme)
    if quarter != 4:  # a yearly KPI's value stands for 31 December: it is entered with Q4
        kpis = kpis.exclude(frequency=Frequency.YEARLY)
    kpis = kpis.order_by("theme_name", "name", "pk")
    page = None
    if request.method == "POST":  # exactly the KPIs the posted form showed
        kpis = list(kpis.filter(pk__in=posted_kpi_ids(request.POST)))
    else:
        page = paginate(request, kpis, per_page)
        kpis = list(page.object_list)
    existing = services.measurements_for_period(kpis, year, quarter)
    form = QuarterEntryForm(request.POST or None, kpis=kpis, existing=existing)
    if request.method == "POST" and form.is_valid():
        try:
            counts = services.record_quarter(kpis, year, quarter, form.entries(), request.user)
        except EditConflict as conflict:
            for kpi in conflict.args[0]:
                form.add_error(kpi.pk, "value", CONFLICT_MESSAGE)
            if not conflict.args[0]:
                form.add_error(None, None, CONFLICT_MESSAGE)
        else:
            messages.success(
                request,
                _("K%(q)s %(y)s opgeslagen: %(c)s nieuw, %(u)s gewijzigd, %(d)s verwijderd.")
                % {"q": quarter, "y": year, "c": counts[0], "u": counts[1], "d": counts[2]},
            )
            return redirect(request.get_full_path())
    shown = Kpi.objects.filter(pk__in=[kpi.pk for kpi in kpis])
    rows = form.rows(
        previous=shown.previous_values(year, quarter),
        targets=shown.targets_on(quarter_end(year, quarter)),
    )
    context = {"period": period, "form": form, "rows": rows, "page_obj": page}
    return render(request, "kpis/quarter_entry.html", {**context, "year": year, "quarter": quarter})


@require_safe
def export(request, org_slug, fmt):
    """The KPIs the list shows with its current filter, with their measurements: one row per
    measurement (a KPI without any: one row). Streams plain values; no model objects."""
    filterset = KpiFilter(
        request.GET or None, queryset=Kpi.objects.for_org(request.organisation), request=request
    )
    kpis = (
        filterset.qs.with_names()
        if filterset.is_bound and filterset.is_valid()
        else filterset.queryset.with_names()
    )
    progress = kpis.progress_map()
    wanted = filterset.wanted_status() if filterset.is_bound else None
    if wanted:
        kpis = kpis.filter(pk__in=[pk for pk, p in progress.items() if p.status == wanted])
    headers = [
        _("KPI"),
        _("Thema"),
        _("Eenheid"),
        _("Richting"),
        _("Frequentie"),
        _("Eigenaar"),
        _("Nulmeting"),
        _("Datum nulmeting"),
        _("Streefwaarde"),
        _("Datum streefwaarde"),
        _("Voortgang (%)"),
        _("Status"),
        _("Jaar"),
        _("Kwartaal"),
        _("Waarde"),
        _("Toelichting"),
        _("Onderbouwing"),
        _("Ingevoerd door"),
    ]
    return table_response(
        f"kpis-{org_slug}-{timezone.localdate().isoformat()}",
        headers,
        _export_rows(kpis, progress),
        fmt,
        sheet_title=_("KPI's"),
    )


def _export_rows(kpis, progress):
    directions, frequencies = labels(Direction), labels(Frequency)
    statuses, missing = labels(StatusLabel), {k: str(v) for k, v in MISSING_LABELS.items()}
    rows = (
        kpis.annotate(entered_by_name=person_name("measurements__entered_by"))
        .values_list(
            "pk",
            "name",
            "theme_name",
            "unit",
            "direction",
            "frequency",
            "owner_name",
            "baseline_value",
            "baseline_date",
            "measurements__year",
            "measurements__quarter",
            "measurements__value",
            "measurements__note",
            "measurements__evidence_url",
            "entered_by_name",
        )
        .order_by("name", "pk", "measurements__year", "measurements__quarter")
    )
    for pk, name, theme, unit, direction, freq, owner, b_value, b_date, *measured in rows.iterator(
        chunk_size=2000
    ):
        p = progress[pk]
        status = statuses[p.status] + (f" ({missing[p.missing]})" if p.missing else "")
        yield [
            name,
            theme,
            unit,
            directions[direction],
            frequencies[freq],
            owner,
            b_value,
            b_date,
            p.target.value if p.target else None,
            p.target.date if p.target else None,
            p.percent,
            status,
            *measured,
        ]
