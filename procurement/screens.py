"""The screens of an MVOI plan: the plan's own navigation and the links from the stepper's
seven steps. A screen that is not built yet is simply not linked (NoReverseMatch)."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from plans.models import Method

# (label, url name, takes the plan's pk)
OVERVIEW = (_("Overzicht"), "procurement:overview", True)
BASELINE = (_("Nulmeting"), "procurement:baseline", True)
THEMES = (_("Thema's en ambitieniveaus"), "procurement:themes", True)
TARGETS = (_("Jaardoelen"), "procurement:targets", True)
CALENDAR = (_("Aanbestedingskalender"), "procurement:calendar", True)
GRID = (_("Kalender per jaar"), "procurement:grid", True)
DEVIATIONS = (_("Pas toe of leg uit"), "procurement:deviations", True)
GROUPS = (_("Productgroepen en kansenkaarten"), "procurement:groups", False)
ANALYSIS = (_("Spend- en impactanalyse"), "procurement:analysis", False)
ANCHORING = (_("Borging"), "procurement:anchoring", True)
YEAR_PLAN = (_("Jaarplanning"), "procurement:year_plan", True)
EVALUATION = (_("Evaluatie"), "procurement:evaluations", True)
DOCUMENTS = (_("Jaarplan en evaluatie als PDF"), "procurement:documents", True)

# The plan's navigation, in the order of the seven steps.
NAV = [
    OVERVIEW,
    BASELINE,
    THEMES,
    TARGETS,
    CALENDAR,
    GRID,
    DEVIATIONS,
    ANALYSIS,
    GROUPS,
    ANCHORING,
    YEAR_PLAN,
    EVALUATION,
    DOCUMENTS,
]

STEP_SCREENS = {
    "1": [BASELINE],
    "2": [THEMES],
    "3": [TARGETS],
    "4": [CALENDAR, GRID, ANALYSIS, GROUPS],
    "5": [ANCHORING],
    "6": [YEAR_PLAN],
    "7": [EVALUATION],
}


def links(plan, screens):
    """[(label, url)] for the screens that exist."""
    result = []
    for label, name, with_plan in screens:
        kwargs = {"org_slug": plan.organisation.slug}
        if with_plan:
            kwargs["pk"] = plan.pk
        try:
            result.append((str(label), reverse(name, kwargs=kwargs)))
        except NoReverseMatch:
            continue
    return result


def step_links(plan, step):
    """The stepper's links for a step of an MVOI plan (plans.registry "step_links")."""
    if plan.method != Method.MVOI:
        return []
    return links(plan, STEP_SCREENS.get(step.code, []))


def plan_nav(plan):
    return links(plan, NAV)
