"""Actions: one list across all plans (filters, sorting, pages, totals, bulk status), one
action (create, show, edit, delete) and the quarter board of a plan."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Case, Count, DecimalField, F, IntegerField, Sum, Value, When, Window
from django.db.models.functions import Coalesce, RowNumber
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from mvo.generic import OrgCreateView, OrgDeleteView, OrgDetailView, OrgListView, OrgUpdateView
from mvo.validation import id_from_query
from mvo.versioning import EditConflict

from .. import services
from ..filters import ActionFilter
from ..forms import ActionForm, BulkStatusForm, MoveForm
from ..models import Action, ActionStatus, encode_quarter
from .base import get_plan

CARDS_PER_COLUMN = 30
LEVELS = {"success": messages.SUCCESS, "danger": messages.ERROR, "warning": messages.WARNING}
MOVE_CONFLICT = _(
    "Iemand anders heeft deze actie intussen gewijzigd. Het bord toont nu de nieuwe stand: "
    "verplaats de kaart opnieuw als dat nog nodig is."
)


def action_totals(actions):
    """Budget, hours and count of the (filtered) actions: in all, per plan and per theme.
    Summed in the database; geschrapte acties do not count."""
    counted = actions.exclude(status=ActionStatus.CANCELLED).order_by()
    sums = {
        "budget": Coalesce(Sum("budget"), Value(0), output_field=DecimalField()),
        "hours": Coalesce(Sum("hours"), Value(0), output_field=DecimalField()),
        "count": Count("pk"),
    }
    per_plan = counted.values("plan_id", "plan__title").annotate(**sums).order_by("plan__title")
    per_theme = (
        counted.values("theme_id", "theme_label")
        .annotate(**sums)
        .order_by(F("theme_label").asc(nulls_last=True))
    )
    return {"all": actions.totals(), "per_plan": per_plan, "per_theme": per_theme}


class ActionList(OrgListView):
    model = Action
    queryset_method = "with_related"
    filterset_class = ActionFilter
    template_name = "plans/action_list.html"
    partial_template_name = "plans/partials/action_results.html"
    paginate_by = 50
    sort_fields = {
        "title": "title",
        "plan": "plan__title",
        "responsible": "responsible_name",
        "quarter": "planned_period",
        "due": "due_date",
        "status": "status",
    }
    default_sort = "quarter"

    def get_queryset(self):
        return super().get_queryset().with_overdue_flag()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        return {
            **context,
            "totals": action_totals(self.object_list),
            "query": query.urlencode(),
            "statuses": ActionStatus.choices,
        }


@require_POST
def bulk_status(request, org_slug):
    """The checked actions of the list get one status; ids of other organisations are refused."""
    form = BulkStatusForm(request.POST, organisation=request.organisation)
    query = QueryDict(request.POST.get("query", "")).urlencode()  # re-encoded: only a query
    back = reverse("plans:actions", args=[org_slug]) + (f"?{query}" if query else "")
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, errors[0])
        return redirect(back)
    status = ActionStatus(form.cleaned_data["status"])
    count = services.bulk_set_status(form.cleaned_data["actions"], status, request.user)
    text = ngettext(
        "%(count)s actie heeft nu de status ‘%(status)s’.",
        "%(count)s acties hebben nu de status ‘%(status)s’.",
        count,
    )
    messages.success(request, text % {"count": count, "status": status.label})
    return redirect(back)


class ActionDetail(OrgDetailView):
    model = Action
    queryset_method = "with_related"
    template_name = "plans/action_detail.html"

    def get_queryset(self):
        return super().get_queryset().with_overdue_flag()


class ActionFormMixin:
    model = Action
    form_class = ActionForm
    success_url_name = "plans:action_detail"


class ActionCreate(ActionFormMixin, OrgCreateView):
    title = _("Nieuwe actie")
    success_message = _("De actie is toegevoegd.")

    def get_initial(self):
        return {
            "plan": id_from_query(self.request.GET.get("plan")),
            "responsible": self.request.user,
        }


class ActionUpdate(ActionFormMixin, OrgUpdateView):
    success_message = _("De actie is opgeslagen.")

    def get_title(self):
        return _("Actie bewerken: %(title)s") % {"title": self.object.title}


class ActionDelete(OrgDeleteView):
    model = Action
    success_url_name = "plans:actions"
    success_message = _("De actie is verwijderd.")

    def get_cancel_url(self):
        return self.org_url("plans:action_detail", pk=self.object.pk)


@require_safe
def plan_actions(request, org_slug, pk):
    """The actions of one plan: the one list, filtered on the plan."""
    plan = get_plan(request, pk)
    return redirect(reverse("plans:actions", args=[org_slug]) + f"?plan={plan.pk}")


# --- The quarter board ----------------------------------------------------------------------

UNPLANNED = 0  # the column key of "niet gepland" (and of quarters outside the plan period)


def board_columns(plan, cap=CARDS_PER_COLUMN):
    """The board's columns: niet gepland, then every quarter of the plan period, each with its
    first ``cap`` cards and its total. Two queries, whatever the number of actions."""
    first, last = encode_quarter(plan.start_year, 1), encode_quarter(plan.end_year, 4)
    column = Case(
        When(planned_period__gte=first, planned_period__lte=last, then=F("planned_period")),
        default=Value(UNPLANNED),
        output_field=IntegerField(),
    )
    actions = Action.objects.for_org(plan.organisation_id).filter(plan=plan)
    counts = dict(
        actions.annotate(column=column)
        .order_by()
        .values("column")
        .annotate(n=Count("pk"))
        .values_list("column", "n")
    )
    order = [F("due_date").asc(nulls_last=True), F("title").asc(), F("pk").asc()]
    cards = (
        actions.with_related()
        .with_overdue_flag()
        .annotate(
            column=column, position=Window(RowNumber(), partition_by=[column], order_by=order)
        )
        .filter(position__lte=cap)
        .order_by("column", "position")
    )
    columns = [{"key": UNPLANNED, "year": None, "quarter": None, "label": _("Niet gepland")}]
    columns += [
        {"key": encode_quarter(y, q), "year": y, "quarter": q, "label": f"K{q} {y}"}
        for y, q in plan.quarters
    ]
    by_key = {}
    for index, col in enumerate(columns):
        col.update(cards=[], total=counts.get(col["key"], 0))
        col["earlier"] = columns[index - 1] if index else None
        col["later"] = columns[index + 1] if index + 1 < len(columns) else None
        by_key[col["key"]] = col
    for card in cards:
        by_key[card.column]["cards"].append(card)
    for col in columns:
        col["more"] = col["total"] - len(col["cards"])
    return columns


def board_context(plan, moved=None, direction="", **extra):
    """The board; the card just moved keeps the keyboard focus (on the button that moved it
    while it can go further that way, else on its title)."""
    columns = board_columns(plan)
    for column in columns:
        for card in column["cards"]:
            if card.pk == moved:
                card.focus = direction if direction and column[direction] else "link"
    return {"plan": plan, "columns": columns, **extra}


@require_safe
def board(request, org_slug, pk):
    """A plan's actions as cards in a column per quarter."""
    plan = get_plan(request, pk)
    return render(request, "plans/board.html", board_context(plan))


@require_POST
def move(request, org_slug, pk):
    """Move a card to a quarter (or off the calendar); htmx gets the board back."""
    actions = Action.objects.for_org(request.organisation).select_related("plan")
    action = get_object_or_404(actions, pk=pk)
    form, level = MoveForm(request.POST), "success"
    if not form.is_valid():
        text, level = next(iter(form.errors.values()))[0], "danger"
    else:
        data = form.cleaned_data
        try:
            services.move_action(
                action, data["year"], data["quarter"], data["version"], user=request.user
            )
        except ValidationError as error:
            text, level = error.messages[0], "danger"
        except EditConflict:
            text, level = MOVE_CONFLICT, "warning"
        else:
            where = action.planned_label or _("niet gepland")
            text = _("‘%(title)s’ staat nu bij %(where)s.") % {"title": action, "where": where}
    if request.htmx:
        direction = form.cleaned_data.get("direction", "")
        context = board_context(
            action.plan, notice=text, level=level, moved=action.pk, direction=direction
        )
        return render(request, "plans/partials/board_columns.html", context)
    messages.add_message(request, LEVELS[level], text)
    return redirect("plans:board", org_slug=org_slug, pk=action.plan_id)
