"""Communication (5): the plan's log of internal and external communication, filtered by
audience, channel and year, and its create / edit / delete forms."""

from django.contrib import messages
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mvo.generic import OrgCreateView, OrgDeleteView, OrgListView, OrgUpdateView

from ..access import get_dd_plan
from ..forms.communication import CommunicationFilter, CommunicationForm
from ..loop import quarter_start
from ..models import Audience, Communication
from .plan_children import FORM_TEMPLATE, DDPlanChildMixin, DDPlanFormMixin

CONSULT_FIRST = _(
    "Deze communicatie is extern en de getroffen stakeholders zijn nog niet geraadpleegd. "
    "Ga bij hen na dat erover communiceren hen niet in gevaar brengt, en vink dat daarna aan."
)


class CommunicationList(OrgListView):
    model = Communication
    filterset_class = CommunicationFilter
    template_name = "duediligence/communication_list.html"
    partial_template_name = "duediligence/partials/communication_results.html"
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        self.plan = get_dd_plan(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return super().get_queryset().filter(plan=self.plan).order_by("-date", "-pk")

    def get_context_data(self, **kwargs):
        plan_rows = Communication.objects.filter(plan=self.plan)
        this_quarter = plan_rows.filter(
            audience=Audience.INTERNAL, date__gte=quarter_start(timezone.localdate())
        )
        return super().get_context_data(
            plan=self.plan, internal_this_quarter=this_quarter.count(), **kwargs
        )


class CommunicationMixin(DDPlanFormMixin):
    model = Communication
    form_class = CommunicationForm
    template_name = FORM_TEMPLATE
    back_url_name = "duediligence:communication"

    def on_saved(self):
        if self.object.audience == Audience.EXTERNAL and not self.object.stakeholders_consulted:
            messages.warning(self.request, CONSULT_FIRST)


class CommunicationCreate(CommunicationMixin, OrgCreateView):
    title = _("Communicatie vastleggen")
    success_message = _("De communicatie is vastgelegd.")

    def get_initial(self):
        return {"date": timezone.localdate()}


class CommunicationUpdate(CommunicationMixin, OrgUpdateView):
    success_message = _("De communicatie is opgeslagen.")

    def get_title(self):
        return _("Communicatie bewerken: %(subject)s") % {"subject": self.object.subject}


class CommunicationDelete(DDPlanChildMixin, OrgDeleteView):
    model = Communication
    back_url_name = "duediligence:communication"
    success_message = _("De communicatie is verwijderd.")


urlpatterns = [
    path("<int:pk>/communicatie/", CommunicationList.as_view(), name="communication"),
    path(
        "<int:pk>/communicatie/nieuw/",
        CommunicationCreate.as_view(),
        name="communication_create",
    ),
    path(
        "<int:pk>/communicatie/<int:item_pk>/bewerken/",
        CommunicationUpdate.as_view(),
        name="communication_update",
    ),
    path(
        "<int:pk>/communicatie/<int:item_pk>/verwijderen/",
        CommunicationDelete.as_view(),
        name="communication_delete",
    ),
]
