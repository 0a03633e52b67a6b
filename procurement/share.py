"""The yearly share of an MVOI plan: of the promising tenders that start in a year, how many
apply at least one of the plan's chosen (focus) themes, against that year's target.

Which tenders count (Tender.objects.counting_for_share): promising ones, in the year they
start as the calendar stands now (a postponed tender counts in its new year), cancelled ones
left out. A tender "applies a chosen theme" when one of its applied themes is a focus theme
of the plan. Counted in the database: one query for all years.
"""

from django.db.models import Count, Exists, OuterRef, Q

from .models import Tender, TenderTheme, YearTarget


def chosen_themes(plan):
    """The plan's chosen themes: its focus themes."""
    return plan.themes.filter(is_focus=True)


def share_by_year(plan):
    """[{"year", "tenders", "applying", "actual_pct", "target_pct"}] for every year that has
    a target or counting tenders, in year order. ``actual_pct`` is None without tenders."""
    applies = TenderTheme.objects.filter(
        tender=OuterRef("pk"), theme__in=chosen_themes(plan).values("pk")
    )
    years = {}
    rows = (
        Tender.objects.for_org(plan.organisation_id)
        .filter(plan=plan, promising=True)
        .exclude(status="geannuleerd")
        .alias(applying=Exists(applies))
        .values("planned_year")
        .annotate(tenders=Count("pk"), applying=Count("pk", filter=Q(applying=True)))
        .order_by("planned_year")
    )
    for row in rows:
        years[row["planned_year"]] = {"tenders": row["tenders"], "applying": row["applying"]}
    targets = dict(
        YearTarget.objects.for_org(plan.organisation_id)
        .filter(plan=plan)
        .values_list("year", "target_pct")
    )
    result = []
    for year in sorted(set(years) | set(targets)):
        counts = years.get(year, {"tenders": 0, "applying": 0})
        actual = round(100 * counts["applying"] / counts["tenders"]) if counts["tenders"] else None
        result.append(
            {
                "year": year,
                **counts,
                "actual_pct": actual,
                "target_pct": targets.get(year),
            }
        )
    return result
