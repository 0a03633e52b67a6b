"""The tender calendar and the year overview of an MVOI plan as Excel (xlsx).

- ``calendar_rows``: the calendar with the columns of the import (calendar_import.COLUMNS),
  so that an export reads back in, plus the planned period. Plain values, fetched a batch of
  tenders at a time (with their themes in one query per batch): memory stays flat however
  long the calendar is. Written by mvo.exports.table_response, the writer of every export.
- ``year_overview_bytes``: a sheet with the share per year (procurement.share) and one sheet
  per year of the plan with its tenders per quarter.

Values are written in Dutch, like the column headers: they are what the import reads.
"""

import io
from collections import defaultdict

import xlsxwriter
from django.db.models import CharField, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import gettext as _

from kpis.models import period_label
from mvo.exports import labels

from . import calendar_import
from .filters import TenderFilter
from .models import Instrument, Procedure, Tender, TenderStatus, TenderTheme
from .share import share_by_year

BATCH = 2000  # tenders fetched at a time

CALENDAR_HEADERS = [column.header for column in calendar_import.COLUMNS] + ["Geplande periode"]
TENDER_FIELDS = (
    "pk",
    "title",
    "product_group__name",
    "estimated_value",
    "procedure",
    "budget_holder",
    "purchaser",
    "planned_year",
    "planned_quarter",
    "promising",
    "status",
    "explanation",
)


def filtered(tenders, params, plan):
    """The tenders narrowed by the calendar's own filters (procurement.filters.TenderFilter)
    given as GET parameters, so that an export holds what the list shows: nothing when a
    value is invalid, as in the list."""
    found = TenderFilter(params, queryset=tenders, plan=plan)
    return found.qs if found.is_valid() else tenders.none()


def theme_label():
    """A theme's Dutch name (its own name, else the framework theme's): the names the import
    reads."""
    return Coalesce(
        NullIf("theme__own_name", Value("")),
        "theme__framework_theme__name_nl",
        output_field=CharField(),
    )


def _themes_of(tender_ids):
    """{tender id: [(theme name, instrument, criterion)]} in one query."""
    found = defaultdict(list)
    rows = (
        TenderTheme.objects.filter(tender_id__in=tender_ids)
        .annotate(label=theme_label())
        .order_by("tender_id", "pk")
        .values_list("tender_id", "label", "instrument", "criterion_ref")
    )
    for tender_id, name, instrument, criterion in rows:
        found[tender_id].append((name, instrument, criterion))
    return found


def _batches(tenders):
    """The tenders as dicts, a batch at a time, each with its "themes"; calendar order."""
    ids = list(tenders.order_by("planned_period", "title", "pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        rows = {
            row["pk"]: row for row in Tender.objects.filter(pk__in=batch).values(*TENDER_FIELDS)
        }
        themes = _themes_of(batch)
        for pk in batch:
            yield {**rows[pk], "themes": themes.get(pk, [])}


def themes_text(themes):
    """ "Klimaat: eis; Circulair" — as the import reads it."""
    return "; ".join(
        f"{name}: {instrument}" if instrument else name for name, instrument, _c in themes
    )


def criteria_text(themes):
    return "; ".join(f"{name}: {criterion}" for name, _i, criterion in themes if criterion)


def calendar_rows(tenders):
    """The rows of the calendar export (call with Dutch active: the labels are read back)."""
    procedures, statuses = labels(Procedure), labels(TenderStatus)
    for row in _batches(tenders):
        yield [
            row["title"],
            row["product_group__name"],
            row["estimated_value"],
            procedures.get(row["procedure"]) or None,
            row["budget_holder"] or None,
            row["purchaser"] or None,
            row["planned_year"],
            row["planned_quarter"],
            row["promising"],
            themes_text(row["themes"]) or None,
            criteria_text(row["themes"]) or None,
            statuses.get(row["status"], row["status"]),
            row["explanation"] or None,
            row["pk"],  # Nummer: reading the file back into this plan updates the tender
            period_label(row["planned_year"], row["planned_quarter"]),
        ]


# --- The year overview ----------------------------------------------------------------------


def year_overview_bytes(plan):
    """The xlsx of the year overview (call with Dutch active)."""
    output = io.BytesIO()
    book = xlsxwriter.Workbook(
        output,
        {
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "in_memory": True,
            "constant_memory": True,  # rows are written out as they come
        },
    )
    bold = book.add_format({"bold": True})
    share = book.add_worksheet(_("Aandeel per jaar")[:31])
    headers = [
        _("Jaar"),
        _("Kansrijke aanbestedingen"),
        _("Met een gekozen thema"),
        _("Werkelijk (%)"),
        _("Streefwaarde (%)"),
    ]
    share.write_row(0, 0, headers, bold)
    share.set_column(0, len(headers) - 1, 24)
    share.freeze_panes(1, 0)
    for index, row in enumerate(share_by_year(plan), start=1):
        values = [
            row["year"],
            row["tenders"],
            row["applying"],
            row["actual_pct"],
            row["target_pct"],
        ]
        for column, value in enumerate(values):
            if value is not None:
                share.write_number(index, column, value)

    statuses, instruments = labels(TenderStatus), labels(Instrument)
    tenders = Tender.objects.for_org(plan.organisation_id).filter(
        plan=plan, planned_year__gte=plan.start_year
    )
    # the plan's years, and any later year a tender is planned in (the form allows to 2030)
    later = tenders.filter(planned_year__gt=plan.end_year).values_list("planned_year", flat=True)
    years = sorted({*range(plan.start_year, plan.end_year + 1), *later.distinct()})
    by_year = defaultdict(list)
    headers = [
        _("Jaar"),
        _("Kwartaal"),
        _("Aanbesteding"),
        _("Productgroep"),
        _("Kansrijk"),
        _("Thema's"),
        _("Status"),
    ]
    sheets = {}
    for year in years:
        sheet = sheets[year] = book.add_worksheet(str(year))
        sheet.write_row(0, 0, headers, bold)
        sheet.set_column(0, 1, 10)
        sheet.set_column(2, 2, 40)
        sheet.set_column(3, 6, 24)
        sheet.freeze_panes(1, 0)
        by_year[year] = 0
    # constant_memory writes a sheet's rows in order, one sheet after the other: the tenders
    # come in calendar order (year, quarter), so each sheet is filled before the next.
    for row in _batches(tenders):
        year = row["planned_year"]
        by_year[year] += 1
        themes = "; ".join(
            f"{name} ({instruments[instrument]})" if instrument else name
            for name, instrument, _c in row["themes"]
        )
        values = [
            year,
            row["planned_quarter"],
            row["title"],
            row["product_group__name"],
            _("ja") if row["promising"] else _("nee"),
            themes,
            statuses.get(row["status"], row["status"]),
        ]
        sheet = sheets[year]
        for column, value in enumerate(values):
            if isinstance(value, int):
                sheet.write_number(by_year[year], column, value)
            elif value:
                sheet.write_string(by_year[year], column, value)
    book.close()
    return output.getvalue()
