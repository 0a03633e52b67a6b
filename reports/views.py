from django.shortcuts import render
from django.views.decorators.http import require_safe

from kpis.models import Kpi, StatusLabel, status_counts
from mvo.models import Membership
from stakeholders.models import Dialogue
from themes.models import OrgTheme


@require_safe
def dashboard(request, org_slug):
    """The organisation at a glance: KPI statuses, what needs attention, who is on board."""
    org = request.organisation
    kpis = list(Kpi.objects.for_org(org).with_progress_data())
    context = {
        "status_counts": status_counts(kpis),
        "kpi_total": len(kpis),
        "behind": [k for k in kpis if k.progress.status == StatusLabel.BEHIND],
        "focus_themes": OrgTheme.objects.for_org(org).focus().select_related("framework_theme"),
        "open_dialogues": Dialogue.objects.for_org(org).needing_attention().count(),
        "members": Membership.objects.for_org(org).with_users(),
    }
    return render(request, "reports/dashboard.html", context)
