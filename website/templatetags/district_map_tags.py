"""The home page's map: Lower Saxony's 45 districts as a tile map, each
district one hexagon near its seat, shaded by its number of projects.

The vocabulary has seat coordinates, not boundaries, so the map is schematic:
every district gets a hexagon of the same size, placed as close to its seat
as the others allow (the assignment with the least total squared distance).
That keeps the map readable for the small cities around Braunschweig and
Hannover, which a drawing to scale would show as dots. Every tile is a link
to the district page with its count written on it (a cue that needs no
colour); a table of all districts with counts and links follows the map,
without JavaScript too. Nothing is loaded from another server.

Written in Python like the search map (``map_tags``): 45 tiles as a template
loop cost more than the rest of the page."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from django import template
from django.templatetags.static import static
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from kb.page_cache import versioned_value
from kb.taxonomy import District

from ..listings import listing_counts

register = template.Library()

# A tile a little larger than the average district (about 1,060 km²) packs the
# 45 tiles into one piece, with Hamburg's gap between Stade and Harburg.
HEX_RADIUS_KM = 23.0
# Degrees to kilometres around the middle of Lower Saxony (52.6° N).
KM_PER_DEGREE_LAT = 110.57
KM_PER_DEGREE_LON = 111.32 * math.cos(math.radians(52.6))
NORTH, WEST = 54.0, 6.6
# Shades of the tiles: 0 for no project, then up to three count classes.
SHADES = 3


@dataclass(frozen=True)
class Tile:
    ags: str
    name: str
    count: int
    x: float
    y: float
    shade: int


def _hex_centre(col: int, row: int) -> tuple[float, float]:
    """Centre of a pointy-top hexagon in rows shifted by half a tile."""
    width = math.sqrt(3) * HEX_RADIUS_KM
    return col * width + (width / 2 if row % 2 else 0), row * 1.5 * HEX_RADIUS_KM


def _assignment(costs: list[list[float]]) -> list[int]:
    """For each row the column of the cheapest assignment of rows to distinct
    columns (Hungarian method with potentials, rows <= columns)."""
    rows, cols = len(costs), len(costs[0])
    u, v = [0.0] * (rows + 1), [0.0] * (cols + 1)
    owner, way = [0] * (cols + 1), [0] * (cols + 1)
    for row in range(1, rows + 1):
        owner[0], free = row, 0
        least = [math.inf] * (cols + 1)
        used = [False] * (cols + 1)
        while True:
            used[free] = True
            current, delta, next_free = owner[free], math.inf, 0
            line = costs[current - 1]
            for col in range(1, cols + 1):
                if used[col]:
                    continue
                reduced = line[col - 1] - u[current] - v[col]
                if reduced < least[col]:
                    least[col], way[col] = reduced, free
                if least[col] < delta:
                    delta, next_free = least[col], col
            for col in range(cols + 1):
                if used[col]:
                    u[owner[col]] += delta
                    v[col] -= delta
                else:
                    least[col] -= delta
            free = next_free
            if owner[free] == 0:
                break
        while free:
            previous = way[free]
            owner[free] = owner[previous]
            free = previous
    result = [0] * rows
    for col in range(1, cols + 1):
        if owner[col]:
            result[owner[col] - 1] = col - 1
    return result


@lru_cache(maxsize=4)
def tile_layout(
    seats: tuple[tuple[str, float, float], ...],
) -> dict[str, tuple[float, float]]:
    """The hexagon centre (km east and south of 54° N, 6.6° E) of each
    district ``(ags, lat, lon)``: near its seat, no two on one hexagon.
    Computed once per set of seats (a corrected seat moves its tile)."""
    points = [
        ((lon - WEST) * KM_PER_DEGREE_LON, (NORTH - lat) * KM_PER_DEGREE_LAT)
        for _ags, lat, lon in seats
    ]
    reach = (2.5 * HEX_RADIUS_KM) ** 2
    width, height = math.sqrt(3) * HEX_RADIUS_KM, 1.5 * HEX_RADIUS_KM
    max_x = max(x for x, _y in points)
    max_y = max(y for _x, y in points)
    min_x = min(x for x, _y in points)
    min_y = min(y for _x, y in points)
    cells = []
    for row in range(math.floor(min_y / height) - 1, math.ceil(max_y / height) + 2):
        for col in range(math.floor(min_x / width) - 1, math.ceil(max_x / width) + 2):
            cx, cy = _hex_centre(col, row)
            if any((cx - x) ** 2 + (cy - y) ** 2 <= reach for x, y in points):
                cells.append((cx, cy))
    costs = [[(cx - x) ** 2 + (cy - y) ** 2 for cx, cy in cells] for x, y in points]
    chosen = _assignment(costs)
    return {
        ags: cells[chosen[number]] for number, (ags, _lat, _lon) in enumerate(seats)
    }


def count_classes(counts: list[int]) -> list[tuple[int, int]]:
    """Up to three ranges (lowest, highest) of the districts' positive counts,
    splitting the districts with projects into thirds."""
    positive = sorted(count for count in counts if count > 0)
    if not positive:
        return []
    size = len(positive)
    tops = [positive[math.ceil(size * part / SHADES) - 1] for part in (1, 2, 3)]
    ranges, lowest = [], 1
    for top in tops:
        if top >= lowest:
            ranges.append((lowest, top))
            lowest = top + 1
    return ranges


def _shades(ranges: list[tuple[int, int]]) -> list[int]:
    """The shade (1 light to 3 dark) of each range: the darkest for the most."""
    return {1: [3], 2: [1, 3]}.get(len(ranges), [1, 2, 3])


def district_tiles() -> tuple[list[Tile], list[tuple[int, int, int]]]:
    """The tiles in reading order (row by row) and the legend's classes
    (shade, lowest, highest). The districts with their seats and the live
    public projects per district are the values the region and district pages
    keep under the content version (``website.views``, ``website.listings``)."""
    districts = versioned_value(
        "districts",
        lambda: list(District.objects.select_related("region").order_by("name")),
    )
    if not districts:
        return [], []
    per_id = versioned_value("listing-counts", lambda: listing_counts(None))
    counts = {d.ags: per_id["district"].get(d.pk, 0) for d in districts}
    layout = tile_layout(tuple((d.ags, d.lat, d.lon) for d in districts))
    ranges = count_classes(list(counts.values()))
    classes = [
        (shade, low, high)
        for shade, (low, high) in zip(_shades(ranges), ranges, strict=True)
    ]

    def shade(count: int) -> int:
        return next((s for s, low, high in classes if low <= count <= high), 0)

    tiles = [
        Tile(
            ags=d.ags,
            name=str(d),
            count=counts[d.ags],
            x=layout[d.ags][0],
            y=layout[d.ags][1],
            shade=shade(counts[d.ags]),
        )
        for d in districts
    ]
    tiles.sort(key=lambda tile: (round(tile.y), tile.x))
    return tiles, classes


def _hexagon(x: float, y: float) -> str:
    # A little smaller than the grid: a gap shows each tile's edge.
    radius = HEX_RADIUS_KM * 0.94
    corners = (
        (x + radius * math.cos(angle), y + radius * math.sin(angle))
        for angle in (math.radians(60 * k - 30) for k in range(6))
    )
    return "M" + "L".join(f"{cx:.1f},{cy:.1f}" for cx, cy in corners) + "Z"


def _projects(count: int) -> str:
    return ngettext("%(count)s Projekt", "%(count)s Projekte", count) % {"count": count}


def _range_words(low: int, high: int) -> str:
    if low == high:
        return _projects(low)
    return gettext("%(low)s bis %(high)s Projekte") % {"low": low, "high": high}


def _svg(tiles: list[Tile], link: str) -> str:
    margin = HEX_RADIUS_KM + 2
    left = min(t.x for t in tiles) - margin
    top = min(t.y for t in tiles) - margin
    width = max(t.x for t in tiles) + margin - left
    height = max(t.y for t in tiles) + margin - top
    parts = [
        f'<svg class="district-map__svg" viewBox="{left:.0f} {top:.0f} '
        f'{width:.0f} {height:.0f}" role="group" aria-labelledby="district-map-heading"'
        ' aria-describedby="district-map-help">'
    ]
    for tile in tiles:
        label = escape(f"{tile.name}: {_projects(tile.count)}")
        parts.append(
            f'<a href="{escape(link.replace("00000", tile.ags))}"'
            f' class="district-map__tile district-map__tile--{tile.shade}"'
            f' aria-label="{label}"><title>{label}</title>'
            f'<path d="{_hexagon(tile.x, tile.y)}"></path>'
            f'<text x="{tile.x:.1f}" y="{tile.y:.1f}" text-anchor="middle"'
            f' dominant-baseline="central" aria-hidden="true">{tile.count}</text></a>'
        )
    parts.append("</svg>")
    return "\n".join(parts)


def _legend(classes: list[tuple[int, int, int]], any_empty: bool) -> str:
    entries = [(0, gettext("keine Projekte"))] if any_empty else []
    entries += [(shade, _range_words(low, high)) for shade, low, high in classes]
    items = "".join(
        f'<li><span class="district-map__key district-map__key--{shade}"'
        f' aria-hidden="true"></span>{escape(words)}</li>'
        for shade, words in entries
    )
    title = escape(gettext("Legende"))
    return f'<ul class="district-map__legend" aria-label="{title}">{items}</ul>'


def _table(tiles: list[Tile], link: str) -> str:
    summary = gettext("Alle Landkreise und Städte als Tabelle")
    caption = gettext("Projekte je Landkreis und Stadt")
    place, projects = gettext("Landkreis oder Stadt"), gettext("Projekte")
    rows = "\n".join(
        f'<tr><th scope="row"><a href="{escape(link.replace("00000", tile.ags))}">'
        f"{escape(tile.name)}</a></th><td>{tile.count}</td></tr>"
        for tile in sorted(tiles, key=lambda tile: tile.name.casefold())
    )
    return (
        '<details class="district-map__table">\n'
        f"<summary>{escape(summary)}</summary>\n"
        '<div class="table-wrap"><table>\n'
        f"<caption>{escape(caption)}</caption>\n"
        f'<thead><tr><th scope="col">{escape(place)}</th>'
        f'<th scope="col">{escape(projects)}</th></tr></thead>\n'
        f"<tbody>\n{rows}\n</tbody></table></div>\n</details>"
    )


@register.simple_tag
def district_map() -> SafeString:
    """The map section of the home page: heading, help text, the tiles, the
    legend, the caption ``js/district-map.js`` fills with the district under
    the pointer or focus, and the table."""
    tiles, classes = district_tiles()
    if not any(tile.count for tile in tiles):
        return mark_safe("")
    link = reverse("district", args=["00000"])
    heading = gettext("Projekte nach Landkreis")
    help_text = gettext(
        "Jedes Sechseck steht für einen Landkreis oder eine kreisfreie Stadt, "
        "ungefähr an seinem Ort. Die Zahl nennt seine Projekte, je dunkler, "
        "desto mehr. Ein Klick auf ein Sechseck öffnet die Seite des Landkreises."
    )
    html = (
        '<section class="district-map" aria-labelledby="district-map-heading"'
        " data-district-map>\n"
        f'<h2 id="district-map-heading">{escape(heading)}'
        "</h2>\n"
        f'<p id="district-map-help">{escape(help_text)}</p>\n'
        '<div class="district-map__body">\n'
        f"{_svg(tiles, link)}\n"
        '<div class="district-map__side">\n'
        '<p class="district-map__caption" data-district-caption'
        ' aria-hidden="true"></p>\n'
        f"{_legend(classes, any(tile.count == 0 for tile in tiles))}\n"
        "</div>\n</div>\n"
        f"{_table(tiles, link)}\n"
        "</section>\n"
        f'<script src="{escape(static("js/district-map.js"))}" defer></script>'
    )
    # Every name and translation above is escaped; the rest is numbers.
    return mark_safe(html)  # noqa: S308
