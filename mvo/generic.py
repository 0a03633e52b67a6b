"""Shared base views for the organisation's rows: list (with FilterSet and htmx partial),
create, update, delete. Each app's views declare these with a model, form and template.

The tenancy guard (mvo.guard) has already resolved ``request.organisation`` and checked the
role; every queryset here starts from that organisation.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import F, ProtectedError
from django.forms import HiddenInput
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, DeleteView, DetailView, UpdateView
from django_filters.views import FilterView

from .models import Role
from .versioning import CONFLICT_MESSAGE, EditConflict


def paginate(request, items, per_page):
    """The page of ``items`` that ``?page=`` asks for. A page number that is not a number or
    lies beyond the last page gives the first or last page, never an error."""
    page = Paginator(items, per_page).get_page(request.GET.get("page"))
    page.elided_range = page.paginator.get_elided_page_range(page.number, on_each_side=1)
    return page


class OrgQuerysetMixin:
    model = None
    queryset_method = None  # name of a QuerySet method that brings the joins this page needs

    def get_queryset(self):
        queryset = self.model.objects.for_org(self.request.organisation)
        if self.queryset_method:
            queryset = getattr(queryset, self.queryset_method)()
        return queryset

    def org_url(self, name, **kwargs):
        return reverse(name, kwargs={"org_slug": self.request.organisation.slug, **kwargs})


class OrgListView(OrgQuerysetMixin, FilterView):
    """A list with a FilterSet, sortable columns and pages; an htmx request gets only the
    partial with the results.

    ``sort_fields`` maps the ``?sort=`` keys a page offers to what they order by (a field or
    an annotation); ``-key`` sorts descending. Unknown keys fall back to ``default_sort``.
    """

    partial_template_name = None
    paginate_by = 50
    sort_fields = {}
    default_sort = None

    def get_template_names(self):
        if self.request.htmx and self.partial_template_name:
            return [self.partial_template_name]
        return super().get_template_names()

    def current_sort(self):
        requested = self.request.GET.get("sort", "")
        return requested if requested.lstrip("-") in self.sort_fields else self.default_sort

    def get_queryset(self):
        queryset = super().get_queryset()
        sort = self.current_sort()
        if sort and self.sort_fields[sort.lstrip("-")]:
            field = F(self.sort_fields[sort.lstrip("-")])
            order = (
                field.desc(nulls_last=True) if sort.startswith("-") else field.asc(nulls_last=True)
            )
            queryset = queryset.order_by(order, "pk")
        return queryset

    def paginate_queryset(self, queryset, page_size):
        page = paginate(self.request, queryset, page_size)
        return page.paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        return super().get_context_data(sort=self.current_sort(), **kwargs)


class OrgDetailView(OrgQuerysetMixin, DetailView):
    pass


class OrgFormMixin:
    """Create/update: the form gets the organisation; success redirects with a message."""

    template_name = "generic/form.html"
    read_role = Role.MEMBER  # the form page itself is for people who may write
    success_url_name = None  # e.g. "kpis:detail"; gets pk=object.pk if the URL takes it
    success_url_with_pk = True
    success_message = _("Opgeslagen.")
    title = ""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "organisation": self.request.organisation}

    def form_valid(self, form):
        try:
            with transaction.atomic():  # the row and its many-to-many links, or nothing
                self.object = form.save()
        except EditConflict:
            return self.form_invalid(form)
        except IntegrityError:  # someone saved the same thing a moment earlier
            form.add_error(None, CONFLICT_MESSAGE)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        self.on_saved()
        return HttpResponseRedirect(self.get_success_url())

    def on_saved(self):
        """Called only after a successful save (e.g. to add a warning)."""

    def get_success_url(self):
        if self.success_url_with_pk:
            return self.org_url(self.success_url_name, pk=self.object.pk)
        return self.org_url(self.success_url_name)

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=self.get_title(), **kwargs)

    def get_title(self):
        return self.title


class OrgCreateView(OrgFormMixin, OrgQuerysetMixin, CreateView):
    pass


class OrgUpdateView(OrgFormMixin, OrgQuerysetMixin, UpdateView):
    def post(self, request, *args, **kwargs):
        """Someone else may have deleted the row while this form was open: then the person
        sees what they typed, so it is not lost, instead of a bare 404."""
        try:
            return super().post(request, *args, **kwargs)
        except Http404:
            if not self.deleted_meanwhile(kwargs.get(self.pk_url_kwarg)):
                raise
        return render(
            request,
            "generic/deleted_meanwhile.html",
            {"title": capfirst(self.model._meta.verbose_name), "typed": self.typed_input()},
            status=409,
        )

    def deleted_meanwhile(self, pk):
        """Was row ``pk`` of this organisation deleted (its history says so)?"""
        history = getattr(self.model, "history", None)
        fields = {f.name for f in self.model._meta.fields}
        if history is None or "organisation" not in fields or pk is None:
            return False
        return history.filter(
            id=pk, history_type="-", organisation=self.request.organisation
        ).exists()

    def typed_input(self):
        """(label, text) for every field the person filled in, as they typed or chose it."""
        form = self.get_form_class()(organisation=self.request.organisation)
        typed = []
        for name, field in form.fields.items():
            values = [v for v in self.request.POST.getlist(form.add_prefix(name)) if v.strip()]
            if not values or isinstance(field.widget, HiddenInput):
                continue
            choices = {str(key): label for key, label in getattr(field, "choices", [])}
            typed.append((field.label, ", ".join(str(choices.get(v, v)) for v in values)))
        return typed


class OrgDeleteView(OrgQuerysetMixin, DeleteView):
    """GET asks for confirmation; POST deletes. Rows still in use are kept, with a message."""

    template_name = "generic/confirm_delete.html"
    read_role = Role.MEMBER
    success_url_name = None
    success_message = _("Verwijderd.")
    protected_message = _("Dit kan niet worden verwijderd: er hangen nog andere gegevens aan.")
    cancel_url_name = None

    def blocked_reason(self):
        """Why this row cannot be deleted now (shown instead of the delete button), or None."""
        return None

    def form_valid(self, form):
        if reason := self.blocked_reason():
            messages.error(self.request, reason)
            return HttpResponseRedirect(self.get_cancel_url())
        try:
            self.object.delete()
        except ProtectedError:
            messages.error(self.request, self.protected_message)
            return HttpResponseRedirect(self.get_cancel_url())
        messages.success(self.request, self.success_message)
        return HttpResponseRedirect(self.get_success_url())

    def get_success_url(self):
        return self.org_url(self.success_url_name)

    def get_cancel_url(self):
        return self.org_url(self.cancel_url_name or self.success_url_name)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            cancel_url=self.get_cancel_url(), blocked_reason=self.blocked_reason(), **kwargs
        )
