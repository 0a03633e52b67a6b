"""From a report row to PDF bytes: the HTML of its kind, then WeasyPrint.

Each kind has a context builder (``CONTEXTS``) and a template extending
``reports/pdf/base.html``; kinds a higher app owns (MVOI's year plan and evaluation) come from
the ``documents`` provider of plans.registry, which gives both. The shared print stylesheet
is ``static/css/report.css``. The PDF is PDF/UA-1: tagged, with the document's title and
language, charts as figures with their SVG title as alternative text.

WeasyPrint fetches nothing from the network: the only resources a report may use are data:
URLs and Koers's own static files.
"""

import base64
import html as html_module
import re
from importlib import import_module

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import format_html

from plans import registry

from .models import ReportKind

CONTEXTS = {
    ReportKind.QUARTERLY: ("reports.quarterly", "reports/pdf/quarterly.html"),
    ReportKind.PLAN_VERSION: ("reports.plan_pdf", "reports/pdf/plan_version.html"),
}
STYLESHEET = "css/report.css"
PDF_VARIANT = "pdf/ua-1"


class GoneError(Exception):
    """What the report is about no longer exists."""


def document_provider(kind):
    """The ``documents`` provider of plans.registry for a kind a higher app owns, or None."""
    return dict(registry.providers("documents")).get(kind)


def html_for(report, now=None):
    """The report's final HTML, in the report's language."""
    with translation.override(report.language):
        if report.kind in CONTEXTS:
            module_name, template = CONTEXTS[report.kind]
            context = import_module(module_name).context(report)
        else:
            provider = document_provider(report.kind)
            if provider is None:
                raise LookupError(f"No document provider for report kind {report.kind!r}.")
            template, context = provider(report)
        context.setdefault("report", report)
        context.setdefault("generated_at", now or timezone.now())
        context.setdefault("language", report.language)
        return breakable(render_to_string(template, context))


LONG_RUN = re.compile(r"[^\s<>]{31,}")  # a run of text that has no place to wrap
ATOM = re.compile(r"&#?\w+;|.", re.S)  # an entity counts as one character
PIECE = 20  # characters between two break opportunities in such a run
STYLE = re.compile(r"(<style\b.*?</style>)", re.S | re.I)
TEXT = re.compile(r">([^<]+)<")


def _split_run(match):
    atoms = ATOM.findall(match.group(0))
    return "\u200b".join("".join(atoms[i : i + PIECE]) for i in range(0, len(atoms), PIECE))


def breakable(html):
    """The HTML with a zero-width space every 20 characters of any text run of more than 30
    characters without a space (a long URL, or a word typed to break the layout). It wraps
    there inside its table cell: ``overflow-wrap: anywhere`` would do the same, but makes
    WeasyPrint measure every character as a break (minutes for a few thousand characters in
    a cell). Only text between tags changes, never markup, attributes or stylesheets."""
    parts = STYLE.split(html)
    for index in range(0, len(parts), 2):  # the odd parts are <style> elements
        parts[index] = TEXT.sub(
            lambda text: ">" + LONG_RUN.sub(_split_run, text.group(1)) + "<", parts[index]
        )
    return "".join(parts)


def svg_image(svg):
    """A chart's SVG markup as an ``<img>`` with a data: URL and the chart's title as its
    alternative text. The same picture as inline SVG, but WeasyPrint needs less memory to
    draw it (about 35 MB less for 60 KPI charts); the PDF tags it as a figure with that text."""
    svg = str(svg)
    title = re.search(r"<title>(.*?)</title>", svg, re.S)
    alt = html_module.unescape(title.group(1)) if title else ""
    data = base64.b64encode(svg.encode()).decode("ascii")
    return format_html(
        '<img class="chart-image" src="data:image/svg+xml;base64,{}" alt="{}">', data, alt
    )


def url_fetcher():
    """WeasyPrint's fetcher limited to data: URLs: nothing from the network or the disk."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols=("data",), allow_redirects=False)


def pdf_from_html(html, language="nl"):
    """(PDF bytes, page count) for a report's HTML."""
    from weasyprint import CSS, HTML

    with translation.override(language):
        stylesheets = [CSS(filename=finders.find(STYLESHEET)), page_stylesheet()]
    document = HTML(string=html, url_fetcher=url_fetcher(), base_url=str(settings.BASE_DIR)).render(
        stylesheets=stylesheets, pdf_variant=PDF_VARIANT
    )
    return document.write_pdf(pdf_variant=PDF_VARIANT), len(document.pages)


def render(report):
    return pdf_from_html(html_for(report), report.language)


def page_stylesheet():
    """The footer's page numbers in the active language."""
    from weasyprint import CSS

    label = translation.gettext("Pagina %(page)s van %(pages)s")
    before, rest = label.split("%(page)s", 1)
    middle, after = rest.split("%(pages)s", 1)

    def quoted(text):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    content = f"{quoted(before)} counter(page) {quoted(middle)} counter(pages) {quoted(after)}"
    return CSS(string=f"@page {{ @bottom-right {{ content: {content}; font-size: 8pt; }} }}")
