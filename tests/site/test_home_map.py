"""The home page's district map: one hexagon per district near its seat,
shaded by its number of projects in a few classes a legend names in words,
each a link to the district page with its count written on it, and a table
of all districts with counts and links."""

from __future__ import annotations

import itertools
import math
import re

import pytest
from django.test import Client

from kb.taxonomy import District
from tests.site.content import add_project
from website.templatetags.district_map_tags import (
    HEX_RADIUS_KM,
    KM_PER_DEGREE_LAT,
    KM_PER_DEGREE_LON,
    NORTH,
    WEST,
    _assignment,
    count_classes,
    tile_layout,
)


def test_the_assignment_is_the_cheapest_one():
    costs = [
        [4.0, 1.0, 3.0, 9.0],
        [2.0, 0.0, 5.0, 1.0],
        [3.0, 2.0, 2.0, 8.0],
    ]
    chosen = _assignment(costs)
    best = min(
        itertools.permutations(range(4), 3),
        key=lambda cols: sum(costs[row][col] for row, col in enumerate(cols)),
    )
    assert len(set(chosen)) == 3
    assert sum(costs[r][c] for r, c in enumerate(chosen)) == sum(
        costs[r][c] for r, c in enumerate(best)
    )


def test_count_classes_split_the_districts_with_projects_into_thirds():
    assert count_classes([0, 0, 1, 1, 2, 3, 5, 8, 13]) == [(1, 2), (3, 5), (6, 13)]
    assert count_classes([0, 4, 4, 4]) == [(1, 4)]
    assert count_classes([0, 0]) == []
    assert count_classes([1, 2]) == [(1, 1), (2, 2)]


@pytest.mark.django_db
def test_every_district_gets_its_own_tile_near_its_seat():
    seats = tuple(District.objects.values_list("ags", "lat", "lon"))
    assert len(seats) == 45
    layout = tile_layout(seats)
    centres = list(layout.values())
    assert len(set(centres)) == 45
    # No two tiles overlap: centres are at least one tile width apart.
    width = math.sqrt(3) * HEX_RADIUS_KM
    for (x1, y1), (x2, y2) in itertools.combinations(centres, 2):
        assert math.hypot(x1 - x2, y1 - y2) >= width - 0.01
    # Each tile lies within three tile widths of its seat (most much closer).
    distances = [
        math.hypot(
            layout[ags][0] - (lon - WEST) * KM_PER_DEGREE_LON,
            layout[ags][1] - (NORTH - lat) * KM_PER_DEGREE_LAT,
        )
        for ags, lat, lon in seats
    ]
    assert max(distances) < 3 * width
    assert sorted(distances)[len(distances) // 2] < width


def _section(html: str) -> str:
    match = re.search(r'<section class="district-map".*?</section>', html, re.S)
    assert match, "no district map on the page"
    return match.group(0)


@pytest.mark.django_db
def test_home_map_links_every_district_with_its_count_and_class(site_content):
    for number in range(3):
        add_project(site_content.project_index, f"Wolfsburg {number}", ("03103",))
    html = _section(Client().get("/").content.decode())
    tiles = re.findall(
        r'<a href="(/landkreis/\d{5}/)" class="([^"]+)"'
        r' aria-label="([^"]+)">.*?</a>',
        html,
        re.S,
    )
    assert len(tiles) == 45
    by_label = {label: (href, classes) for href, classes, label in tiles}
    # site_content: one project in Celle and the Region Hannover.
    assert by_label["Landkreis Celle: 1 Projekt"] == (
        "/landkreis/03351/",
        "district-map__tile district-map__tile--1",
    )
    assert by_label["Wolfsburg: 3 Projekte"][1].endswith("--3")
    assert by_label["Landkreis Goslar: 0 Projekte"][1].endswith("--0")
    # The count is written on the tile, not only shaded.
    assert re.search(r'aria-label="Wolfsburg: 3 Projekte">.*?>3</text></a>', html)
    legend = re.search(r'<ul class="district-map__legend".*?</ul>', html).group(0)
    words = re.findall(r"</span>([^<]+)</li>", legend)
    assert words == ["keine Projekte", "1 Projekt", "2 bis 3 Projekte"]
    table = re.search(r"<table>.*?</table>", html, re.S).group(0)
    assert table.count('<tr><th scope="row">') == 45
    assert '<a href="/landkreis/03103/">Wolfsburg</a></th><td>3</td>' in table
    assert "style=" not in html and "<script>" not in html


@pytest.mark.django_db
def test_home_map_counts_follow_a_new_publication(site_content, services):
    client = Client()
    html = _section(client.get("/").content.decode())
    assert 'aria-label="Landkreis Goslar: 0 Projekte"' in html
    add_project(site_content.project_index, "Harzer Sprachcafé", ("03153",))
    html = _section(client.get("/").content.decode())
    assert 'aria-label="Landkreis Goslar: 1 Projekt"' in html


@pytest.mark.django_db
def test_home_map_leaves_out_restricted_projects(site_content, services):
    from wagtail.models import PageViewRestriction

    hidden = add_project(site_content.project_index, "Intern Goslar", ("03153",))
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.LOGIN
    )
    html = _section(Client().get("/").content.decode())
    assert 'aria-label="Landkreis Goslar: 0 Projekte"' in html
