"""The heat map SVG: counts in every cell, links only when asked, escaped text, levels."""

import re
import xml.etree.ElementTree as ET

import pytest

from duediligence.heatmap import cell_level, describe, heat_map_svg

SVG = "{http://www.w3.org/2000/svg}"


def cell_numbers(svg):
    """{(severity, likelihood): the count shown} read back from the cells' tooltips and text."""
    root = ET.fromstring(str(svg))
    shown = {}
    for group in root.iter(f"{SVG}g"):
        if "heat-cell" not in group.get("class", ""):
            continue
        tooltip = group.find(f"{SVG}title").text
        severity, likelihood = map(int, re.findall(r"\d+", tooltip)[:2])
        numbers = [t.text for t in group.findall(f"{SVG}text")]
        shown[(severity, likelihood)] = int(numbers[0])
    return shown


def test_every_cell_shows_its_count_and_empty_cells_zero():
    counts = {(5, 1): 2, (3, 4): 1, (1, 1): 7, (4, 5): 12}
    shown = cell_numbers(heat_map_svg(counts))
    assert len(shown) == 25
    for severity in range(1, 6):
        for likelihood in range(1, 6):
            assert shown[(severity, likelihood)] == counts.get((severity, likelihood), 0)


def test_severity_five_is_the_top_row_and_likelihood_five_the_right_column():
    svg = str(heat_map_svg({(5, 5): 3, (1, 1): 4}))
    root = ET.fromstring(svg)
    positions = {}
    for group in root.iter(f"{SVG}g"):
        if "heat-cell" in group.get("class", ""):
            rect = group.find(f"{SVG}rect")
            key = tuple(map(int, re.findall(r"\d+", group.find(f"{SVG}title").text)[:2]))
            positions[key] = (float(rect.get("x")), float(rect.get("y")))
    assert positions[(5, 5)][1] < positions[(1, 1)][1]  # higher severity nearer the top
    assert positions[(5, 5)][0] > positions[(1, 1)][0]  # higher likelihood further right


def test_no_links_without_url_for_cell():
    svg = str(heat_map_svg({(5, 1): 2}))
    assert "<a " not in svg
    assert 'role="img"' in svg


def test_links_only_on_cells_with_risks():
    asked = []

    def url(severity, likelihood):
        asked.append((severity, likelihood))
        return f"/register/?severity={severity}&likelihood={likelihood}"

    svg = str(heat_map_svg({(5, 1): 2, (2, 3): 1, (4, 4): 0}, url_for_cell=url))
    assert sorted(asked) == [(2, 3), (5, 1)]
    hrefs = re.findall(r'<a href="([^"]+)"', svg)
    assert sorted(hrefs) == [
        "/register/?severity=2&amp;likelihood=3",
        "/register/?severity=5&amp;likelihood=1",
    ]
    assert 'role="group"' in svg
    ET.fromstring(svg)  # still well-formed XML


def test_unsafe_link_is_dropped():
    svg = str(
        heat_map_svg({(5, 1): 2}, url_for_cell=lambda severity, likelihood: "javascript:alert(1)")
    )
    assert "javascript" not in svg
    assert "<a " not in svg


def test_title_is_escaped():
    svg = str(heat_map_svg({}, title='<script>alert("x")</script> & co'))
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    root = ET.fromstring(svg)
    assert root.find(f"{SVG}title").text == '<script>alert("x")</script> & co'


def test_description_lists_the_counts():
    svg = heat_map_svg({(5, 1): 2, (3, 4): 1})
    desc = ET.fromstring(str(svg)).find(f"{SVG}desc").text
    assert desc.startswith("3 risico's")
    assert "Ernst 5, waarschijnlijkheid 1 (hoog): 2 risico's." in desc
    assert "Ernst 3, waarschijnlijkheid 4 (hoog): 1 risico." in desc
    assert desc.index("Ernst 5") < desc.index("Ernst 3")  # most severe first


def test_description_of_an_empty_map():
    assert describe({}) == "Nog geen risico's in de heatmap."


def test_counts_outside_the_grid_are_left_out():
    assert describe({(6, 1): 3, (0, 2): 1, (2, 2): 0}) == "Nog geen risico's in de heatmap."


def test_active_cell_is_marked():
    svg = str(heat_map_svg({(5, 1): 2, (2, 2): 1}, active=(5, 1)))
    root = ET.fromstring(svg)
    active = [g for g in root.iter(f"{SVG}g") if "active" in g.get("class", "").split()]
    assert len(active) == 1
    assert "Ernst 5, waarschijnlijkheid 1" in active[0].find(f"{SVG}title").text
    assert "filter" in [t.text for t in active[0].findall(f"{SVG}text")]


def test_level_is_written_in_each_cell_not_only_coloured():
    root = ET.fromstring(str(heat_map_svg({})))
    words = set()
    for group in root.iter(f"{SVG}g"):
        if "heat-cell" in group.get("class", ""):
            words.add(group.findall(f"{SVG}text")[1].text)
    assert words == {"laag", "midden", "hoog", "zeer hoog"}


@pytest.mark.parametrize(
    ("severity", "likelihood", "level"),
    [
        (1, 1, "laag"),
        (2, 3, "laag"),
        (2, 4, "midden"),
        (3, 1, "midden"),
        (3, 5, "hoog"),
        (4, 1, "hoog"),
        (5, 3, "hoog"),
        (4, 4, "zeer_hoog"),
        (5, 5, "zeer_hoog"),
    ],
)
def test_cell_level(severity, likelihood, level):
    assert cell_level(severity, likelihood) == level


def test_scales_with_its_viewbox():
    svg = str(heat_map_svg({}))
    assert 'width="100%"' in svg
    assert re.search(r'viewBox="0 0 700 \d+"', svg)
