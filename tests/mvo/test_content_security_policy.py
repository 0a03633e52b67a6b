"""Content-Security-Policy: only Koers's own files run or style a page."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates"


def policy(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("path", ["/account/inloggen/", "/o/org-a/", "/o/org-a/kpis/"])
def test_every_page_carries_a_strict_policy(path, org_a, client_for):
    response = client_for(org_a.member).get(path, follow=True)
    directives = policy(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    header = response["Content-Security-Policy"]
    assert "unsafe-inline" not in header and "unsafe-eval" not in header


def test_error_pages_carry_the_policy_too(org_a, client_for):
    response = Client().get("/bestaat-niet/")
    assert response.status_code == 404
    assert "script-src 'self'" in response["Content-Security-Policy"]


def _templates():
    return sorted(p for p in TEMPLATES.rglob("*.html"))


def test_no_template_has_an_inline_script_handler_or_style():
    offenders = []
    for path in _templates():
        text = path.read_text()
        for match in re.finditer(r"<script\b[^>]*>", text):
            if "src=" not in match.group(0):
                offenders.append(f"{path.name}: inline <script>")
        if re.search(r"\son[a-z]+\s*=", text):
            offenders.append(f"{path.name}: on… handler attribute")
        if re.search(r"\sstyle\s*=", text) or "<style" in text:
            offenders.append(f"{path.name}: style attribute or element")
        if "javascript:" in text:
            offenders.append(f"{path.name}: javascript: link")
    assert offenders == []


def test_htmx_adds_no_inline_styles_and_evaluates_nothing(org_a, client_for):
    page = client_for(org_a.member).get("/o/org-a/").content.decode()
    assert '"includeIndicatorStyles": false' in page
    assert '"allowEval": false' in page
