"""What the views of rows that belong to one plan of a higher app share (due diligence's
policy and communication, MVOI's tenders and evaluations): the plan from the URL, loaded
through the app's own loader (another organisation's plan, or a plan of another method, is a
404), and back to a page of that plan after a save."""

from django.urls import reverse


class PlanChildMixin:
    """For create/update/delete views under .../<pk>/: ``self.plan`` is the plan, the row's
    own id is ``item_pk``. Subclasses set ``load_plan`` (``fn(request, pk) -> plan``)."""

    pk_url_kwarg = "item_pk"
    back_url_name = None  # where a save or delete returns to, e.g. "duediligence:policy"
    load_plan = None

    def dispatch(self, request, *args, **kwargs):
        self.plan = type(self).load_plan(request, kwargs["pk"])
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


class PlanFormMixin(PlanChildMixin):
    """Create/update of a plan's row: the form also gets ``plan=``."""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": self.plan}
