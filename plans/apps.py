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

        # An edit of plan content (every save makes a history record) turns an approved or
        # submitted plan back into a concept; see plans.approval.
        from simple_history.signals import post_create_historical_record

        from kpis.models import Kpi, Target

        from . import approval
        from .models import Goal, MissionVision

        for model in (Plan, MissionVision, Goal, Action, Kpi, Target):
            post_create_historical_record.connect(
                approval.on_history_record,
                sender=model.history.model,
                dispatch_uid=f"plans-content-{model.__name__}",
            )
