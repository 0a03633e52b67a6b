"""Where each step's result lives in Koers: the link keys used by the method data files.

A key maps to a label and a URL; plan-scoped screens get the plan's id. Keys whose screen is
not built yet are simply not shown.
"""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from . import registry

# key: (label, url name, takes the plan's pk)
LINKS = {
    "themes": (_("Thema's en materialiteit"), "themes:index", False),
    "stakeholders": (_("Stakeholders"), "stakeholders:index", False),
    "dialogues": (_("Stakeholderdialogen"), "stakeholders:dialogues", False),
    "working_group": (_("Werkgroep"), "stakeholders:working_group", False),
    "kpis": (_("KPI's van dit plan"), "plans:kpis", True),
    "baselines": (_("Nulmetingen per KPI"), "plans:kpis", True),
    "quarter_entry": (_("Metingen invoeren"), "kpis:quarter_entry", False),
    "mission": (_("Missie en visie"), "plans:mission", True),
    "goals": (_("Doelen"), "plans:goals", True),
    "wishes": (_("Droombeelden"), "plans:wishes", True),
    "actions": (_("Acties van dit plan"), "plans:plan_actions", True),
    "board": (_("Kwartaalbord"), "plans:board", True),
    "reports": (_("Rapportages"), "reports:index", False),
    "next_cycle": (_("Volgende cyclus starten"), "plans:next_cycle", True),
}


def step_links(plan, step):
    """[(label, url)] for a step: its own keys, then what higher apps register."""
    links = []
    for key in step.links:
        if key not in LINKS:
            continue
        label, name, with_plan = LINKS[key]
        kwargs = {"org_slug": plan.organisation.slug}
        if with_plan:
            kwargs["pk"] = plan.pk
        try:
            url = reverse(name, kwargs=kwargs)
        except NoReverseMatch:  # a screen that is not built yet
            continue
        if (label, url) not in links:
            links.append((label, url))
    for _key, provider in registry.providers("step_links"):
        links.extend(provider(plan, step))
    return links
