"""The approved plan as PDF ("vastgesteld plan, versie N"): rendered from the version's frozen
snapshot (plans.snapshot) alone, never from today's plan rows.

Unlike the version page, the PDF holds every row of every section: a document has no "show
more". Each section becomes a heading with a table; a "fields" section (the plan, mission and
vision) a two-column table of label and value. A table of many columns (the actions) becomes
two columns, the row's name and its values as "label: value": on A4 that stays readable and
takes half the pages of a table of fourteen narrow columns (a 2,000-action plan: about 220
pages instead of 410, and WeasyPrint needs less time and memory for it).
"""

from plans import snapshot
from plans.views.approval import readable

from .rendering import GoneError

KNOWN_TYPES = {"text", "longtext", "number", "money", "date", "label"}
NUMERIC_TYPES = {"number", "money"}
COMPACT_AFTER = 7  # a table with more columns than this is shown compact (compact_section)


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
    if len(columns) > COMPACT_AFTER:
        return compact_section(title, columns, rows)
    return {
        "title": title,
        "layout": layout,
        "columns": [{**c, "num": c["type"] in NUMERIC_TYPES} for c in columns],
        "rows": [
            [
                {
                    "value": text_of(cells(row).get(c["key"]), c["type"]),
                    "num": c["type"] in NUMERIC_TYPES,
                    "long": c["type"] == "longtext",
                    "date": c["type"] == "date",
                }
                for c in columns
            ]
            for row in rows
        ],
    }


def compact_section(title, columns, rows):
    """A table of many columns (the actions) as two columns: what the row is called, and its
    other values as "label: value" (empty ones left out), long texts each on a line of its
    own. Thousands of rows then fit on a readable number of pages."""
    first, others = columns[0], columns[1:]
    shown = []
    for row in rows:
        values = cells(row)
        texts = [(c, text_of(values.get(c["key"]), c["type"])) for c in others]
        shown.append(
            {
                "name": text_of(values.get(first["key"]), first["type"]),
                "pairs": [
                    {"label": label_of(c), "value": text}
                    for c, text in texts
                    if text and c["type"] != "longtext"
                ],
                "notes": [
                    {"label": label_of(c), "value": text}
                    for c, text in texts
                    if text and c["type"] == "longtext"
                ],
            }
        )
    return {"title": title, "layout": "compact", "first_label": first["label"], "rows": shown}


def label_of(column):
    """A label to put before its value: "Budget (€):", but "Waarom?" stays as it is."""
    label = column["label"].rstrip(":")
    label = label[:1].upper() + label[1:]
    return label if label.endswith("?") else f"{label}:"


def cells(row):
    value = row.get("cells")
    return value if isinstance(value, dict) else {}
