from django.apps import AppConfig
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = _("Plannen")

    def ready(self):
        from mvo import ownership

        from .models import OPEN_STATUSES, Action, Plan

        # What a member who leaves hands over: open actions (done ones keep who did them)
        # and the plans they coordinate.
        ownership.register(_("open acties"), Action, "responsible", Q(status__in=OPEN_STATUSES))
        ownership.register(_("plannen als coördinator"), Plan, "coordinator")
