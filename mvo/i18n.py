"""Helpers for data that is stored in both languages (reference data shipped with Koers)."""

from django.utils.translation import get_language


def pick(obj, field):
    """``obj.<field>_en`` when the active language is English and it is filled, else ``_nl``."""
    if (get_language() or "nl").startswith("en"):
        value = getattr(obj, f"{field}_en", "")
        if value:
            return value
    return getattr(obj, f"{field}_nl")
