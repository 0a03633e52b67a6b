from django.apps import AppConfig
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = _("Plannen")

    def ready(self):
        from mvo import ownership

        from . import services
        from .models import OPEN_STATUSES, Action, Plan

        # What a member who leaves hands over: open actions (done ones keep who did them)
        # and the plans they coordinate. Who is responsible is plan content: handing over
        # turns an approved plan back into a concept.
        ownership.register(
            _("open acties"),
            Action,
            "responsible",
            Q(status__in=OPEN_STATUSES),
            moved=services.actions_handed_over,
        )
        ownership.register(
            _("plannen als coördinator"), Plan, "coordinator", moved=services.plans_handed_over
        )

        # An edit of plan content (every save makes a history record) turns an approved or
        # submitted plan back into a concept; see plans.approval.
        from django.db.models.signals import post_delete, pre_delete
        from simple_history.signals import post_create_historical_record

        from kpis.models import Kpi, Target
        from themes.models import OrgTheme

        from . import approval
        from .models import Goal, MissionVision

        for model in (Plan, MissionVision, Goal, Action, Kpi, Target, OrgTheme):
            post_create_historical_record.connect(
                approval.on_history_record,
                sender=model.history.model,
                dispatch_uid=f"plans-content-{model.__name__}",
            )
        # A deleted KPI or target has lost its links to plans by the time its history
        # record is made, so note them just before.
        from . import history

        for model in (Goal, Kpi, OrgTheme):  # links that a deletion empties (SET_NULL)
            pre_delete.connect(history.note_links, sender=model, dispatch_uid=f"links-{model}")
            post_delete.connect(
                history.record_emptied_links, sender=model, dispatch_uid=f"links-{model}"
            )
        # Deleting a plan cascades to its actions: no "changed" record for the plan itself.
        pre_delete.connect(approval.plan_deleting, sender=Plan, dispatch_uid="plan-deleting")
        post_delete.connect(approval.plan_deleted, sender=Plan, dispatch_uid="plan-deleted")
        for model in (Kpi, Target):
            pre_delete.connect(
                approval.remember_plans, sender=model, dispatch_uid=f"plans-of-{model.__name__}"
            )
