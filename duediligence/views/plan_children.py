"""The views of rows of one due-diligence plan (policy, departments, communication) load
their plan through access.get_dd_plan: another organisation's plan, or a plan of another
method, is a 404 (plans.children has the rest)."""

from plans.children import PlanChildMixin, PlanFormMixin

from ..access import get_dd_plan

FORM_TEMPLATE = "duediligence/form_a.html"  # the generic form page with the breadcrumb


class DDPlanChildMixin(PlanChildMixin):
    load_plan = staticmethod(get_dd_plan)


class DDPlanFormMixin(PlanFormMixin, DDPlanChildMixin):
    pass
