"""The risk register of a due-diligence plan (2B/2C), with its heat map; one risk with what
its involvement asks (3A); and the actions against a risk (3B).

Every page loads the plan through access.get_dd_plan and the risk through that plan, so an
id of another plan or organisation is a 404.
"""

from decimal import Decimal

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from mvo.charts import format_number
from mvo.generic import OrgCreateView, OrgDeleteView, OrgListView, OrgUpdateView
from mvo.guard import org_roles
from mvo.models import Role
from mvo.versioning import EditConflict

from .. import countries, rules, services
from ..access import get_dd_plan
from ..filters import RiskFilter
from ..forms.risks import (
    ActionForRiskForm,
    LinkActionForm,
    RiskActionPartnersForm,
    RiskForm,
)
from ..heatmap import heat_map_svg
from ..models import (
    AffectedGroup,
    Grievance,
    Involvement,
    Monitoring,
    Risk,
    RiskAction,
    RiskSource,
)

SHOWN = 50  # monitoring activities and actions on a risk's page


def risk_url(risk, name="duediligence:risk"):
    kwargs = {"org_slug": risk.plan.organisation.slug, "pk": risk.plan_id, "item_pk": risk.pk}
    return reverse(name, kwargs=kwargs)


def plan_risk(request, pk, item_pk, joins=None):
    """(plan, risk) from the URL, or 404. ``joins(queryset)`` adds what the page needs."""
    plan = get_dd_plan(request, pk)
    risks = Risk.objects.for_org(request.organisation).filter(plan=plan)
    risk = get_object_or_404(joins(risks) if joins else risks, pk=item_pk)
    risk.plan = plan
    return plan, risk


def explain_severity(risk):
    """How the severity of this risk was worked out, in plain Dutch sentences."""
    scores = (risk.scale, risk.scope, risk.irremediability)
    values = {
        "scale": risk.scale,
        "scope": risk.scope,
        "irr": risk.irremediability,
        "mean": format_number(Decimal(sum(scores)) / 3, 2),
        "rounded": -(-sum(scores) // 3),
    }
    if sum(scores) % 3 == 0:
        first = _(
            "De ernst is het gemiddelde van zwaarte (%(scale)s), reikwijdte (%(scope)s) en "
            "onomkeerbaarheid (%(irr)s): (%(scale)s + %(scope)s + %(irr)s) / 3 = %(mean)s."
        )
    else:
        first = _(
            "De ernst is het gemiddelde van zwaarte (%(scale)s), reikwijdte (%(scope)s) en "
            "onomkeerbaarheid (%(irr)s), naar boven afgerond: (%(scale)s + %(scope)s + "
            "%(irr)s) / 3 = %(mean)s, afgerond %(rounded)s."
        )
    lines = [first % values]
    if max(scores) == 5 and -(-sum(scores) // 3) < 4:
        lines.append(
            _(
                "Een van de drie scores is een 5. Schade van de zwaarste soort, of schade die "
                "niet meer goed te maken is, is altijd ernstig, ook als er weinig mensen door "
                "geraakt worden. Daarom is de ernst minstens 4."
            )
        )
    lines.append(
        _(
            "De waarschijnlijkheid telt niet mee voor de ernst. Het register zet risico's eerst "
            "op ernst en pas daarna op waarschijnlijkheid."
        )
    )
    return lines


def involvement_rows(current):
    """The 3A table: every kind of involvement with its response and remediation duty."""
    return [
        {
            "label": label,
            "response": rules.RESPONSE[value],
            "remediation": rules.REMEDIATION[value],
            "current": value == current,
        }
        for value, label in Involvement.choices
    ]


# --- The register ----------------------------------------------------------------------------


class PlanRiskMixin:
    """``self.plan`` from the URL; only risks of that plan."""

    model = Risk
    pk_url_kwarg = "item_pk"

    def dispatch(self, request, *args, **kwargs):
        self.plan = get_dd_plan(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return super().get_queryset().filter(plan=self.plan)

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=self.plan, **kwargs)


class RiskList(PlanRiskMixin, OrgListView):
    filterset_class = RiskFilter
    template_name = "duediligence/risk_list.html"
    partial_template_name = "duediligence/risk_results.html"
    paginate_by = 50

    def get_queryset(self):
        return super().get_queryset().by_priority().with_action_progress()

    def get_filterset_kwargs(self, filterset_class):
        return {**super().get_filterset_kwargs(filterset_class), "plan": self.plan}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = Risk.objects.for_org(self.request.organisation).filter(plan=self.plan)
        cell = self.filterset.cell()
        here = self.request.path
        svg = heat_map_svg(
            counts.heat_counts(),
            url_for_cell=lambda s, lh: f"{here}?severity={s}&likelihood={lh}#register",
            active=cell,
        )
        return {**context, "heat_map": svg, "cell": cell}


class RiskFormMixin(PlanRiskMixin):
    form_class = RiskForm
    template_name = "duediligence/risk_form.html"
    success_message = gettext_lazy("Het risico is opgeslagen.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": self.plan}

    def form_valid(self, form):
        try:
            self.object = services.save_risk(form, self.request.user)
        except EditConflict:
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        self.object.plan = self.plan
        return redirect(risk_url(self.object))


class RiskCreate(RiskFormMixin, OrgCreateView):
    title = gettext_lazy("Nieuw risico")


class RiskUpdate(RiskFormMixin, OrgUpdateView):
    def get_title(self):
        return _("Risico bewerken: %(title)s") % {"title": self.object.title}


class RiskDelete(PlanRiskMixin, OrgDeleteView):
    success_message = gettext_lazy("Het risico is verwijderd. De acties blijven in het plan.")

    def form_valid(self, form):
        services.delete_risk(self.object, self.request.user)
        messages.success(self.request, self.success_message)
        return redirect(self.get_success_url())

    def get_success_url(self):
        return self.org_url("duediligence:risks", pk=self.plan.pk)

    def get_cancel_url(self):
        self.object.plan = self.plan
        return risk_url(self.object)

    def get_context_data(self, **kwargs):
        warning = _(
            "De acties tegen dit risico blijven in het plan; alleen hun koppeling met dit "
            "risico verdwijnt. Klachten en monitoring over dit risico blijven bewaard."
        )
        return super().get_context_data(delete_warning=warning, **kwargs)


# --- One risk ---------------------------------------------------------------------------------


@require_safe
def risk_detail(request, org_slug, pk, item_pk):
    """All of a risk: scores and how its severity comes about, what its involvement asks,
    how many grievances point at it (a count only), its monitoring and its actions."""
    plan, risk = plan_risk(request, pk, item_pk, joins=detail_joins)
    org = request.organisation
    links = RiskAction.objects.for_org(org).filter(risk=risk).select_related("action")
    monitoring = Monitoring.objects.for_org(org).filter(risks=risk).select_related("supplier")
    context = {
        "plan": plan,
        "risk": risk,
        "severity_lines": explain_severity(risk),
        "involvement_rows": involvement_rows(risk.involvement),
        "grievance_count": Grievance.objects.for_org(org).filter(risk=risk).count(),
        "monitoring": monitoring.order_by("-date", "-pk")[:SHOWN],
        "links": links.prefetch_related("partners")[:SHOWN],
        "countries": [countries.name(code) for code in risk.countries],
        "groups": labels(AffectedGroup, risk.affected_groups),
        "sources": labels(RiskSource, risk.sources),
    }
    return render(request, "duediligence/risk_detail.html", context)


def detail_joins(risks):
    return risks.with_action_progress().prefetch_related("items", "suppliers")


def labels(choices, values):
    known = dict(choices.choices)
    return [known.get(value, value) for value in values]


# --- Actions against a risk -------------------------------------------------------------------


@org_roles(read=Role.MEMBER)
@require_http_methods(["GET", "POST"])
def risk_action_create(request, org_slug, pk, item_pk):
    """A new action of the plan against this risk, with the chain partners it involves."""
    plan, risk = plan_risk(request, pk, item_pk)
    data = request.POST if request.method == "POST" else None
    initial = {"responsible": request.user, "why": _("Risico: %(title)s") % {"title": risk}}
    action_form = ActionForRiskForm(
        data, organisation=request.organisation, plan=plan, initial=initial
    )
    partners_form = RiskActionPartnersForm(data, plan=plan)
    if data is not None and all([action_form.is_valid(), partners_form.is_valid()]):
        services.create_action_for_risk(risk, action_form, partners_form, request.user)
        messages.success(request, _("De actie is toegevoegd en hangt aan dit risico."))
        return redirect(risk_url(risk))
    context = {
        "plan": plan,
        "risk": risk,
        "forms": [action_form, partners_form],
        "title": _("Nieuwe actie tegen dit risico"),
        "submit_label": _("Actie toevoegen"),
    }
    return render(request, "duediligence/risk_action_form.html", context)


@org_roles(read=Role.MEMBER)
@require_http_methods(["GET", "POST"])
def risk_action_link(request, org_slug, pk, item_pk):
    """Link an existing action of the plan to this risk."""
    plan, risk = plan_risk(request, pk, item_pk)
    form = LinkActionForm(request.POST or None, risk=risk)
    if request.method == "POST" and form.is_valid():
        try:
            services.link_action(form, request.user)
        except services.LinkRefused as refused:
            form.add_error("action", refused.message)
        else:
            messages.success(request, _("De actie hangt nu aan dit risico."))
            return redirect(risk_url(risk))
    context = {
        "plan": plan,
        "risk": risk,
        "forms": [form],
        "title": _("Bestaande actie koppelen"),
        "submit_label": _("Koppelen"),
    }
    return render(request, "duediligence/risk_action_form.html", context)


@org_roles(read=Role.MEMBER)
@require_http_methods(["GET", "POST"])
def risk_action_edit(request, org_slug, pk, item_pk, link_pk):
    """Change who works with the organisation on this action against the risk."""
    plan, risk = plan_risk(request, pk, item_pk)
    links = RiskAction.objects.for_org(request.organisation).select_related("action")
    link = get_object_or_404(links, risk=risk, pk=link_pk)
    form = RiskActionPartnersForm(request.POST or None, instance=link, plan=plan)
    if request.method == "POST" and form.is_valid():
        services.save_partners(form, request.user)
        messages.success(request, _("De ketenpartners van deze actie zijn opgeslagen."))
        return redirect(risk_url(risk))
    context = {
        "plan": plan,
        "risk": risk,
        "forms": [form],
        "title": _("Ketenpartners: %(action)s") % {"action": link.action},
        "submit_label": _("Opslaan"),
    }
    return render(request, "duediligence/risk_action_form.html", context)


@require_POST
def risk_action_unlink(request, org_slug, pk, item_pk, link_pk):
    """Take an action off the risk; the action stays in the plan."""
    plan, risk = plan_risk(request, pk, item_pk)
    link = get_object_or_404(
        RiskAction.objects.for_org(request.organisation), risk=risk, pk=link_pk
    )
    services.unlink_action(link, request.user)
    messages.success(request, _("De actie hangt niet meer aan dit risico; ze blijft in het plan."))
    return redirect(risk_url(risk))


RISK = "<int:pk>/risicos/<int:item_pk>/"

urlpatterns = [
    path("<int:pk>/risicos/", RiskList.as_view(), name="risks"),
    path("<int:pk>/risicos/nieuw/", RiskCreate.as_view(), name="risk_create"),
    path(RISK, risk_detail, name="risk"),
    path(f"{RISK}bewerken/", RiskUpdate.as_view(), name="risk_edit"),
    path(f"{RISK}verwijderen/", RiskDelete.as_view(), name="risk_delete"),
    path(f"{RISK}acties/nieuw/", risk_action_create, name="risk_action_create"),
    path(f"{RISK}acties/koppelen/", risk_action_link, name="risk_action_link"),
    path(f"{RISK}acties/<int:link_pk>/", risk_action_edit, name="risk_action_edit"),
    path(
        f"{RISK}acties/<int:link_pk>/ontkoppelen/",
        risk_action_unlink,
        name="risk_action_unlink",
    ),
]
