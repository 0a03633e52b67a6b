"""Plans: the list with progress per phase, create / edit / delete, the stepper, one step."""

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kpis.models import Kpi
from mvo.generic import OrgCreateView, OrgDeleteView, OrgListView, OrgUpdateView
from mvo.i18n import language_suffix
from mvo.models import Role
from mvo.versioning import EditConflict

from .. import approval, registry, services
from ..filters import PlanFilter
from ..forms import PlanForm, PlanKpisForm, PlanStepForm
from ..models import Plan, PlanStep, StepStatus, TransitionKind
from ..steps import step_links
from .base import get_plan


def phase_progress(plan_ids):
    """{plan_id: [{number, name, done, total}]} for the given plans, in one query."""
    name = f"step__phase__name_{language_suffix()}"
    rows = (
        PlanStep.objects.filter(plan_id__in=plan_ids)
        .values("plan_id", "step__phase__number", name)
        .annotate(total=Count("pk"), done=Count("pk", filter=Q(status=StepStatus.DONE)))
        .order_by("plan_id", "step__phase__number")
    )
    result = {}
    for row in rows:
        result.setdefault(row["plan_id"], []).append(
            {
                "number": row["step__phase__number"],
                "name": row[name],
                "done": row["done"],
                "total": row["total"],
            }
        )
    return result


class PlanList(OrgListView):
    model = Plan
    queryset_method = "with_progress"
    filterset_class = PlanFilter
    template_name = "plans/plan_list.html"
    partial_template_name = "plans/partials/plan_results.html"
    paginate_by = 25
    sort_fields = {"title": "title", "start": "start_year", "done": "steps_done"}
    default_sort = "-start"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        phases = phase_progress([plan.pk for plan in context["page_obj"].object_list])
        for plan in context["page_obj"].object_list:
            plan.phases = phases.get(plan.pk, [])
        return context


class PlanCreate(OrgCreateView):
    model = Plan
    form_class = PlanForm
    title = _("Nieuw plan")
    success_url_name = "plans:detail"
    success_message = _("Het plan is aangemaakt. Loop de stappen door, te beginnen bij de eerste.")

    def form_valid(self, form):
        self.object = services.create_plan(form.save(commit=False), self.request.user)
        messages.success(self.request, self.success_message)
        return redirect(self.get_success_url())


class PlanUpdate(OrgUpdateView):
    model = Plan
    form_class = PlanForm
    title = _("Plan bewerken")
    success_url_name = "plans:detail"


class PlanDelete(OrgDeleteView):
    model = Plan
    read_role = Role.MANAGER
    write_role = Role.MANAGER
    success_url_name = "plans:index"
    success_message = _("Het plan is verwijderd.")

    def blocked_reason(self):
        count = self.object.versions.count()  # approved versions are kept for ever
        if count:
            return ngettext(
                "Van dit plan is een versie goedgekeurd. Wat is goedgekeurd, blijft altijd "
                "terug te zien; daarom kan het plan niet worden verwijderd.",
                "Van dit plan zijn %(count)s versies goedgekeurd. Wat is goedgekeurd, blijft "
                "altijd terug te zien; daarom kan het plan niet worden verwijderd.",
                count,
            ) % {"count": count}
        return None


def plan_detail(request, org_slug, pk):
    """The plan with its stepper: every phase and step with its status and links."""
    plan = get_plan(request, pk, Plan.objects.with_progress())
    steps = list(plan.steps.select_related("step__phase", "updated_by").order_by("step__order"))
    phases = []
    for plan_step in steps:
        plan_step.links = step_links(plan, plan_step.step)
        if not phases or phases[-1]["phase"].pk != plan_step.step.phase_id:
            phases.append({"phase": plan_step.step.phase, "steps": []})
        phases[-1]["steps"].append(plan_step)
    for phase in phases:
        phase["done"] = sum(s.status == StepStatus.DONE for s in phase["steps"])
    context = {
        "plan": plan,
        "phases": phases,
        "successors": list(plan.successors.all()),
        "action_totals": plan.actions.totals(),
        "goal_count": plan.goals.count(),
        "goals_to_review": plan.goals.filter(needs_review=True).count(),
        "last_version": plan.versions.defer("data").order_by("-number").first(),
        "recent_transitions": list(
            plan.transitions.select_related("version")
            .defer("version__data")
            .order_by("-at", "-pk")[:3]
        ),
        # Which way the approval button points: to judging or to submitting.
        "approver_roles": approval.APPROVERS,
        "submitter_roles": approval.SUBMITTERS,
        "submittable": approval.MOVES[TransitionKind.SUBMIT][0],
        # Cards that higher apps add for their methods (plans.registry "plan_panels").
        "panels": [p for p in (fn(plan) for _k, fn in registry.providers("plan_panels")) if p],
    }
    return render(request, "plans/plan_detail.html", context)


def step_detail(request, org_slug, pk, step_pk):
    """One step: its purpose, guiding questions and links; the group's status, notes and
    answers (editable by members)."""
    plan = get_plan(request, pk)
    plan_step = get_object_or_404(
        PlanStep.objects.select_related("step__phase", "updated_by"), plan=plan, pk=step_pk
    )
    form = None
    if request.membership.can_write:
        form = PlanStepForm(request.POST or None, instance=plan_step)
        if request.method == "POST" and form.is_valid():
            try:
                form.save(user=request.user)
            except EditConflict:
                pass
            else:
                messages.success(request, _("De stap is opgeslagen."))
                return redirect("plans:detail", org_slug=org_slug, pk=plan.pk)
    neighbours = list(plan.steps.order_by("step__order").values_list("pk", flat=True))
    index = neighbours.index(plan_step.pk)
    context = {
        "plan": plan,
        "plan_step": plan_step,
        "step": plan_step.step,
        "form": form,
        "links": step_links(plan, plan_step.step),
        "previous_pk": neighbours[index - 1] if index > 0 else None,
        "next_pk": neighbours[index + 1] if index + 1 < len(neighbours) else None,
    }
    return render(request, "plans/step_detail.html", context)


def plan_kpis(request, org_slug, pk):
    """The KPIs this plan follows, with their baselines; members choose which."""
    plan = get_plan(request, pk)
    form = None
    if request.membership.can_write:
        form = PlanKpisForm(request.POST or None, instance=plan, organisation=request.organisation)
        if request.method == "POST" and form.is_valid():
            try:
                form.save()
            except EditConflict:
                pass
            else:
                messages.success(request, _("De KPI's van het plan zijn opgeslagen."))
                return redirect("plans:kpis", org_slug=org_slug, pk=plan.pk)
    kpis = Kpi.objects.filter(plans=plan).for_list()
    progress = Kpi.objects.filter(plans=plan).progress_map()
    rows = list(kpis)
    for kpi in rows:
        kpi.progress = progress[kpi.pk]
    return render(
        request,
        "plans/plan_kpis.html",
        {
            "plan": plan,
            "kpis": rows,
            "form": form,
        },
    )
