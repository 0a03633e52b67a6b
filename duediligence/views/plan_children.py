"""What the views of rows of one due-diligence plan share (policy, departments,
communication): the plan from the URL, loaded through access.get_dd_plan (another
organisation's plan, or a plan of another method, is a 404), and back to the plan's page
after a save."""

from django.urls import reverse

from ..access import get_dd_plan

FORM_TEMPLATE = "duediligence/form_a.html"  # the generic form page with the breadcrumb


class DDPlanChildMixin:
    """For create/update/delete views under /due-diligence/<pk>/: ``self.plan`` is the plan,
    the row's own id is ``item_pk``."""

    pk_url_kwarg = "item_pk"
    back_url_name = None  # where a save or delete returns to, e.g. "duediligence:policy"

    def dispatch(self, request, *args, **kwargs):
        self.plan = get_dd_plan(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return super().get_queryset().filter(plan=self.plan)

    def back_url(self):
        return reverse(
            self.back_url_name,
            kwargs={"org_slug": self.request.organisation.slug, "pk": self.plan.pk},
        )

    def get_success_url(self):
        return self.back_url()

    def get_cancel_url(self):
        return self.back_url()

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=self.plan, **kwargs)


class DDPlanFormMixin(DDPlanChildMixin):
    """Create/update of a plan's row: the form also gets ``plan=``."""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": self.plan}
