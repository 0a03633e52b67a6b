"""The rules of the tender calendar, in one place (tested in tests/procurement).

Comply or explain: a promising tender that has started (published or further) without any
theme applied needs an explanation. Explained deviations are listed per quarter and reported
at the yearly evaluation.
"""

from django.db.models import Exists, OuterRef

from .models import TenderStatus, TenderTheme

# A tender has started once it is published; from then on its themes are decided.
STARTED = (
    TenderStatus.PUBLISHED,
    TenderStatus.AWARDED,
    TenderStatus.RUNNING,
    TenderStatus.EVALUATED,
)


def has_started(status):
    return status in STARTED


def needs_explanation(promising, status, applies_a_theme):
    """Whether a tender in this state must explain why no theme is applied."""
    return bool(promising) and has_started(status) and not applies_a_theme


def with_theme_flag(tenders):
    """Tenders annotated with ``applies_theme``: at least one theme applied."""
    return tenders.annotate(applies_theme=Exists(TenderTheme.objects.filter(tender=OuterRef("pk"))))


def deviations(tenders):
    """The deviations among ``tenders``: promising, started, no theme applied (explained or
    not yet), in calendar order."""
    return (
        with_theme_flag(tenders)
        .filter(promising=True, status__in=STARTED, applies_theme=False)
        .order_by("planned_period", "title", "pk")
    )
