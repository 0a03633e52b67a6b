"""Template filters of the value chain: a country code as its name in the active language."""

from django import template

from .. import countries

register = template.Library()


@register.filter
def country(code):
    """The country's name, or "Onbekend" for an empty code."""
    return countries.name(code)
