"""The views of rows of one MVOI plan load their plan through access.get_mvoi_plan: another
organisation's plan, or a plan of another method, is a 404 (plans.children has the rest)."""

from plans.children import PlanChildMixin, PlanFormMixin

from ..access import get_mvoi_plan

FORM_TEMPLATE = "procurement/form.html"  # the generic form page with the breadcrumb


class MvoiPlanChildMixin(PlanChildMixin):
    load_plan = staticmethod(get_mvoi_plan)


class MvoiPlanFormMixin(PlanFormMixin, MvoiPlanChildMixin):
    pass
