"""The jaarplanning (step 6) of an MVOI plan: a year's actions per team × quarter, with their
MVOI details. The year plan page and the year plan PDF both show this grid."""

from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    DecimalField,
    F,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from plans.models import Action, ActionStatus
from themes.expressions import person_name

from .models import TEAMS

OTHER_TEAM = "__anders__"  # the grid's row for any team not in TEAMS
NO_TEAM = ""
UNPLANNED = 0  # the grid's column "zonder kwartaal"


def with_details(actions):
    """Actions with their MVOI details as columns (a left join: no detail is blank / no) and
    the responsible person's name."""
    return actions.annotate(
        anchoring_kind=Coalesce(F("mvoi__anchoring"), Value(""), output_field=CharField()),
        needs_budget=Coalesce(F("mvoi__extra_budget"), Value(False), output_field=BooleanField()),
        needs_capacity=Coalesce(
            F("mvoi__extra_capacity"), Value(False), output_field=BooleanField()
        ),
        responsible_name=person_name("responsible"),
    )


def team_key():
    """The grid row of an action's team: one of TEAMS (any capitals), other, or none."""
    return Case(
        *[When(team__iexact=team, then=Value(team)) for team in TEAMS],
        When(team="", then=Value(NO_TEAM)),
        default=Value(OTHER_TEAM),
        output_field=CharField(),
    )


def year_actions(plan, year):
    """The plan's actions of ``year``: planned in one of its quarters, or without a quarter but
    dated in that year (or not dated at all, so they are not lost)."""
    undated = Q(start_date__isnull=True, due_date__isnull=True)
    in_year = Q(start_date__year=year) | Q(due_date__year=year) | undated
    return Action.objects.for_org(plan.organisation_id).filter(
        Q(plan=plan) & (Q(planned_year=year) | Q(planned_year__isnull=True) & in_year)
    )


def year_grid(plan, year):
    """{"rows": [{label, key, cells: [[action]...], totals}], "columns": [(key, label)]}:
    rows are the teams in the order of TEAMS, then other teams, then no team; columns the
    four quarters (and "zonder kwartaal" when needed). Two queries."""
    actions = year_actions(plan, year)
    cards = (
        with_details(actions)
        .annotate(team_key=team_key())
        .order_by(F("planned_quarter").asc(nulls_first=True), "title", "pk")
    )
    sums = {
        "budget": Coalesce(Sum("budget"), Value(0), output_field=DecimalField()),
        "hours": Coalesce(Sum("hours"), Value(0), output_field=DecimalField()),
        "count": Count("pk"),
    }
    totals = {
        row["team_key"]: row
        for row in actions.exclude(status=ActionStatus.CANCELLED)
        .annotate(team_key=team_key())
        .order_by()
        .values("team_key")
        .annotate(**sums)
    }
    grid = {}
    for card in cards:
        quarter = card.planned_quarter if card.planned_year == year else UNPLANNED
        grid.setdefault(card.team_key, {}).setdefault(quarter or UNPLANNED, []).append(card)
    labels = [(team, team) for team in TEAMS]
    labels += [(OTHER_TEAM, _("Anders")), (NO_TEAM, _("Geen team"))]
    columns = [(q, _("K%(quarter)s") % {"quarter": q}) for q in (1, 2, 3, 4)]
    if any(UNPLANNED in cells for cells in grid.values()):
        columns.append((UNPLANNED, _("Zonder kwartaal")))
    rows = [
        {
            "key": key,
            "label": label,
            "cells": [(q, grid.get(key, {}).get(q, [])) for q, _label in columns],
            "totals": totals.get(key),
        }
        for key, label in labels
        if key in TEAMS or key in grid
    ]
    return {
        "rows": rows,
        "columns": columns,
        "count": sum(len(cards) for cells in grid.values() for cards in cells.values()),
    }
