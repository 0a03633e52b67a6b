"""Goals and droombeelden.

Goals: the plan's goals by theme (general goals apart), each with its SMART check and the live
status of its KPI; create, edit, delete. Droombeelden: participants write wishes per theme, the
coordinator groups them into at most three goals per theme, and everyone marks the two most
urgent actions per theme. Goals that only one department carries are pointed out.
"""

from collections import defaultdict
from itertools import chain

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, NullIf
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from kpis import progress
from kpis.models import Kpi, decode_period, quarter_end
from mvo.generic import OrgCreateView, OrgDeleteView, OrgUpdateView, paginate
from mvo.models import Membership, Role
from mvo.validation import id_from_query
from mvo.versioning import EditConflict
from themes.models import OrgTheme

from .. import services
from ..forms import GoalForm, WishForm, WishGroupForm
from ..models import (
    MAX_GOALS_PER_THEME,
    URGENT_VOTES_PER_THEME,
    Action,
    Goal,
    GoalKind,
    UrgentVote,
    Wish,
)
from ..smart import smart_check
from .base import PlanChildMixin, get_plan

GOALS_PER_PAGE = 50
WISHES_PER_PAGE = 50
ACTIONS_SHOWN = 50

# --- Reads shared by both pages ------------------------------------------------------------


def with_status(plan, goals, today=None):
    """Give each goal ``progress`` (its KPI's status against the goal's own target and
    deadline, or None without a KPI) and ``smart`` (what is still missing). The latest value
    of every KPI comes from the database in one query, whatever the number of goals."""
    today = today or timezone.localdate()
    kpi_ids = {goal.kpi_id for goal in goals if goal.kpi_id}
    rows = (
        Kpi.objects.for_org(plan.organisation_id)
        .filter(pk__in=kpi_ids)
        .with_latest()
        .values_list("pk", "latest_period", "latest_value")
    )
    latest = {pk: [(quarter_end(*decode_period(code)), value)] for pk, code, value in rows if code}
    for goal in goals:
        goal.progress = None
        if goal.kpi_id:
            targets = []
            if goal.deadline and goal.target_value is not None:
                targets = [(goal.deadline, goal.target_value)]
            goal.progress = progress.compute(
                goal.kpi.direction, goal.kpi.baseline, targets, latest.get(goal.kpi_id, []), today
            )
        goal.smart = smart_check(goal, plan, goal.progress)
    return goals


def single_department(plan, goal_ids):
    """{goal id: department} for the goals whose droombeelden and actions all come from one
    department: the wish's department (or else its author's), and the action's team. Two
    queries; goals with no department known at all are left out."""
    author_department = Membership.objects.filter(
        user=OuterRef("author"), organisation=OuterRef("organisation")
    ).values("department")[:1]
    wish_rows = (
        Wish.objects.filter(plan=plan, goal_id__in=goal_ids)
        .annotate(dept=Coalesce(NullIf("department", Value("")), Subquery(author_department)))
        .values_list("goal_id", "dept")
        .distinct()
    )
    action_rows = (
        Action.objects.filter(plan=plan, goal_id__in=goal_ids)
        .exclude(team="")
        .values_list("goal_id", "team")
        .distinct()
    )
    seen = defaultdict(dict)
    for goal_id, department in chain(wish_rows, action_rows):
        if department and department.strip():
            seen[goal_id].setdefault(department.strip().casefold(), department.strip())
    return {pk: next(iter(names.values())) for pk, names in seen.items() if len(names) == 1}


def can_coordinate(plan, membership):
    """The plan's coordinator, or a manager or admin, groups droombeelden into goals."""
    return plan.coordinator_id == membership.user_id or membership.has_role(Role.MANAGER)


# --- Goals ---------------------------------------------------------------------------------


@require_safe
def goal_list(request, org_slug, pk):
    """The plan's goals grouped by theme, general goals last, each with its SMART check."""
    plan = get_plan(request, pk)
    goals = (
        Goal.objects.for_org(request.organisation)
        .filter(plan=plan)
        .with_related()
        .order_by(
            Case(When(kind=GoalKind.GENERAL, then=1), default=0, output_field=IntegerField()),
            "theme_label",
            "title",
            "pk",
        )
    )
    page = paginate(request, goals, GOALS_PER_PAGE)
    rows = with_status(plan, list(page.object_list))
    hints = single_department(plan, [goal.pk for goal in rows])
    groups = []
    for goal in rows:
        goal.single_department = hints.get(goal.pk)
        general = goal.kind == GoalKind.GENERAL
        key = (general, None if general else goal.theme_label)
        if not groups or groups[-1]["key"] != key:
            groups.append({"key": key, "general": general, "label": key[1], "goals": []})
        groups[-1]["goals"].append(goal)
    context = {"plan": plan, "groups": groups, "page_obj": page, "max_goals": MAX_GOALS_PER_THEME}
    return render(request, "plans/goal_list.html", context)


class GoalFormMixin:
    model = Goal
    form_class = GoalForm
    template_name = "plans/goal_form.html"
    success_message = gettext_lazy("Het doel is opgeslagen.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": self.plan}

    def form_valid(self, form):
        try:
            self.object = services.save_goal(form)  # the 3-per-theme rule, under a lock
        except EditConflict:
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        missing = with_status(self.plan, [self.object])[0].smart
        if missing:
            messages.warning(
                self.request,
                _("Dit doel is nog niet SMART. %(missing)s") % {"missing": " ".join(missing)},
            )
        return redirect(self.org_url("plans:goals", pk=self.plan.pk))


class GoalCreate(PlanChildMixin, GoalFormMixin, OrgCreateView):
    title = gettext_lazy("Nieuw doel")


class GoalUpdate(GoalFormMixin, OrgUpdateView):
    queryset_method = "with_related"

    def get_object(self, queryset=None):
        goal = super().get_object(queryset)
        self.plan = goal.plan
        return goal

    def get_title(self):
        return _("Doel bewerken: %(title)s") % {"title": self.object.title}

    def get_context_data(self, **kwargs):
        smart = with_status(self.plan, [self.object])[0].smart if not self.request.POST else None
        return super().get_context_data(plan=self.plan, smart=smart, **kwargs)


class GoalDelete(OrgDeleteView):
    model = Goal
    success_message = gettext_lazy("Het doel is verwijderd.")

    def get_success_url(self):
        return self.org_url("plans:goals", pk=self.object.plan_id)

    get_cancel_url = get_success_url

    def get_context_data(self, **kwargs):
        warning = _("Droombeelden en acties van dit doel blijven bestaan, zonder doel.")
        return super().get_context_data(delete_warning=warning, **kwargs)


# --- Droombeelden --------------------------------------------------------------------------


def wishes_url(plan, theme_id=None):
    url = reverse("plans:wishes", kwargs={"org_slug": plan.organisation.slug, "pk": plan.pk})
    return f"{url}?thema={theme_id}" if theme_id else url


def plan_themes(plan):
    """The plan's themes, or all the organisation's themes when the plan has chosen none."""
    themes = plan.themes.all()
    if not themes.exists():
        themes = OrgTheme.objects.for_org(plan.organisation_id)
    return themes.select_related("framework_theme")


def wish_list(request, org_slug, pk):
    """One theme at a time: its droombeelden, its goals, and its actions by urgency."""
    plan = get_plan(request, pk)
    themes = plan_themes(plan)
    can_write = request.membership.can_write
    form = None
    if can_write:
        form = WishForm(
            request.POST or None,
            organisation=request.organisation,
            plan=plan,
            themes=themes,
            author=request.user,
            initial={"department": request.membership.department},
        )
        if request.method == "POST" and form.is_valid():
            wish = form.save()
            messages.success(request, _("Uw droombeeld is toegevoegd."))
            return redirect(wishes_url(plan, wish.theme_id))
    overview = list(
        themes.annotate(
            wish_count=Count("wishes", filter=Q(wishes__plan=plan), distinct=True),
            goal_count=Count("goals", filter=Q(goals__plan=plan), distinct=True),
        )
    )
    wanted = id_from_query(request.POST.get("theme") or request.GET.get("thema"))
    theme = next((t for t in overview if t.pk == wanted), overview[0] if overview else None)
    context = {"plan": plan, "themes": overview, "theme": theme, "form": form}
    context["max_goals"] = MAX_GOALS_PER_THEME
    if theme is not None:
        context.update(theme_board(request, plan, theme))
    if form is not None and not form.is_bound:
        form.initial["theme"] = getattr(theme, "pk", None)
    return render(request, "plans/wish_list.html", context)


def theme_board(request, plan, theme):
    """What the droombeelden page shows for one theme (a constant number of queries)."""
    wishes = plan.wishes.filter(theme=theme).select_related("author", "goal").order_by("pk")
    goals = list(plan.goals.filter(theme=theme).annotate(wishes_in=Count("wishes")).order_by("pk"))
    hints = single_department(plan, [goal.pk for goal in goals])
    for goal in goals:
        goal.single_department = hints.get(goal.pk)
    mine = UrgentVote.objects.filter(action=OuterRef("pk"), voter=request.user)
    actions = (
        Action.objects.for_org(request.organisation)
        .filter(plan=plan, theme=theme)
        .annotate(votes=Count("urgent_votes", distinct=True), mine=Exists(mine))
        .order_by("-votes", "title", "pk")
    )
    used = UrgentVote.objects.filter(plan=plan, theme=theme, voter=request.user).count()
    return {
        "wish_page": paginate(request, wishes, WISHES_PER_PAGE),
        "goals": goals,
        "actions": list(actions[:ACTIONS_SHOWN]),
        "actions_limit": ACTIONS_SHOWN,
        "votes_used": used,
        "votes_max": URGENT_VOTES_PER_THEME,
        "max_goals": MAX_GOALS_PER_THEME,
        "can_coordinate": can_coordinate(plan, request.membership),
    }


@require_POST
def wish_group(request, org_slug, pk):
    """The coordinator puts the ticked droombeelden into an existing or a new goal."""
    plan = get_plan(request, pk)
    if not can_coordinate(plan, request.membership):
        raise PermissionDenied
    form = WishGroupForm(request.POST, plan=plan)
    if not form.is_valid():
        for error in chain.from_iterable(form.errors.values()):
            messages.error(request, error)
        return redirect(wishes_url(plan, id_from_query(request.POST.get("theme"))))
    data = form.cleaned_data
    try:
        if data["goal"]:
            goal = data["goal"]
            services.group_wishes(plan, data["wishes"], goal)
        else:
            goal = services.group_wishes_into_new_goal(
                plan, data["wishes"], data["title"], data["theme_id"]
            )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("De droombeelden zijn gegroepeerd in het doel „%(goal)s”.") % {"goal": goal.title},
        )
    return redirect(wishes_url(plan, data["theme_id"]))


@require_POST
def wish_delete(request, org_slug, pk):
    """The author or the coordinator removes a droombeeld."""
    wishes = Wish.objects.for_org(request.organisation).select_related("plan")
    wish = get_object_or_404(wishes, pk=pk)
    wish.plan.organisation = request.organisation
    if wish.author_id != request.user.pk and not can_coordinate(wish.plan, request.membership):
        raise PermissionDenied
    wish.delete()
    messages.success(request, _("Het droombeeld is verwijderd."))
    return redirect(wishes_url(wish.plan, wish.theme_id))


@require_POST
def urgent_toggle(request, org_slug, pk, action_pk):
    """Mark or unmark an action as one of the voter's two most urgent of its theme."""
    plan = get_plan(request, pk)
    action = get_object_or_404(plan.actions.all(), pk=action_pk)
    try:
        marked = services.toggle_urgent(plan, action, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if marked:
            messages.success(request, _("De actie staat bij uw meest urgente acties."))
        else:
            messages.success(request, _("Uw stem voor deze actie is weggehaald."))
    return redirect(wishes_url(plan, action.theme_id))
