"""Server-side SVG charts without dependencies.

The same markup is embedded inline in HTML pages and in WeasyPrint PDF reports, so it sticks to
plain SVG 1.1: no JavaScript, no stylesheets, only inline presentation attributes and the generic
``sans-serif`` font. Every chart has a ``viewBox``, ``width="100%"``, ``role="img"`` and a
``<title>`` and ``<desc>`` (translated text passed in by the caller) as its first children. All
text is escaped; the functions return ``SafeString`` values ready for a template.

Colours are chosen to reach WCAG AA contrast on white: at least 4.5:1 for text, 3:1 for graphics.
"""

import math
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from urllib.parse import urlsplit

from django.utils.html import escape
from django.utils.safestring import mark_safe

WIDTH = 700
FONT = "sans-serif"

TEXT = "#1f2937"  # gray-800, 14.7:1 on white
MUTED = "#4b5563"  # gray-600, 7.6:1
AXIS = "#6b7280"  # gray-500, 4.8:1
GRID = "#d1d5db"  # gray-300, lines only
STRIPE = "#f9fafb"
BLUE = "#1d4ed8"  # 6.7:1
GREEN = "#166534"  # 7.1:1
GREEN_DARK = "#052e16"
GREEN_LIGHT = "#bbf7d0"  # fill behind dark green text, 12:1 with GREEN_DARK
ORANGE = "#b45309"  # 5.0:1
PALETTE = (BLUE, GREEN, ORANGE, "#7e22ce", "#be123c", "#0f766e")

QUADRANT_TINTS = {
    "top_left": "#eff6ff",
    "top_right": "#ecfdf5",
    "bottom_left": "#f9fafb",
    "bottom_right": "#fefce8",
}

ELLIPSIS = "…"


# --- Formatting --------------------------------------------------------------------------------


def format_number(value, max_decimals=2):
    """Format a number the Dutch way: ``1234.5`` → ``"1.234,5"``, ``Decimal("0.25")`` → ``"0,25"``.

    Rounds half up to at most ``max_decimals`` decimals and drops trailing zeros.
    """
    try:
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return str(value)
    if not number.is_finite():
        return str(value)
    number = number.quantize(Decimal(1).scaleb(-max_decimals), rounding=ROUND_HALF_UP)
    if number == 0:
        number = abs(number)  # no "-0"
    text = f"{number:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def _num(value):
    """A coordinate for SVG: at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _truncate(text, max_chars):
    """Shorten ``text`` to ``max_chars`` characters, ending with an ellipsis when cut."""
    text = str(text)
    if len(text) <= max_chars:
        return text
    return text[: max(max_chars - 1, 1)].rstrip() + ELLIPSIS


def _wrap(text, max_chars, max_lines=2):
    """Greedy word wrap into at most ``max_lines`` lines; the last line is truncated if needed."""
    lines = []
    for word in str(text).split():
        if lines and len(lines[-1]) + 1 + len(word) <= max_chars:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[: max_lines - 1] + [" ".join(lines[max_lines - 1 :])]
    return [_truncate(line, max_chars) for line in lines] or [""]


def _wrap_all(text, max_chars):
    """Greedy word wrap into as many lines as needed: nothing is cut off.

    A word longer than a line is split over several lines.
    """
    lines = []
    for word in str(text).split():
        chunks = [word[i : i + max_chars] for i in range(0, len(word), max_chars)]
        for chunk in chunks:
            if lines and len(lines[-1]) + 1 + len(chunk) <= max_chars:
                lines[-1] += " " + chunk
            else:
                lines.append(chunk)
    return lines or [""]


def _text_width(text, font_size):
    """A rough width estimate for proportional sans-serif text."""
    return len(str(text)) * font_size * 0.58


def _safe_url(url):
    """Return the URL if it is relative or http(s); anything else (``javascript:``) gives None."""
    if not url:
        return None
    scheme = urlsplit(str(url)).scheme.lower()
    return str(url) if scheme in ("", "http", "https") else None


# --- SVG building blocks -----------------------------------------------------------------------


def _svg(height, title, description, body):
    """Wrap ``body`` (a list of element strings) in the root element with title and desc.

    A chart with links is a ``group`` (an ``img`` may not contain interactive elements).
    """
    role = "group" if any("<a " in part for part in body) else "img"
    return mark_safe(  # noqa: S308 - every text value is escaped by the helpers below
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'version="1.1" viewBox="0 0 {WIDTH} {_num(height)}" width="100%" role="{role}" '
        f'font-family="{FONT}">'
        f"<title>{escape(title)}</title><desc>{escape(description)}</desc>"
        + "".join(body)
        + "</svg>"
    )


def _text(x, y, text, *, size=12, fill=TEXT, anchor="start", bold=False, extra=""):
    """A ``<text>`` element with escaped content."""
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{_num(x)}" y="{_num(y)}" font-size="{_num(size)}" fill="{fill}" '
        f'text-anchor="{anchor}"{weight}{extra}>{escape(text)}</text>'
    )


def _line(x1, y1, x2, y2, *, stroke=GRID, width=1, dash=None, extra=""):
    """A ``<line>`` element, optionally dashed."""
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<line x1="{_num(x1)}" y1="{_num(y1)}" x2="{_num(x2)}" y2="{_num(y2)}" '
        f'stroke="{stroke}" stroke-width="{_num(width)}"{dash_attr}{extra}/>'
    )


def _rect(x, y, width, height, fill, stroke="none"):
    """A ``<rect>`` element."""
    return (
        f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(width)}" height="{_num(height)}" '
        f'fill="{fill}" stroke="{stroke}"/>'
    )


def _circle(cx, cy, r, *, fill, stroke="none", width=1, dash=None, title=None, css_class=None):
    """A ``<circle>``; ``title`` becomes a ``<title>`` child (tooltip and accessible name)."""
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    class_attr = f' class="{css_class}"' if css_class else ""
    attrs = (
        f'cx="{_num(cx)}" cy="{_num(cy)}" r="{_num(r)}" fill="{fill}" stroke="{stroke}" '
        f'stroke-width="{_num(width)}"{dash_attr}{class_attr}'
    )
    if title is None:
        return f"<circle {attrs}/>"
    return f"<circle {attrs}><title>{escape(title)}</title></circle>"


def _diamond(cx, cy, r, *, fill, title=None, css_class=None):
    """A diamond-shaped marker as a ``<path>``."""
    class_attr = f' class="{css_class}"' if css_class else ""
    d = (
        f"M{_num(cx)} {_num(cy - r)} L{_num(cx + r)} {_num(cy)} "
        f"L{_num(cx)} {_num(cy + r)} L{_num(cx - r)} {_num(cy)} Z"
    )
    inner = f"<title>{escape(title)}</title>" if title is not None else ""
    return (
        f'<path d="{d}" fill="{fill}" stroke="#ffffff" stroke-width="1"{class_attr}>{inner}</path>'
    )


def _link(url, content):
    """Wrap ``content`` in an ``<a>`` when ``url`` is safe; both href forms for SVG 1.1 and 2."""
    url = _safe_url(url)
    if url is None:
        return content
    href = escape(url)
    return f'<a href="{href}" xlink:href="{href}">{content}</a>'


def _empty_svg(title, description):
    """The fallback chart: a small box with the (no data) description centred."""
    lines = _wrap(description, 80, max_lines=3)
    height = 40 + 20 * len(lines)
    body = [_rect(0.5, 0.5, WIDTH - 1, height - 1, STRIPE, stroke=GRID)]
    for index, line in enumerate(lines):
        body.append(_text(WIDTH / 2, 34 + 20 * index, line, size=14, fill=MUTED, anchor="middle"))
    return _svg(height, title, description, body)


# --- Grid chart (materiality matrix, power–interest grid) -------------------------------------

GRID_LEFT = 64
GRID_TOP = 12
GRID_PLOT_WIDTH = WIDTH - GRID_LEFT - 12
GRID_PLOT_HEIGHT = 400
GRID_DOT_R = 10  # a numbered dot: room for two digits
GRID_DOT_GAP = 24  # centre to centre when several dots share a score
GRID_NUMBERED_MAX = 50  # more points than this: small plain dots, no legend
GRID_LEGEND_FONT = 12
GRID_LEGEND_LINE = 16
GRID_QUADRANT_FONT = 11


def grid_chart(points, *, x_label, y_label, title, description, size=5, quadrant_labels=None):
    """A ``size`` × ``size`` scored grid; score 1 is at the bottom left.

    ``points``: dicts with ``label``, ``x``, ``y`` (1..size or None: skipped), ``highlight`` and
    ``url``. Each point is a numbered dot centred on its score; several points with the same
    score form a small cluster whose centre is that score. A legend under the grid lists every
    number with the full label, wrapped over as many lines as it needs (never cut off). With
    more than ``GRID_NUMBERED_MAX`` points the dots are small and plain (names in tooltips).
    Highlighted points are filled green with a dark green ring, the others white with blue.
    """
    quadrant_labels = quadrant_labels or {}
    valid = _valid_points(points, size)
    numbered = len(valid) <= GRID_NUMBERED_MAX
    bottom = GRID_TOP + GRID_PLOT_HEIGHT
    body = _grid_background(size, quadrant_labels)
    body += _grid_axes(size, x_label, y_label)
    cells = {}
    for number, point in valid:
        cells.setdefault((point["x"], point["y"]), []).append((number, point))
    for (x, y), members in cells.items():
        body += _grid_cell_points(members, x, y, size, quadrant_labels, numbered)
    height = bottom + 56
    if numbered and valid:
        legend, height = _grid_legend(valid, bottom + 80)
        body += legend
    return _svg(height, title, description, body)


def _valid_points(points, size):
    """(number, point) for every point with both scores in 1..size, numbered in input order."""
    valid = []
    for point in points:
        x, y = point.get("x"), point.get("y")
        if x is None or y is None or not (1 <= x <= size and 1 <= y <= size):
            continue
        valid.append((len(valid) + 1, {**point, "x": int(x), "y": int(y)}))
    return valid


def _score_centre(x, y, size=5):
    """The SVG coordinate of score (x, y): the centre of that cell."""
    cell_w = GRID_PLOT_WIDTH / size
    cell_h = GRID_PLOT_HEIGHT / size
    return GRID_LEFT + (x - 0.5) * cell_w, GRID_TOP + GRID_PLOT_HEIGHT - (y - 0.5) * cell_h


def _quadrant_label_spans(quadrant_labels):
    """Horizontal extent and row ("top" or "bottom") of each quadrant label in the grid."""
    left, right = GRID_LEFT + 6, GRID_LEFT + GRID_PLOT_WIDTH - 6
    spans = []
    for key in QUADRANT_TINTS:
        label = quadrant_labels.get(key)
        if not label:
            continue
        width = _text_width(label, GRID_QUADRANT_FONT)
        row, side = key.split("_")
        start = left if side == "left" else right - width
        spans.append((row, start, start + width))
    return spans


def _label_reserve(x, y, size, quadrant_labels):
    """Space to keep free at the top and bottom of a cell that a quadrant label runs through."""
    cell_w = GRID_PLOT_WIDTH / size
    cell_left = GRID_LEFT + (x - 1) * cell_w
    reserve = 0
    for row, start, end in _quadrant_label_spans(quadrant_labels):
        in_row = (row == "top" and y == size) or (row == "bottom" and y == 1)
        if in_row and start < cell_left + cell_w and end > cell_left:
            reserve = 20
    return reserve


def _grid_background(size, quadrant_labels):
    """Quadrant tints, cell lines, the middle cross, the border and the quadrant labels."""
    half_w, half_h = GRID_PLOT_WIDTH / 2, GRID_PLOT_HEIGHT / 2
    left, top = GRID_LEFT, GRID_TOP
    right, bottom = left + GRID_PLOT_WIDTH, top + GRID_PLOT_HEIGHT
    body = [
        _rect(left, top, half_w, half_h, QUADRANT_TINTS["top_left"]),
        _rect(left + half_w, top, half_w, half_h, QUADRANT_TINTS["top_right"]),
        _rect(left, top + half_h, half_w, half_h, QUADRANT_TINTS["bottom_left"]),
        _rect(left + half_w, top + half_h, half_w, half_h, QUADRANT_TINTS["bottom_right"]),
    ]
    for i in range(1, size):
        x = left + i * GRID_PLOT_WIDTH / size
        y = top + i * GRID_PLOT_HEIGHT / size
        body.append(_line(x, top, x, bottom))
        body.append(_line(left, y, right, y))
    body.append(_line(left + half_w, top, left + half_w, bottom, stroke=AXIS, dash="4 3"))
    body.append(_line(left, top + half_h, right, top + half_h, stroke=AXIS, dash="4 3"))
    body.append(_rect(left, top, GRID_PLOT_WIDTH, GRID_PLOT_HEIGHT, "none", stroke=AXIS))
    corners = {
        "top_left": (left + 6, top + 14, "start"),
        "top_right": (right - 6, top + 14, "end"),
        "bottom_left": (left + 6, bottom - 6, "start"),
        "bottom_right": (right - 6, bottom - 6, "end"),
    }
    for key, (x, y, anchor) in corners.items():
        label = quadrant_labels.get(key)
        if label:
            extra = ' font-style="italic" class="quadrant-label"'
            body.append(
                _text(x, y, label, size=GRID_QUADRANT_FONT, fill=MUTED, anchor=anchor, extra=extra)
            )
    return body


def _grid_axes(size, x_label, y_label):
    """Tick numbers 1..size under and left of the grid, plus both axis labels."""
    bottom = GRID_TOP + GRID_PLOT_HEIGHT
    body = []
    for score in range(1, size + 1):
        x, y = _score_centre(score, score, size)
        body.append(_text(x, bottom + 18, str(score), size=12, fill=MUTED, anchor="middle"))
        body.append(_text(GRID_LEFT - 10, y + 4, str(score), size=12, fill=MUTED, anchor="end"))
    centre_x = GRID_LEFT + GRID_PLOT_WIDTH / 2
    centre_y = GRID_TOP + GRID_PLOT_HEIGHT / 2
    body.append(_text(centre_x, bottom + 44, x_label, size=13, anchor="middle", bold=True))
    rotate = f' transform="rotate(-90 20 {_num(centre_y)})"'
    body.append(_text(20, centre_y, y_label, size=13, anchor="middle", bold=True, extra=rotate))
    return body


def _cluster_layout(count, width, height):
    """(spacing, columns) for ``count`` dots in a ``width`` × ``height`` box.

    The largest spacing (at most ``GRID_DOT_GAP``) wins; on a tie the squarest arrangement,
    then the one with fewer rows.
    """
    best = None
    for cols in range(1, count + 1):
        rows = math.ceil(count / cols)
        spacing = min(GRID_DOT_GAP, width / cols, height / rows)
        key = (-round(spacing, 1), max(cols, rows), rows)
        if best is None or key < best[0]:
            best = (key, spacing, cols)
    return best[1], best[2]


def _grid_cell_points(members, x, y, size, quadrant_labels, numbered):
    """The dots of one score: rows of dots, each row centred, the cluster centred on the score."""
    cell_w = GRID_PLOT_WIDTH / size
    cell_h = GRID_PLOT_HEIGHT / size
    centre_x, centre_y = _score_centre(x, y, size)
    reserve = _label_reserve(x, y, size, quadrant_labels)
    count = len(members)
    spacing, cols = _cluster_layout(count, cell_w - 6, cell_h - 6 - 2 * reserve)
    rows = math.ceil(count / cols)
    radius = max(min(GRID_DOT_R if numbered else 5.0, spacing / 2 - 1), 1.5)
    font_size = min(11.0, radius * 1.1)
    body = []
    for index, (number, point) in enumerate(members):
        row, col = divmod(index, cols)
        in_row = min(cols, count - row * cols)
        cx = centre_x + (col - (in_row - 1) / 2) * spacing
        cy = centre_y + (row - (rows - 1) / 2) * spacing
        label = str(point.get("label", ""))
        highlight = bool(point.get("highlight"))
        tooltip = f"{label} ({x}, {y})"
        if highlight:
            dot = {"fill": GREEN_LIGHT, "stroke": GREEN_DARK, "width": 2.5}
            colour = GREEN_DARK
        else:
            dot = {"fill": "#ffffff", "stroke": BLUE, "width": 1.5}
            colour = BLUE
        content = _circle(cx, cy, radius, title=tooltip, **dot)
        if numbered:
            content += _text(
                cx,
                cy + font_size * 0.36,
                str(number),
                size=font_size,
                fill=colour,
                anchor="middle",
                bold=highlight,
                extra=' class="number"',
            )
        css_class = "point highlight" if highlight else "point"
        body.append(_link(point.get("url"), f'<g class="{css_class}">{content}</g>'))
    return body


def _grid_legend(valid, top):
    """Two columns of "number  full label" under the grid; returns (elements, total height)."""
    col_w = (WIDTH - 16) / 2
    max_chars = max(int((col_w - 40) / (GRID_LEGEND_FONT * 0.58)), 8)
    body = []
    y = top
    for start in range(0, len(valid), 2):
        row_lines = 1
        for col, (number, point) in enumerate(valid[start : start + 2]):
            x = 8 + col * col_w
            highlight = bool(point.get("highlight"))
            colour = GREEN_DARK if highlight else BLUE
            lines = _wrap_all(point.get("label", ""), max_chars)
            parts = [
                _text(
                    x + 24,
                    y,
                    str(number),
                    size=GRID_LEGEND_FONT,
                    fill=colour,
                    anchor="end",
                    bold=True,
                )
            ]
            for line_no, line in enumerate(lines):
                parts.append(
                    _text(
                        x + 32,
                        y + line_no * GRID_LEGEND_LINE,
                        line,
                        size=GRID_LEGEND_FONT,
                        bold=highlight,
                    )
                )
            body.append(f'<g class="legend-item">{"".join(parts)}</g>')
            row_lines = max(row_lines, len(lines))
        y += row_lines * GRID_LEGEND_LINE + 6
    return body, y - GRID_LEGEND_LINE + 4


# --- Level matrix (MVOI ambition) ---------------------------------------------------------------

LEVEL_LABEL_CHARS = 28
LEVEL_GRID_LEFT = 236
LEVEL_GRID_RIGHT = WIDTH - 8
LEVEL_HEADER_H = 44
LEVEL_ROW_H = 34


def level_matrix(rows, *, levels, title, description, current_label, target_label):
    """One row per theme, one column per level; current level filled, target level as a ring.

    ``rows``: dicts with ``label``, ``current`` and ``target`` (1-based level or None) and
    ``highlight`` (bold label). An arrow runs from current to target when they differ.
    """
    if not rows:
        return _empty_svg(title, description)
    col_w = (LEVEL_GRID_RIGHT - LEVEL_GRID_LEFT) / len(levels)
    body = _level_headers(levels, col_w)
    for index, row in enumerate(rows):
        top = LEVEL_HEADER_H + index * LEVEL_ROW_H
        body.append(_level_row(row, index, top, levels, col_w, current_label, target_label))
    grid_bottom = LEVEL_HEADER_H + len(rows) * LEVEL_ROW_H
    body += _level_gridlines(len(levels), col_w, grid_bottom)
    body += _level_legend(grid_bottom + 26, current_label, target_label)
    return _svg(grid_bottom + 44, title, description, body)


def _level_column_x(level, col_w):
    """The x centre of the column for a 1-based level."""
    return LEVEL_GRID_LEFT + (level - 0.5) * col_w


def _level_headers(levels, col_w):
    """Column headers, wrapped to at most two lines; a truncated header keeps a <title>."""
    max_chars = max(int(col_w / (11 * 0.58)), 4)
    body = []
    for number, name in enumerate(levels, start=1):
        lines = _wrap(name, max_chars)
        top = 20 if len(lines) == 1 else 14
        x = _level_column_x(number, col_w)
        full = f"<title>{escape(name)}</title>" if " ".join(lines) != str(name) else ""
        texts = "".join(
            _text(x, top + line_no * 14, line, size=11, anchor="middle", bold=True)
            for line_no, line in enumerate(lines)
        )
        body.append(f'<g class="level">{full}{texts}</g>')
    return body


def _level_gridlines(level_count, col_w, grid_bottom):
    """Vertical column separators and the horizontal line under the header."""
    body = [_line(8, LEVEL_HEADER_H, LEVEL_GRID_RIGHT, LEVEL_HEADER_H, stroke=AXIS)]
    for i in range(level_count + 1):
        x = LEVEL_GRID_LEFT + i * col_w
        body.append(_line(x, LEVEL_HEADER_H, x, grid_bottom))
    body.append(_line(8, grid_bottom, LEVEL_GRID_RIGHT, grid_bottom, stroke=AXIS))
    return body


def _valid_level(value, level_count):
    """The level as int when it is within 1..level_count, else None."""
    if value is None or not 1 <= int(value) <= level_count:
        return None
    return int(value)


def _level_row(row, index, top, levels, col_w, current_label, target_label):
    """One theme row: stripe, label, current marker, target ring and the arrow between them."""
    centre_y = top + LEVEL_ROW_H / 2
    label = str(row.get("label", ""))
    shown = _truncate(label, LEVEL_LABEL_CHARS)
    label_title = f"<title>{escape(label)}</title>" if shown != label else ""
    body = []
    if index % 2:
        body.append(_rect(8, top, LEVEL_GRID_RIGHT - 8, LEVEL_ROW_H, STRIPE))
    body.append(
        f"<g>{label_title}"
        + _text(12, centre_y + 4, shown, size=12, bold=bool(row.get("highlight")))
        + "</g>"
    )
    current = _valid_level(row.get("current"), len(levels))
    target = _valid_level(row.get("target"), len(levels))
    if current and target and current != target:
        body.append(
            _arrow(_level_column_x(current, col_w), _level_column_x(target, col_w), centre_y)
        )
    if target:
        x = _level_column_x(target, col_w)
        tooltip = f"{target_label}: {levels[target - 1]}"
        ring = {"fill": "none", "stroke": GREEN, "width": 2, "dash": "4 2.5"}
        body.append(_circle(x, centre_y, 11, title=tooltip, css_class="target", **ring))
    if current:
        x = _level_column_x(current, col_w)
        tooltip = f"{current_label}: {levels[current - 1]}"
        body.append(_circle(x, centre_y, 7, fill=BLUE, title=tooltip, css_class="current"))
    return f'<g class="row">{"".join(body)}</g>'


def _arrow(x_from, x_to, y):
    """A horizontal arrow between two markers, with a drawn (not <marker>) arrowhead."""
    direction = 1 if x_to > x_from else -1
    start = x_from + direction * 9
    tip = x_to - direction * 13
    head = (
        f"{_num(tip)},{_num(y)} {_num(tip - direction * 7)},{_num(y - 4)} "
        f"{_num(tip - direction * 7)},{_num(y + 4)}"
    )
    return (
        _line(start, y, tip - direction * 6, y, stroke=MUTED, width=1.5, extra=' class="arrow"')
        + f'<polygon points="{head}" fill="{MUTED}"/>'
    )


def _level_legend(y, current_label, target_label):
    """Legend: filled circle for the current level, dashed ring for the target."""
    target_x = 40 + _text_width(current_label, 12) + 24
    return [
        _circle(20, y - 4, 7, fill=BLUE),
        _text(34, y, current_label, size=12),
        _circle(target_x, y - 4, 9, fill="none", stroke=GREEN, width=2, dash="4 2.5"),
        _text(target_x + 16, y, target_label, size=12),
    ]


# --- Line chart (KPI over time) -----------------------------------------------------------------

LINE_LEFT = 72  # the narrowest left margin; wider when the y tick labels need it
LINE_RIGHT = WIDTH - 24  # the widest right edge of the plot
LINE_TOP = 28
LINE_BOTTOM = LINE_TOP + 220
TICK_FONT = 11
Y_LABEL_SPACE = 24  # the rotated y label takes x 0..~20
STYLES = ("line", "dashed", "markers", "baseline")
PERIOD_MONTHS = {"year": (12,), "quarter": (12, 3), None: (12, 3, 1)}
MAX_X_TICKS = 10  # labels of up to ~50px each fit side by side


def line_chart(
    *,
    title,
    description,
    series,
    x_min,
    x_max,
    y_label="",
    today=None,
    today_label="",
    date_format=None,
    period=None,
):
    """A KPI over time: dates from ``x_min`` to ``x_max`` on x, auto-scaled values on y.

    ``series``: dicts with ``label``, ``points`` (``(date, number)`` pairs) and ``style``:
    ``"line"`` (solid with dots), ``"dashed"`` (no markers), ``"markers"`` (diamonds only) or
    ``"baseline"`` (hollow circle with a dotted guide). Points outside the date range or with
    value None are left out.

    A period's value stands for the period's last day, so every x tick sits on the last day of
    the period it names: "K2 2026" under 30 June 2026, "2025" under 31 December 2025.
    ``period`` is the finest period to tick: ``"year"`` (only year ends), ``"quarter"`` (year
    or quarter ends) or None (also month ends); the finest one that gives at most ten ticks
    is used, so a long quarterly range shows its year ends ("K4 2025").
    ``date_format(date) -> str`` labels the year and quarter ticks (given the period's last
    day); without it years show as "2025" and quarters as the month they end in, "2025-06".
    """
    if x_max <= x_min:
        x_max = x_min + timedelta(days=1)
    cleaned = [_clean_series(item, x_min, x_max) for item in series]
    values = [value for item in cleaned for _, value in item["points"]]
    if not values:
        return _empty_svg(title, description)
    ticks = _nice_ticks(min(values), max(values))
    y_labels = _y_tick_labels(ticks)
    x_ticks = _x_ticks(x_min, x_max, date_format, period)
    left, right = _plot_margins(y_labels, [label for _day, label in x_ticks], y_label)
    scale = _Scale(x_min, x_max, ticks[0], ticks[-1], left, right)
    body = _y_axis(ticks, y_labels, scale, y_label)
    body += _x_axis(x_ticks, scale)
    for index, item in enumerate(cleaned):
        body += _draw_series(item, PALETTE[index % len(PALETTE)], scale)
    if today is not None and x_min <= today <= x_max:
        body += _today_line(scale.x(today), today_label, scale)
    legend, height = _line_legend(cleaned, LINE_BOTTOM + 46, scale.left)
    return _svg(height, title, description, body + legend)


class _Scale:
    """Maps dates and values to SVG coordinates inside the plot area (``left``..``right``)."""

    def __init__(self, x_min, x_max, y_min, y_max, left=LINE_LEFT, right=LINE_RIGHT):
        self.x_min, self.x_span = x_min.toordinal(), x_max.toordinal() - x_min.toordinal()
        self.y_min, self.y_span = y_min, (y_max - y_min) or 1.0
        self.left, self.right = left, right

    def x(self, day):
        return self.left + (day.toordinal() - self.x_min) / self.x_span * (self.right - self.left)

    def y(self, value):
        return LINE_BOTTOM - (float(value) - self.y_min) / self.y_span * (LINE_BOTTOM - LINE_TOP)


def _plot_margins(y_labels, x_labels, y_label):
    """The plot's left and right edge so that no tick label runs outside the viewBox.

    Left: room for the y label, the widest y tick label and the 8px gap to the axis, and for
    half of an x tick label centred on the first day. Right: half of an x tick label on the
    last day.
    """
    widest_y = max((_text_width(label, TICK_FONT) for label in y_labels), default=0)
    half_x = max((_text_width(label, TICK_FONT) for label in x_labels), default=0) / 2
    label_space = Y_LABEL_SPACE if y_label else 4
    left = max(LINE_LEFT, label_space + widest_y + 8, half_x + 2)
    right = min(LINE_RIGHT, WIDTH - half_x - 2)
    return math.ceil(left), math.floor(right)


def _clean_series(item, x_min, x_max):
    """A copy of the series with points in range, sorted by date, values as floats."""
    points = sorted(
        (day, float(value))
        for day, value in item.get("points", [])
        if value is not None and x_min <= day <= x_max
    )
    style = item.get("style", "line")
    if style not in STYLES:
        style = "line"
    return {"label": str(item.get("label", "")), "points": points, "style": style}


def _tick_range(low, high, step):
    """The first and last multiple of ``step`` enclosing ``low``..``high``."""
    first = math.floor(low / step + 1e-9) * step
    last = math.ceil(high / step - 1e-9) * step
    return first, last


def _nice_ticks(low, high, count=5):
    """About ``count`` round tick values covering ``low``..``high`` with a little padding.

    Steps are 1, 2, 2.5 or 5 times a power of ten; the step whose tick count is closest to
    ``count`` wins (the smaller step on a tie). When all values are positive and the lowest is
    small compared with the range, the axis starts at zero.
    """
    if high == low:
        spread = abs(high) * 0.1 or 1.0
        low, high = low - spread, high + spread
    padding = (high - low) * 0.02
    padded_low, padded_high = low - padding, high + padding
    if low >= 0 and (low < high - low or padded_low < 0):
        padded_low = 0.0
    raw = (padded_high - padded_low) / (count - 1)
    base = 10 ** math.floor(math.log10(raw))
    candidates = [float(f"{factor * base:.12g}") for factor in (0.5, 1, 2, 2.5, 5, 10)]

    def distance(step):
        first, last = _tick_range(padded_low, padded_high, step)
        return abs(round((last - first) / step) + 1 - count), step

    step = min(candidates, key=distance)
    first, last = _tick_range(padded_low, padded_high, step)
    return [float(f"{first + i * step:.12g}") for i in range(round((last - first) / step) + 1)]


def _decimals(step):
    """The number of decimals needed to show ticks at this step."""
    return max(0, -Decimal(repr(step)).normalize().as_tuple().exponent)


def _y_tick_labels(ticks):
    """The tick values formatted the Dutch way with the decimals the step needs."""
    decimals = _decimals(ticks[1] - ticks[0]) if len(ticks) > 1 else 2
    return [format_number(tick, max_decimals=decimals) for tick in ticks]


def _y_axis(ticks, labels, scale, y_label):
    """Horizontal grid lines with formatted tick labels, and the rotated y label."""
    body = []
    for tick, label in zip(ticks, labels, strict=True):
        y = scale.y(tick)
        body.append(_line(scale.left, y, scale.right, y, stroke=GRID))
        extra = ' class="y-tick"'
        body.append(
            _text(
                scale.left - 8, y + 4, label, size=TICK_FONT, fill=MUTED, anchor="end", extra=extra
            )
        )
    body.append(_line(scale.left, LINE_TOP, scale.left, LINE_BOTTOM, stroke=AXIS))
    body.append(_line(scale.left, LINE_BOTTOM, scale.right, LINE_BOTTOM, stroke=AXIS))
    if y_label:
        centre = (LINE_TOP + LINE_BOTTOM) / 2
        rotate = f' transform="rotate(-90 16 {_num(centre)})"'
        body.append(_text(16, centre, y_label, size=12, fill=MUTED, anchor="middle", extra=rotate))
    return body


def _first_of_month_after(day, months):
    """The first day of the month ``months`` after the month of ``day``."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _period_ends(x_min, x_max, every):
    """Last days within the range of the periods of ``every`` months counted from January."""
    start = date(x_min.year, (x_min.month - 1) // every * every + 1, 1)
    ends = []
    while start <= x_max:
        start = _first_of_month_after(start, every)
        end = start - timedelta(days=1)
        if x_min <= end <= x_max:
            ends.append(end)
    return ends


def _x_tick_label(day, every, date_format):
    """The label of the period of ``every`` months that ends on ``day``."""
    if every == 1:
        return day.strftime("%Y-%m")
    if date_format is not None:
        return date_format(day)
    return str(day.year) if every == 12 else day.strftime("%Y-%m")


def _x_ticks(x_min, x_max, date_format, period=None):
    """Ticks on period ends, with labels: the finest period that gives 2 to 10 ticks.

    Months (only without ``period``), then quarters (not for ``period="year"``), then years.
    When every level has more, the years are thinned out to about ten labels; when none has
    two, the finest level with one tick is used, and without any period end in the range the
    two ends of the range are labelled with their dates.
    """
    levels = PERIOD_MONTHS.get(period, PERIOD_MONTHS[None])
    found = {every: _period_ends(x_min, x_max, every) for every in levels}
    for every in reversed(levels):
        if 2 <= len(found[every]) <= MAX_X_TICKS:
            return [(day, _x_tick_label(day, every, date_format)) for day in found[every]]
    years = found[12]
    if len(years) > MAX_X_TICKS:
        stride = math.ceil(len(years) / MAX_X_TICKS)
        return [(day, _x_tick_label(day, 12, date_format)) for day in years[::stride]]
    for every in reversed(levels):
        if found[every]:
            return [(day, _x_tick_label(day, every, date_format)) for day in found[every]]
    return [(x_min, x_min.isoformat()), (x_max, x_max.isoformat())]


def _x_axis(x_ticks, scale):
    """Small tick marks and labels under the plot."""
    body = []
    for day, label in x_ticks:
        x = scale.x(day)
        body.append(_line(x, LINE_BOTTOM, x, LINE_BOTTOM + 5, stroke=AXIS))
        extra = ' class="x-tick"'
        body.append(
            _text(
                x, LINE_BOTTOM + 19, label, size=TICK_FONT, fill=MUTED, anchor="middle", extra=extra
            )
        )
    return body


def _polyline(points, colour, scale, dash=None):
    """A polyline through the points (nothing for fewer than two points)."""
    if len(points) < 2:
        return []
    coords = " ".join(f"{_num(scale.x(day))},{_num(scale.y(value))}" for day, value in points)
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return [
        f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2"'
        f' stroke-linejoin="round"{dash_attr}/>'
    ]


def _point_title(label, day, value):
    """Tooltip text for a data point."""
    return f"{label}: {day.isoformat()} – {format_number(value)}"


def _draw_series(item, colour, scale):
    """Lines and markers for one series according to its style."""
    points, label, style = item["points"], item["label"], item["style"]
    if style == "dashed":
        return _polyline(points, colour, scale, dash="7 4")
    body = []
    if style == "line":
        body += _polyline(points, colour, scale)
    for day, value in points:
        x, y = scale.x(day), scale.y(value)
        tooltip = _point_title(label, day, value)
        if style == "markers":
            body.append(_diamond(x, y, 6, fill=colour, title=tooltip, css_class="marker"))
        elif style == "baseline":
            body.append(_line(x, y, scale.right, y, stroke=MUTED, dash="2 3"))
            hollow = {"fill": "#ffffff", "stroke": MUTED, "width": 2}
            body.append(_circle(x, y, 5.5, title=tooltip, css_class="baseline", **hollow))
        else:
            body.append(
                _circle(x, y, 3.5, fill=colour, stroke="#ffffff", title=tooltip, css_class="dot")
            )
    return body


def _today_line(x, label, scale):
    """A dashed vertical line at today's date with its label above the plot."""
    if x > scale.right - 60:
        anchor = "end"
    elif x < scale.left + 60:
        anchor = "start"
    else:
        anchor = "middle"
    body = [
        _line(
            x, LINE_TOP, x, LINE_BOTTOM, stroke=TEXT, width=1.5, dash="4 3", extra=' class="today"'
        )
    ]
    if label:
        body.append(_text(x, LINE_TOP - 10, label, size=11, anchor=anchor))
    return body


def _legend_swatch(style, colour, x, y):
    """A 24px wide sample of a series style, vertically centred on ``y``."""
    if style == "dashed":
        return _line(x, y, x + 24, y, stroke=colour, width=2, dash="7 4")
    if style == "markers":
        return _diamond(x + 12, y, 6, fill=colour)
    if style == "baseline":
        return _line(x, y, x + 24, y, stroke=MUTED, dash="2 3") + _circle(
            x + 12, y, 5.5, fill="#ffffff", stroke=MUTED, width=2
        )
    return _line(x, y, x + 24, y, stroke=colour, width=2) + _circle(x + 12, y, 3.5, fill=colour)


def _line_legend(cleaned, top, left=LINE_LEFT):
    """Legend items in rows that wrap at the chart width; returns (elements, total height)."""
    body = []
    x, y = left, top
    for index, item in enumerate(cleaned):
        if not item["label"]:
            continue
        width = 32 + _text_width(item["label"], 12) + 20
        if x + width > WIDTH and x > left:
            x, y = left, y + 22
        colour = PALETTE[index % len(PALETTE)]
        body.append(_legend_swatch(item["style"], colour, x, y - 4))
        body.append(_text(x + 32, y, item["label"], size=12, extra=' class="legend"'))
        x += width
    return body, y + 14
