from django import template

from kpis.models import last_finished_quarter

from ..note_views import note_url, open_quarters, quarter_label

register = template.Library()


@register.simple_tag
def quarter_note_link(org_slug, plan):
    """(url, label) of the toelichting of the last finished quarter within the plan (or the
    plan's last quarter once it has ended); None before the plan has begun."""
    quarters = open_quarters(plan)
    if not quarters:
        return None
    finished = [yq for yq in quarters if yq <= last_finished_quarter()]
    year, quarter = finished[-1] if finished else quarters[-1]
    return note_url(org_slug, plan.pk, year, quarter), quarter_label(year, quarter)
