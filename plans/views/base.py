"""What every plans view shares: loading a plan of the request's organisation."""

from django.shortcuts import get_object_or_404

from ..models import Plan


def get_plan(request, pk, queryset=None):
    """The organisation's plan ``pk`` or 404 (also for another organisation's plan)."""
    queryset = queryset if queryset is not None else Plan.objects.all()
    plan = get_object_or_404(queryset.for_org(request.organisation), pk=pk)
    plan.organisation = request.organisation  # no extra query when building its links
    return plan


class PlanChildMixin:
    """For list/create views nested under /plannen/<pk>/: ``self.plan`` is the plan."""

    plan_pk_kwarg = "pk"

    def dispatch(self, request, *args, **kwargs):
        self.plan = get_plan(request, kwargs[self.plan_pk_kwarg])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=self.plan, **kwargs)
