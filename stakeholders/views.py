from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from mvo.exports import table_response
from mvo.generic import OrgCreateView, OrgDeleteView, OrgDetailView, OrgListView, OrgUpdateView

from .charts import power_interest_grid
from .filters import DialogueFilter, StakeholderFilter
from .forms import DialogueForm, StakeholderForm, WorkingGroupMemberForm
from .models import Dialogue, Stakeholder, WorkingGroupMember, single_department_hint


class StakeholderList(OrgListView):
    model = Stakeholder
    queryset_method = "with_dialogue_counts"
    filterset_class = StakeholderFilter
    template_name = "stakeholders/stakeholder_list.html"
    partial_template_name = "stakeholders/partials/stakeholder_results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        stakeholders = list(context["object_list"])
        grid = power_interest_grid(stakeholders, self.request.organisation.slug)
        return {**context, "stakeholders": stakeholders, "grid_svg": grid}


class StakeholderDetail(OrgDetailView):
    model = Stakeholder
    template_name = "stakeholders/stakeholder_detail.html"

    def get_context_data(self, **kwargs):
        dialogues = self.object.dialogues.with_related()
        return super().get_context_data(dialogues=dialogues, **kwargs)


class StakeholderFormMixin:
    model = Stakeholder
    form_class = StakeholderForm
    success_url_name = "stakeholders:detail"


class StakeholderCreate(StakeholderFormMixin, OrgCreateView):
    title = _("Stakeholder toevoegen")
    success_message = _("De stakeholder is toegevoegd.")


class StakeholderUpdate(StakeholderFormMixin, OrgUpdateView):
    success_message = _("De stakeholder is opgeslagen.")

    def get_title(self):
        return _("Stakeholder bewerken: %(name)s") % {"name": self.object.name}


class StakeholderDelete(OrgDeleteView):
    model = Stakeholder
    success_url_name = "stakeholders:index"
    success_message = _("De stakeholder is verwijderd.")

    def get_context_data(self, **kwargs):
        warning = None
        if self.object.dialogues.exists():
            warning = _("De dialogen met deze stakeholder blijven bewaard, zonder deze naam.")
        return super().get_context_data(delete_warning=warning, **kwargs)


class DialogueList(OrgListView):
    model = Dialogue
    queryset_method = "with_related"
    filterset_class = DialogueFilter
    template_name = "stakeholders/dialogue_list.html"
    partial_template_name = "stakeholders/partials/dialogue_table.html"


class DialogueFormMixin:
    model = Dialogue
    form_class = DialogueForm
    success_url_name = "stakeholders:dialogues"
    success_url_with_pk = False


class DialogueCreate(DialogueFormMixin, OrgCreateView):
    title = _("Dialoog vastleggen")
    success_message = _("De dialoog is vastgelegd.")

    def get_initial(self):
        chosen = self.request.GET.get("stakeholder", "")
        return {"date": timezone.localdate(), "stakeholders": [chosen] if chosen.isdigit() else []}


class DialogueUpdate(DialogueFormMixin, OrgUpdateView):
    success_message = _("De dialoog is opgeslagen.")

    def get_title(self):
        return _("Dialoog bewerken: %(subject)s") % {"subject": self.object.subject}


class DialogueDelete(OrgDeleteView):
    model = Dialogue
    success_url_name = "stakeholders:dialogues"
    success_message = _("De dialoog is verwijderd.")


@require_safe
def working_group(request, org_slug):
    members = list(WorkingGroupMember.objects.for_org(request.organisation).with_related())
    context = {"members": members, "one_department": single_department_hint(members)}
    return render(request, "stakeholders/working_group.html", context)


class WorkingGroupFormMixin:
    model = WorkingGroupMember
    form_class = WorkingGroupMemberForm
    success_url_name = "stakeholders:working_group"
    success_url_with_pk = False


class WorkingGroupCreate(WorkingGroupFormMixin, OrgCreateView):
    title = _("Werkgroeplid toevoegen")
    success_message = _("Het werkgroeplid is toegevoegd.")


class WorkingGroupUpdate(WorkingGroupFormMixin, OrgUpdateView):
    queryset_method = "with_related"
    success_message = _("Het werkgroeplid is opgeslagen.")

    def get_title(self):
        return _("Werkgroeplid bewerken: %(name)s") % {"name": self.object.name}


class WorkingGroupDelete(OrgDeleteView):
    model = WorkingGroupMember
    queryset_method = "with_related"
    success_url_name = "stakeholders:working_group"
    success_message = _("Het werkgroeplid is verwijderd.")


@require_safe
def export(request, org_slug, fmt):
    """Stakeholders with their dialogues: one row per pair (without dialogues: one row)."""
    stakeholders = Stakeholder.objects.for_org(request.organisation).prefetch_related(
        "dialogues__themes__framework_theme"
    )
    headers = [
        _("Stakeholder"),
        _("Categorie"),
        _("Intern"),
        _("Invloed"),
        _("Belang"),
        _("Contact"),
        _("Datum dialoog"),
        _("Onderwerp"),
        _("Werkvorm"),
        _("Thema's"),
        _("Inbreng"),
        _("Opvolging"),
        _("Teruggekoppeld"),
    ]
    rows = []
    for s in stakeholders:
        base = [s.name, s.get_category_display(), s.is_internal, s.influence, s.interest, s.contact]
        for d in s.dialogues.all() or [None]:
            rows.append(
                base
                + (
                    [
                        d.date,
                        d.subject,
                        d.get_method_display(),
                        ", ".join(t.name for t in d.themes.all()),
                        d.input_received,
                        d.follow_up,
                        d.reported_back,
                    ]
                    if d
                    else [None] * 7
                )
            )
    today = timezone.localdate().isoformat()
    return table_response(
        f"stakeholders-{org_slug}-{today}", headers, rows, fmt, sheet_title=_("Stakeholders")
    )
