"""The theme charts, used by the theme page now and by the PDF reports later."""

from django.utils.translation import gettext as _

from mvo.charts import grid_chart, level_matrix

from .models import AmbitionLevel


def materiality_matrix(themes):
    """Importance to stakeholders (up) against the organisation's impact (right)."""
    points = [
        {"label": t.name, "x": t.impact, "y": t.importance, "highlight": t.is_focus, "url": None}
        for t in themes
    ]
    scored = sum(1 for p in points if p["x"] and p["y"])
    return grid_chart(
        points,
        x_label=_("Impact van de organisatie"),
        y_label=_("Belang voor stakeholders"),
        title=_("Materialiteitsmatrix"),
        description=_(
            "%(scored)s van de %(total)s thema's gescoord; focusthema's zijn groen gevuld."
        )
        % {"scored": scored, "total": len(points)},
        quadrant_labels={
            "top_right": _("Prioriteit"),
            "top_left": _("Stakeholders vragen erom"),
            "bottom_right": _("Grote eigen impact"),
            "bottom_left": _("Volgen"),
        },
    )


def ambition_matrix(themes):
    """Per theme the current and the target MVOI ambition level."""
    rows = [
        {
            "label": t.name,
            "current": t.ambition_current,
            "target": t.ambition_target,
            "highlight": t.is_focus,
        }
        for t in themes
        if t.ambition_current or t.ambition_target
    ]
    return level_matrix(
        rows,
        levels=[label for _value, label in AmbitionLevel.choices],
        title=_("Ambitiematrix"),
        description=_("Huidig en beoogd ambitieniveau per thema.")
        if rows
        else _("Nog geen ambitieniveaus ingevuld."),
        current_label=_("Huidig niveau"),
        target_label=_("Beoogd niveau"),
    )
