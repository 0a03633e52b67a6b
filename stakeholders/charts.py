"""The power–interest grid of the organisation's stakeholders."""

from django.urls import reverse
from django.utils.translation import gettext as _

from mvo.charts import grid_chart


def power_interest_grid(stakeholders, org_slug):
    """``stakeholders``: (pk, name, influence, interest, is_internal) tuples."""
    points = [
        {
            "label": name,
            "x": interest,
            "y": influence,
            "highlight": not internal,
            "url": reverse("stakeholders:detail", kwargs={"org_slug": org_slug, "pk": pk}),
        }
        for pk, name, influence, interest, internal in stakeholders
    ]
    return grid_chart(
        points,
        x_label=_("Belang"),
        y_label=_("Invloed"),
        title=_("Invloed en belang van stakeholders"),
        description=_("Externe stakeholders zijn gevuld, interne open."),
        quadrant_labels={
            "top_right": _("Nauw betrekken"),
            "top_left": _("Tevreden houden"),
            "bottom_right": _("Informeren"),
            "bottom_left": _("Volgen"),
        },
    )
