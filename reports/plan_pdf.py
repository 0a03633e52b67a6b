"""The approved plan as PDF ("vastgesteld plan, versie N"): rendered from the version's frozen
snapshot (plans.snapshot) alone, never from today's plan rows.

Unlike the version page, the PDF holds every row of every section: a document has no "show
more". Each section becomes a heading with a table; a "fields" section (the plan, mission and
vision) a two-column table of label and value. Long texts of a wide table go in a row of their
own under the short values, so that a 2,000-action plan stays readable on A4.
"""

from plans import snapshot
from plans.views.approval import readable

from .rendering import GoneError

KNOWN_TYPES = {"text", "longtext", "number", "money", "date", "label"}
NUMERIC_TYPES = {"number", "money"}
SPLIT_AFTER = 7  # a table with more columns than this shows its long texts under each row
LANDSCAPE_AFTER = 7  # a table with more (short) columns than this gets landscape pages


class UnreadableSnapshot(Exception):
    """The version was stored in a shape (format) this code cannot show."""


def context(report):
    version = report.version
    if version is None:
        raise GoneError("The report has no plan version.")
    if not readable(version):
        raise UnreadableSnapshot(
            f"Version {version.number} of plan {version.plan_id} has snapshot format "
            f"{version.format!r}, which this code cannot read "
            f"(readable: {', '.join(map(str, snapshot.READABLE_FORMATS))})."
        )
    frozen = version.data.get("plan") or {}
    return {
        "organisation": report.organisation,
        "version": version,
        "frozen": frozen,
        "plan_title": frozen.get("title") or report.plan.title,
        "method": snapshot.local(frozen.get("method")) or "",
        "sections": [shown_section(part) for part in version.data["sections"]],
    }


def text_of(value, kind):
    """A snapshot value as text in the active language; a column type this code does not
    know is shown as plain text (or its text in this language, for a {"nl", "en"} value)."""
    if kind not in KNOWN_TYPES:
        if isinstance(value, dict):
            return snapshot.local(value) or ""
        return "" if value is None else str(value)
    return snapshot.show(value, kind)


def shown_section(part):
    """One section as the template shows it: its columns and every row as plain texts."""
    columns = [
        {
            "key": column.get("key"),
            "label": snapshot.local(column.get("label")) or str(column.get("key") or ""),
            "type": column.get("type") or "text",
        }
        for column in part.get("columns") or []
        if isinstance(column, dict)
    ]
    layout = "fields" if part.get("layout") == "fields" else "table"
    rows = [row for row in part.get("rows") or [] if isinstance(row, dict)]
    title = snapshot.local(part.get("title")) or str(part.get("key") or "")
    if layout == "fields":
        return {
            "title": title,
            "layout": layout,
            "records": [
                [
                    {
                        "label": c["label"],
                        "value": text_of(cells(row).get(c["key"]), c["type"]),
                        "long": c["type"] == "longtext",
                    }
                    for c in columns
                ]
                for row in rows
            ],
        }
    # The first column names the row; long texts go underneath when the table is wide.
    short = [c for n, c in enumerate(columns) if n == 0 or c["type"] != "longtext"]
    long = [c for n, c in enumerate(columns) if n > 0 and c["type"] == "longtext"]
    if len(columns) <= SPLIT_AFTER:
        short, long = columns, []
    shown_rows = []
    for row in rows:
        values = cells(row)
        shown_rows.append(
            {
                "cells": [
                    {
                        "value": text_of(values.get(c["key"]), c["type"]),
                        "num": c["type"] in NUMERIC_TYPES,
                        "long": c["type"] == "longtext",
                        "date": c["type"] == "date",
                    }
                    for c in short
                ],
                "notes": [
                    {"label": c["label"].rstrip(":"), "value": text}
                    for c in long
                    if (text := text_of(values.get(c["key"]), c["type"]))
                ],
            }
        )
    return {
        "title": title,
        "layout": layout,
        "columns": [{**c, "num": c["type"] in NUMERIC_TYPES} for c in short],
        "rows": shown_rows,
        "wide": len(short) > LANDSCAPE_AFTER,
        "has_notes": bool(long),
        "span": len(short),
    }


def cells(row):
    value = row.get("cells")
    return value if isinstance(value, dict) else {}
