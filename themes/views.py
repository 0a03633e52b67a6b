from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

from mvo.generic import OrgCreateView, OrgDeleteView, OrgUpdateView
from mvo.validation import id_from_query

from . import charts
from .forms import OrgThemeForm
from .models import FOCUS_WARNING_ABOVE, Framework, FrameworkTheme, OrgTheme, ambition_levels


def focus_warning(organisation):
    count = OrgTheme.objects.for_org(organisation).focus().count()
    if count > FOCUS_WARNING_ABOVE:
        return _(
            "U heeft %(count)s focusthema's. Kies er liever drie of vier: met minder focus "
            "komt er meer van de grond."
        ) % {"count": count}
    return None


@require_safe
def theme_list(request, org_slug):
    themes = list(OrgTheme.objects.for_org(request.organisation).with_related())
    context = {
        "themes": themes,
        "focus_warning": focus_warning(request.organisation),
        "materiality_svg": charts.materiality_matrix(themes),
        "ambition_svg": charts.ambition_matrix(themes),
    }
    return render(request, "themes/theme_list.html", context)


@require_safe
def framework_list(request, org_slug):
    chosen = set(
        OrgTheme.objects.for_org(request.organisation).values_list("framework_theme", flat=True)
    )
    frameworks = Framework.objects.prefetch_related("themes__sdgs")
    return render(
        request, "themes/framework_list.html", {"frameworks": frameworks, "chosen": chosen}
    )


class ThemeFormMixin:
    model = OrgTheme
    form_class = OrgThemeForm
    template_name = "themes/theme_form.html"
    success_url_name = "themes:index"
    success_url_with_pk = False

    def get_context_data(self, **kwargs):
        return super().get_context_data(ambition_levels=ambition_levels(), **kwargs)


class ThemeCreate(ThemeFormMixin, OrgCreateView):
    title = _("Thema toevoegen")
    success_message = _("Het thema is toegevoegd.")

    def get_initial(self):
        """Adding from the framework page: the theme and its usual SDGs are filled in."""
        wanted = id_from_query(self.request.GET.get("kaderthema"))
        if wanted is None:
            return {}
        picked = FrameworkTheme.objects.filter(pk=wanted)
        picked = picked.exclude(framework__code="sdg").prefetch_related("sdgs").first()
        if picked is None:
            return {}
        return {"framework_theme": picked, "sdgs": list(picked.sdgs.all())}


class ThemeUpdate(ThemeFormMixin, OrgUpdateView):
    queryset_method = "with_related"
    success_message = _("Het thema is opgeslagen.")

    def get_title(self):
        return _("Thema bewerken: %(name)s") % {"name": self.object.name}


class ThemeDelete(OrgDeleteView):
    model = OrgTheme
    queryset_method = "with_related"
    success_url_name = "themes:index"
    success_message = _("Het thema is verwijderd.")
    protected_message = _("Dit thema heeft nog KPI's. Verwijder of verplaats eerst die KPI's.")

    def blocked_reason(self):
        count = self.object.kpis.count()
        if count:
            return ngettext(
                "Dit thema heeft %(count)s KPI. Verwijder die KPI of geef haar een ander "
                "thema; daarna kunt u het thema verwijderen.",
                "Dit thema heeft %(count)s KPI's. Verwijder die KPI's of geef ze een ander "
                "thema; daarna kunt u het thema verwijderen.",
                count,
            ) % {"count": count}
        return None
