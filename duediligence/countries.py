"""Countries as ISO 3166-1 alpha-2 codes with their names in the active language.

The names come from the CLDR data that Babel (already a dependency) ships, so they are
correct in Dutch and in English without a list of our own. An empty code means "onbekend":
the value chain allows it and shows it as a gap.
"""

from functools import lru_cache

from babel import Locale
from django.utils.translation import get_language
from django.utils.translation import gettext as _

# Regions and codes in CLDR's list that are not countries or territories of their own.
NOT_COUNTRIES = {"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "ZZ"}


@lru_cache(maxsize=4)
def _names(language):
    territories = Locale.parse(language).territories
    names = {
        code: name
        for code, name in territories.items()
        if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES
    }
    return dict(sorted(names.items(), key=lambda pair: pair[1].casefold()))


def _language():
    return "en" if (get_language() or "nl").startswith("en") else "nl"


def names():
    """{code: name} for every country, sorted by name in the active language."""
    return _names(_language())


def name(code):
    """The country's name, or "Onbekend" for an empty code."""
    if not code:
        return _("Onbekend")
    return names().get(code, code)


def choices(blank_label=None):
    """Choices for a form field; the first one is the empty code ("onbekend")."""
    return [("", blank_label or _("Onbekend"))] + list(names().items())


def is_country(code):
    return code in _names("nl")


def code_for(text):
    """The code for what someone typed in a file: a code ("CI") or a name in Dutch or English
    ("Ivoorkust", "Côte d'Ivoire"), case and apostrophes ignored. None if nothing matches."""
    wanted = _fold(text)
    if not wanted:
        return ""
    if len(wanted) == 2 and wanted.upper() in _names("nl"):
        return wanted.upper()
    for language in ("nl", "en"):
        for code, country in _names(language).items():
            if _fold(country) == wanted:
                return code
    return None


def _fold(text):
    return " ".join(str(text or "").replace("’", "'").casefold().split())
