"""MVOI's providers for plans.registry: the stepper's links and the plan page's card; the
approved snapshot's sections, the quarterly report's chapter and the dashboard card follow.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from plans import registry
from plans.models import Method

from . import screens
from .share import share_by_year

KEY = "procurement"


def register():
    """Called once from ProcurementConfig.ready()."""
    registry.register("step_links", KEY, screens.step_links)
    registry.register("plan_panels", KEY, plan_panel)


def share_line(row):
    """One year's share against its target, in words."""
    if row["actual_pct"] is None:
        return _("%(year)s: nog geen kansrijke aanbestedingen (doel %(target)s)") % {
            "year": row["year"],
            "target": f"{row['target_pct']}%" if row["target_pct"] is not None else "–",
        }
    return _(
        "%(year)s: %(actual)s%% van %(tenders)s kansrijke aanbestedingen (doel %(target)s)"
    ) % {
        "year": row["year"],
        "actual": row["actual_pct"],
        "tenders": row["tenders"],
        "target": f"{row['target_pct']}%" if row["target_pct"] is not None else "–",
    }


def plan_panel(plan):
    """The plan page's card for an MVOI plan: this year's share against its target."""
    if plan.method != Method.MVOI:
        return None
    year = timezone.localdate().year
    rows = [row for row in share_by_year(plan) if row["year"] == year]
    lines = [share_line(rows[0])] if rows else [_("Voor dit jaar is nog geen doel gesteld.")]
    return {
        "title": _("MVOI: aanbestedingen en doelen"),
        "url": reverse(
            "procurement:overview", kwargs={"org_slug": plan.organisation.slug, "pk": plan.pk}
        ),
        "link_label": _("Naar het MVOI-overzicht"),
        "lines": lines,
    }
