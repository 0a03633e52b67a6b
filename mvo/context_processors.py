from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import Notification

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


# Pages outside the navigation bar that switching organisation keeps you on.
KEPT_ON_SWITCH = ("members",)


def koers(request):
    """Organisation, membership and navigation for the base layout.

    Each organisation in the switch menu links to the section the person is in now (KPI's in
    one organisation lead to KPI's in the other), or to its dashboard."""
    org = getattr(request, "organisation", None)
    context = {"organisation": org, "membership": getattr(request, "membership", None)}
    section = "reports:dashboard"
    if org is not None:
        current = request.path
        nav = []
        for name, label in AREAS:
            url = reverse(name, kwargs={"org_slug": org.slug})
            active = _is_active(name, url, current)
            section = name if active else section
            nav.append({"url": url, "label": label, "active": active})
        context["nav_areas"] = nav
        match = request.resolver_match
        if match is not None and match.view_name in KEPT_ON_SWITCH:
            section = match.view_name
    if request.user.is_authenticated:
        memberships = request.user.memberships.for_menu()
        if org is not None:  # the bell: only on an organisation's pages
            memberships = memberships.annotate(unread=unread_count())
        memberships = list(memberships)
        for m in memberships:
            m.switch_url = reverse(section, kwargs={"org_slug": m.organisation.slug})
            if org is not None and m.organisation_id == org.pk:
                context["unread_notifications"] = m.unread
        context["my_memberships"] = memberships
    return context


def unread_count():
    """The unread notifications of a membership's person in its organisation: counted in
    the query of the organisation menu, so the bell costs no query of its own."""
    unread = (
        Notification.objects.filter(
            user=OuterRef("user"), organisation=OuterRef("organisation"), read_at__isnull=True
        )
        .order_by()
        .values("user")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(unread), Value(0))


def _is_active(name, url, current):
    if name == "reports:dashboard":
        return current == url
    return current.startswith(url)
