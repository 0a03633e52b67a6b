"""Helpers for data that is stored in both languages (reference data shipped with Koers)."""

from django.utils.translation import get_language


def language_suffix():
    """``"en"`` while English is active, otherwise ``"nl"`` (Dutch is the default)."""
    return "en" if (get_language() or "nl").startswith("en") else "nl"


def pick(obj, field):
    """``obj.<field>_en`` when English is active and it is filled, else ``obj.<field>_nl``."""
    if language_suffix() == "en":
        value = getattr(obj, f"{field}_en", "")
        if value:
            return value
    return getattr(obj, f"{field}_nl")
