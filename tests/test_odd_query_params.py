"""Odd values in query parameters never give a server error, on any organisation page that
takes no id: lists (with their filters, sorting and pages), create pages and exports.

The pages come from the URL configuration, the parameter names from what each page itself
offers (form fields and links with a query string) plus the names the views read.
"""

import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.factories import (
    DialogueFactory,
    KpiFactory,
    MeasurementFactory,
    OrgThemeFactory,
    StakeholderFactory,
    TargetFactory,
)

ODD_VALUES = [
    "²",  # "²".isdigit() is True, int("²") raises
    "٣",  # int("٣") == 3
    "٣" * 30,
    "-1",
    "0",
    "99999999999999999999999",  # beyond any integer column
    "",
    "\x00",  # PostgreSQL refuses NUL in text
    "%00",
    "1e309",
    "x" * 5000,
]
# Tried one parameter at a time as well, so that one bad filter cannot hide another.
SHORT_LIST = ["²", "99999999999999999999999", "\x00"]
# Names that views read from the query string even where no page links to them.
KNOWN_NAMES = {
    "page",
    "sort",
    "kaderthema",
    "stakeholder",
    "year",
    "quarter",
    "per_page",
    "theme",
    "themes",
    "owner",
    "eigenaar",
    "status",
    "q",
}
ORG_PREFIX = "o/<slug:org_slug>/"
FORMATS = ["csv", "xlsx", "pdf"]


def _routes(resolver=None, prefix=""):
    for entry in (resolver or get_resolver()).url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _routes(entry, route)
        elif isinstance(entry, URLPattern):
            yield route


def org_paths(slug):
    """Every organisation URL without an id in it, with ``fmt`` filled in for exports."""
    paths = []
    for route in _routes():
        if not route.startswith(ORG_PREFIX):
            continue
        params = set(re.findall(r"<(?:\w+:)?(\w+)>", route))
        if params - {"org_slug", "fmt"}:
            continue
        path = "/" + route.replace("<slug:org_slug>", slug)
        if "fmt" in params:
            paths += [re.sub(r"<(?:\w+:)?fmt>", fmt, path) for fmt in FORMATS]
        else:
            paths.append(path)
    return paths


def offered_names(html):
    """Field names of the page's GET forms (filters) and query-string keys of its links."""
    names = set()
    for attrs, body in re.findall(r"<form\b([^>]*)>(.*?)</form>", html, flags=re.S):
        if not re.search(r"method=\"post\"", attrs, flags=re.I):
            names.update(re.findall(r'\bname="([^"]+)"', body))
    for href in re.findall(r'\bhref="([^"]*\?[^"]*)"', html):
        names.update(key for key, _value in parse_qsl(urlsplit(unescape(href)).query))
    return names


@pytest.fixture
def filled_org(org_a):
    theme = OrgThemeFactory(organisation=org_a.org)
    kpi = KpiFactory(organisation=org_a.org, theme=theme, owner=org_a.member)
    TargetFactory(kpi=kpi)
    MeasurementFactory(kpi=kpi)
    stakeholder = StakeholderFactory(organisation=org_a.org)
    DialogueFactory(organisation=org_a.org, stakeholders=[stakeholder]).themes.set([theme])
    return org_a


def test_the_generated_list_of_pages_covers_lists_and_exports(filled_org):
    paths = org_paths(filled_org.org.slug)
    for expected in ("kpis/", "stakeholders/", "stakeholders/dialogen/", "kpis/export.csv"):
        assert f"/o/{filled_org.org.slug}/{expected}" in paths


def test_odd_query_values_never_give_a_server_error(filled_org):
    client = Client(raise_request_exception=False)  # collect every 500, not just the first
    client.force_login(filled_org.admin)
    failures = []

    def check(path, params, htmx=False):
        headers = {"HX-Request": "true"} if htmx else {}  # lists answer htmx with a partial
        response = client.get(path, params, headers=headers)
        if response.status_code >= 500:
            failures.append((path, htmx, {k: v[:20] for k, v in params.items()}))

    for path in org_paths(filled_org.org.slug):
        plain = client.get(path)
        if plain.status_code >= 500:
            failures.append((path, False, {}))
        offered = set()
        if plain.get("Content-Type", "").startswith("text/html"):
            offered = offered_names(plain.content.decode())
        for value in ODD_VALUES:  # all parameters at once
            check(path, dict.fromkeys(offered | KNOWN_NAMES, value))
        check(path, dict.fromkeys(KNOWN_NAMES - offered, "²"))  # those the page does not offer
        for name in offered:
            for value in SHORT_LIST:
                check(path, {name: value})
            check(path, {name: "²"}, htmx=True)
    assert not failures, failures
