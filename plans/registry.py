"""Where higher apps plug into plans, without plans importing them.

Due diligence and MVOI own rows that belong to a plan (risks, tenders, ...). They register
providers here in their ``AppConfig.ready()``; plans, the approval snapshot, the quarterly report
and the dashboard ask the registry and never name those apps.

A provider is registered under a key (the app label) and is called with a plan:

- ``step_links``: extra links for a step of the plan's method, ``fn(plan, step) -> [(label, url)]``.
- ``snapshot``: ``fn(plan) -> dict`` of plain JSON values to freeze with an approved version.
- ``report_sections``: ``fn(plan, year, quarter) -> dict`` for the quarterly report.
- ``dashboard``: ``fn(organisation) -> dict`` for the organisation dashboard.
"""

KINDS = ("step_links", "snapshot", "report_sections", "dashboard")

_providers = {kind: {} for kind in KINDS}


def register(kind, key, provider):
    if kind not in _providers:
        raise ValueError(f"Unknown provider kind {kind!r}; choose from {KINDS}.")
    _providers[kind][key] = provider


def providers(kind):
    """The registered providers of ``kind`` as (key, provider), in registration order."""
    return list(_providers[kind].items())


def collect(kind, *args):
    """{key: provider(*args)} for every provider of ``kind``."""
    return {key: provider(*args) for key, provider in providers(kind)}
