from collections import defaultdict

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from mvo.exports import labels, table_response
from mvo.generic import OrgCreateView, OrgDeleteView, OrgDetailView, OrgListView, OrgUpdateView
from mvo.validation import id_from_query
from themes.expressions import theme_name

from .charts import power_interest_grid
from .filters import DialogueFilter, StakeholderFilter
from .forms import DialogueForm, StakeholderForm, WorkingGroupMemberForm
from .models import (
    Category,
    Dialogue,
    Method,
    Stakeholder,
    WorkingGroupMember,
    single_department_hint,
)


class StakeholderList(OrgListView):
    model = Stakeholder
    queryset_method = "with_dialogue_counts"
    filterset_class = StakeholderFilter
    template_name = "stakeholders/stakeholder_list.html"
    partial_template_name = "stakeholders/partials/stakeholder_results.html"
    sort_fields = {
        "name": "name",
        "category": "category",
        "influence": "influence",
        "interest": "interest",
        "dialogues": "dialogue_count",
    }
    default_sort = "name"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        points = self.object_list.values_list("pk", "name", "influence", "interest", "is_internal")
        grid = power_interest_grid(points, self.request.organisation.slug)
        return {**context, "stakeholders": context["page_obj"].object_list, "grid_svg": grid}


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
        chosen = id_from_query(self.request.GET.get("stakeholder"))
        return {"date": timezone.localdate(), "stakeholders": [] if chosen is None else [chosen]}


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
    """The stakeholders the list shows with its current filter, with their dialogues: one row
    per pair (a stakeholder without dialogues: one row). Plain values, streamed."""
    organisation = request.organisation
    stakeholders = StakeholderFilter(
        request.GET, queryset=Stakeholder.objects.for_org(organisation), request=request
    ).qs
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
    today = timezone.localdate().isoformat()
    return table_response(
        f"stakeholders-{org_slug}-{today}",
        headers,
        _export_rows(organisation, stakeholders),
        fmt,
        sheet_title=_("Stakeholders"),
    )


def _export_rows(organisation, stakeholders):
    categories, methods = labels(Category), labels(Method)
    themes = defaultdict(list)  # dialogue id → theme names, one query for all dialogues
    links = Dialogue.themes.through.objects.filter(dialogue__organisation=organisation)
    for dialogue_id, name in links.values_list("dialogue_id", theme_name("orgtheme")):
        themes[dialogue_id].append(name)
    rows = stakeholders.values_list(
        "name",
        "category",
        "is_internal",
        "influence",
        "interest",
        "contact",
        "dialogues__pk",
        "dialogues__date",
        "dialogues__subject",
        "dialogues__method",
        "dialogues__input_received",
        "dialogues__follow_up",
        "dialogues__reported_back",
    ).order_by("name", "pk", "dialogues__date", "dialogues__pk")
    for name, category, internal, influence, interest, contact, dialogue, *rest in rows.iterator(
        chunk_size=2000
    ):
        day, subject, method, received, follow_up, reported = rest
        yield [
            name,
            categories[category],
            internal,
            influence,
            interest,
            contact,
            day,
            subject,
            methods.get(method),
            ", ".join(themes[dialogue]) if dialogue else None,
            received,
            follow_up,
            reported,
        ]
