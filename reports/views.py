from django.shortcuts import render
from django.views.decorators.http import require_safe

from kpis.models import Kpi, StatusLabel, status_counts
from mvo.models import Membership
from stakeholders.models import Dialogue
from themes.models import OrgTheme

BEHIND_SHOWN = 10  # the dashboard names this many KPIs that are behind; the list has the rest


@require_safe
def dashboard(request, org_slug):
    """The organisation at a glance: KPI statuses, what needs attention, who is on board."""
    org = request.organisation
    progress = Kpi.objects.for_org(org).progress_map()
    behind = [pk for pk, p in progress.items() if p.status == StatusLabel.BEHIND]
    context = {
        "status_counts": status_counts(progress.values()),
        "kpi_total": len(progress),
        "behind": Kpi.objects.filter(pk__in=behind[:BEHIND_SHOWN]).only("name"),
        "behind_more": max(0, len(behind) - BEHIND_SHOWN),
        "focus_themes": OrgTheme.objects.for_org(org).focus().select_related("framework_theme"),
        "open_dialogues": Dialogue.objects.for_org(org).needing_attention().count(),
        "members": Membership.objects.for_org(org).with_users(),
    }
    return render(request, "reports/dashboard.html", context)
