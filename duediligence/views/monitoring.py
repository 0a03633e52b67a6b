"""Monitoring (step 4): the plan's activities with a summary, one activity (create, show,
edit, delete) and its corrective action plan (CAP), whose lines become actions of the plan."""

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST, require_safe

from mvo.generic import OrgCreateView, OrgDeleteView, OrgUpdateView, paginate
from mvo.versioning import EditConflict
from plans.models import Action, ActionStatus

from .. import services_monitoring as services
from ..access import get_dd_plan
from ..forms.monitoring import CapForm, MonitoringFilter, MonitoringForm
from ..models import Monitoring

PER_PAGE = 50
CAP_PER_PAGE = 50
DETAIL = "duediligence/monitoring_detail.html"


def with_counts(activities):
    """What a list row shows: the supplier, and counts of risks, CAP actions (done) and
    evidence files, from the database."""
    return (
        activities.select_related("supplier")
        .order_by("-date", "-pk")
        .annotate(
            risk_count=Count("risks", distinct=True),
            cap_total=Count("corrective_actions", distinct=True),
            cap_done=Count(
                "corrective_actions",
                filter=Q(corrective_actions__status=ActionStatus.DONE),
                distinct=True,
            ),
            evidence_count=Count("evidence", distinct=True),
        )
    )


def get_activity(request, pk):
    """The organisation's monitoring activity ``pk`` with its plan and supplier, or 404."""
    activities = Monitoring.objects.for_org(request.organisation).select_related("plan", "supplier")
    monitoring = get_object_or_404(activities, pk=pk)
    monitoring.plan.organisation = request.organisation
    return monitoring


@require_safe
def monitoring_list(request, org_slug, pk):
    """The plan's activities, newest first, filtered and paged, under the summary."""
    plan = get_dd_plan(request, pk)
    activities = with_counts(Monitoring.objects.for_org(request.organisation).filter(plan=plan))
    filterset = MonitoringFilter(request.GET or None, queryset=activities, plan=plan)
    page = paginate(request, filterset.qs, PER_PAGE)
    context = {"plan": plan, "filter": filterset, "page_obj": page}
    if request.htmx:
        return render(request, "duediligence/monitoring_results.html", context)
    context["summary"] = services.summary(plan)
    return render(request, "duediligence/monitoring_list.html", context)


def detail_context(request, monitoring, cap_form):
    caps = (
        Action.objects.for_org(request.organisation)
        .filter(dd_monitoring=monitoring)
        .with_related()
        .with_overdue_flag()
    )
    progress = caps.order_by().aggregate(
        total=Count("pk"), done=Count("pk", filter=Q(status=ActionStatus.DONE))
    )
    cap_form.helper.form_action = reverse(
        "duediligence:monitoring_cap", args=[request.organisation.slug, monitoring.pk]
    )
    return {
        "monitoring": monitoring,
        "plan": monitoring.plan,
        "risks": monitoring.risks.by_priority(),
        "kpis": monitoring.kpis.order_by("name"),
        "files": monitoring.evidence.all(),
        "caps": paginate(request, caps, CAP_PER_PAGE),
        "progress": progress,
        "cap_form": cap_form,
    }


@require_safe
def monitoring_detail(request, org_slug, pk):
    monitoring = get_activity(request, pk)
    context = detail_context(request, monitoring, CapForm(plan=monitoring.plan))
    return render(request, DETAIL, context)


@require_POST
def monitoring_cap(request, org_slug, pk):
    """The CAP: each line of the form becomes an action of the plan, linked to the activity."""
    monitoring = get_activity(request, pk)
    form = CapForm(request.POST, plan=monitoring.plan)
    if not form.is_valid():
        return render(request, DETAIL, detail_context(request, monitoring, form))
    data = form.cleaned_data
    actions = services.create_corrective_actions(
        monitoring,
        data["lines"],
        planned=data["planned"],
        responsible=data["responsible"],
        user=request.user,
    )
    text = ngettext(
        "%(count)s actie staat nu in het verbeterplan.",
        "%(count)s acties staan nu in het verbeterplan.",
        len(actions),
    )
    messages.success(request, text % {"count": len(actions)})
    url = reverse("duediligence:monitoring_detail", args=[org_slug, monitoring.pk])
    return redirect(f"{url}#verbeterplan")


class MonitoringFormMixin:
    model = Monitoring
    form_class = MonitoringForm
    template_name = "duediligence/monitoring_form.html"
    success_message = gettext_lazy("De monitoringactiviteit is opgeslagen.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": self.plan}

    def form_valid(self, form):
        try:
            self.object = services.save_monitoring(form, self.request.user)
        except EditConflict:
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return redirect(self.org_url("duediligence:monitoring_detail", pk=self.object.pk))

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=self.plan, **kwargs)


class MonitoringCreate(MonitoringFormMixin, OrgCreateView):
    title = gettext_lazy("Nieuwe monitoringactiviteit")

    def dispatch(self, request, *args, **kwargs):
        self.plan = get_dd_plan(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)


class MonitoringUpdate(MonitoringFormMixin, OrgUpdateView):
    def get_queryset(self):
        return super().get_queryset().select_related("plan")

    def get_object(self, queryset=None):
        monitoring = super().get_object(queryset)
        self.plan = monitoring.plan
        self.plan.organisation = self.request.organisation
        return monitoring

    def get_title(self):
        return _("Monitoring bewerken: %(activity)s") % {"activity": self.object}


class MonitoringDelete(OrgDeleteView):
    model = Monitoring
    success_message = gettext_lazy("De monitoringactiviteit is verwijderd.")

    def form_valid(self, form):
        services.delete_monitoring(self.object)
        messages.success(self.request, self.success_message)
        return redirect(self.get_success_url())

    def get_success_url(self):
        return self.org_url("duediligence:monitoring", pk=self.object.plan_id)

    def get_cancel_url(self):
        return self.org_url("duediligence:monitoring_detail", pk=self.object.pk)

    def get_context_data(self, **kwargs):
        warning = _(
            "De acties van het verbeterplan blijven in het plan staan. De bewijsstukken van "
            "deze activiteit worden ook verwijderd."
        )
        return super().get_context_data(delete_warning=warning, **kwargs)


urlpatterns = [
    path("<int:pk>/monitoring/", monitoring_list, name="monitoring"),
    path("<int:pk>/monitoring/nieuw/", MonitoringCreate.as_view(), name="monitoring_create"),
    path("monitoring/<int:pk>/", monitoring_detail, name="monitoring_detail"),
    path("monitoring/<int:pk>/bewerken/", MonitoringUpdate.as_view(), name="monitoring_edit"),
    path("monitoring/<int:pk>/verwijderen/", MonitoringDelete.as_view(), name="monitoring_delete"),
    path("monitoring/<int:pk>/verbeterplan/", monitoring_cap, name="monitoring_cap"),
]
