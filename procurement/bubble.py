"""The spend and impact analysis as a bubble chart: one bubble per product group, placed on
the 5 × 5 grid of impact (x) and MVOI chance (y), its area proportional to the annual spend.

Built on the grid helpers of mvo.charts (the same background, axes and cell centres as the
materiality matrix), so it is the same kind of markup as every other chart: a viewBox with
``width="100%"`` (it scales down to a phone), inline attributes only (fine in a WeasyPrint
PDF), ``<title>`` and ``<desc>`` first, every text escaped.

- The largest spend gets ``MAX_R``; the others an area in proportion (radius ∝ √spend), at
  least ``MIN_R`` so that a small spend stays visible.
- A group without a (positive) spend gets a small hollow marker.
- A group without an impact or a chance is not drawn; the page lists it under the chart.
- Several groups in one cell are spread around the cell's centre; every label is placed
  next to its bubble where it overlaps no other label, and is left out (the bubble's
  ``<title>`` and the table under the chart still name the group) where none is free.
"""

import math
from decimal import Decimal, InvalidOperation

from django.utils.html import escape
from django.utils.translation import gettext as _

from mvo.charts import (
    BLUE,
    GRID_LEFT,
    GRID_PLOT_HEIGHT,
    GRID_PLOT_WIDTH,
    GRID_TOP,
    MUTED,
    TEXT,
    _circle,
    _empty_svg,
    _grid_axes,
    _grid_background,
    _line,
    _link,
    _num,
    _quadrant_label_spans,
    _score_centre,
    _svg,
    _text,
    _truncate,
    format_number,
)

SIZE = 5
CELL_W = GRID_PLOT_WIDTH / SIZE
CELL_H = GRID_PLOT_HEIGHT / SIZE
MAX_R = 36.0  # the largest spend: the bubble nearly fills a cell's height
MIN_R = 4.0
HOLLOW_R = 6.0
FILL = "#dbeafe"  # blue-100 behind the blue outline
LABEL_FONT = 14  # a 700 wide viewBox shown at 390 px still reads at ~8 px
LABEL_CHARS = 22
LABEL_LINE = 17
PLOT_RIGHT = GRID_LEFT + GRID_PLOT_WIDTH
PLOT_BOTTOM = GRID_TOP + GRID_PLOT_HEIGHT


def _value(item, key):
    return item.get(key) if isinstance(item, dict) else getattr(item, key, None)


def _spend(value):
    """The spend as a Decimal above zero, or None (unknown, zero or not a number)."""
    if value is None:
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() and number > 0 else None


def _score(value):
    try:
        score = int(value)
    except (TypeError, ValueError):
        return None
    return score if 1 <= score <= SIZE else None


def estimated(groups):
    """The groups with both an impact and a chance (1–5), as dicts the chart draws."""
    rows = []
    for item in groups:
        impact, chance = _score(_value(item, "impact")), _score(_value(item, "chance"))
        if impact is None or chance is None:
            continue
        rows.append(
            {
                "name": str(_value(item, "name") or ""),
                "spend": _spend(_value(item, "annual_spend")),
                "impact": impact,
                "chance": chance,
                "url": _value(item, "url"),
            }
        )
    return rows


def money(value):
    return f"€ {format_number(value, 0)}"


def bubble_chart(groups, *, title, description):
    """The SVG for ``groups``: dicts or objects with ``name``, ``annual_spend``, ``impact``,
    ``chance`` and optionally ``url`` (each bubble links there)."""
    rows = estimated(groups)
    if not rows:
        return _empty_svg(title, _("Nog geen productgroep is ingeschat op impact en MVOI-kans."))
    largest = max((row["spend"] for row in rows if row["spend"]), default=None)
    for row in rows:
        row["r"] = _radius(row["spend"], largest)
    _place(rows)
    quadrants = {
        "top_left": _("Kansrijk, minder impact"),
        "top_right": _("Hier eerst: veel impact, veel kans"),
        "bottom_left": _("Minder urgent"),
        "bottom_right": _("Veel impact, weinig ruimte"),
    }
    body = _grid_background(SIZE, quadrants)
    body += _grid_axes(SIZE, _("Impact op milieu en samenleving"), _("MVOI-kans"))
    # Largest first, so that a smaller bubble is never hidden behind a larger one.
    order = sorted(rows, key=lambda row: (-row["r"], row["name"]))
    body += [_bubble(row) for row in order]
    body += _labels(order, quadrants)
    legend, height = _legend(largest)
    return _svg(height, title, description, body + legend)


def _radius(spend, largest):
    if spend is None or largest is None:
        return HOLLOW_R
    return max(MAX_R * math.sqrt(float(spend / largest)), MIN_R)


def _place(rows):
    """Set ``cx``/``cy``: a group alone in its cell sits on the cell's centre; several are
    spread over the cell in rows and columns (largest spend first), so no two share a
    centre and each label can sit next to its own bubble."""
    cells = {}
    for row in rows:
        cells.setdefault((row["impact"], row["chance"]), []).append(row)
    for (x, y), members in cells.items():
        members.sort(key=lambda row: (-(row["spend"] or 0), row["name"]))
        centre_x, centre_y = _score_centre(x, y, SIZE)
        count = len(members)
        cols = math.ceil(math.sqrt(count))
        lines = math.ceil(count / cols)
        step_x = (CELL_W - 20) / cols
        step_y = (CELL_H - 16) / lines
        for index, row in enumerate(members):
            line, col = divmod(index, cols)
            in_line = min(cols, count - line * cols)
            cx = centre_x + (col - (in_line - 1) / 2) * step_x
            cy = centre_y + (line - (lines - 1) / 2) * step_y
            r = row["r"]
            row["cx"] = min(max(cx, GRID_LEFT + r), PLOT_RIGHT - r)
            row["cy"] = min(max(cy, GRID_TOP + r), PLOT_BOTTOM - r)


def _tooltip(row):
    spend = money(row["spend"]) if row["spend"] else _("niet bekend")
    return _("%(name)s: uitgaven per jaar %(spend)s, impact %(impact)s, MVOI-kans %(chance)s") % {
        "name": row["name"],
        "spend": spend,
        "impact": row["impact"],
        "chance": row["chance"],
    }


def _bubble(row):
    if row["spend"] is None:
        style = {"fill": "#ffffff", "stroke": MUTED, "width": 2, "css_class": "no-spend"}
    else:
        style = {"fill": FILL, "stroke": BLUE, "width": 1.5, "css_class": "bubble"}
    circle = _circle(row["cx"], row["cy"], row["r"], title=_tooltip(row), **style)
    return _link(row.get("url"), f'<g class="group">{circle}</g>')


def _overlaps(box, boxes):
    left, top, right, bottom = box
    return any(
        left < o_right and o_left < right and top < o_bottom and o_top < bottom
        for o_left, o_top, o_right, o_bottom in boxes
    )


def _label_width(label):
    """Estimated width of a label (a little wider than sans-serif really runs)."""
    return len(label) * LABEL_FONT * 0.5


def _candidates(row, width):
    """Label positions, nearest first: (x, baseline, anchor, box). Inside a bubble that is
    wide enough, then beside, above and below it, then beside it a line or two lower or
    higher."""
    cx, cy, r = row["cx"], row["cy"], row["r"]
    gap = 4
    spots = []
    if width <= 2 * r - 8:
        spots.append((cx, cy + 5, "middle"))
    spots += [
        (cx + r + gap, cy + 5, "start"),
        (cx - r - gap, cy + 5, "end"),
        (cx, cy - r - gap, "middle"),
        (cx, cy + r + LABEL_FONT + 1, "middle"),
    ]
    for shift in (LABEL_LINE, -LABEL_LINE, 2 * LABEL_LINE, -2 * LABEL_LINE):
        spots.append((cx + r + gap, cy + 5 + shift, "start"))
        spots.append((cx - r - gap, cy + 5 + shift, "end"))
    for x, baseline, anchor in spots:
        left = {"start": x, "end": x - width, "middle": x - width / 2}[anchor]
        box = (left - 2, baseline - LABEL_FONT + 1, left + width + 2, baseline + 4)
        yield x, baseline, anchor, box


def _inside(box):
    left, top, right, bottom = box
    return (
        left >= GRID_LEFT + 1
        and right <= PLOT_RIGHT - 1
        and top >= GRID_TOP + 1
        and (bottom <= PLOT_BOTTOM - 1)
    )


def _covers(box, row):
    """Does the label box cover part of this bubble?"""
    left, top, right, bottom = box
    nearest_x = min(max(row["cx"], left), right)
    nearest_y = min(max(row["cy"], top), bottom)
    return (nearest_x - row["cx"]) ** 2 + (nearest_y - row["cy"]) ** 2 < row["r"] ** 2


def _labels(rows, quadrants):
    """Each group's name next to (or inside) its bubble, where it overlaps no other label, no
    quadrant label and no other bubble's centre; of those places the nearest that covers the
    fewest other bubbles, so that a name is not read as another bubble's. White behind the
    text keeps it readable over a bubble."""
    taken = []
    for row_name, start, end in _quadrant_label_spans(quadrants):
        top = GRID_TOP + 2 if row_name == "top" else PLOT_BOTTOM - 18
        taken.append((start, top, end, top + 16))
    centres = [
        (row["cx"] - 5, row["cy"] - 5, row["cx"] + 5, row["cy"] + 5, index)
        for index, row in enumerate(rows)
    ]
    body = []
    for index, row in enumerate(rows):
        label = _truncate(row["name"], LABEL_CHARS)
        others = [other for other in rows if other is not row]
        blocked = taken + [box[:4] for box in centres if box[4] != index]
        best = None
        for order, (x, baseline, anchor, box) in enumerate(_candidates(row, _label_width(label))):
            if not _inside(box) or _overlaps(box, blocked):
                continue
            cost = order + 6 * sum(_covers(box, other) for other in others)
            if best is None or cost < best[0]:
                best = (cost, x, baseline, anchor, box)
        if best is None:
            continue  # no free place: the bubble's <title> and the table name it
        _cost, x, baseline, anchor, box = best
        taken.append(box)
        left, top, right, bottom = box
        backdrop = (
            f'<rect x="{_num(left)}" y="{_num(top)}" width="{_num(right - left)}" '
            f'height="{_num(bottom - top)}" fill="#ffffff" fill-opacity="0.75" rx="2"/>'
        )
        text = _text(x, baseline, label, size=LABEL_FONT, fill=TEXT, anchor=anchor)
        full = f"<title>{escape(row['name'])}</title>" if label != row["name"] else ""
        body.append(f'<g class="label">{full}{_leader(row, box)}{backdrop}{text}</g>')
    return body


def _leader(row, box):
    """A thin line from the bubble to a label that had to move away from it."""
    left, top, right, bottom = box
    near_x = min(max(row["cx"], left), right)
    near_y = min(max(row["cy"], top), bottom)
    dx, dy = near_x - row["cx"], near_y - row["cy"]
    distance = math.hypot(dx, dy)
    if distance - row["r"] <= 6:
        return ""
    edge_x = row["cx"] + dx * row["r"] / distance
    edge_y = row["cy"] + dy * row["r"] / distance
    return _line(edge_x, edge_y, near_x, near_y, stroke=MUTED, extra=' class="leader"')


def _legend(largest):
    """What the size and the hollow marker mean, under the axis label."""
    y = PLOT_BOTTOM + 78
    body = []
    x = 12
    if largest is not None:
        body.append(_circle(x + 10, y - 5, 10, fill=FILL, stroke=BLUE, width=1.5))
        text = _("Grootte van de bel: uitgaven per jaar (grootste: %(spend)s)") % {
            "spend": money(largest)
        }
        body.append(_text(x + 28, y, text, size=LABEL_FONT, fill=TEXT))
        y += 26
    body.append(_circle(x + 10, y - 5, HOLLOW_R, fill="#ffffff", stroke=MUTED, width=2))
    body.append(_text(x + 28, y, _("Uitgaven nog niet bekend"), size=LABEL_FONT, fill=TEXT))
    return body, y + 14
