"""Where higher apps plug into plans, without plans importing them.

Due diligence and MVOI own rows that belong to a plan (risks, tenders, ...). They register
providers here in their ``AppConfig.ready()``; plans, the approval snapshot, the quarterly report
and the dashboard ask the registry and never name those apps.

A provider is registered under a key (the app label) and is called with a plan:

- ``step_links``: extra links for a step of the plan's method, ``fn(plan, step) -> [(label, url)]``.
- ``snapshot``: ``fn(plan) -> [section]``: sections to freeze with an approved version, each in
  the shape of plans/snapshot.py (``key``, ``title`` in both languages, ``layout`` "fields" or
  "table", ``columns`` and ``rows`` of plain JSON values; ``snapshot.section`` and
  ``snapshot.column`` build them). The version page renders them like the plan's own sections,
  and the approval page compares them row by row.
- ``report_sections``: ``fn(plan, year, quarter) -> dict`` for the quarterly report (None or
  an empty dict: nothing to show). One chapter of the report, rendered generically by
  reports/quarterly.py, in the active language (the report's), with these keys:

  - ``title`` (str): the chapter's heading;
  - ``intro`` (str, optional): one paragraph under it;
  - ``tables`` (list, optional): each ``{"caption": str, "columns": [...], "rows": [[...]],
    "empty": str}``; a column is a label or ``{"label": str, "numeric": bool}`` (numbers are
    right-aligned); a row is a list of plain values (str, numbers, dates; None shows as –),
    one per column; ``empty`` is what shows instead of a table without rows;
  - ``figure`` (optional): ``{"svg": svg, "title": str}``, an SVG made by mvo.charts (its
    ``<title>`` becomes the PDF's alternative text; a plain str is escaped, not drawn) and
    its caption.

  All text is escaped; keep tables plain (no HTML in cells).
- ``dashboard``: ``fn(request) -> dict or None`` for the organisation dashboard (the request
  carries ``organisation`` and ``membership``, so a provider can leave out what the person may
  not see): ``{"title": str, "url": str, "lines": [str], "figure": svg or None}``.
- ``plan_panels``: ``fn(plan) -> dict or None``: a card on the plan page of the methods the
  provider serves, ``{"title": str, "url": str, "link_label": str, "lines": [str]}``.
- ``documents``: PDFs of a kind that a higher app owns (MVOI's year plan and evaluation),
  registered under the report kind (reports.models.ReportKind's value, e.g. ``"jaarplan"``):
  ``fn(report) -> (template, context)``. reports.rendering renders the template (extending
  ``reports/pdf/base.html``) in the report's language, through the same pipeline as its own
  kinds. A provider may have ``accepts(plan) -> bool`` (MVOI documents: only MVOI plans);
  a request for a plan it does not accept is refused.
"""

KINDS = ("step_links", "snapshot", "report_sections", "dashboard", "plan_panels", "documents")

_providers = {kind: {} for kind in KINDS}


def register(kind, key, provider):
    if kind not in _providers:
        raise ValueError(f"Unknown provider kind {kind!r}; choose from {KINDS}.")
    _providers[kind][key] = provider


def unregister(kind, key):
    """Take a provider away again (tests that register one clean up with this)."""
    _providers[kind].pop(key, None)


def providers(kind):
    """The registered providers of ``kind`` as (key, provider), in registration order."""
    return list(_providers[kind].items())


def collect(kind, *args):
    """{key: provider(*args)} for every provider of ``kind``."""
    return {key: provider(*args) for key, provider in providers(kind)}
