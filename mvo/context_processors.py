from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# The areas of Koers, in the order of the navigation bar: (url name, label).
AREAS = [
    ("reports:dashboard", _("Dashboard")),
    ("plans:index", _("Plannen")),
    ("themes:index", _("Thema's")),
    ("kpis:index", _("KPI's")),
    ("stakeholders:index", _("Stakeholders")),
    ("duediligence:index", _("Due diligence")),
    ("procurement:index", _("Inkoop (MVOI)")),
    ("reports:index", _("Rapportages")),
]


def koers(request):
    """Organisation, membership and navigation for the base layout."""
    org = getattr(request, "organisation", None)
    context = {"organisation": org, "membership": getattr(request, "membership", None)}
    if org is not None:
        current = request.path
        nav = []
        for name, label in AREAS:
            url = reverse(name, kwargs={"org_slug": org.slug})
            nav.append({"url": url, "label": label, "active": _is_active(name, url, current)})
        context["nav_areas"] = nav
    if request.user.is_authenticated:
        context["my_memberships"] = list(
            request.user.memberships.select_related("organisation").order_by("organisation__name")
        )
    return context


def _is_active(name, url, current):
    if name == "reports:dashboard":
        return current == url
    return current.startswith(url)
