"""Steps 5–7 of an MVOI plan: borging (what is anchored per area and the anchoring actions),
the jaarplanning (the year's actions per team × quarter, printable) and the yearly
evaluation with "prepare next year".

The actions are the plan's shared actions (plans.Action); what MVOI adds lives on
ActionDetail (``action.mvoi``). An action made in the plans app has no detail yet: the pages
read the details with a left join and treat a missing one as blank.
"""

from django.contrib import messages
from django.db import IntegrityError
from django.db.models import (
    Case,
    F,
    IntegerField,
    Value,
    When,
)
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from mvo.generic import OrgCreateView, OrgUpdateView, paginate
from mvo.validation import id_from_query
from mvo.versioning import CONFLICT_MESSAGE, EditConflict
from plans.models import Action

from .. import evaluation as services
from ..access import get_mvoi_plan
from ..forms.cycle import AnchoringForm, EvaluationForm, MvoiActionForm
from ..models import TEAMS, Anchoring, AnchoringArea, AnchoringKind, Evaluation
from ..year_plan import OTHER_TEAM, with_details, year_grid
from .plan_children import FORM_TEMPLATE, MvoiPlanChildMixin, MvoiPlanFormMixin


def plan_actions(request, plan):
    return Action.objects.for_org(request.organisation).filter(plan=plan)


# --- Borging (step 5) -----------------------------------------------------------------------


@require_safe
def anchoring(request, org_slug, pk):
    plan = get_mvoi_plan(request, pk)
    stored = {
        row.area: row for row in Anchoring.objects.for_org(request.organisation).filter(plan=plan)
    }
    areas = [(value, label, stored.get(value)) for value, label in AnchoringArea.choices]
    kind_order = Case(
        When(mvoi__anchoring=AnchoringKind.STRUCTURAL, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    actions = (
        with_details(plan_actions(request, plan).filter(mvoi__anchoring__in=AnchoringKind.values))
        .annotate(kind_order=kind_order)
        .order_by("kind_order", F("planned_period").asc(nulls_last=True), "title", "pk")
    )
    context = {
        "plan": plan,
        "areas": areas,
        "page_obj": paginate(request, actions, 50),
        "kinds": dict(AnchoringKind.choices),
    }
    return render(request, "procurement/cycle_anchoring.html", context)


class AnchoringEdit(MvoiPlanChildMixin, OrgUpdateView):
    """What is anchored in one area; the first save creates its row."""

    model = Anchoring
    form_class = AnchoringForm
    template_name = FORM_TEMPLATE
    back_url_name = "procurement:anchoring"
    success_message = gettext_lazy("De borging is opgeslagen.")

    def get_object(self, queryset=None):
        area = self.kwargs["area"]
        if area not in AnchoringArea.values:
            raise Http404
        found = self.get_queryset().filter(area=area).first()
        return found or Anchoring(organisation=self.request.organisation, plan=self.plan, area=area)

    def get_title(self):
        return _("Wat is al geborgd: %(area)s") % {"area": AnchoringArea(self.object.area).label}


# --- MVOI actions ---------------------------------------------------------------------------

BACK_TO_YEAR_PLAN = "jaarplanning"
BACK_TO_ANCHORING = "borging"


class MvoiActionMixin(MvoiPlanFormMixin):
    """An action of this plan with its MVOI details; back to the page it was opened from
    (``?terug=jaarplanning`` or ``?terug=borging``)."""

    model = Action
    form_class = MvoiActionForm
    template_name = FORM_TEMPLATE

    def get_queryset(self):
        return super().get_queryset().select_related("mvoi")

    def back_url(self):
        back = self.request.GET.get("terug")
        action = getattr(self, "object", None)
        if back not in (BACK_TO_YEAR_PLAN, BACK_TO_ANCHORING):
            detail = getattr(action, "mvoi", None) if action is not None and action.pk else None
            back = BACK_TO_ANCHORING if detail and detail.anchoring else BACK_TO_YEAR_PLAN
        kwargs = {"org_slug": self.request.organisation.slug, "pk": self.plan.pk}
        if back == BACK_TO_ANCHORING:
            return reverse("procurement:anchoring", kwargs=kwargs)
        url = reverse("procurement:year_plan", kwargs=kwargs)
        year = getattr(action, "planned_year", None) or id_from_query(self.request.GET.get("year"))
        return f"{url}?year={year}" if year else url


class MvoiActionCreate(MvoiActionMixin, OrgCreateView):
    title = gettext_lazy("Nieuwe actie")
    success_message = gettext_lazy("De actie is toegevoegd.")

    def get_initial(self):
        query = self.request.GET
        initial = {"responsible": self.request.user}
        if query.get("anchoring") in AnchoringKind.values:
            initial["anchoring"] = query["anchoring"]
        year = id_from_query(query.get("year"))
        if year and self.plan.start_year <= year <= self.plan.end_year:
            initial["planned_year"] = year
        if query.get("quarter") in ("1", "2", "3", "4"):
            initial["planned_quarter"] = int(query["quarter"])
        if query.get("team") in TEAMS:
            initial["team"] = query["team"]
        return initial


class MvoiActionUpdate(MvoiActionMixin, OrgUpdateView):
    success_message = gettext_lazy("De actie is opgeslagen.")

    def get_title(self):
        return _("Actie bewerken: %(title)s") % {"title": self.object.title}


# --- Jaarplanning (step 6) ------------------------------------------------------------------


def chosen_year(request, plan):
    years = range(plan.start_year, plan.end_year + 1)
    year = id_from_query(request.GET.get("year"))
    if year in years:
        return year
    this_year = timezone.localdate().year
    return this_year if this_year in years else plan.start_year


@require_safe
def year_plan(request, org_slug, pk):
    plan = get_mvoi_plan(request, pk)
    year = chosen_year(request, plan)
    context = {
        "plan": plan,
        "year": year,
        "years": list(range(plan.start_year, plan.end_year + 1)),
        "grid": year_grid(plan, year),
        "other_team": OTHER_TEAM,
    }
    return render(request, "procurement/cycle_year_plan.html", context)


# --- Evaluatie (step 7) ---------------------------------------------------------------------


@require_safe
def evaluations(request, org_slug, pk):
    plan = get_mvoi_plan(request, pk)
    context = {"plan": plan, "states": services.evaluation_states(plan)}
    return render(request, "procurement/cycle_evaluations.html", context)


def plan_year(request, pk, year):
    """The MVOI plan and a year of its period, or 404."""
    plan = get_mvoi_plan(request, pk)
    if not plan.start_year <= year <= plan.end_year:
        raise Http404
    return plan


def load_evaluation(request, plan, year):
    stored = (
        Evaluation.objects.for_org(request.organisation)
        .filter(plan=plan, year=year)
        .select_related("finished_by")
        .first()
    )
    return stored or Evaluation(organisation=request.organisation, plan=plan, year=year)


def evaluation_url(plan, year):
    return reverse(
        "procurement:evaluation_edit",
        kwargs={"org_slug": plan.organisation.slug, "pk": plan.pk, "year": year},
    )


@require_http_methods(["GET", "HEAD", "POST"])
def evaluation_edit(request, org_slug, pk, year):
    """The evaluation of one year: the facts, and the 3 × 3 form (read-only once finished)."""
    plan = plan_year(request, pk, year)
    evaluation = load_evaluation(request, plan, year)
    finished = evaluation.finished_at is not None
    facts = evaluation.facts if finished else services.year_facts(plan, year)
    org = request.organisation
    if request.method == "POST":
        if finished:
            messages.error(request, _("Deze evaluatie is afgerond. Heropen haar om te wijzigen."))
            return redirect(evaluation_url(plan, year))
        form = EvaluationForm(request.POST, instance=evaluation, organisation=org)
        if form.is_valid():
            finish = "finish" in request.POST
            try:
                services.save_evaluation(form, request.user, finish=finish)
            except EditConflict:
                pass  # the form says what changed
            except IntegrityError:  # two first saves at the same moment
                form.add_error(None, CONFLICT_MESSAGE)
            else:
                done = _("De evaluatie is afgerond; de feiten van dit jaar zijn vastgelegd.")
                messages.success(request, done if finish else _("De evaluatie is opgeslagen."))
                return redirect(evaluation_url(plan, year))
    else:
        initial = services.prefill(facts) if evaluation.pk is None else None
        form = EvaluationForm(instance=evaluation, initial=initial, organisation=org)
    context = {
        "plan": plan,
        "year": year,
        "evaluation": evaluation,
        "finished": finished,
        "facts": facts,
        "form": form,
        "can_prepare": services.next_year_allowed(plan, year),
        "next_year": year + 1,
    }
    return render(request, "procurement/cycle_evaluation.html", context)


@require_POST
def evaluation_reopen(request, org_slug, pk, year):
    plan = plan_year(request, pk, year)
    evaluation = load_evaluation(request, plan, year)
    if evaluation.finished_at is not None:
        services.reopen(evaluation)
        messages.success(request, _("De evaluatie is weer een concept."))
    return redirect(evaluation_url(plan, year))


@require_POST
def evaluation_prepare(request, org_slug, pk, year):
    """Prepare the next year: postponed tenders move, open actions are copied (once)."""
    plan = plan_year(request, pk, year)
    evaluation = load_evaluation(request, plan, year)
    if not services.next_year_allowed(plan, year):
        messages.error(
            request, _("Het jaar na %(year)s valt buiten de planperiode.") % {"year": year}
        )
    elif evaluation.pk is None:
        messages.error(
            request, _("Sla de evaluatie eerst op; bereid daarna het volgende jaar voor.")
        )
    elif (counts := services.prepare_next_year(plan, year, request.user)) is None:
        messages.info(request, _("Het volgende jaar was al voorbereid; er is niets veranderd."))
    else:
        tenders = ngettext(
            "één uitgestelde aanbesteding verplaatst",
            "%(count)s uitgestelde aanbestedingen verplaatst",
            counts["tenders"],
        ) % {"count": counts["tenders"]}
        actions = ngettext(
            "één open actie overgenomen", "%(count)s open acties overgenomen", counts["actions"]
        ) % {"count": counts["actions"]}
        text = _("%(next)s is voorbereid: %(tenders)s en %(actions)s.")
        messages.success(request, text % {"next": year + 1, "tenders": tenders, "actions": actions})
    return redirect(evaluation_url(plan, year))


urlpatterns = [
    path("<int:pk>/borging/", anchoring, name="anchoring"),
    path("<int:pk>/borging/<str:area>/", AnchoringEdit.as_view(), name="anchoring_edit"),
    path("<int:pk>/acties/nieuw/", MvoiActionCreate.as_view(), name="mvoi_action_create"),
    path(
        "<int:pk>/acties/<int:item_pk>/bewerken/",
        MvoiActionUpdate.as_view(),
        name="mvoi_action_update",
    ),
    path("<int:pk>/jaarplanning/", year_plan, name="year_plan"),
    path("<int:pk>/evaluatie/", evaluations, name="evaluations"),
    path("<int:pk>/evaluatie/<int:year>/", evaluation_edit, name="evaluation_edit"),
    path("<int:pk>/evaluatie/<int:year>/heropenen/", evaluation_reopen, name="evaluation_reopen"),
    path(
        "<int:pk>/evaluatie/<int:year>/volgend-jaar/",
        evaluation_prepare,
        name="evaluation_prepare",
    ),
]
