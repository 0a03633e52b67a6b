"""Remediation and grievances (step 6): the grievance mechanism, the register and one
complaint with its handling, evidence and history.

The content of a complaint is for grievance handlers only. Everyone else in the organisation
sees the register as counts by status (and how many are past their deadline); the pages of one
complaint are a 403 for them, before anything is looked up.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from mvo.generic import OrgCreateView, OrgUpdateView, paginate
from mvo.versioning import CONFLICT_MESSAGE, EditConflict

from .. import evidence as evidence_files
from ..access import grievance_handler_required, handles_grievances
from ..forms.grievances import (
    EvidenceForm,
    GrievanceFilter,
    GrievanceForm,
    GrievanceHandlingForm,
    MechanismForm,
)
from ..grievances import mechanism_for, record_grievance
from ..models import Evidence, Grievance, GrievanceStatus, MechanismCriterion

PER_PAGE = 50
HISTORY_SHOWN = 30
DETAIL = "duediligence/grievance_detail.html"
# What the history of a complaint names when it changed (bookkeeping fields are left out).
HISTORY_FIELDS = [
    "status",
    "received_on",
    "channel",
    "complainant_type",
    "confidential",
    "anonymous",
    "contact",
    "description",
    "risk_id",
    "supplier_id",
    "response_due",
    "responded_on",
    "remedy_type",
    "outcome",
    "public_note",
    "closed_on",
]


def may_edit_mechanism(request):
    membership = request.membership
    return membership.is_admin or (membership.can_write and membership.handles_grievances)


def counts(organisation):
    """What everyone in the organisation may see of the register: numbers only."""
    grievances = Grievance.objects.for_org(organisation)
    by_status = grievances.status_counts()
    return {
        "status_counts": [(GrievanceStatus(value), n) for value, n in by_status.items()],
        "total": sum(by_status.values()),
        "overdue_count": grievances.overdue().count(),
    }


def mechanism(request, org_slug):
    """The mechanism: its criteria, response term, intake and procedure texts."""
    organisation = request.organisation
    instance = mechanism_for(organisation)
    editable = may_edit_mechanism(request)
    if request.method == "POST" and not editable:
        raise PermissionDenied
    form = None
    if editable:
        form = MechanismForm(request.POST or None, instance=instance, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                form.save()
        except EditConflict:
            pass  # the form says what happened
        except IntegrityError:  # someone else saved the first version a moment earlier
            form.add_error(None, CONFLICT_MESSAGE)
        else:
            messages.success(request, _("Het klachtenmechanisme is opgeslagen."))
            return redirect("duediligence:mechanism", org_slug=org_slug)
    public_url = request.build_absolute_uri(
        reverse("meld:form", kwargs={"public_slug": organisation.slug})
    )
    context = {
        "mechanism": instance,
        "form": form,
        "public_url": public_url,
        "criteria": MechanismCriterion.choices,
    }
    return render(request, "duediligence/grievance_mechanism.html", context)


@require_safe
def grievance_list(request, org_slug):
    """Handlers: the register, newest first, filtered and paged. Others: counts only."""
    organisation = request.organisation
    context = counts(organisation)
    if not handles_grievances(request):
        return render(request, "duediligence/grievance_counts.html", context)
    grievances = (
        Grievance.objects.for_org(organisation)
        .with_overdue_flag()
        .select_related("risk", "supplier")
        .order_by("-received_on", "-pk")
    )
    filterset = GrievanceFilter(request.GET or None, queryset=grievances, request=request)
    context.update(filter=filterset, page_obj=paginate(request, filterset.qs, PER_PAGE))
    if request.htmx:
        return render(request, "duediligence/grievance_table.html", context)
    return render(request, "duediligence/grievance_list.html", context)


def get_grievance(request, pk):
    grievances = (
        Grievance.objects.for_org(request.organisation)
        .with_overdue_flag()
        .select_related("risk__plan", "supplier__plan")
    )
    return get_object_or_404(grievances, pk=pk)


def history_of(grievance):
    """The latest changes of a complaint, newest first: when, who, and which fields."""
    records = list(
        grievance.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : HISTORY_SHOWN + 1
        ]
    )
    labels = {
        name: Grievance._meta.get_field(name.removesuffix("_id")).verbose_name
        for name in HISTORY_FIELDS
    }
    entries = []
    for record, before in zip(records, records[1:] + [None], strict=True):
        changed = [
            labels[name]
            for name in HISTORY_FIELDS
            if before is not None and getattr(record, name) != getattr(before, name)
        ]
        entries.append({"record": record, "changed": changed, "created": before is None})
    if len(records) > HISTORY_SHOWN:
        entries = entries[:HISTORY_SHOWN]
    return entries


def detail_context(request, grievance, evidence_form=None):
    files = Evidence.objects.for_org(request.organisation).filter(grievance=grievance)
    return {
        "grievance": grievance,
        "evidence_list": files.select_related("uploaded_by"),
        "evidence_form": evidence_form or EvidenceForm(),
        "history": history_of(grievance),
    }


@grievance_handler_required
@require_safe
def grievance_detail(request, org_slug, pk):
    grievance = get_grievance(request, pk)
    return render(request, DETAIL, detail_context(request, grievance))


@grievance_handler_required
@require_POST
def grievance_evidence(request, org_slug, pk):
    """Add an evidence file to a complaint (its checks are in the form)."""
    grievance = get_grievance(request, pk)
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        context = detail_context(request, grievance, evidence_form=form)
        return render(request, DETAIL, context, status=400)
    with transaction.atomic():
        evidence_files.attach(form.cleaned_data["file"], user=request.user, grievance=grievance)
    messages.success(request, _("Het bewijsstuk is toegevoegd."))
    return redirect("duediligence:grievance", org_slug=org_slug, pk=grievance.pk)


class GrievanceCreate(OrgCreateView):
    model = Grievance
    form_class = GrievanceForm
    title = gettext_lazy("Klacht vastleggen")
    success_url_name = "duediligence:grievance"

    def form_valid(self, form):
        self.object = record_grievance(form, by=self.request.user)
        messages.success(self.request, _("De klacht is vastgelegd."))
        return HttpResponseRedirect(self.get_success_url())


class GrievanceEdit(OrgUpdateView):
    model = Grievance
    form_class = GrievanceHandlingForm
    queryset_method = "with_overdue_flag"
    template_name = "duediligence/grievance_form.html"
    success_url_name = "duediligence:grievance"
    success_message = gettext_lazy("De afhandeling is opgeslagen.")

    def get_title(self):
        return _("Afhandeling van klacht %(number)s") % {"number": self.object.pk}


urlpatterns = [
    path("klachten/mechanisme/", mechanism, name="mechanism"),
    path("klachten/", grievance_list, name="grievances"),
    path(
        "klachten/nieuw/",
        grievance_handler_required(GrievanceCreate.as_view()),
        name="grievance_create",
    ),
    path("klachten/<int:pk>/", grievance_detail, name="grievance"),
    path(
        "klachten/<int:pk>/afhandelen/",
        grievance_handler_required(GrievanceEdit.as_view()),
        name="grievance_edit",
    ),
    path("klachten/<int:pk>/bewijs/", grievance_evidence, name="grievance_evidence"),
]
