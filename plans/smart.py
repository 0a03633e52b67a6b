"""The SMART check of a goal: a pure function that names exactly what is still missing.

SMART: specifiek, meetbaar, acceptabel, realistisch, tijdgebonden (DOMAIN.md, "Doel").
A goal on a theme is measured with a KPI: it needs the KPI, a target value that points the
KPI's way and a deadline inside the plan period. A general goal (algemeen MVO-doel) has no
KPI but still needs a deadline. Every goal says what exactly it achieves, who supports it and
why it is feasible. The check only warns: an incomplete goal may be saved.
"""

from django.utils.dateformat import format as format_date
from django.utils.translation import gettext as _

from kpis.progress import HIGHER, LOWER
from kpis.templatetags.kpi_tags import number

from .models import GoalKind


def smart_check(goal, plan, kpi_progress=None):
    """What keeps ``goal`` (of ``plan``) from being SMART, as messages for the user, in the
    order of the letters; an empty list when nothing is missing.

    ``kpi_progress``: the goal's kpis.progress.Progress, if known; its latest measurement is
    what the target is compared with when the KPI has no baseline. Reads only the goal, its
    KPI and the KPI's theme (join them beforehand)."""
    messages = []
    if not goal.specific.strip():
        messages.append(_("Specifiek: beschrijf wat dit doel precies bereikt."))
    if goal.kind == GoalKind.THEME:
        messages.extend(_measurable(goal, kpi_progress))
    if not goal.acceptable.strip():
        messages.append(_("Acceptabel: noem wie achter dit doel staan."))
    if not goal.realistic.strip():
        messages.append(_("Realistisch: leg uit waarom dit doel haalbaar is."))
    if goal.deadline is None:
        messages.append(_("Tijdgebonden: er is geen deadline."))
    elif not plan.contains(goal.deadline):
        messages.append(
            _("Tijdgebonden: de deadline %(date)s valt buiten de planperiode %(period)s.")
            % {"date": format_date(goal.deadline, "d-m-Y"), "period": plan.period_label}
        )
    return messages


def _measurable(goal, kpi_progress):
    messages = []
    if not goal.theme_id:
        messages.append(_("Meetbaar: kies het thema waar dit doel bij hoort."))
    kpi = goal.kpi if goal.kpi_id else None
    if kpi is None:
        messages.append(_("Meetbaar: er is geen KPI gekozen."))
    if goal.target_value is None:
        messages.append(_("Meetbaar: er is geen streefwaarde ingevuld."))
    if kpi is None:
        return messages
    if goal.theme_id and kpi.theme_id != goal.theme_id:
        messages.append(
            _(
                "Meetbaar: de KPI „%(kpi)s” hoort bij het thema „%(kpi_theme)s”, dit doel bij "
                "„%(theme)s”."
            )
            % {"kpi": kpi.name, "kpi_theme": kpi.theme.name, "theme": goal.theme.name}
        )
    if goal.target_value is not None:
        messages.extend(_against_direction(goal.target_value, kpi, kpi_progress))
    return messages


def _against_direction(target, kpi, kpi_progress):
    """A target equal to the baseline, or on the wrong side of the baseline (or, without a
    baseline, of the latest measurement) for the KPI's direction."""
    if kpi.baseline_value is not None:
        reference, from_baseline = kpi.baseline_value, True
    elif kpi_progress is not None and kpi_progress.latest is not None:
        reference, from_baseline = kpi_progress.latest.value, False
    else:
        return []
    values = {"target": number(target), "reference": number(reference)}
    if from_baseline and target == reference:
        return [
            _(
                "Meetbaar: de streefwaarde is gelijk aan de nulmeting (%(reference)s); er hoeft "
                "dan niets te veranderen."
            )
            % values
        ]
    if kpi.direction == LOWER and target > reference:
        if from_baseline:
            text = _(
                "Meetbaar: voor deze KPI geldt ‘lager is beter’, maar de streefwaarde (%(target)s) "
                "ligt boven de nulmeting (%(reference)s)."
            )
        else:
            text = _(
                "Meetbaar: voor deze KPI geldt ‘lager is beter’, maar de streefwaarde (%(target)s) "
                "ligt boven de laatste meting (%(reference)s)."
            )
        return [text % values]
    if kpi.direction == HIGHER and target < reference:
        if from_baseline:
            text = _(
                "Meetbaar: voor deze KPI geldt ‘hoger is beter’, maar de streefwaarde (%(target)s) "
                "ligt onder de nulmeting (%(reference)s)."
            )
        else:
            text = _(
                "Meetbaar: voor deze KPI geldt ‘hoger is beter’, maar de streefwaarde (%(target)s) "
                "ligt onder de laatste meting (%(reference)s)."
            )
        return [text % values]
    return []
