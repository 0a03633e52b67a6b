"""MVOI's providers for plans.registry: the stepper's links and the plan page's card; the
approved snapshot's sections, the quarterly report's chapter, the dashboard card and the year
plan / evaluation PDFs (procurement.documents); and the signals that make an approved plan a
concept again when its MVOI content changes.

What is content and what is progress: everything the snapshot shows is content, except a
tender's status. Changing a tender (title, product group, value, procedure, budget holder,
purchaser, planned start, promising, explanation), its applied themes (theme, instrument,
criterion), a year target, an ambition per theme, a baseline, a borging text, an action's MVOI
details or a theme's rationale makes a submitted or approved plan a concept again
(plans.approval.content_changed). A tender's status (gepland → gepubliceerd → gegund ...)
and its evaluation after award are the work of running the calendar: recorded in its history,
frozen with a version (status as a progress column), but the approval stays.

Everything here reads with a fixed number of queries, whatever the number of tenders.
"""

from django.db.models import Count, Exists, OuterRef, Q, Window
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from simple_history.signals import post_create_historical_record

from plans import registry
from plans import snapshot as snap
from plans.approval import changed_fields, content_changed, touched_links
from plans.models import Action, Method, Plan
from themes.models import AmbitionLevel, OrgTheme

from . import models, rules, screens
from .models import (
    ActionDetail,
    Anchoring,
    AnchoringArea,
    AnchoringKind,
    Instrument,
    Procedure,
    Source,
    Tender,
    TenderStatus,
    TenderTheme,
    ThemeAmbition,
    ThemeBaseline,
    YearTarget,
)
from .share import share_by_year

KEY = "procurement"


def register():
    """Called once from ProcurementConfig.ready()."""
    from . import documents

    registry.register("step_links", KEY, screens.step_links)
    registry.register("plan_panels", KEY, plan_panel)
    registry.register("snapshot", KEY, snapshot_sections)
    registry.register("report_sections", KEY, report_section)
    registry.register("dashboard", KEY, dashboard_card)
    documents.register()
    connect_content_signals()


def is_mvoi(plan):
    return plan.method == Method.MVOI


def pct(value):
    return f"{value}%" if value is not None else "–"


def share_line(row):
    """One year's share against its target, in words."""
    if row["actual_pct"] is None:
        return _("%(year)s: nog geen kansrijke aanbestedingen (doel %(target)s)") % {
            "year": row["year"],
            "target": pct(row["target_pct"]),
        }
    return _(
        "%(year)s: %(actual)s%% van %(tenders)s kansrijke aanbestedingen (doel %(target)s)"
    ) % {
        "year": row["year"],
        "actual": row["actual_pct"],
        "tenders": row["tenders"],
        "target": pct(row["target_pct"]),
    }


def plan_panel(plan):
    """The plan page's card for an MVOI plan: this year's share against its target."""
    if not is_mvoi(plan):
        return None
    year = timezone.localdate().year
    rows = [row for row in share_by_year(plan) if row["year"] == year]
    lines = [share_line(rows[0])] if rows else [_("Voor dit jaar is nog geen doel gesteld.")]
    return {
        "title": _("MVOI: aanbestedingen en doelen"),
        "url": reverse(
            "procurement:overview", kwargs={"org_slug": plan.organisation.slug, "pk": plan.pk}
        ),
        "link_label": _("Naar het MVOI-overzicht"),
        "lines": lines,
    }


def quarter_text(year, quarter):
    return _("K%(quarter)s %(year)s") % {"quarter": quarter, "year": year}


def applied_themes_of(tenders_filter):
    """{tender id: [TenderTheme with its theme]} for the tenders matching ``tenders_filter``
    (a dict of lookups on the tender), in one query."""
    return snap.grouped(
        TenderTheme.objects.filter(**{f"tender__{k}": v for k, v in tenders_filter.items()})
        .select_related("theme__framework_theme")
        .order_by("tender_id", "pk"),
        "tender_id",
    )


def theme_name(theme):
    """A theme's name in the active language."""
    return snap.local(snap.theme_label(theme)) or ""


def applied_text(applied):
    """A tender's applied themes in the active language: "Klimaat (Voorschrijven: eis,
    criterium X); Circulair"."""
    instruments = dict(Instrument.choices)
    parts = []
    for row in applied:
        details = [str(instruments[row.instrument])] if row.instrument in instruments else []
        if row.criterion_ref:
            details.append(row.criterion_ref)
        name = theme_name(row.theme)
        parts.append(f"{name} ({', '.join(details)})" if details else name)
    return "; ".join(parts)


# --- The approved snapshot ---------------------------------------------------------------------


def snapshot_sections(plan):
    """The sections of an MVOI plan for its approved version: the nulmeting per theme, why the
    themes were chosen (the plan's own section already holds focus and levels), the yearly
    targets and ambitions, the tender calendar as it stood, the borging and the MVOI details
    of the actions."""
    if not is_mvoi(plan):
        return []
    labels = snap.Labels()
    return [
        _baseline_section(plan, labels),
        _rationale_section(plan, labels),
        _target_section(plan, labels),
        _ambition_section(plan, labels),
        _calendar_section(plan, labels),
        _anchoring_section(plan, labels),
        _action_detail_section(plan, labels),
    ]


def _sources(labels, values):
    members = [Source(value) for value in Source.values if value in set(values or ())]
    if not members:
        return None
    names = {
        language: "; ".join(labels(member.label)[language] for member in members)
        for language in snap.LANGUAGES
    }
    return snap.linked("sources", ",".join(member.value for member in members), names)


def _baseline_section(plan, labels):
    baselines = (
        ThemeBaseline.objects.filter(plan=plan)
        .select_related("theme__framework_theme")
        .order_by("theme_id", "pk")
    )
    rows = [
        {
            "id": f"baseline-{row.theme_id}",
            "cells": {
                "theme": snap.theme_label(row.theme),
                "level": snap.choice_of(labels, AmbitionLevel, row.level),
                "ambitions": snap.plain(row.ambitions),
                "goals": snap.plain(row.goals),
                "activities": snap.plain(row.activities),
                "sources": _sources(labels, row.sources),
                "source_notes": snap.plain(row.source_notes),
            },
        }
        for row in baselines
    ]
    g = gettext_lazy
    return snap.section(
        labels,
        "mvoi_baselines",
        g("Nulmeting per thema"),
        [
            snap.column(labels, "theme", g("thema"), "label"),
            snap.column(labels, "level", g("huidig ambitieniveau"), "label"),
            snap.column(labels, "ambitions", g("huidige ambities"), "longtext"),
            snap.column(labels, "goals", g("huidige doelen"), "longtext"),
            snap.column(labels, "activities", g("huidige activiteiten"), "longtext"),
            snap.column(labels, "sources", g("bronnen"), "label"),
            snap.column(
                labels, "source_notes", g("welke stukken, gesprekken of sessies"), "longtext"
            ),
        ],
        rows,
    )


def _rationale_section(plan, labels):
    themes = plan.themes.select_related("framework_theme").order_by("-is_focus", "pk")
    rows = [
        {
            "id": f"theme-{theme.pk}",
            "cells": {
                "theme": snap.theme_label(theme),
                "focus": snap.yes_no(labels, theme.is_focus),
                "rationale": snap.plain(theme.rationale),
            },
        }
        for theme in themes
    ]
    g = gettext_lazy
    return snap.section(
        labels,
        "mvoi_themes",
        g("MVOI-thema's: waarom deze focus"),
        [
            snap.column(labels, "theme", g("thema"), "label"),
            snap.column(labels, "focus", g("focusthema"), "label"),
            snap.column(labels, "rationale", g("onderbouwing"), "longtext"),
        ],
        rows,
    )


def _target_section(plan, labels):
    actual = {row["year"]: row for row in share_by_year(plan)}
    rows = [
        {
            "id": f"target-{target.year}",
            "cells": {
                "year": target.year,
                "target_pct": target.target_pct,
                "actual_pct": actual.get(target.year, {}).get("actual_pct"),
                "tenders": actual.get(target.year, {}).get("tenders", 0),
            },
        }
        for target in YearTarget.objects.filter(plan=plan).order_by("year")
    ]
    g = gettext_lazy
    return snap.section(
        labels,
        "mvoi_targets",
        g("Jaardoelen: aandeel kansrijke aanbestedingen met een gekozen thema"),
        [
            snap.column(labels, "year", g("jaar"), "number"),
            snap.column(labels, "target_pct", g("streefwaarde (%)"), "number"),
            # What the calendar gave at approval: frozen, but it follows from the tenders.
            snap.column(labels, "actual_pct", g("werkelijk aandeel (%)"), "number", progress=True),
            snap.column(labels, "tenders", g("kansrijke aanbestedingen"), "number", progress=True),
        ],
        rows,
    )


def _ambition_section(plan, labels):
    ambitions = (
        ThemeAmbition.objects.filter(plan=plan)
        .select_related("theme__framework_theme")
        .order_by("theme_id", "pk")
    )
    rows = [
        {
            "id": f"ambition-{row.theme_id}",
            "cells": {"theme": snap.theme_label(row.theme), "statement": row.statement},
        }
        for row in ambitions
    ]
    g = gettext_lazy
    return snap.section(
        labels,
        "mvoi_ambitions",
        g("Ambities per thema"),
        [
            snap.column(labels, "theme", g("thema"), "label"),
            snap.column(labels, "statement", g("ambitie"), "longtext"),
        ],
        rows,
    )


def _applied_label(labels, applied):
    """A tender's applied themes as one label in both languages, compared by theme,
    instrument and criterion."""
    if not applied:
        return None
    names = {}
    for language in snap.LANGUAGES:
        with translation.override(language):
            names[language] = applied_text(applied)
    ref = ",".join(f"{row.theme_id}/{row.instrument}/{row.criterion_ref}" for row in applied)
    return snap.linked("applied", ref, names)


def _calendar_section(plan, labels):
    tenders = Tender.objects.filter(plan=plan).select_related("product_group")
    applied_of = applied_themes_of({"plan": plan})
    g = gettext_lazy
    rows = []
    for tender in tenders.order_by("planned_period", "title", "pk"):
        rows.append(
            {
                "id": f"tender-{tender.pk}",
                "cells": {
                    "title": tender.title,
                    "product_group": snap.linked(
                        "product_group",
                        tender.product_group_id,
                        snap.same(tender.product_group.name),
                    ),
                    "value": snap.plain(tender.estimated_value),
                    "procedure": snap.choice_of(labels, Procedure, tender.procedure),
                    "budget_holder": snap.plain(tender.budget_holder),
                    "purchaser": snap.plain(tender.purchaser),
                    "start": snap.linked(
                        "quarter",
                        f"{tender.planned_year}-{tender.planned_quarter}",
                        labels(
                            g("K%(quarter)s %(year)s"),
                            quarter=tender.planned_quarter,
                            year=tender.planned_year,
                        ),
                    ),
                    "promising": snap.yes_no(labels, tender.promising),
                    "status": snap.choice_of(labels, TenderStatus, tender.status),
                    "themes": _applied_label(labels, applied_of[tender.pk]),
                    "explanation": snap.plain(tender.explanation),
                },
            }
        )
    return snap.section(
        labels,
        "mvoi_calendar",
        g("Aanbestedingskalender"),
        [
            snap.column(labels, "title", g("aanbesteding")),
            snap.column(labels, "product_group", g("productgroep"), "label"),
            snap.column(labels, "value", g("geraamde waarde (€)"), "money"),
            snap.column(labels, "procedure", g("procedure"), "label"),
            snap.column(labels, "budget_holder", g("opdrachtgever (budgethouder)")),
            snap.column(labels, "purchaser", g("inkoper")),
            snap.column(labels, "start", g("start"), "label"),
            snap.column(labels, "promising", g("kansrijk"), "label"),
            snap.column(labels, "status", g("status"), "label", progress=True),
            snap.column(
                labels, "themes", g("toegepaste thema's, instrument en criterium"), "label"
            ),
            snap.column(labels, "explanation", g("uitleg bij afwijking"), "longtext"),
        ],
        rows,
    )


def _anchoring_section(plan, labels):
    rows = [
        {
            "id": f"anchoring-{row.area}",
            "cells": {
                "area": snap.choice_of(labels, AnchoringArea, row.area),
                "anchored": snap.plain(row.anchored),
            },
        }
        for row in Anchoring.objects.filter(plan=plan).order_by("area")
    ]
    g = gettext_lazy
    return snap.section(
        labels,
        "mvoi_anchoring",
        g("Borging: wat is al geborgd"),
        [
            snap.column(labels, "area", g("gebied"), "label"),
            snap.column(labels, "anchored", g("wat is al geborgd"), "longtext"),
        ],
        rows,
    )


def _action_detail_section(plan, labels):
    details = (
        ActionDetail.objects.filter(action__plan=plan)
        .select_related("action")
        .order_by("action__planned_period", "action__title", "pk")
    )
    rows = [
        {
            "id": f"action-{row.action_id}",
            "cells": {
                "action": snap.linked("action", row.action_id, snap.same(row.action.title)),
                "anchoring": snap.choice_of(labels, AnchoringKind, row.anchoring),
                "extra_budget": snap.yes_no(labels, row.extra_budget),
                "extra_capacity": snap.yes_no(labels, row.extra_capacity),
            },
        }
        for row in details
    ]
    g = gettext_lazy
    return snap.section(
        labels,
        "mvoi_actions",
        g("Borgingsacties en jaarplanning: wat de acties nodig hebben"),
        [
            snap.column(labels, "action", g("actie"), "label"),
            snap.column(labels, "anchoring", g("borgingsactie"), "label"),
            snap.column(labels, "extra_budget", g("extra budget nodig"), "label"),
            snap.column(labels, "extra_capacity", g("extra capaciteit nodig"), "label"),
        ],
        rows,
    )


# --- The quarterly report ----------------------------------------------------------------------

REPORT_CAP = 25  # rows of a list in the report; the calendar in Koers has the rest


def next_quarter(year, quarter):
    return (year, quarter + 1) if quarter < 4 else (year + 1, 1)


def capped(queryset):
    """(the first REPORT_CAP rows, the total): the total comes with the rows (a window
    count), not from a second query."""
    shown = list(queryset.annotate(total=Window(Count("pk")))[:REPORT_CAP])
    return shown, (shown[0].total if shown else 0)


def capped_caption(caption, shown, total):
    if total > len(shown):
        caption += " " + _("(de eerste %(shown)s van %(total)s; de andere staan in Koers)") % {
            "shown": len(shown),
            "total": total,
        }
    return caption


def _themes_of(tenders):
    """{tender id: [TenderTheme]} for a short list of tenders (one query)."""
    return snap.grouped(
        TenderTheme.objects.filter(tender_id__in=[t.pk for t in tenders])
        .select_related("theme__framework_theme")
        .order_by("tender_id", "pk"),
        "tender_id",
    )


def _share_table(rows, year):
    return {
        "caption": _("Aandeel kansrijke aanbestedingen met een gekozen thema, per jaar"),
        "columns": [
            _("Jaar"),
            {"label": _("Kansrijke aanbestedingen"), "numeric": True},
            {"label": _("Met een gekozen thema"), "numeric": True},
            {"label": _("Werkelijk (%)"), "numeric": True},
            {"label": _("Doel (%)"), "numeric": True},
        ],
        "rows": [
            [
                str(row["year"]) + (" ←" if row["year"] == year else ""),
                row["tenders"],
                row["applying"],
                row["actual_pct"],
                row["target_pct"],
            ]
            for row in rows
        ],
        "empty": _("Dit plan heeft nog geen jaardoelen en geen kansrijke aanbestedingen."),
    }


def report_section(plan, year, quarter):
    """The quarterly report's chapter of an MVOI plan (plans.registry's shape): the share
    against the year's target with the chart, the tenders started this quarter with their
    themes and instruments, the quarter's explained (and unexplained) deviations and the
    tenders planned for the next quarter."""
    if not is_mvoi(plan):
        return None
    from .charts import share_chart

    label = quarter_text(year, quarter)
    shares = share_by_year(plan)
    this_year = next((row for row in shares if row["year"] == year), None)
    tenders = Tender.objects.filter(plan=plan).select_related("product_group")
    in_quarter = tenders.filter(planned_year=year, planned_quarter=quarter)

    started, started_total = capped(
        in_quarter.filter(status__in=rules.STARTED).order_by("title", "pk")
    )
    deviating, deviating_total = capped(rules.deviations(in_quarter))
    following = next_quarter(year, quarter)
    next_label = quarter_text(*following)
    planned, planned_total = capped(
        tenders.filter(planned_year=following[0], planned_quarter=following[1])
        .exclude(status=TenderStatus.CANCELLED)
        .order_by("title", "pk")
    )
    themes_of = _themes_of(started + planned)
    statuses = dict(TenderStatus.choices)
    procedures = dict(Procedure.choices)

    tables = [
        _share_table(shares, year),
        {
            "caption": capped_caption(
                _("Aanbestedingen gestart in %(quarter)s") % {"quarter": label},
                started,
                started_total,
            ),
            "columns": [
                _("Aanbesteding"),
                _("Productgroep"),
                _("Status"),
                _("Toegepaste thema's en instrumenten"),
            ],
            "rows": [
                [
                    t.title,
                    t.product_group.name,
                    str(statuses.get(t.status, t.status)),
                    applied_text(themes_of[t.pk]) or _("geen thema toegepast"),
                ]
                for t in started
            ],
            "empty": _("In dit kwartaal is geen aanbesteding gestart."),
        },
        {
            "caption": capped_caption(
                _("Afwijkingen in %(quarter)s: kansrijk, gestart zonder thema (pas toe of leg uit)")
                % {"quarter": label},
                deviating,
                deviating_total,
            ),
            "columns": [_("Aanbesteding"), _("Productgroep"), _("Uitleg")],
            "rows": [
                [t.title, t.product_group.name, t.explanation or _("nog geen uitleg")]
                for t in deviating
            ],
            "empty": _("Geen afwijkingen in dit kwartaal."),
        },
        {
            "caption": capped_caption(
                _("Gepland voor %(quarter)s") % {"quarter": next_label}, planned, planned_total
            ),
            "columns": [
                _("Aanbesteding"),
                _("Productgroep"),
                {"label": _("Geraamde waarde (€)"), "numeric": True},
                _("Procedure"),
                _("Kansrijk"),
                _("Thema's"),
            ],
            "rows": [
                [
                    t.title,
                    t.product_group.name,
                    t.estimated_value,
                    str(procedures[t.procedure]) if t.procedure in procedures else None,
                    _("ja") if t.promising else _("nee"),
                    applied_text(themes_of[t.pk]) or None,
                ]
                for t in planned
            ],
            "empty": _("Voor het volgende kwartaal staat geen aanbesteding gepland."),
        },
    ]
    if this_year is None:
        intro = _("Voor %(year)s is nog geen doel gesteld en er start geen kansrijke aanbesteding.")
    else:
        intro = share_line(this_year) + "."
    intro += " " + _(
        "De kalender staat hier zoals hij nu in Koers staat: een aanbesteding telt mee in het "
        "jaar en kwartaal waarin ze nu gepland is."
    )
    title = _("Aandeel kansrijke aanbestedingen met een gekozen thema tegen het doel")
    description = "; ".join(
        _("%(year)s: werkelijk %(actual)s, doel %(target)s")
        % {"year": row["year"], "actual": pct(row["actual_pct"]), "target": pct(row["target_pct"])}
        for row in shares
    ) or _("Nog geen jaardoelen of kansrijke aanbestedingen.")
    return {
        "title": _("MVOI: aanbestedingen en jaardoel"),
        "intro": intro,
        "tables": tables,
        "figure": {
            "svg": share_chart(shares, title=title, description=description),
            "title": title,
        },
    }


# --- The dashboard -----------------------------------------------------------------------------

DASHBOARD_PLANS = 5  # plans named on the card; the MVOI pages have the rest


def dashboard_card(request):
    """The dashboard's card: this year's share against its target for the organisation's
    MVOI plans, the most recent first (counts only). Three queries, whatever the number of
    plans or tenders."""
    org = request.organisation
    year = timezone.localdate().year
    plans = list(
        Plan.objects.for_org(org)
        .filter(method=Method.MVOI)
        .annotate(plan_count=Window(Count("pk")))
        .order_by("-start_year", "-pk")[:DASHBOARD_PLANS]
    )
    if not plans:
        return None
    ids = [plan.pk for plan in plans]
    applies = TenderTheme.objects.filter(
        tender=OuterRef("pk"), theme__is_focus=True, theme__plans=OuterRef("plan_id")
    )
    counts = {
        row["plan_id"]: row
        for row in Tender.objects.for_org(org)
        .filter(plan_id__in=ids)
        .counting_for_share(year)
        .alias(applying=Exists(applies))
        .values("plan_id")
        .annotate(tenders=Count("pk"), applying=Count("pk", filter=Q(applying=True)))
        .order_by("plan_id")
    }
    targets = dict(
        YearTarget.objects.for_org(org)
        .filter(plan_id__in=ids, year=year)
        .values_list("plan_id", "target_pct")
    )
    lines = []
    for plan in plans:
        row = counts.get(plan.pk, {"tenders": 0, "applying": 0})
        actual = round(100 * row["applying"] / row["tenders"]) if row["tenders"] else None
        target = targets.get(plan.pk)
        if actual is None:
            line = _("%(plan)s: in %(year)s nog geen kansrijke aanbestedingen (doel %(target)s)")
        else:
            line = _(
                "%(plan)s: in %(year)s %(actual)s%% van %(tenders)s kansrijke aanbestedingen "
                "met een gekozen thema (doel %(target)s)"
            )
        lines.append(
            line
            % {
                "plan": plan.title,
                "year": year,
                "actual": actual,
                "tenders": row["tenders"],
                "target": pct(target),
            }
        )
    more = plans[0].plan_count - len(plans)
    if more:
        lines.append(
            ngettext("En nog %(count)s ander plan.", "En nog %(count)s andere plannen.", more)
            % {"count": more}
        )
    return {
        "title": _("MVOI: aandeel tegen het jaardoel"),
        "url": reverse("procurement:index", kwargs={"org_slug": org.slug}),
        "lines": lines,
        "figure": None,
    }


# --- Changes of content ------------------------------------------------------------------------

# The fields of each model that the snapshot shows, except progress (a tender's status and its
# evaluation): a change of one of them makes a submitted or approved plan a concept again.
CONTENT_FIELDS = {
    "Tender": {
        "plan",
        "title",
        "product_group",
        "estimated_value",
        "procedure",
        "budget_holder",
        "purchaser",
        "planned_year",
        "planned_quarter",
        "promising",
        "explanation",
    },
    "TenderTheme": {"tender", "theme", "instrument", "criterion_ref"},
    "YearTarget": {"plan", "year", "target_pct"},
    "ThemeAmbition": {"plan", "theme", "statement"},
    "ThemeBaseline": {
        "plan",
        "theme",
        "ambitions",
        "goals",
        "activities",
        "sources",
        "source_notes",
        "level",
    },
    "Anchoring": {"plan", "area", "anchored"},
    "ActionDetail": {"action", "anchoring", "extra_budget", "extra_capacity"},
}
# A row reaches its plan through this link; the others have ``plan`` themselves.
LINKS = {"TenderTheme": ("tender", Tender), "ActionDetail": ("action", Action)}
THEME_FIELDS = {"rationale"}  # what the MVOI snapshot adds of a theme (plans has the rest)


def on_history_record(sender, instance, history_instance, **kwargs):
    """simple-history recorded a change of an MVOI row: if a field the snapshot shows as
    content changed, its plan (both plans, when it moved) goes back to concept."""
    name = type(instance).__name__
    fields = CONTENT_FIELDS.get(name)
    if fields is None:
        return
    link, linked_model = LINKS.get(name, ("plan", None))
    ids = touched_links(instance, history_instance, fields, link)
    if ids and linked_model is not None:
        ids = set(linked_model.objects.filter(pk__in=ids).values_list("plan_id", flat=True))
    content_changed(ids, history_instance.history_user)


def on_theme_record(sender, instance, history_instance, **kwargs):
    """A theme's rationale changed: the MVOI plans that hold it (plans.approval handles its
    name, focus and levels)."""
    found = changed_fields(history_instance)
    if found is None or not found[0] & THEME_FIELDS:
        return
    plan_ids = Plan.themes.through.objects.filter(
        orgtheme_id=instance.pk, plan__method=Method.MVOI
    ).values_list("plan_id", flat=True)
    content_changed(set(plan_ids), history_instance.history_user)


def connect_content_signals():
    for name in CONTENT_FIELDS:
        model = getattr(models, name)
        post_create_historical_record.connect(
            on_history_record,
            sender=model.history.model,
            dispatch_uid=f"procurement-content-{name}",
        )
    post_create_historical_record.connect(
        on_theme_record,
        sender=OrgTheme.history.model,
        dispatch_uid="procurement-content-theme-rationale",
    )
