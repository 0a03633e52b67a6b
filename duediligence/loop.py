"""The six-step loop of a due-diligence plan: each step's status and what is still missing,
and the links from the stepper's steps to the screens of due diligence.

``loop_status(plan)`` asks the database a fixed number of questions (counts and aggregates,
about ten), however many risks, items or communications the plan holds. Screens of due
diligence that are not built yet are simply not linked (like plans.steps does).
"""

from datetime import timedelta

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from plans.models import Method, PlanStep, StepStatus

from . import rules
from .models import (
    Audience,
    Communication,
    DepartmentRole,
    Grievance,
    GrievanceMechanism,
    Item,
    MechanismCriterion,
    Monitoring,
    Policy,
    Risk,
    RiskAction,
)

# Which screen holds each step's work: step code → [(label, url name, takes the plan's pk)].
POLICY = (gettext_lazy("Beleid en verantwoordelijkheden"), "duediligence:policy", True)
CHAIN = (gettext_lazy("Waardeketen"), "duediligence:chain", True)
RISKS = (gettext_lazy("Risico's"), "duediligence:risks", True)
MONITORING = (gettext_lazy("Monitoring"), "duediligence:monitoring", True)
COMMUNICATION = (gettext_lazy("Communicatie"), "duediligence:communication", True)
GRIEVANCES = (gettext_lazy("Klachtenregister"), "duediligence:grievances", False)
OVERVIEW = (gettext_lazy("De cyclus in één oogopslag"), "duediligence:overview", True)

STEP_SCREENS = {
    "1A": [POLICY],
    "1B": [POLICY],
    "2A": [CHAIN],
    "2B": [RISKS],
    "2C": [RISKS],
    "3A": [RISKS],
    "3B": [RISKS],
    "4": [MONITORING],
    "5": [COMMUNICATION],
    "6": [GRIEVANCES, OVERVIEW],
}
# Short names for the loop's drawing (the full names come from the method's phases).
SHORT_NAMES = {
    1: gettext_lazy("Beleid"),
    2: gettext_lazy("Risico's in kaart"),
    3: gettext_lazy("Aanpakken"),
    4: gettext_lazy("Monitoren"),
    5: gettext_lazy("Communiceren"),
    6: gettext_lazy("Herstel en klachten"),
}
PHASE_SCREENS = {
    1: [POLICY],
    2: [CHAIN, RISKS],
    3: [RISKS],
    4: [MONITORING],
    5: [COMMUNICATION],
    6: [GRIEVANCES],
}


def _links(plan, screens):
    links = []
    for label, name, with_plan in screens:
        kwargs = {"org_slug": plan.organisation.slug}
        if with_plan:
            kwargs["pk"] = plan.pk
        try:
            links.append((str(label), reverse(name, kwargs=kwargs)))
        except NoReverseMatch:  # a screen that is not built yet
            continue
    return links


def step_links(plan, step):
    """[(label, url)] of due-diligence screens for a step of a due-diligence plan."""
    if plan.method != Method.DUE_DILIGENCE:
        return []
    return _links(plan, STEP_SCREENS.get(step.code, []))


def phase_status(statuses):
    """One status for a phase from its steps' statuses."""
    if statuses and all(s == StepStatus.DONE for s in statuses):
        return StepStatus.DONE
    if any(s != StepStatus.NOT_STARTED for s in statuses):
        return StepStatus.IN_PROGRESS
    return StepStatus.NOT_STARTED


def quarter_start(day):
    return day.replace(month=3 * ((day.month - 1) // 3) + 1, day=1)


def _figures(plan, today):
    """Every count the loop needs, one query per kind of row."""
    year_ago = today - timedelta(days=365)
    acted = RiskAction.objects.filter(risk=OuterRef("pk"))
    monitored = Monitoring.objects.filter(risks=OuterRef("pk"), date__gte=year_ago)
    risks = (
        Risk.objects.filter(plan=plan)
        .annotate(has_actions=Exists(acted), monitored=Exists(monitored))
        .aggregate(
            total=Count("pk"),
            no_involvement=Count("pk", filter=Q(involvement="")),
            high_unprioritised=Count(
                "pk",
                filter=Q(
                    severity__in=rules.SEVERITIES_OF_BAND[rules.HIGH],
                    prioritised=False,
                    priority_rationale="",
                ),
            ),
            prioritised_no_actions=Count("pk", filter=Q(prioritised=True, has_actions=False)),
            high_unmonitored=Count(
                "pk",
                filter=Q(severity__in=rules.SEVERITIES_OF_BAND[rules.HIGH], monitored=False),
            ),
        )
    )
    monitoring = Monitoring.objects.filter(plan=plan).aggregate(
        total=Count("pk"), last_year=Count("pk", filter=Q(date__gte=year_ago))
    )
    communication = Communication.objects.filter(plan=plan).aggregate(
        internal_quarter=Count(
            "pk", filter=Q(audience=Audience.INTERNAL, date__gte=quarter_start(today))
        ),
        external_year=Count("pk", filter=Q(audience=Audience.EXTERNAL, date__gte=year_ago)),
    )
    return {
        "policy": Policy.objects.filter(plan=plan).first(),
        "departments": DepartmentRole.objects.filter(plan=plan).count(),
        "chain": Item.objects.filter(plan=plan).completeness(),
        "risks": risks,
        "monitoring": monitoring,
        "communication": communication,
        "mechanism": GrievanceMechanism.objects.filter(organisation_id=plan.organisation_id)
        .values_list("criteria", flat=True)
        .first(),
        "overdue": Grievance.objects.filter(organisation_id=plan.organisation_id)
        .overdue(today)
        .count(),
    }


def _policy_missing(policy, departments):
    if policy is None:
        return [_("Nog geen beleid vastgelegd")]
    lines = []
    missing = len(policy.missing_elements)
    if missing:
        lines.append(
            ngettext(
                "Het beleid mist nog %(count)s onderdeel",
                "Het beleid mist nog %(count)s onderdelen",
                missing,
            )
            % {"count": missing}
        )
    if not policy.consulted:
        lines.append(_("Nog geen intern en extern overleg over het beleid"))
    if not policy.is_approved:
        lines.append(_("Beleid nog niet goedgekeurd door de directie"))
    if not policy.is_published:
        lines.append(_("Beleid nog niet gepubliceerd"))
    if not departments:
        lines.append(_("Nog geen verantwoordelijkheden per afdeling"))
    return lines


def _chain_missing(chain, risks):
    if not chain["items"]:
        lines = [_("Nog geen ingekochte producten of diensten in kaart")]
    else:
        lines = []
        no_supplier = chain["items"] - chain["with_supplier"]
        if no_supplier:
            lines.append(
                ngettext(
                    "%(count)s product zonder bekende leverancier",
                    "%(count)s producten zonder bekende leverancier",
                    no_supplier,
                )
                % {"count": no_supplier}
            )
        no_origin = chain["items"] - chain["with_origin"]
        if no_origin:
            lines.append(
                ngettext(
                    "%(count)s product zonder bekend land van herkomst",
                    "%(count)s producten zonder bekend land van herkomst",
                    no_origin,
                )
                % {"count": no_origin}
            )
    if not risks["total"]:
        lines.append(_("Nog geen risico's vastgelegd"))
    elif risks["high_unprioritised"]:
        count = risks["high_unprioritised"]
        lines.append(
            ngettext(
                "%(count)s zeer ernstig risico zonder prioriteit of onderbouwing",
                "%(count)s zeer ernstige risico's zonder prioriteit of onderbouwing",
                count,
            )
            % {"count": count}
        )
    return lines


def _response_missing(risks):
    lines = []
    if risks["no_involvement"]:
        count = risks["no_involvement"]
        lines.append(
            ngettext(
                "%(count)s risico zonder betrokkenheid",
                "%(count)s risico's zonder betrokkenheid",
                count,
            )
            % {"count": count}
        )
    if risks["prioritised_no_actions"]:
        count = risks["prioritised_no_actions"]
        lines.append(
            ngettext(
                "%(count)s prioritair risico zonder acties",
                "%(count)s prioritaire risico's zonder acties",
                count,
            )
            % {"count": count}
        )
    return lines


def _monitoring_missing(monitoring, risks):
    lines = []
    if not monitoring["last_year"]:
        lines.append(_("Geen monitoring in de afgelopen 12 maanden"))
    if risks["high_unmonitored"]:
        count = risks["high_unmonitored"]
        lines.append(
            ngettext(
                "%(count)s zeer ernstig risico niet gemonitord in de afgelopen 12 maanden",
                "%(count)s zeer ernstige risico's niet gemonitord in de afgelopen 12 maanden",
                count,
            )
            % {"count": count}
        )
    return lines


def _communication_missing(communication):
    lines = []
    if not communication["internal_quarter"]:
        lines.append(_("Geen interne communicatie dit kwartaal"))
    if not communication["external_year"]:
        lines.append(_("Geen externe communicatie in de afgelopen 12 maanden"))
    return lines


def _remediation_missing(criteria, overdue):
    lines = []
    total = len(MechanismCriterion.values)
    met = len(set(criteria or []) & set(MechanismCriterion.values))
    if criteria is None:
        lines.append(_("Nog geen klachtenmechanisme ingericht"))
    elif met < total:
        lines.append(
            _("Klachtenmechanisme voldoet aan %(met)s van %(total)s criteria")
            % {"met": met, "total": total}
        )
    if overdue:
        lines.append(
            ngettext(
                "%(count)s klacht over de reactietermijn",
                "%(count)s klachten over de reactietermijn",
                overdue,
            )
            % {"count": overdue}
        )
    return lines


def loop_status(plan, today=None):
    """The six OECD steps of ``plan``, each a dict: ``number``, ``name``, ``steps`` (the
    plan's steps of that phase: code, name, status, status_label), ``status`` and
    ``status_label`` (of the phase as a whole), ``missing`` (Dutch lines of what is still to
    do), ``links`` [(label, url)] and ``url`` (the first link, or None)."""
    today = today or timezone.localdate()
    plan_steps = PlanStep.objects.filter(plan=plan).select_related("step__phase")
    phases = {}
    for plan_step in plan_steps.order_by("step__order"):
        phase = plan_step.step.phase
        entry = phases.setdefault(phase.number, {"name": phase.name, "steps": []})
        entry["steps"].append(
            {
                "code": plan_step.step.code,
                "name": plan_step.step.name,
                "status": plan_step.status,
                "status_label": plan_step.get_status_display(),
                "pk": plan_step.pk,
            }
        )
    figures = _figures(plan, today)
    missing = {
        1: _policy_missing(figures["policy"], figures["departments"]),
        2: _chain_missing(figures["chain"], figures["risks"]),
        3: _response_missing(figures["risks"]),
        4: _monitoring_missing(figures["monitoring"], figures["risks"]),
        5: _communication_missing(figures["communication"]),
        6: _remediation_missing(figures["mechanism"], figures["overdue"]),
    }
    labels = dict(StepStatus.choices)
    result = []
    for number in range(1, 7):
        entry = phases.get(number, {"name": "", "steps": []})
        status = phase_status([s["status"] for s in entry["steps"]])
        links = _links(plan, PHASE_SCREENS[number])
        result.append(
            {
                "number": number,
                "name": entry["name"],
                "short_name": str(SHORT_NAMES[number]),
                "steps": entry["steps"],
                "status": status,
                "status_label": labels[status],
                "missing": missing[number],
                "links": links,
                "url": links[0][1] if links else None,
            }
        )
    return result


def missing_lines(loop, limit=None):
    """The missing items of every step, as "step number: line", at most ``limit``."""
    lines = [f"{phase['number']}. {line}" for phase in loop for line in phase["missing"]]
    return lines[:limit] if limit else lines


def plan_panel(plan):
    """The plan page's card for a due-diligence plan, or None."""
    if plan.method != Method.DUE_DILIGENCE:
        return None
    try:
        url = reverse(
            "duediligence:overview", kwargs={"org_slug": plan.organisation.slug, "pk": plan.pk}
        )
    except NoReverseMatch:
        return None
    loop = loop_status(plan)
    lines = missing_lines(loop, limit=4)
    remaining = len(missing_lines(loop)) - len(lines)
    if remaining > 0:
        lines.append(
            ngettext("en nog %(count)s punt", "en nog %(count)s punten", remaining)
            % {"count": remaining}
        )
    if not lines:
        lines = [_("Bij elke stap is het nodige vastgelegd. Houd de cyclus bij.")]
    return {
        "title": _("Due-diligencecyclus"),
        "url": url,
        "link_label": _("Naar de cyclus van zes stappen"),
        "lines": lines,
    }
