"""The foundation of an MVOI plan, steps 1–3 of DOMAIN.md (method 3):

1. the nulmeting per theme of the plan (what already exists, where that is known from, the
   current level), edited per theme; the plan's themes themselves are chosen here too;
2. the themes and the ambition matrix: focus themes with their rationale, the others
   continue without focus, current → target level per theme (on themes.OrgTheme);
3. the yearly targets (all years in one form) against the actual share, with the chart, and
   the ambition statement per focus theme.

Every page loads the plan with access.get_mvoi_plan; a theme that is not one of the plan's is
a 404.
"""

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from mvo.generic import OrgUpdateView
from mvo.versioning import CONFLICT_MESSAGE
from plans.models import Plan
from themes.charts import ambition_matrix
from themes.models import OrgTheme, ambition_levels
from themes.views import focus_warning

from ..access import get_mvoi_plan
from ..charts import share_chart
from ..forms.foundation import (
    PlanThemesForm,
    ThemeAmbitionForm,
    ThemeBaselineForm,
    ThemeLevelForm,
    YearTargetsForm,
    mvoi_first,
)
from ..models import ThemeAmbition, ThemeBaseline
from ..share import share_by_year
from .plan_children import FORM_TEMPLATE


def plan_themes(plan):
    """The plan's themes, Manifest MVOI themes first."""
    return mvoi_first(plan.themes.filter(organisation_id=plan.organisation_id))


def plan_url(name, plan):
    return reverse(name, kwargs={"org_slug": plan.organisation.slug, "pk": plan.pk})


class PlanThemeMixin:
    """Views of one theme of an MVOI plan at .../<pk>/.../<theme_pk>/: ``self.plan`` and
    ``self.theme`` (a theme that is not the plan's is a 404)."""

    back_url_name = None

    def dispatch(self, request, *args, **kwargs):
        self.plan = get_mvoi_plan(request, kwargs["pk"])
        self.theme = get_object_or_404(plan_themes(self.plan), pk=kwargs["theme_pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_success_url(self):
        return plan_url(self.back_url_name, self.plan) + f"#thema-{self.theme.pk}"

    def get_cancel_url(self):
        return self.get_success_url()

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=self.plan, theme=self.theme, **kwargs)


class PlanRowForThemeMixin(PlanThemeMixin):
    """Edit the plan's one row of ``model`` for the theme; the first save creates it."""

    def get_object(self, queryset=None):
        row = self.model.objects.filter(plan=self.plan, theme=self.theme).first()
        if row is None:
            row = self.model(organisation=self.request.organisation, plan=self.plan)
            row.theme = self.theme
        return row

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": self.plan, "theme": self.theme}


# --- Step 1: the plan's themes and the nulmeting ----------------------------------------------


@require_safe
def baseline(request, org_slug, pk):
    plan = get_mvoi_plan(request, pk)
    themes = list(plan_themes(plan))
    baselines = {row.theme_id: row for row in ThemeBaseline.objects.filter(plan=plan)}
    cards = [{"theme": theme, "baseline": baselines.get(theme.pk)} for theme in themes]
    context = {
        "plan": plan,
        "cards": cards,
        "done": sum(1 for card in cards if card["baseline"] is not None),
        "levels": ambition_levels(),
    }
    return render(request, "procurement/foundation_baseline.html", context)


class PlanThemesEdit(OrgUpdateView):
    """Which of the organisation's themes the plan works with."""

    model = Plan
    form_class = PlanThemesForm
    template_name = "procurement/foundation_plan_themes.html"
    success_message = gettext_lazy("De thema's van het plan zijn opgeslagen.")
    title = gettext_lazy("Thema's van het plan kiezen")

    def dispatch(self, request, *args, **kwargs):
        self.plan = get_mvoi_plan(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_object(self, queryset=None):
        return self.plan

    def get_success_url(self):
        return plan_url("procurement:baseline", self.plan)

    def get_cancel_url(self):
        return self.get_success_url()

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=self.plan, **kwargs)


class BaselineEdit(PlanRowForThemeMixin, OrgUpdateView):
    model = ThemeBaseline
    form_class = ThemeBaselineForm
    template_name = FORM_TEMPLATE
    back_url_name = "procurement:baseline"
    success_message = gettext_lazy("De nulmeting is opgeslagen.")

    def get_title(self):
        return _("Nulmeting: %(theme)s") % {"theme": self.theme.name}


# --- Step 2: themes and ambition levels -------------------------------------------------------


@require_safe
def themes(request, org_slug, pk):
    plan = get_mvoi_plan(request, pk)
    chosen = list(plan_themes(plan))
    focus = [theme for theme in chosen if theme.is_focus]
    others = [theme for theme in chosen if not theme.is_focus]
    context = {
        "plan": plan,
        "themes": focus + others,
        "focus": focus,
        "others": others,
        "matrix_svg": ambition_matrix(focus + others),
        "focus_warning": focus_warning(request.organisation),
        "levels": ambition_levels(),
    }
    return render(request, "procurement/foundation_themes.html", context)


class ThemeEdit(PlanThemeMixin, OrgUpdateView):
    """Focus, rationale and current → target level of one of the plan's themes."""

    model = OrgTheme
    form_class = ThemeLevelForm
    template_name = "procurement/foundation_theme_form.html"
    back_url_name = "procurement:themes"
    success_message = gettext_lazy("Het thema is opgeslagen.")

    def get_object(self, queryset=None):
        return self.theme

    def get_title(self):
        return _("Focus en ambitieniveau: %(theme)s") % {"theme": self.theme.name}

    def get_context_data(self, **kwargs):
        return super().get_context_data(levels=ambition_levels(), **kwargs)

    def on_saved(self):
        warning = focus_warning(self.request.organisation)
        if warning:
            messages.warning(self.request, warning)


# --- Step 3: yearly targets and ambitions -----------------------------------------------------


def chart_rows(years, share):
    """share_by_year's rows plus an empty row for every target year without one."""
    rows = {row["year"]: row for row in share}
    for year in years:
        rows.setdefault(year, {"year": year, "actual_pct": None, "target_pct": None})
    return [rows[year] for year in sorted(rows)]


def focus_ambitions(plan):
    """(theme, ambition or None) for the focus themes, then other themes with a statement."""
    ambitions = {row.theme_id: row for row in ThemeAmbition.objects.filter(plan=plan)}
    listed = [theme for theme in plan_themes(plan) if theme.is_focus or theme.pk in ambitions]
    listed.sort(key=lambda theme: not theme.is_focus)
    return [(theme, ambitions.get(theme.pk)) for theme in listed]


@require_http_methods(["GET", "HEAD", "POST"])
def targets(request, org_slug, pk):
    plan = get_mvoi_plan(request, pk)
    data = request.POST if request.method == "POST" else None
    form = YearTargetsForm(data, plan=plan, organisation=request.organisation)
    if data is not None and form.is_valid() and form.save():
        messages.success(request, _("De jaardoelen zijn opgeslagen."))
        lower = form.decreasing()
        if lower:
            messages.warning(
                request,
                _(
                    "Het doel is lager dan in een eerder jaar in: %(years)s. Dat mag, maar "
                    "meestal groeit het aandeel elk jaar, naar 100%% in 2030."
                )
                % {"years": ", ".join(str(later) for _earlier, later in lower)},
            )
        return redirect("procurement:targets", org_slug=org_slug, pk=plan.pk)
    share = share_by_year(plan)
    actual = {row["year"]: row for row in share}
    rows = [
        {"year": year, "field": field, "share": actual.get(year), "stored": form.stored.get(year)}
        for year, field in form.year_fields()
    ]
    context = {
        "plan": plan,
        "form": form,
        "rows": rows,
        "outside": [row for row in share if row["year"] not in form.years],
        "share_svg": share_chart(
            chart_rows(form.years, share),
            title=_("Jaardoelen en werkelijk aandeel"),
            description=_(
                "Per jaar het werkelijke aandeel kansrijke aanbestedingen met een gekozen thema "
                "(staaf) tegen het jaardoel (lijn); de tabel geeft dezelfde cijfers."
            ),
        ),
        "ambitions": focus_ambitions(plan),
    }
    return render(request, "procurement/foundation_targets.html", context)


class AmbitionEdit(PlanRowForThemeMixin, OrgUpdateView):
    model = ThemeAmbition
    form_class = ThemeAmbitionForm
    template_name = FORM_TEMPLATE
    back_url_name = "procurement:targets"
    success_message = gettext_lazy("De ambitie is opgeslagen.")

    def get_title(self):
        return _("Ambitie: %(theme)s") % {"theme": self.theme.name}

    def form_valid(self, form):
        if (form.cleaned_data.get("statement") or "").strip():
            return super().form_valid(form)
        row = form.instance
        if row.pk:  # emptied: the statement is removed, unless it changed meanwhile
            with transaction.atomic():
                gone, _rows = ThemeAmbition.objects.filter(
                    pk=row.pk, version=form.cleaned_data.get("version")
                ).delete()
            if not gone:
                form.add_error(None, CONFLICT_MESSAGE)
                return self.form_invalid(form)
            messages.success(self.request, _("De ambitie is verwijderd."))
        return HttpResponseRedirect(self.get_success_url())


urlpatterns = [
    path("<int:pk>/nulmeting/", baseline, name="baseline"),
    path("<int:pk>/nulmeting/themas-kiezen/", PlanThemesEdit.as_view(), name="plan_themes"),
    path("<int:pk>/nulmeting/<int:theme_pk>/", BaselineEdit.as_view(), name="baseline_edit"),
    path("<int:pk>/themas/", themes, name="themes"),
    path("<int:pk>/themas/<int:theme_pk>/", ThemeEdit.as_view(), name="theme_edit"),
    path("<int:pk>/jaardoelen/", targets, name="targets"),
    path(
        "<int:pk>/jaardoelen/ambitie/<int:theme_pk>/", AmbitionEdit.as_view(), name="ambition_edit"
    ),
]
