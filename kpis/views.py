from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from mvo.exports import table_response
from mvo.generic import (
    OrgCreateView,
    OrgDeleteView,
    OrgDetailView,
    OrgListView,
    OrgUpdateView,
)
from mvo.guard import org_roles
from mvo.models import Role
from mvo.versioning import CONFLICT_MESSAGE, EditConflict

from . import services
from .charts import kpi_chart
from .filters import KpiFilter
from .forms import KpiForm, MeasurementForm, PeriodForm, QuarterEntryForm, TargetForm
from .models import Frequency, Kpi, Measurement, Target, current_quarter, status_counts


class KpiList(OrgListView):
    model = Kpi
    queryset_method = "with_progress_data"
    filterset_class = KpiFilter
    template_name = "kpis/kpi_list.html"
    partial_template_name = "kpis/partials/kpi_table.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        kpis = self.filterset.apply_status(context["object_list"])
        return {**context, "kpis": kpis, "status_counts": status_counts(kpis)}


class KpiDetail(OrgDetailView):
    model = Kpi
    queryset_method = "with_full_data"
    template_name = "kpis/kpi_detail.html"

    def get_context_data(self, **kwargs):
        kpi = self.object
        context = {"chart": kpi_chart(kpi), "progress": kpi.progress}
        if self.request.membership.can_write:
            context["target_form"] = TargetForm(organisation=self.request.organisation, kpi=kpi)
            context["measurement_form"] = MeasurementForm(
                organisation=self.request.organisation, kpi=kpi
            )
        return super().get_context_data(**context, **kwargs)


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
    """Enter one quarter's values for all KPIs (or one theme's), all or nothing."""
    year, quarter = current_quarter()
    period = PeriodForm(
        request.GET or {"year": year, "quarter": quarter}, organisation=request.organisation
    )
    if not period.is_valid():
        return render(request, "kpis/quarter_entry.html", {"period": period}, status=400)
    year, quarter, theme = (period.cleaned_data[k] for k in ("year", "quarter", "theme"))
    kpis = Kpi.objects.for_org(request.organisation).select_related("theme__framework_theme")
    if theme:
        kpis = kpis.filter(theme=theme)
    if quarter != 4:  # a yearly KPI's value stands for 31 December: it is entered with Q4
        kpis = kpis.exclude(frequency=Frequency.YEARLY)
    kpis = list(kpis.order_by("theme", "name"))
    existing = services.measurements_for_period(kpis, year, quarter)
    form = QuarterEntryForm(request.POST or None, kpis=kpis, existing=existing)
    if request.method == "POST" and form.is_valid():
        try:
            counts = services.record_quarter(kpis, year, quarter, form.entries(), request.user)
        except EditConflict as conflict:
            for kpi in conflict.args[0]:
                form.add_error(f"value_{kpi.pk}", CONFLICT_MESSAGE)
            if not conflict.args[0]:
                form.add_error(None, CONFLICT_MESSAGE)
        else:
            messages.success(
                request,
                _("K%(q)s %(y)s opgeslagen: %(c)s nieuw, %(u)s gewijzigd, %(d)s verwijderd.")
                % {"q": quarter, "y": year, "c": counts[0], "u": counts[1], "d": counts[2]},
            )
            return redirect(request.get_full_path())
    context = {"period": period, "form": form, "year": year, "quarter": quarter}
    return render(request, "kpis/quarter_entry.html", context)


@require_safe
def export(request, org_slug, fmt):
    """KPIs with their measurements: one row per measurement (a KPI without any: one row)."""
    kpis = Kpi.objects.for_org(request.organisation).with_full_data()
    headers = [
        _("KPI"),
        _("Thema"),
        _("Eenheid"),
        _("Richting"),
        _("Frequentie"),
        _("Eigenaar"),
        _("Nulmeting"),
        _("Datum nulmeting"),
        _("Status"),
        _("Jaar"),
        _("Kwartaal"),
        _("Waarde"),
        _("Toelichting"),
        _("Onderbouwing"),
        _("Ingevoerd door"),
    ]
    rows = []
    for kpi in kpis:
        base = [
            kpi.name,
            kpi.theme.name,
            kpi.unit,
            kpi.get_direction_display(),
            kpi.get_frequency_display(),
            kpi.owner.get_full_name() if kpi.owner else "",
            kpi.baseline_value,
            kpi.baseline_date,
            kpi.status_label,
        ]
        measurements = list(kpi.measurements.all()) or [None]
        for m in measurements:
            rows.append(
                base
                + (
                    [
                        m.year,
                        m.quarter,
                        m.value,
                        m.note,
                        m.evidence_url,
                        m.entered_by.get_full_name() if m.entered_by else "",
                    ]
                    if m
                    else [None] * 6
                )
            )
    today = timezone.localdate().isoformat()
    return table_response(f"kpis-{org_slug}-{today}", headers, rows, fmt, sheet_title=_("KPI's"))
