"""Small template helpers for KPI pages, rendered in Python so long lists stay fast."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html

from kpis.models import MISSING_LABELS, StatusLabel

register = template.Library()

BADGE_CLASSES = {
    StatusLabel.ACHIEVED: "text-bg-success",
    StatusLabel.ON_TRACK: "text-bg-primary",
    StatusLabel.BEHIND: "text-bg-danger",
    StatusLabel.NO_DATA: "text-bg-secondary",
}


@register.simple_tag
def status_badge(progress):
    """The status as a coloured badge; for geen data also why (e.g. nulmeting ontbreekt)."""
    status = StatusLabel(progress.status)
    badge = format_html('<span class="badge {}">{}</span>', BADGE_CLASSES[status], status.label)
    if progress.missing:
        return format_html(
            '{} <span class="small text-body-secondary">({})</span>',
            badge,
            MISSING_LABELS[progress.missing],
        )
    return badge


@register.filter
def number(value):
    """A Decimal without trailing zeros in Dutch notation (1.234,5), or – when empty."""
    if not isinstance(value, Decimal):
        return "–" if value in (None, "") else value
    normal = value.normalize()
    places = max(0, -normal.as_tuple().exponent)
    return number_format(normal, decimal_pos=places, use_l10n=True, force_grouping=True)


@register.filter
def money(value):
    """An amount in euros the Dutch way: whole euros without decimals (1.250), otherwise with
    two (1.234,50); – when empty."""
    if value in (None, ""):
        return "–"
    amount = Decimal(value)
    places = 0 if amount == amount.to_integral_value() else 2
    return number_format(amount, decimal_pos=places, use_l10n=True, force_grouping=True)
