"""Every organisation URL of the project, read from the URL configuration.

The isolation tests use this list, so every view added later is covered without new test code.
"""

import re
import uuid

from django.urls import URLPattern, URLResolver, get_resolver

CONVERTER = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>")
SAMPLE = {"int": "1", "slug": "x", "str": "x", "path": "x", "uuid": str(uuid.UUID(int=1))}


def _walk(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route


def org_routes():
    """All routes that take an organisation slug, as (route, name-for-test-ids)."""
    return sorted({r for r in _walk(get_resolver().url_patterns) if "<slug:org_slug>" in r})


def concrete(route, org_slug):
    """A requestable path for a route: the organisation filled in, other arguments sampled."""

    def fill(match):
        if match["name"] == "org_slug":
            return org_slug
        return SAMPLE[match["conv"] or "str"]

    return "/" + CONVERTER.sub(fill, route)
