"""The MVOI share chart: per year the actual share of promising tenders that apply a chosen
theme (a bar) against that year's target (a marker line), on a 0–100 % axis.

Built from the plain SVG helpers of mvo.charts, so it is the same kind of markup as the other
charts: a viewBox with ``width="100%"`` (scales down to a phone), inline attributes only (fine
in a WeasyPrint PDF), ``<title>`` and ``<desc>`` first, every text escaped.
"""

from django.utils.html import escape
from django.utils.translation import gettext as _

from mvo.charts import (
    AXIS,
    BLUE,
    GRID,
    MUTED,
    ORANGE,
    WIDTH,
    _empty_svg,
    _line,
    _rect,
    _svg,
    _text,
)

LEFT = 64
RIGHT = WIDTH - 12
TOP = 28
PLOT_HEIGHT = 240
BOTTOM = TOP + PLOT_HEIGHT
TICKS = (0, 25, 50, 75, 100)
FONT = 15  # a 700 wide viewBox shown at 390 px still reads at ~8 px
MAX_BAR = 72


def _y(pct):
    """The y coordinate of a percentage, clamped to 0–100."""
    pct = max(0, min(100, pct))
    return BOTTOM - PLOT_HEIGHT * pct / 100


def _pct(value):
    return "–" if value is None else f"{value}%"


def _axis():
    body = []
    for tick in TICKS:
        y = _y(tick)
        body.append(_line(LEFT, y, RIGHT, y, stroke=GRID if tick else AXIS))
        body.append(_text(LEFT - 8, y + 5, f"{tick}%", size=13, fill=MUTED, anchor="end"))
    body.append(_line(LEFT, TOP, LEFT, BOTTOM, stroke=AXIS))
    return body


def _year(row, x, slot):
    """The bar, target marker and labels of one year, centred on ``x``."""
    actual, target = row.get("actual_pct"), row.get("target_pct")
    bar_w = min(MAX_BAR, slot * 0.5)
    tooltip = _("{year}: werkelijk {actual}, doel {target}").format(
        year=row["year"], actual=_pct(actual), target=_pct(target)
    )
    body = [f'<g class="year"><title>{escape(tooltip)}</title>']
    if actual is not None:
        top = _y(actual)
        body.append(_rect(x - bar_w / 2, top, bar_w, max(BOTTOM - top, 0), BLUE))
        if BOTTOM - top >= 26:  # inside the bar, at its foot: clear of the target line
            body.append(
                _text(
                    x, BOTTOM - 9, f"{actual}%", size=13, fill="#ffffff", anchor="middle", bold=True
                )
            )
        else:
            body.append(_text(x, top - 6, f"{actual}%", size=13, anchor="middle", bold=True))
    if target is not None:
        y = _y(target)
        half = min(slot * 0.42, bar_w / 2 + 14)
        body.append(
            _line(x - half, y, x + half, y, stroke=ORANGE, width=5, extra=' class="target"')
        )
    body.append(_text(x, BOTTOM + 22, str(row["year"]), size=FONT, anchor="middle"))
    body.append(
        _text(
            x,
            BOTTOM + 42,
            _("doel {target}").format(target=_pct(target)),
            size=12,
            fill=MUTED,
            anchor="middle",
        )
    )
    body.append("</g>")
    return body


def _legend(y):
    actual = _("Werkelijk aandeel")
    target = _("Doel")
    body = [_rect(LEFT, y - 11, 22, 14, BLUE)]
    body.append(_text(LEFT + 30, y, actual, size=13))
    x = LEFT + 30 + len(actual) * 13 * 0.58 + 28
    body.append(_line(x, y - 4, x + 24, y - 4, stroke=ORANGE, width=4))
    body.append(_text(x + 32, y, target, size=13))
    return body


def share_chart(rows, *, title, description):
    """An SVG (SafeString) of the yearly share against the target.

    ``rows``: dicts like procurement.share.share_by_year gives, with ``year``, ``actual_pct``
    and ``target_pct`` (either may be None). Without rows: a small box with the description.
    """
    rows = [row for row in rows if row.get("year") is not None]
    if not rows:
        return _empty_svg(title, description)
    slot = (RIGHT - LEFT) / len(rows)
    body = _axis()
    for index, row in enumerate(rows):
        body += _year(row, LEFT + slot * (index + 0.5), slot)
    body += _legend(BOTTOM + 74)
    return _svg(BOTTOM + 86, title, description, body)
