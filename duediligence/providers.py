"""Due diligence's providers for plans.registry: the step links and the plan page's card
(from duediligence.loop), the approved snapshot's sections, the quarterly report's chapter and
the dashboard card; and the signals that make an approved plan a concept again when its
due-diligence content changes.

Everything here reads with a fixed number of queries, whatever the number of risks, items or
suppliers: lists come with their joins (select/prefetch related), figures are aggregates.
"""

from datetime import date

from django.db.models import Count, F, Max, Q, Window
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from simple_history.models import HistoricalRecords
from simple_history.signals import post_create_historical_record

from kpis.models import quarter_end
from plans import registry
from plans import snapshot as snap
from plans.approval import content_changed, touched_links
from plans.models import ActionStatus, Method, Plan, PlanStep, StepStatus

from . import countries, models, rules
from .heatmap import heat_map_svg
from .models import (
    AWAITING_RESPONSE,
    ChainMap,
    Department,
    DepartmentRole,
    Downstream,
    Grievance,
    GrievanceStatus,
    Involvement,
    Item,
    ItemKind,
    Monitoring,
    MonitoringKind,
    Policy,
    PolicyElement,
    PolicyVersion,
    Risk,
    RiskAction,
    RiskArea,
    RiskCategory,
    RiskNature,
    Sourcing,
    Supplier,
)

KEY = "duediligence"


def register():
    """Called once from DuediligenceConfig.ready()."""
    from . import loop

    registry.register("step_links", KEY, loop.step_links)
    registry.register("plan_panels", KEY, loop.plan_panel)
    registry.register("snapshot", KEY, snapshot_sections)
    registry.register("report_sections", KEY, report_section)
    registry.register("dashboard", KEY, dashboard_card)
    connect_content_signals()


def is_due_diligence(plan):
    return plan.method == Method.DUE_DILIGENCE


# --- The approved snapshot ---------------------------------------------------------------------


def choice_list(labels, choices, values):
    """Several choices (a policy's elements) as one label in both languages, compared by
    their codes."""
    members = [choices(value) for value in choices.values if value in set(values or ())]
    if not members:
        return None
    names = {
        language: "; ".join(labels(member.label)[language] for member in members)
        for language in snap.LANGUAGES
    }
    return snap.linked("choices", ",".join(member.value for member in members), names)


def country_names(codes):
    """Country codes as one label in both languages ("" is "onbekend"), compared by code."""
    codes = list(dict.fromkeys(codes))
    if not codes:
        return None
    names = {}
    for language in snap.LANGUAGES:
        with translation.override(language):
            names[language] = "; ".join(countries.name(code) for code in codes)
    return snap.linked("countries", ",".join(code or "-" for code in codes), names)


def names_of(kind, rows, unknown=False):
    """Linked rows (suppliers) as one label, compared by their ids; ``unknown`` adds
    "onbekend" for a link whose row is not known."""
    rows = list({row.pk: row for row in rows}.values())
    if not rows and not unknown:
        return None
    names = {}
    for language in snap.LANGUAGES:
        with translation.override(language):
            parts = [row.name for row in rows] + ([_("onbekend")] if unknown else [])
        names[language] = "; ".join(parts)
    ref = ",".join(str(row.pk) for row in rows) + (",?" if unknown else "")
    return snap.linked(kind, ref, names)


def snapshot_sections(plan):
    """The sections of a due-diligence plan for its approved version: policy, departments,
    the value chain (items, suppliers, downstream, the map's target and completeness), the
    risks with their scores and involvement, and the actions against them."""
    if not is_due_diligence(plan):
        return []
    labels = snap.Labels()
    return [
        _policy_section(plan, labels),
        _department_section(plan, labels),
        _item_section(plan, labels),
        _supplier_section(plan, labels),
        _downstream_section(plan, labels),
        _chain_section(plan, labels),
        _risk_section(plan, labels),
        _risk_action_section(plan, labels),
    ]


def _policy_section(plan, labels):
    policy = (
        Policy.objects.filter(plan=plan).annotate(latest_version=Max("versions__number")).first()
    )
    rows = []
    if policy is not None:
        missing = [value for value in PolicyElement.values if value not in policy.elements]
        rows.append(
            {
                "id": "policy",
                "cells": {
                    "title": snap.plain(policy.title),
                    "elements": choice_list(labels, PolicyElement, policy.elements),
                    "missing": choice_list(labels, PolicyElement, missing),
                    "consulted": snap.yes_no(labels, policy.consulted),
                    "consulted_with": snap.plain(policy.consulted_with),
                    "approved_by": snap.plain(policy.approved_by),
                    "approved_on": snap.plain(policy.approved_on),
                    "published_url": snap.plain(policy.published_url),
                    "published_on": snap.plain(policy.published_on),
                    "shared_internally": snap.yes_no(labels, policy.shared_internally),
                    "shared_externally": snap.yes_no(labels, policy.shared_externally),
                    "supplier_monitoring": snap.yes_no(labels, policy.supplier_monitoring),
                    "code_of_conduct": snap.yes_no(labels, policy.code_of_conduct),
                    "in_risk_management": snap.yes_no(labels, policy.in_risk_management),
                    "latest_version": policy.latest_version,
                },
            }
        )
    g = gettext_lazy
    return snap.section(
        labels,
        "dd_policy",
        g("Due-diligencebeleid"),
        [
            snap.column(labels, "title", g("titel")),
            snap.column(labels, "elements", g("onderdelen die het beleid behandelt"), "label"),
            snap.column(labels, "missing", g("onderdelen die nog ontbreken"), "label"),
            snap.column(labels, "consulted", g("intern en extern overleg gevoerd"), "label"),
            snap.column(labels, "consulted_with", g("overlegd met"), "longtext"),
            snap.column(labels, "approved_by", g("goedgekeurd door (directie)")),
            snap.column(labels, "approved_on", g("goedgekeurd op"), "date"),
            snap.column(labels, "published_url", g("gepubliceerd op (link)")),
            snap.column(labels, "published_on", g("gepubliceerd op (datum)"), "date"),
            snap.column(labels, "shared_internally", g("intern gedeeld"), "label"),
            snap.column(labels, "shared_externally", g("extern gedeeld"), "label"),
            snap.column(
                labels,
                "supplier_monitoring",
                g("het volgen van leveranciers staat in het beleid"),
                "label",
            ),
            snap.column(
                labels, "code_of_conduct", g("wederzijdse gedragscode voor leveranciers"), "label"
            ),
            snap.column(
                labels,
                "in_risk_management",
                g("MVO is onderdeel van het risicomanagement"),
                "label",
            ),
            snap.column(
                labels, "latest_version", g("laatste versie van de beleidstekst"), "number"
            ),
        ],
        rows,
        layout="fields",
    )


def _department_section(plan, labels):
    roles = (
        DepartmentRole.objects.filter(plan=plan).select_related("contact").order_by("department")
    )
    rows = [
        {
            # by department: a plan has each department once
            "id": f"department-{role.department}",
            "cells": {
                "department": snap.choice_of(labels, Department, role.department),
                "responsibilities": snap.plain(role.responsibilities),
                "contact": snap.person(role.contact),
            },
        }
        for role in roles
    ]
    g = gettext_lazy
    return snap.section(
        labels,
        "dd_departments",
        g("Verantwoordelijkheden per afdeling"),
        [
            snap.column(labels, "department", g("afdeling"), "label"),
            snap.column(labels, "responsibilities", g("verantwoordelijkheden"), "longtext"),
            snap.column(labels, "contact", g("aanspreekpunt"), "label"),
        ],
        rows,
    )


def _item_section(plan, labels):
    items = Item.objects.filter(plan=plan).order_by("name", "pk")
    sources_of = snap.grouped(
        Sourcing.objects.filter(item__plan=plan).select_related("supplier").order_by("pk"),
        "item_id",
    )
    rows = []
    for item in items:
        sources = sources_of[item.pk]
        rows.append(
            {
                "id": f"item-{item.pk}",
                "cells": {
                    "name": item.name,
                    "kind": snap.choice_of(labels, ItemKind, item.kind),
                    "volume": snap.plain(item.volume),
                    "unit": snap.plain(item.unit),
                    "spend": snap.plain(item.spend),
                    "suppliers": names_of(
                        "suppliers",
                        [s.supplier for s in sources if s.supplier_id],
                        unknown=any(not s.supplier_id for s in sources),
                    ),
                    "origins": country_names(
                        sorted((s.origin_country for s in sources), key=lambda c: (not c, c))
                    ),
                },
            }
        )
    g = gettext_lazy
    return snap.section(
        labels,
        "dd_items",
        g("Ingekochte producten en diensten"),
        [
            snap.column(labels, "name", g("naam")),
            snap.column(labels, "kind", g("soort"), "label"),
            snap.column(labels, "volume", g("volume"), "number"),
            snap.column(labels, "unit", g("eenheid")),
            snap.column(labels, "spend", g("uitgaven per jaar (€)"), "money"),
            snap.column(labels, "suppliers", g("leveranciers"), "label"),
            snap.column(labels, "origins", g("landen van herkomst"), "label"),
        ],
        rows,
    )


def _supplier_section(plan, labels):
    rows = [
        {
            "id": f"supplier-{supplier.pk}",
            "cells": {
                "name": supplier.name,
                "country": country_names([supplier.country]),
                "tier": supplier.tier,
                "has_contract": snap.yes_no(labels, supplier.has_contract),
                "certifications": snap.plain(supplier.certifications),
                "code_of_conduct": snap.yes_no(labels, supplier.code_of_conduct_signed),
            },
        }
        for supplier in Supplier.objects.filter(plan=plan).order_by("name", "pk")
    ]
    g = gettext_lazy
    return snap.section(
        labels,
        "dd_suppliers",
        g("Leveranciers"),
        [
            snap.column(labels, "name", g("naam")),
            snap.column(labels, "country", g("land"), "label"),
            snap.column(labels, "tier", g("schakel (tier)"), "number"),
            snap.column(labels, "has_contract", g("contract"), "label"),
            snap.column(labels, "certifications", g("certificeringen")),
            snap.column(labels, "code_of_conduct", g("gedragscode ondertekend"), "label"),
        ],
        rows,
    )


def _downstream_section(plan, labels):
    rows = [
        {
            "id": f"downstream-{row.pk}",
            "cells": {
                "customers": row.customers,
                "item": snap.linked("item", row.item_id, snap.same(row.item.name))
                if row.item_id
                else None,
                "destination": country_names([row.destination_country]),
                "end_of_life": snap.plain(row.end_of_life),
            },
        }
        for row in Downstream.objects.filter(plan=plan)
        .select_related("item")
        .order_by("customers", "pk")
    ]
    g = gettext_lazy
    return snap.section(
        labels,
        "dd_downstream",
        g("Afzet (downstream)"),
        [
            snap.column(labels, "customers", g("afnemers")),
            snap.column(labels, "item", g("product"), "label"),
            snap.column(labels, "destination", g("land van bestemming"), "label"),
            snap.column(labels, "end_of_life", g("einde levensduur")),
        ],
        rows,
    )


def _chain_section(plan, labels):
    chain = ChainMap.objects.filter(plan=plan).first()
    figures = Item.objects.filter(plan=plan).completeness()
    g = gettext_lazy
    return snap.section(
        labels,
        "dd_chain",
        g("Ketenkaart"),
        [
            snap.column(labels, "complete_by", g("kaart compleet op"), "date"),
            snap.column(labels, "approach", g("aanpak om de gaten te vullen"), "longtext"),
            # Figures that follow from the items: frozen with the version, but a change of
            # them is already a change of the items.
            snap.column(labels, "items", g("producten en diensten"), "number", progress=True),
            snap.column(
                labels, "supplier_pct", g("% met bekende leverancier"), "number", progress=True
            ),
            snap.column(
                labels, "origin_pct", g("% met bekend land van herkomst"), "number", progress=True
            ),
        ],
        [
            {
                "id": "chain",
                "cells": {
                    "complete_by": snap.plain(chain.complete_by) if chain else None,
                    "approach": snap.plain(chain.approach) if chain else None,
                    "items": figures["items"],
                    "supplier_pct": figures["supplier_pct"],
                    "origin_pct": figures["origin_pct"],
                },
            }
        ],
        layout="fields",
    )


def _category(labels, risk):
    label = snap.choice_of(labels, RiskCategory, risk.category)
    if label and risk.category == RiskCategory.OTHER and risk.category_other:
        other = risk.category_other
        return {
            **{language: f"{label[language]}: {other}" for language in snap.LANGUAGES},
            "ref": f"choice:{risk.category}:{other}",
        }
    return label


def _band(labels, severity):
    band = rules.band(severity)
    return snap.linked("band", band, labels(rules.BAND_LABELS[band]))


def _risk_section(plan, labels):
    rows = [
        {
            "id": f"risk-{risk.pk}",
            "cells": {
                "title": risk.title,
                "category": _category(labels, risk),
                "area": snap.choice_of(labels, RiskArea, risk.area),
                "nature": snap.choice_of(labels, RiskNature, risk.nature),
                "scale": risk.scale,
                "scope": risk.scope,
                "irremediability": risk.irremediability,
                "severity": risk.severity,
                "band": _band(labels, risk.severity),
                "likelihood": risk.likelihood,
                "prioritised": snap.yes_no(labels, risk.prioritised),
                "rationale": snap.plain(risk.priority_rationale),
                "involvement": snap.choice_of(labels, Involvement, risk.involvement),
                "response": labels(rules.RESPONSE[risk.involvement])
                if risk.involvement in rules.RESPONSE
                else None,
            },
        }
        for risk in Risk.objects.filter(plan=plan).by_priority()
    ]
    g = gettext_lazy
    return snap.section(
        labels,
        "dd_risks",
        g("Risico's"),
        [
            snap.column(labels, "title", g("risico")),
            snap.column(labels, "category", g("categorie"), "label"),
            snap.column(labels, "area", g("gebied"), "label"),
            snap.column(labels, "nature", g("werkelijk of potentieel"), "label"),
            snap.column(labels, "scale", g("zwaarte (1–5)"), "number"),
            snap.column(labels, "scope", g("reikwijdte (1–5)"), "number"),
            snap.column(labels, "irremediability", g("onomkeerbaarheid (1–5)"), "number"),
            snap.column(labels, "severity", g("ernst"), "number"),
            snap.column(labels, "band", g("ernstklasse"), "label"),
            snap.column(labels, "likelihood", g("waarschijnlijkheid (1–5)"), "number"),
            snap.column(labels, "prioritised", g("prioriteit"), "label"),
            snap.column(labels, "rationale", g("onderbouwing van de prioritering"), "longtext"),
            snap.column(labels, "involvement", g("betrokkenheid"), "label"),
            snap.column(labels, "response", g("verwachte aanpak"), "label"),
        ],
        rows,
    )


def _risk_action_section(plan, labels):
    partners_of = snap.grouped(
        RiskAction.partners.through.objects.filter(riskaction__risk__plan=plan).select_related(
            "supplier"
        ),
        "riskaction_id",
    )
    links = (
        RiskAction.objects.filter(risk__plan=plan)
        .select_related("risk", "action")
        .order_by(
            "-risk__severity", "-risk__likelihood", "risk__title", "risk_id", "action__title", "pk"
        )
    )
    rows = [
        {
            # by risk and action: a risk has each action once
            "id": f"risk-{link.risk_id}-action-{link.action_id}",
            "cells": {
                "risk": snap.linked("risk", link.risk_id, snap.same(link.risk.title)),
                "action": snap.linked("action", link.action_id, snap.same(link.action.title)),
                "partners": names_of(
                    "suppliers",
                    sorted(
                        (row.supplier for row in partners_of[link.pk]), key=lambda s: (s.name, s.pk)
                    ),
                ),
                "partner_notes": snap.plain(link.partner_notes),
                "status": snap.choice_of(labels, ActionStatus, link.action.status),
            },
        }
        for link in links
    ]
    g = gettext_lazy
    return snap.section(
        labels,
        "dd_risk_actions",
        g("Acties tegen de risico's"),
        [
            snap.column(labels, "risk", g("risico"), "label"),
            snap.column(labels, "action", g("actie"), "label"),
            snap.column(labels, "partners", g("ketenpartners"), "label"),
            snap.column(labels, "partner_notes", g("wie is er verder nodig?")),
            snap.column(labels, "status", g("status"), "label", progress=True),
        ],
        rows,
    )


# --- The quarterly report ----------------------------------------------------------------------

REPORT_CAP = 25  # rows of a list in the report; the app has the rest


def _progress_text(done, total):
    if not total:
        return _("geen acties")
    return _("%(done)s van %(total)s afgerond") % {"done": done, "total": total}


def _band_table(risks):
    """Risks per severity band: number, prioritised, with actions, actions done / total (one
    query: counted per severity, summed per band here). Also gives the prioritised total."""
    per_severity = (
        risks.order_by()
        .values("severity")
        .annotate(
            risks=Count("pk", distinct=True),
            prioritised=Count("pk", filter=Q(prioritised=True), distinct=True),
            with_actions=Count("pk", filter=Q(action_links__isnull=False), distinct=True),
            actions=Count("action_links", distinct=True),
            done=Count(
                "action_links",
                filter=Q(action_links__action__status=ActionStatus.DONE),
                distinct=True,
            ),
        )
    )
    keys = ("risks", "prioritised", "with_actions", "actions", "done")
    sums = {band: dict.fromkeys(keys, 0) for band in rules.BANDS}
    for row in per_severity:
        for key in keys:
            sums[rules.band(row["severity"])][key] += row[key]
    total = {key: sum(part[key] for part in sums.values()) for key in keys}
    rows = [
        [
            str(rules.BAND_LABELS[band]),
            sums[band]["risks"],
            sums[band]["prioritised"],
            sums[band]["with_actions"],
            _progress_text(sums[band]["done"], sums[band]["actions"]),
        ]
        for band in rules.BANDS
    ]
    rows.append(
        [
            _("Totaal"),
            total["risks"],
            total["prioritised"],
            total["with_actions"],
            _progress_text(total["done"], total["actions"]),
        ]
    )
    table = {
        "caption": _("Risico's per ernstklasse"),
        "columns": [
            _("Ernstklasse"),
            {"label": _("Risico's"), "numeric": True},
            {"label": _("Met prioriteit"), "numeric": True},
            {"label": _("Met acties"), "numeric": True},
            _("Voortgang van de acties"),
        ],
        "rows": rows if total["risks"] else [],
        "empty": _("Dit plan heeft nog geen risico's."),
    }
    return table, total


def _prioritised_table(risks, prioritised_total):
    involvement = dict(Involvement.choices)
    shown = list(risks.filter(prioritised=True).with_action_progress().by_priority()[:REPORT_CAP])
    caption = _("Risico's met prioriteit en de voortgang van hun acties")
    if prioritised_total > len(shown):
        caption += " " + _("(de %(shown)s ernstigste van %(total)s; de andere staan in Koers)") % {
            "shown": len(shown),
            "total": prioritised_total,
        }
    return {
        "caption": caption,
        "columns": [
            _("Risico"),
            {"label": _("Ernst"), "numeric": True},
            {"label": _("Waarschijnlijkheid"), "numeric": True},
            _("Betrokkenheid"),
            _("Voortgang van de acties"),
        ],
        "rows": [
            [
                risk.title,
                risk.severity,
                risk.likelihood,
                str(involvement.get(risk.involvement, "")) or None,
                _progress_text(risk.actions_done, risk.action_count),
            ]
            for risk in shown
        ],
        "empty": _("Nog geen risico's met prioriteit."),
    }


def _monitoring_table(plan, year, quarter, label):
    activities = (
        Monitoring.objects.filter(plan=plan)
        .in_quarter(year, quarter)
        .select_related("supplier")
        .order_by("date", "pk")
    )
    # the number of activities comes with the rows (a window count), not from a second query
    shown = list(activities.annotate(total=Window(Count("pk")))[:REPORT_CAP])
    total = shown[0].total if shown else 0
    caption = _("Monitoring in %(quarter)s") % {"quarter": label}
    if total > len(shown):
        caption += " " + _("(de eerste %(shown)s van %(total)s; de andere staan in Koers)") % {
            "shown": len(shown),
            "total": total,
        }
    rows = []
    for activity in shown:
        kind = activity.get_kind_display()
        if activity.kind == MonitoringKind.AUDIT and activity.audit_scheme:
            scheme = activity.audit_other or activity.get_audit_scheme_display()
            kind = f"{kind} ({scheme})"
        rows.append(
            [
                activity.date,
                kind,
                activity.supplier.name if activity.supplier else None,
                activity.get_effectiveness_display(),
            ]
        )
    return {
        "caption": caption,
        "columns": [_("Datum"), _("Soort"), _("Leverancier"), _("Doeltreffendheid")],
        "rows": rows,
        "empty": _("In dit kwartaal is er niets gemonitord."),
    }


def grievance_figures(organisation_id, start, as_of):
    """The organisation's grievances in numbers, never their content (one query): per status
    (those received up to ``as_of``, as they stand now), received from ``start`` to
    ``as_of``, responded in that period within or after the deadline, and open past the
    deadline on ``as_of``."""
    answered = Q(responded_on__gte=start, responded_on__lte=as_of)
    waiting = Q(responded_on__isnull=True, status__in=AWAITING_RESPONSE) | Q(responded_on__gt=as_of)
    return (
        Grievance.objects.for_org(organisation_id)
        .filter(received_on__lte=as_of)
        .aggregate(
            **{
                f"status_{value}": Count("pk", filter=Q(status=value))
                for value in GrievanceStatus.values
            },
            received=Count("pk", filter=Q(received_on__gte=start)),
            on_time=Count("pk", filter=answered & Q(responded_on__lte=F("response_due"))),
            late=Count("pk", filter=answered & Q(responded_on__gt=F("response_due"))),
            overdue=Count("pk", filter=waiting & Q(response_due__lt=as_of)),
        )
    )


def _grievance_tables(plan, year, quarter, label):
    start = date(year, 3 * (quarter - 1) + 1, 1)
    as_of = min(timezone.localdate(), quarter_end(year, quarter))
    figures = grievance_figures(plan.organisation_id, start, as_of)
    day = date_format(as_of, "j F Y")
    number = {"label": _("Aantal"), "numeric": True}
    statuses = [[label_, figures[f"status_{value}"]] for value, label_ in GrievanceStatus.choices]
    by_status = {
        "caption": _(
            "Klachten per status: alle klachten ontvangen tot en met %(day)s, zoals ze nu staan"
        )
        % {"day": day},
        "columns": [_("Status"), number],
        "rows": statuses if any(count for _label, count in statuses) else [],
        "empty": _("Er zijn nog geen klachten ontvangen."),
    }
    deadlines = {
        "caption": _("Reactietermijnen van klachten in %(quarter)s") % {"quarter": label},
        "columns": [_("Klachten"), number],
        "rows": [
            [_("Ontvangen in %(quarter)s") % {"quarter": label}, figures["received"]],
            [_("Binnen de termijn gereageerd"), figures["on_time"]],
            [_("Na de termijn gereageerd"), figures["late"]],
            [
                _("Op %(day)s nog zonder reactie terwijl de termijn verstreken is") % {"day": day},
                figures["overdue"],
            ],
        ],
        "empty": "",
    }
    return [by_status, deadlines]


def report_section(plan, year, quarter):
    """The quarterly report's chapter of a due-diligence plan (plans.registry's shape): the
    heat map, risks per severity band, the prioritised risks and their actions' progress,
    the quarter's monitoring, and the organisation's grievances in numbers only."""
    if not is_due_diligence(plan):
        return None

    label = _("K%(quarter)s %(year)s") % {"quarter": quarter, "year": year}
    risks = Risk.objects.filter(plan=plan)
    bands, totals = _band_table(risks)
    tables = [
        bands,
        _prioritised_table(risks, totals["prioritised"]),
        _monitoring_table(plan, year, quarter, label),
        *_grievance_tables(plan, year, quarter, label),
    ]
    title = _("Heatmap van de risico's: ernst tegen waarschijnlijkheid")
    return {
        "title": _("Due diligence"),
        "intro": _(
            "De risico's en hun acties staan hier zoals ze nu in Koers staan; de monitoring en "
            "de reactietermijnen gaan over %(quarter)s. Van klachten toont dit rapport alleen "
            "aantallen, nooit wat erin staat of wie ze indiende."
        )
        % {"quarter": label},
        "tables": tables,
        "figure": {"svg": heat_map_svg(risks.heat_counts(), title=title), "title": title},
    }


# --- The dashboard -----------------------------------------------------------------------------

DASHBOARD_PLANS = 5  # plans named on the card; the due-diligence pages have the rest


def dashboard_card(request):
    """The dashboard's card: for each due-diligence plan how far the loop is and how many
    highly severe risks have no action yet, and the organisation's grievances that wait past
    their deadline (a count: everyone in the organisation may see counts). Three queries,
    whatever the number of plans, risks or grievances."""
    org = request.organisation
    plans = list(
        Plan.objects.for_org(org)
        .filter(method=Method.DUE_DILIGENCE)
        .annotate(
            plan_count=Window(Count("pk")),
            high_without=Count(
                "dd_risks",
                filter=Q(dd_risks__severity__gte=4, dd_risks__action_links__isnull=True),
                distinct=True,
            ),
        )
        .order_by("-start_year", "title", "pk")[:DASHBOARD_PLANS]
    )
    if not plans:
        return None
    phases = {}
    steps = (
        PlanStep.objects.filter(plan__in=plans)
        .values("plan_id", "step__phase__number")
        .annotate(total=Count("pk"), done=Count("pk", filter=Q(status=StepStatus.DONE)))
        .order_by("plan_id", "step__phase__number")
    )
    for row in steps:
        phases.setdefault(row["plan_id"], []).append(row)
    lines = []
    for plan in plans:
        done = sum(1 for row in phases.get(plan.pk, []) if row["done"] == row["total"])
        total = len(phases.get(plan.pk, []))
        line = _("%(plan)s: %(done)s van de %(total)s stappen van de cyclus afgerond") % {
            "plan": plan.title,
            "done": done,
            "total": total,
        }
        following = next(
            (row for row in phases.get(plan.pk, []) if row["done"] < row["total"]), None
        )
        if following:
            line += "; " + _("eerstvolgende: stap %(number)s") % {
                "number": following["step__phase__number"]
            }
        if plan.high_without:
            line += ". " + ngettext(
                "%(count)s risico met hoge ernst heeft nog geen actie",
                "%(count)s risico's met hoge ernst hebben nog geen actie",
                plan.high_without,
            ) % {"count": plan.high_without}
        lines.append(line + ".")
    more = plans[0].plan_count - len(plans)
    if more:
        lines.append(
            ngettext("En nog %(count)s ander plan.", "En nog %(count)s andere plannen.", more)
            % {"count": more}
        )
    overdue = Grievance.objects.for_org(org).overdue().count()
    lines.append(
        ngettext(
            "%(count)s klacht wacht langer dan de termijn op een reactie.",
            "%(count)s klachten wachten langer dan de termijn op een reactie.",
            overdue,
        )
        % {"count": overdue}
        if overdue
        else _("Geen klachten die langer dan de termijn op een reactie wachten.")
    )
    return {
        "title": _("Due diligence"),
        "url": reverse("duediligence:index", kwargs={"org_slug": org.slug}),
        "lines": lines,
        "figure": None,
    }


# --- Changes of content ------------------------------------------------------------------------

# The fields of each model that the snapshot shows: a change of one of them is a change of
# the plan (an approved or submitted plan becomes a concept again, plans.approval). Monitoring,
# communication and grievances are the work of running the loop, not plan content.
CONTENT_FIELDS = {
    "Policy": {
        "plan",
        "title",
        "elements",
        "consulted",
        "consulted_with",
        "approved_by",
        "approved_on",
        "published_url",
        "published_on",
        "shared_internally",
        "shared_externally",
        "supplier_monitoring",
        "code_of_conduct",
        "in_risk_management",
    },
    "DepartmentRole": {"plan", "department", "responsibilities", "contact"},
    "ChainMap": {"plan", "complete_by", "approach"},
    "Item": {"plan", "name", "kind", "volume", "unit", "spend"},
    "Supplier": {
        "plan",
        "name",
        "country",
        "tier",
        "has_contract",
        "certifications",
        "code_of_conduct_signed",
    },
    "Sourcing": {"item", "supplier", "origin_country"},
    "Downstream": {"plan", "item", "customers", "destination_country", "end_of_life"},
    "Risk": {
        "plan",
        "title",
        "category",
        "category_other",
        "area",
        "nature",
        "scale",
        "scope",
        "irremediability",
        "likelihood",
        "severity",
        "prioritised",
        "priority_rationale",
        "involvement",
    },
}


def _plans_of_items(item_ids):
    item_ids = {pk for pk in item_ids if pk}
    if not item_ids:
        return set()
    return set(Item.objects.filter(pk__in=item_ids).values_list("plan_id", flat=True))


def on_history_record(sender, instance, history_instance, **kwargs):
    """simple-history recorded a change of a due-diligence row: if a field the snapshot shows
    changed, its plan (both plans, when it moved) goes back to concept."""
    name = type(instance).__name__
    fields = CONTENT_FIELDS.get(name)
    if fields is None:
        return
    link = "item" if name == "Sourcing" else "plan"
    ids = touched_links(instance, history_instance, fields, link)
    plan_ids = _plans_of_items(ids) if link == "item" else ids
    content_changed(plan_ids, history_instance.history_user)


def _current_user():
    """The signed-in user of the request being handled (simple-history's middleware keeps
    the request), for rows without a history of their own."""
    request = getattr(HistoricalRecords.context, "request", None)
    user = getattr(request, "user", None)
    return user if getattr(user, "is_authenticated", False) else None


def on_link_change(sender, instance, **kwargs):
    """A risk's action (or its partners) or a new policy version was saved or deleted: rows
    without a history of their own that the snapshot shows."""
    if isinstance(instance, PolicyVersion):
        plans = Policy.objects.filter(pk=instance.policy_id)
    else:
        plans = Risk.objects.filter(pk=instance.risk_id)
    content_changed(set(plans.values_list("plan_id", flat=True)), _current_user())


def on_partners_change(sender, instance, action, reverse, pk_set, **kwargs):
    """The partners of a risk's action changed (from either side of the link)."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        on_link_change(sender, instance)
        return
    links = RiskAction.objects.filter(pk__in=pk_set or ())
    content_changed(set(links.values_list("risk__plan_id", flat=True)), _current_user())


def connect_content_signals():
    for name in CONTENT_FIELDS:
        model = getattr(models, name)
        post_create_historical_record.connect(
            on_history_record,
            sender=model.history.model,
            dispatch_uid=f"duediligence-content-{name}",
        )
    for model in (models.RiskAction, models.PolicyVersion):
        for signal in (post_save, post_delete):
            signal.connect(
                on_link_change, sender=model, dispatch_uid=f"duediligence-{model.__name__}"
            )
    m2m_changed.connect(
        on_partners_change,
        sender=models.RiskAction.partners.through,
        dispatch_uid="duediligence-risk-action-partners",
    )
