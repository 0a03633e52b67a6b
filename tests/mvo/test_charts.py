"""The server-side SVG charts: valid, accessible, escaped markup with data in the right place."""

import math
import re
import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal

import pytest

from mvo.charts import WIDTH, format_number, grid_chart, level_matrix, line_chart

SVG = "{http://www.w3.org/2000/svg}"
EVIL = '<script>&"'
LEVELS = ["1 Afweging", "2 Opportuniteit", "3 Strategisch", "4 Ketenverantwoordelijk", "5 Koploper"]


def parse(svg):
    return ET.fromstring(str(svg))


def by_class(root, tag, css_class):
    return [el for el in root.iter(SVG + tag) if css_class in el.get("class", "").split()]


def texts(root):
    return ["".join(el.itertext()) for el in root.iter(SVG + "text")]


def centre(circle):
    return float(circle.get("cx")), float(circle.get("cy"))


def point(label, x, y, highlight=False, url=None):
    return {"label": label, "x": x, "y": y, "highlight": highlight, "url": url}


def grid(points, **kwargs):
    kwargs.setdefault("title", "Materialiteitsmatrix")
    kwargs.setdefault("description", "Thema's naar impact en belang")
    return grid_chart(points, x_label="Impact", y_label="Belang", **kwargs)


def matrix(rows, **kwargs):
    return level_matrix(
        rows,
        levels=LEVELS,
        title=kwargs.get("title", "Ambitie"),
        description=kwargs.get("description", "Huidig en gewenst niveau per thema"),
        current_label="Huidig",
        target_label="Ambitie",
    )


def measured(*pairs, label="Gemeten", style="line"):
    return {"label": label, "points": list(pairs), "style": style}


def chart(series, **kwargs):
    kwargs.setdefault("title", "CO2-uitstoot")
    kwargs.setdefault("description", "Nog geen metingen")
    kwargs.setdefault("x_min", date(2023, 1, 1))
    kwargs.setdefault("x_max", date(2026, 12, 31))
    return line_chart(series=series, **kwargs)


def parse_dutch(text):
    return float(text.replace(".", "").replace(",", "."))


def sample_charts():
    return [
        grid([point("Klimaat", 4, 5, highlight=True), point("Water", 2, 1)]),
        matrix([{"label": "Klimaat", "current": 2, "target": 4, "highlight": True}]),
        chart(
            [
                measured((date(2023, 3, 1), 1250), (date(2024, 6, 1), Decimal("1400.5"))),
                measured((date(2026, 12, 31), 1800), label="Doel", style="markers"),
                measured((date(2023, 1, 1), 1200), label="Nulmeting", style="baseline"),
                measured((date(2023, 1, 1), 1200), (date(2026, 12, 31), 1800), style="dashed"),
            ],
            today=date(2025, 6, 1),
            today_label="Vandaag",
        ),
        matrix([]),
        chart([]),
    ]


# --- format_number --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1234.5, "1.234,5"),
        (Decimal("0.25"), "0,25"),
        (12, "12"),
        (Decimal("1250.00"), "1.250"),
        (1.5, "1,5"),
        (1234567.891, "1.234.567,89"),
        (-0.001, "0"),
        (-2500, "-2.500"),
        (0.005, "0,01"),
    ],
)
def test_format_number_is_dutch(value, expected):
    assert format_number(value) == expected


# --- Shared properties ----------------------------------------------------------------------------


@pytest.mark.parametrize("index", range(5))
def test_every_chart_is_accessible_svg(index):
    svg = sample_charts()[index]
    root = parse(svg)
    assert root.tag == SVG + "svg"
    assert root.get("role") == "img"
    assert root.get("width") == "100%"
    assert root.get("viewBox").startswith("0 0 700 ")
    assert [child.tag for child in root[:2]] == [SVG + "title", SVG + "desc"]
    assert root[0].text and root[1].text
    for element in root.iter():
        assert element.tag != SVG + "script"
        assert not [name for name in element.attrib if name.startswith("on")]


GEOMETRY = ("x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "height", "points", "d", "transform")


def test_numbers_have_at_most_two_decimals():
    for svg in sample_charts():
        for element in parse(svg).iter():
            for name in GEOMETRY:
                for number in re.findall(r"[0-9.]+", element.get(name, "")):
                    assert re.fullmatch(r"[0-9]+(\.[0-9]{1,2})?", number), (name, number)


def contrast_on_white(colour):
    def channel(hex_pair):
        c = int(hex_pair, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return 1.05 / (luminance + 0.05)


def test_text_colours_meet_wcag_aa_on_white():
    for svg in sample_charts():
        for text in parse(svg).iter(SVG + "text"):
            assert contrast_on_white(text.get("fill")) >= 4.5, text.get("fill")


def test_titles_and_labels_are_escaped():
    charts = [
        grid([point(EVIL, 1, 1)], title=EVIL, description=EVIL),
        matrix([{"label": EVIL, "current": 1, "target": 2, "highlight": False}], title=EVIL),
        chart([measured((date(2024, 1, 1), 5), label=EVIL)], title=EVIL, description=EVIL),
    ]
    for svg in charts:
        assert "<script>" not in svg
        assert "&lt;script&gt;&amp;&quot;" in svg
        root = parse(svg)
        assert root[0].text == EVIL
        assert EVIL in texts(root)


# --- grid_chart -----------------------------------------------------------------------------------


def test_grid_skips_points_without_score():
    root = parse(grid([point("Klimaat", 3, 3), point("Geen x", None, 2), point("Geen y", 4, None)]))
    assert len(by_class(root, "g", "point")) == 1
    assert "Geen x" not in texts(root) and "Geen y" not in texts(root)


def test_grid_places_higher_scores_right_and_up():
    root = parse(grid([point("Laag", 1, 1), point("Rechts", 4, 1), point("Hoog", 1, 5)]))
    circles = {el.find(SVG + "title").text: centre(el) for el in root.iter(SVG + "circle")}
    low, right, high = circles["Laag (1, 1)"], circles["Rechts (4, 1)"], circles["Hoog (1, 5)"]
    assert right[0] > low[0] and right[1] == low[1]
    assert high[1] < low[1] and high[0] == low[0]


def test_grid_spreads_points_in_the_same_cell():
    root = parse(grid([point(f"Thema {i}", 3, 3) for i in range(4)]))
    positions = [centre(circle) for circle in root.iter(SVG + "circle")]
    assert len(positions) == 4
    assert len(set(positions)) == 4
    numbers = [text.text for text in by_class(root, "text", "number")]
    assert numbers == ["1", "2", "3", "4"]
    assert [f"Thema {i}" for i in range(4)] == [t for t in texts(root) if t.startswith("Thema")]


def test_grid_highlight_link_and_tooltip():
    root = parse(
        grid([point("Klimaat", 5, 4, highlight=True, url="/thema/1/"), point("Water", 2, 2)])
    )
    links = list(root.iter(SVG + "a"))
    assert len(links) == 1
    assert links[0].get("href") == "/thema/1/"
    (highlighted,) = by_class(root, "g", "highlight")
    assert highlighted.find(SVG + "text").get("font-weight") == "bold"
    titles = [circle.find(SVG + "title").text for circle in root.iter(SVG + "circle")]
    assert titles == ["Klimaat (5, 4)", "Water (2, 2)"]


def test_grid_does_not_link_javascript_urls():
    root = parse(grid([point("Klimaat", 2, 2, url="javascript:alert(1)")]))
    assert list(root.iter(SVG + "a")) == []


def test_grid_draws_quadrant_labels_and_ticks():
    labels = {"top_right": "Materieel", "bottom_left": "Monitoren"}
    root = parse(grid([], size=3, quadrant_labels=labels))
    shown = texts(root)
    assert "Materieel" in shown and "Monitoren" in shown
    assert shown.count("3") == 2 and "4" not in shown
    assert "Impact" in shown and "Belang" in shown


def grid_cell_centre(root, x, y, size=5):
    """The centre of cell (x, y), worked out from the grid's drawn border."""
    (border,) = [rect for rect in root.iter(SVG + "rect") if rect.get("fill") == "none"]
    left, top = float(border.get("x")), float(border.get("y"))
    width, height = float(border.get("width")), float(border.get("height"))
    return left + (x - 0.5) * width / size, top + height - (y - 0.5) * height / size


def test_grid_dot_sits_on_the_centre_of_its_score():
    labels = {"top_right": "Prioriteit", "bottom_left": "Volgen"}
    root = parse(
        grid(
            [point("Klimaat", 3, 4), point("Water", 5, 5), point("Afval", 1, 1)],
            quadrant_labels=labels,
        )
    )
    dots = {el.find(SVG + "title").text: centre(el) for el in root.iter(SVG + "circle")}
    for name, x, y in [("Klimaat", 3, 4), ("Water", 5, 5), ("Afval", 1, 1)]:
        cx, cy = dots[f"{name} ({x}, {y})"]
        expected_x, expected_y = grid_cell_centre(root, x, y)
        assert abs(cx - expected_x) < 0.5 and abs(cy - expected_y) < 0.5, name


@pytest.mark.parametrize(
    ("count", "x", "y"), [(2, 3, 4), (3, 3, 4), (5, 3, 4), (4, 5, 5), (12, 2, 2)]
)
def test_grid_points_with_the_same_score_cluster_around_it(count, x, y):
    labels = {"top_right": "Prioriteit", "top_left": "Stakeholders vragen erom"}
    root = parse(grid([point(f"Thema {i}", x, y) for i in range(count)], quadrant_labels=labels))
    dots = list(root.iter(SVG + "circle"))
    positions = [centre(dot) for dot in dots]
    radius = float(dots[0].get("r"))
    xs, ys = [p[0] for p in positions], [p[1] for p in positions]
    expected_x, expected_y = grid_cell_centre(root, x, y)
    assert abs((min(xs) + max(xs)) / 2 - expected_x) < 0.5
    assert abs((min(ys) + max(ys)) / 2 - expected_y) < 0.5
    for i, a in enumerate(positions):  # distinguishable: no two dots overlap
        for b in positions[i + 1 :]:
            assert math.dist(a, b) >= 2 * radius
    (border,) = [rect for rect in root.iter(SVG + "rect") if rect.get("fill") == "none"]
    cell_w, cell_h = float(border.get("width")) / 5, float(border.get("height")) / 5
    assert max(xs) - min(xs) + 2 * radius <= cell_w  # the cluster stays inside its cell
    assert max(ys) - min(ys) + 2 * radius <= cell_h
    if y == 5:  # clear of the quadrant label along the top
        assert min(ys) - radius > float(border.get("y")) + 17
    numbers = [text.text for text in by_class(root, "text", "number")]
    assert numbers == [str(i) for i in range(1, count + 1)]


def legend(root):
    """Legend items as (number, full text of the wrapped label lines, bold?)."""
    items = []
    for item in by_class(root, "g", "legend-item"):
        number, *lines = item.iter(SVG + "text")
        bold = {line.get("font-weight") for line in lines} == {"bold"}
        items.append((number.text, " ".join(line.text for line in lines), bold))
    return items


def test_grid_shows_full_names_in_a_numbered_legend():
    long_name = "Eerlijke arbeidsomstandigheden in de keten"
    very_long = (
        "Werk voor mensen met een afstand tot de arbeidsmarkt bij onze leveranciers en in "
        "onze eigen organisatie, ook bij inhuur van personeel via uitzendbureaus"
    )
    points = [
        point(long_name, 4, 4, highlight=True),
        point("Zonder score", None, 3),
        point(very_long, 4, 4),
        point("Water", 2, 1),
    ]
    root = parse(grid(points))
    shown = texts(root)
    assert long_name in shown
    assert not [text for text in shown if "…" in text]
    assert legend(root) == [("1", long_name, True), ("2", very_long, False), ("3", "Water", False)]
    dot_numbers = {
        group.find(f".//{SVG}title").text: group.find(f".//{SVG}text").text
        for group in by_class(root, "g", "point")
    }
    assert dot_numbers == {
        f"{long_name} (4, 4)": "1",
        f"{very_long} (4, 4)": "2",
        "Water (2, 1)": "3",
    }
    height = float(root.get("viewBox").split()[3])
    for text in root.iter(SVG + "text"):
        assert float(text.get("y")) < height
    for item in by_class(root, "g", "legend-item"):
        number, *lines = item.iter(SVG + "text")
        for line in lines:
            assert float(line.get("x")) + len(line.text) * 12 * 0.58 <= WIDTH


def test_grid_with_many_points_draws_plain_dots_without_legend():
    root = parse(grid([point(f"Stakeholder {i}", 1 + i % 5, 1 + i // 20) for i in range(100)]))
    assert len(list(root.iter(SVG + "circle"))) == 100
    assert not by_class(root, "g", "legend-item") and not by_class(root, "text", "number")


# --- level_matrix ---------------------------------------------------------------------------------


def column_centres(root):
    return [float(group.find(SVG + "text").get("x")) for group in by_class(root, "g", "level")]


def test_level_matrix_marks_current_and_target_columns():
    rows = [
        {"label": "Klimaat", "current": 2, "target": 4, "highlight": True},
        {"label": "Water", "current": 3, "target": 3, "highlight": False},
        {"label": "Ketenbeheer", "current": None, "target": 5, "highlight": False},
        {"label": "Nog niets", "current": None, "target": None, "highlight": False},
    ]
    root = parse(matrix(rows))
    columns = column_centres(root)
    assert len(columns) == 5 and columns == sorted(columns)
    row_groups = by_class(root, "g", "row")
    assert len(row_groups) == 4

    def marks(row, css_class):
        return [float(c.get("cx")) for c in by_class(row, "circle", css_class)]

    climate, water, chain, nothing = row_groups
    assert marks(climate, "current") == [columns[1]]
    assert marks(climate, "target") == [columns[3]]
    assert by_class(climate, "line", "arrow")
    assert marks(water, "current") == marks(water, "target") == [columns[2]]
    assert not by_class(water, "line", "arrow")
    assert marks(chain, "current") == [] and marks(chain, "target") == [columns[4]]
    assert marks(nothing, "current") == marks(nothing, "target") == []
    rows_y = [float(row.find(f".//{SVG}circle").get("cy")) for row in row_groups[:3]]
    assert rows_y == sorted(rows_y)


def test_level_matrix_labels_truncate_bold_and_legend():
    long_label = "Eerlijke arbeidsomstandigheden in de hele keten"
    rows = [
        {"label": long_label, "current": 1, "target": 2, "highlight": False},
        {"label": "Klimaat", "current": 1, "target": 2, "highlight": True},
    ]
    root = parse(matrix(rows))
    first, second = by_class(root, "g", "row")
    label = first.find(f".//{SVG}text")
    assert label.text.endswith("…") and len(label.text) <= 28
    assert long_label in [title.text for title in first.iter(SVG + "title")]
    assert second.find(f".//{SVG}text").get("font-weight") == "bold"
    assert "Huidig" in texts(root) and "Ambitie" in texts(root)


def test_level_matrix_grows_with_rows():
    def height(count):
        rows = [
            {"label": f"T{i}", "current": 1, "target": 2, "highlight": False} for i in range(count)
        ]
        svg = matrix(rows)
        return float(parse(svg).get("viewBox").split()[3])

    assert height(1) < height(5) < height(10)


def test_level_matrix_without_rows_shows_description():
    root = parse(matrix([], description="Nog geen thema's gekozen"))
    assert texts(root) == ["Nog geen thema's gekozen"]
    assert not by_class(root, "g", "row")


# --- line_chart -----------------------------------------------------------------------------------


def y_ticks(root):
    return [parse_dutch(text.text) for text in by_class(root, "text", "y-tick")]


@pytest.mark.parametrize(
    "values",
    [[1250, Decimal("1400.5"), 1900], [0.12, 0.37], [80, 100], [-5, 20], [42], [0, 0]],
)
def test_line_chart_y_ticks_cover_the_data(values):
    days = [date(2024, 1, 1 + i) for i in range(len(values))]
    root = parse(chart([measured(*zip(days, values, strict=True))]))
    ticks = y_ticks(root)
    assert 3 <= len(ticks) <= 7
    assert ticks == sorted(ticks)
    assert ticks[0] <= float(min(values)) and ticks[-1] >= float(max(values))
    steps = {round(b - a, 9) for a, b in zip(ticks, ticks[1:], strict=False)}
    assert len(steps) == 1


def test_line_chart_dots_follow_values_and_carry_tooltips():
    series = [measured((date(2024, 1, 1), 10), (date(2025, 1, 1), Decimal("12.5")))]
    root = parse(chart(series))
    first, second = by_class(root, "circle", "dot")
    assert float(second.get("cx")) > float(first.get("cx"))
    assert float(second.get("cy")) < float(first.get("cy"))
    assert second.find(SVG + "title").text == "Gemeten: 2025-01-01 – 12,5"
    assert len(list(root.iter(SVG + "polyline"))) == 1


def test_line_chart_styles():
    series = [
        measured((date(2023, 1, 1), 100), (date(2026, 1, 1), 50), label="Pad", style="dashed"),
        measured((date(2025, 1, 1), 70), (date(2026, 1, 1), 50), label="Doel", style="markers"),
        measured((date(2023, 1, 1), 100), label="Nulmeting", style="baseline"),
    ]
    root = parse(chart(series))
    (path,) = root.iter(SVG + "polyline")
    assert path.get("stroke-dasharray")
    assert len(by_class(root, "path", "marker")) == 2
    assert len(by_class(root, "circle", "baseline")) == 1
    assert not by_class(root, "circle", "dot")
    legend = [text.text for text in by_class(root, "text", "legend")]
    assert legend == ["Pad", "Doel", "Nulmeting"]


def test_line_chart_today_line_inside_plot():
    series = [measured((date(2023, 1, 1), 1), (date(2026, 12, 31), 2))]
    root = parse(chart(series, today=date(2025, 1, 1), today_label="Vandaag"))
    (today,) = by_class(root, "line", "today")
    first, last = by_class(root, "circle", "dot")
    x = float(today.get("x1"))
    assert float(first.get("cx")) < x < float(last.get("cx"))
    assert today.get("x1") == today.get("x2")
    assert "Vandaag" in texts(root)


def test_line_chart_today_outside_range_is_left_out():
    series = [measured((date(2024, 1, 1), 1))]
    root = parse(chart(series, today=date(2030, 1, 1), today_label="Vandaag"))
    assert not by_class(root, "line", "today")
    assert "Vandaag" not in texts(root)


def test_line_chart_x_ticks_years_or_quarters():
    series = [measured((date(2024, 3, 1), 1))]
    years = parse(chart(series))
    assert [t.text for t in by_class(years, "text", "x-tick")] == ["2023", "2024", "2025", "2026"]

    def quarter(day):
        return f"K{(day.month - 1) // 3 + 1} {day.year}"

    one_year = parse(
        chart(series, x_min=date(2024, 1, 1), x_max=date(2024, 12, 31), date_format=quarter)
    )
    labels = [t.text for t in by_class(one_year, "text", "x-tick")]
    assert labels == ["K1 2024", "K2 2024", "K3 2024", "K4 2024"]
    iso = parse(chart(series, x_min=date(2024, 1, 1), x_max=date(2024, 12, 31)))
    assert [t.text for t in by_class(iso, "text", "x-tick")][:2] == ["2024-03", "2024-06"]


def quarter(day):
    return f"K{(day.month - 1) // 3 + 1} {day.year}"


def x_tick_positions(root):
    return {t.text: float(t.get("x")) for t in by_class(root, "text", "x-tick")}


def dot_positions(root, css_class="dot"):
    return {
        el.find(SVG + "title").text.split(": ")[1].split(" ")[0]: float(el.get("cx"))
        for el in by_class(root, "circle", css_class)
    }


def test_line_chart_quarter_label_sits_under_its_value():
    ends = [date(2026, 3, 31), date(2026, 6, 30), date(2026, 9, 30), date(2026, 12, 31)]
    series = [measured(*[(day, 10 + i) for i, day in enumerate(ends)])]
    root = parse(
        chart(series, x_min=date(2026, 1, 1), x_max=date(2026, 12, 31), date_format=quarter)
    )
    labels, dots = x_tick_positions(root), dot_positions(root)
    assert list(labels) == ["K1 2026", "K2 2026", "K3 2026", "K4 2026"]
    for day in ends:
        assert abs(labels[quarter(day)] - dots[day.isoformat()]) < 1, day


def test_line_chart_year_label_sits_under_its_value():
    ends = [date(2023, 12, 31), date(2024, 12, 31), date(2025, 12, 31)]
    series = [measured(*[(day, 10 + i) for i, day in enumerate(ends)])]
    root = parse(chart(series, x_min=date(2023, 1, 1), x_max=date(2025, 12, 31)))
    labels, dots = x_tick_positions(root), dot_positions(root)
    assert list(labels) == ["2023", "2024", "2025"]
    for day in ends:
        assert abs(labels[str(day.year)] - dots[day.isoformat()]) < 1, day


def test_line_chart_yearly_period_ticks_only_year_ends():
    series = [measured((date(2024, 12, 31), 5), label="Nulmeting", style="baseline")]
    root = parse(
        chart(
            series,
            x_min=date(2024, 12, 31),
            x_max=date(2025, 8, 1),
            date_format=lambda day: str(day.year),
            period="year",
        )
    )
    labels = x_tick_positions(root)
    assert list(labels) == ["2024"]
    assert abs(labels["2024"] - dot_positions(root, "baseline")["2024-12-31"]) < 1


def test_line_chart_long_quarterly_range_labels_year_ends_with_their_quarter():
    series = [measured((date(2023, 12, 31), 1), (date(2025, 12, 31), 2))]
    root = parse(chart(series, date_format=quarter, period="quarter"))
    labels, dots = x_tick_positions(root), dot_positions(root)
    assert list(labels) == ["K4 2023", "K4 2024", "K4 2025", "K4 2026"]
    assert abs(labels["K4 2023"] - dots["2023-12-31"]) < 1
    assert abs(labels["K4 2025"] - dots["2025-12-31"]) < 1
    shorter = parse(
        chart(series, x_min=date(2024, 3, 31), x_max=date(2025, 12, 31), date_format=quarter)
    )
    labels = x_tick_positions(shorter)
    assert list(labels) == [f"K{q} {y}" for y in (2024, 2025) for q in (1, 2, 3, 4)]
    assert abs(labels["K4 2025"] - dot_positions(shorter)["2025-12-31"]) < 1


@pytest.mark.django_db
def test_kpi_chart_puts_period_labels_under_the_measurements():
    from kpis.charts import kpi_chart
    from tests.factories import KpiFactory, MeasurementFactory

    quarterly = KpiFactory(frequency="kwartaal")
    for number in (1, 2, 3):
        MeasurementFactory(kpi=quarterly, year=2025, quarter=number, value=10 * number)
    root = parse(kpi_chart(quarterly, today=date(2025, 11, 15)))
    labels, dots = x_tick_positions(root), dot_positions(root)
    assert list(labels) == ["K1 2025", "K2 2025", "K3 2025"]
    assert abs(labels["K2 2025"] - dots["2025-06-30"]) < 1

    yearly = KpiFactory(
        frequency="jaar", baseline_value=Decimal(40), baseline_date=date(2022, 12, 31)
    )
    for year in (2023, 2024):
        MeasurementFactory(kpi=yearly, year=year, quarter=None, value=year - 2000)
    root = parse(kpi_chart(yearly, today=date(2025, 5, 1)))
    labels, dots = x_tick_positions(root), dot_positions(root)
    assert list(labels) == ["2022", "2023", "2024"]
    assert abs(labels["2024"] - dots["2024-12-31"]) < 1
    assert abs(labels["2022"] - dot_positions(root, "baseline")["2022-12-31"]) < 1


def estimated_width(text, size):
    return len(text) * size * 0.58


@pytest.mark.parametrize(
    "values",
    [[1234567.5, 1234568.25], [-98765432, 12345678], [12345.67, 12345.68], [5, 7]],
)
def test_line_chart_wide_y_tick_labels_stay_inside(values):
    days = [date(2024, 1, 1), date(2024, 6, 1)]
    root = parse(chart([measured(*zip(days, values, strict=True))], y_label="kg CO2"))
    ticks = by_class(root, "text", "y-tick")
    widest = max(ticks, key=lambda text: estimated_width(text.text, 11))
    left_edge = float(widest.get("x")) - estimated_width(widest.text, 11)
    assert left_edge >= 0
    assert left_edge >= 20  # clear of the rotated y label at x = 16
    axis_x = min(float(dot.get("cx")) for dot in by_class(root, "circle", "dot"))
    assert float(widest.get("x")) < axis_x  # labels end left of the plot


def test_line_chart_x_tick_labels_stay_inside():
    series = [measured((date(2024, 1, 10), 1), (date(2024, 1, 20), 2))]
    root = parse(chart(series, x_min=date(2024, 1, 10), x_max=date(2024, 1, 20)))
    labels = by_class(root, "text", "x-tick")
    assert [t.text for t in labels] == ["2024-01-10", "2024-01-20"]
    for text in labels:
        half = estimated_width(text.text, 11) / 2
        assert float(text.get("x")) - half >= 0
        assert float(text.get("x")) + half <= WIDTH


@pytest.mark.parametrize(
    "series",
    [
        [],
        [measured()],
        [measured((date(2024, 1, 1), None))],
        [measured((date(2030, 1, 1), 5))],
    ],
)
def test_line_chart_without_data_shows_description(series):
    root = parse(chart(series, description="Nog geen metingen"))
    assert texts(root) == ["Nog geen metingen"]
    assert not list(root.iter(SVG + "polyline"))
    assert not list(root.iter(SVG + "circle"))
