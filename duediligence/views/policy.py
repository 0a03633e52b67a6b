"""The plan's due-diligence policy (1A/1B): one page with the checklist, consultation,
approval, publication, integration, versions with their evidence, and the responsibilities
per department; forms for each."""

from django.contrib import messages
from django.db import IntegrityError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from django.views.generic import FormView

from mvo.generic import OrgCreateView, OrgDeleteView, OrgUpdateView
from mvo.models import Role
from mvo.versioning import CONFLICT_MESSAGE

from .. import services_policy
from ..access import get_dd_plan
from ..forms.policy import DepartmentRoleForm, EvidenceForm, PolicyForm, PolicyVersionForm
from ..models import Department, DepartmentRole, Policy, PolicyElement, PolicyVersion
from .plan_children import FORM_TEMPLATE, DDPlanChildMixin, DDPlanFormMixin


@require_safe
def policy(request, org_slug, pk):
    plan = get_dd_plan(request, pk)
    current = services_policy.policy_of(plan)
    versions = []
    if current.pk:
        versions = current.versions.select_related("created_by").prefetch_related("evidence")
    departments = list(plan.dd_departments.select_related("contact"))
    steps = plan.steps.filter(step__code__in=["1A", "1B"]).select_related("step")
    context = {
        "plan": plan,
        "policy": current,
        "elements": [(label, value in current.elements) for value, label in PolicyElement.choices],
        "versions": versions,
        "departments": departments,
        "departments_left": len(Department.values) - len(departments),
        "plan_steps": steps.order_by("step__order"),
    }
    return render(request, "duediligence/policy.html", context)


class PolicyEdit(DDPlanChildMixin, OrgUpdateView):
    """The policy itself; the first save creates its row."""

    model = Policy
    form_class = PolicyForm
    template_name = FORM_TEMPLATE
    back_url_name = "duediligence:policy"
    title = _("Beleid bewerken")
    success_message = _("Het beleid is opgeslagen.")

    def get_object(self, queryset=None):
        return services_policy.policy_of(self.plan)


class VersionCreate(DDPlanChildMixin, OrgCreateView):
    model = PolicyVersion
    form_class = PolicyVersionForm
    template_name = FORM_TEMPLATE
    back_url_name = "duediligence:policy"
    title = _("Nieuwe versie van het beleid")
    success_message = _("De nieuwe versie is opgeslagen.")

    def form_valid(self, form):
        try:
            self.object = services_policy.add_policy_version(
                self.plan, form.save(commit=False), self.request.user, form.cleaned_data["file"]
            )
        except IntegrityError:  # two new versions at the same moment
            form.add_error(None, CONFLICT_MESSAGE)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return HttpResponseRedirect(self.get_success_url())


class VersionEvidenceAdd(FormView):
    """One more file for an existing version."""

    form_class = EvidenceForm
    template_name = FORM_TEMPLATE
    read_role = Role.MEMBER

    def dispatch(self, request, *args, **kwargs):
        self.plan = get_dd_plan(request, kwargs["pk"])
        self.version = get_object_or_404(
            PolicyVersion.objects.for_org(request.organisation).filter(policy__plan=self.plan),
            pk=kwargs["item_pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        services_policy.add_evidence(
            form.cleaned_data["file"], self.request.user, policy_version=self.version
        )
        messages.success(self.request, _("Het bestand is toegevoegd."))
        return redirect(
            "duediligence:policy", org_slug=self.request.organisation.slug, pk=self.plan.pk
        )

    def get_context_data(self, **kwargs):
        title = _("Bestand toevoegen aan %(version)s") % {"version": self.version}
        return super().get_context_data(title=title, plan=self.plan, **kwargs)


class DepartmentMixin(DDPlanFormMixin):
    model = DepartmentRole
    form_class = DepartmentRoleForm
    template_name = FORM_TEMPLATE
    back_url_name = "duediligence:policy"


class DepartmentCreate(DepartmentMixin, OrgCreateView):
    title = _("Verantwoordelijkheid van een afdeling toevoegen")
    success_message = _("De afdeling is toegevoegd.")


class DepartmentUpdate(DepartmentMixin, OrgUpdateView):
    success_message = _("De verantwoordelijkheden zijn opgeslagen.")

    def get_title(self):
        return _("Verantwoordelijkheden bewerken: %(department)s") % {
            "department": self.object.get_department_display()
        }


class DepartmentDelete(DDPlanChildMixin, OrgDeleteView):
    model = DepartmentRole
    back_url_name = "duediligence:policy"
    success_message = _("De afdeling is uit de lijst gehaald.")


urlpatterns = [
    path("<int:pk>/beleid/", policy, name="policy"),
    path("<int:pk>/beleid/bewerken/", PolicyEdit.as_view(), name="policy_edit"),
    path("<int:pk>/beleid/versies/nieuw/", VersionCreate.as_view(), name="policy_version_create"),
    path(
        "<int:pk>/beleid/versies/<int:item_pk>/bestand/",
        VersionEvidenceAdd.as_view(),
        name="policy_version_evidence",
    ),
    path("<int:pk>/beleid/afdelingen/nieuw/", DepartmentCreate.as_view(), name="department_create"),
    path(
        "<int:pk>/beleid/afdelingen/<int:item_pk>/bewerken/",
        DepartmentUpdate.as_view(),
        name="department_update",
    ),
    path(
        "<int:pk>/beleid/afdelingen/<int:item_pk>/verwijderen/",
        DepartmentDelete.as_view(),
        name="department_delete",
    ),
]
