"""The risk heat map: severity (ernst) against likelihood (waarschijnlijkheid), 5 × 5 cells.

One function, one SVG for the register page and for the PDF report (which passes no links).
Each cell shows how many risks have that severity and likelihood, and the risk level of the
cell as a word, so nothing depends on colour alone. The level follows the severity band
(DOMAIN.md 2C: severity first) and goes one step up when the likelihood is 4 or 5.

The fills are light tints; the dark text on them reaches well over 4.5:1 and every cell has a
grey border, so the cells stand out from the page without relying on the tint.
"""

from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mvo.charts import AXIS, MUTED, TEXT, WIDTH, _link, _num, _rect, _svg, _text, _text_width

from . import rules

SIZE = 5
LEFT = 84  # room for the rotated y label and the tick numbers
TOP = 10
CELL_W = (WIDTH - LEFT - 8) / SIZE
CELL_H = 72
PLOT_H = CELL_H * SIZE
BOTTOM = TOP + PLOT_H

LOW, MEDIUM, HIGH, VERY_HIGH = "laag", "midden", "hoog", "zeer_hoog"
LEVELS = (LOW, MEDIUM, HIGH, VERY_HIGH)
LEVEL_FILLS = {
    LOW: "#dcfce7",  # green-100; gray-800 text on it 13:1
    MEDIUM: "#fef3c7",  # amber-100; 13:1
    HIGH: "#fed7aa",  # orange-200; 11:1
    VERY_HIGH: "#fecaca",  # red-200; 10:1
}
ACTIVE_STROKE = "#1d4ed8"  # blue-700, 6.7:1 on white


def level_labels():
    return {
        LOW: _("laag"),
        MEDIUM: _("midden"),
        HIGH: _("hoog"),
        VERY_HIGH: _("zeer hoog"),
    }


def cell_level(severity, likelihood):
    """The risk level of a cell: by the severity band, one step higher at likelihood 4–5."""
    start = {rules.LOW: 0, rules.MEDIUM: 1, rules.HIGH: 2}[rules.band(severity)]
    if likelihood >= 4:
        start += 1
    return LEVELS[start]


def _clean_counts(counts):
    """Only cells inside the grid with a positive count, as ints."""
    cleaned = {}
    for key, n in (counts or {}).items():
        try:
            severity, likelihood = (int(part) for part in key)
        except (TypeError, ValueError):
            continue
        if 1 <= severity <= SIZE and 1 <= likelihood <= SIZE and n:
            cleaned[(severity, likelihood)] = cleaned.get((severity, likelihood), 0) + int(n)
    return cleaned


def describe(counts):
    """The text alternative: every non-empty cell with its count, most severe first."""
    counts = _clean_counts(counts)
    total = sum(counts.values())
    if not total:
        return _("Nog geen risico's in de heatmap.")
    parts = [
        ngettext(
            "%(total)s risico naar ernst (1–5) en waarschijnlijkheid (1–5).",
            "%(total)s risico's naar ernst (1–5) en waarschijnlijkheid (1–5).",
            total,
        )
        % {"total": total}
    ]
    for severity, likelihood in sorted(counts, reverse=True):
        parts.append(_cell_sentence(severity, likelihood, counts[(severity, likelihood)]))
    return " ".join(parts)


def _cell_sentence(severity, likelihood, n):
    return ngettext(
        "Ernst %(severity)s, waarschijnlijkheid %(likelihood)s (%(level)s): %(n)s risico.",
        "Ernst %(severity)s, waarschijnlijkheid %(likelihood)s (%(level)s): %(n)s risico's.",
        n,
    ) % {
        "severity": severity,
        "likelihood": likelihood,
        "level": level_labels()[cell_level(severity, likelihood)],
        "n": n,
    }


def heat_map_svg(counts, *, url_for_cell=None, title=None, active=None):
    """The heat map as inline SVG (a ``SafeString``).

    ``counts``: {(severity, likelihood): n}, as ``RiskQuerySet.heat_counts()`` gives it.
    ``url_for_cell(severity, likelihood)``: when given, every non-empty cell links there (the
    page); the PDF passes None. ``active``: a (severity, likelihood) cell to mark as the
    current filter (a thick blue border and the word "filter").
    """
    counts = _clean_counts(counts)
    title = title or _("Heatmap van de risico's: ernst tegen waarschijnlijkheid")
    body = []
    for severity in range(SIZE, 0, -1):
        for likelihood in range(1, SIZE + 1):
            n = counts.get((severity, likelihood), 0)
            url = url_for_cell(severity, likelihood) if (url_for_cell and n) else None
            is_active = active is not None and tuple(active) == (severity, likelihood)
            body.append(_cell(severity, likelihood, n, url, is_active))
    body += _axes()
    legend, height = _legend(BOTTOM + 76)
    return _svg(height, title, describe(counts), body + legend)


def _cell_origin(severity, likelihood):
    return LEFT + (likelihood - 1) * CELL_W, TOP + (SIZE - severity) * CELL_H


def _cell(severity, likelihood, n, url, is_active):
    x, y = _cell_origin(severity, likelihood)
    level = cell_level(severity, likelihood)
    cx = x + CELL_W / 2
    parts = [
        _rect(x, y, CELL_W, CELL_H, LEVEL_FILLS[level], stroke=AXIS),
        _text(
            cx, y + 38, str(n), size=28, fill=TEXT if n else MUTED, anchor="middle", bold=bool(n)
        ),
        _text(cx, y + 60, level_labels()[level], size=14, fill=MUTED, anchor="middle"),
    ]
    css_class = "heat-cell"
    if is_active:
        css_class += " active"
        parts.append(
            f'<rect x="{_num(x + 3)}" y="{_num(y + 3)}" width="{_num(CELL_W - 6)}" '
            f'height="{_num(CELL_H - 6)}" fill="none" stroke="{ACTIVE_STROKE}" stroke-width="4"/>'
        )
        parts.append(_text(x + 8, y + 18, _("filter"), size=11, fill=ACTIVE_STROKE, bold=True))
    tooltip = f"<title>{escape(_cell_sentence(severity, likelihood, n))}</title>"
    group = f'<g class="{css_class}">{tooltip}{"".join(parts)}</g>'
    return _link(url, group) if url else group


def _axes():
    body = []
    for score in range(1, SIZE + 1):
        x, _y = _cell_origin(1, score)
        body.append(
            _text(x + CELL_W / 2, BOTTOM + 22, str(score), size=16, fill=MUTED, anchor="middle")
        )
        _x, y = _cell_origin(score, 1)
        body.append(
            _text(LEFT - 10, y + CELL_H / 2 + 6, str(score), size=16, fill=MUTED, anchor="end")
        )
    body.append(
        _text(
            LEFT + CELL_W * SIZE / 2,
            BOTTOM + 48,
            _("Waarschijnlijkheid (1 = zeer klein, 5 = vrijwel zeker)"),
            size=16,
            anchor="middle",
        )
    )
    centre = TOP + PLOT_H / 2
    body.append(
        _text(
            24,
            centre,
            _("Ernst (5 = ernstigst)"),
            size=16,
            anchor="middle",
            extra=f' transform="rotate(-90 24 {_num(centre)})"',
        )
    )
    return body


def _legend(y):
    """The four levels with their tint, in one row under the axis label."""
    title = _("Risiconiveau:")
    body = [_text(LEFT, y, title, size=14, fill=MUTED)]
    x = LEFT + _text_width(title, 14) + 16
    for level in LEVELS:
        label = level_labels()[level]
        body.append(_rect(x, y - 13, 16, 16, LEVEL_FILLS[level], stroke=AXIS))
        body.append(_text(x + 22, y, label, size=14))
        x += 22 + _text_width(label, 14) + 22
    return body, y + 14
