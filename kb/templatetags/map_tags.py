"""The server-side part of the search map: positions of district markers in a
plain SVG outline of Lower Saxony, so the map shows something without tiles
and without JavaScript."""

from __future__ import annotations

from html import escape
from typing import Any

from django import template
from django.conf import settings
from django.http import QueryDict
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# Bounding box of Lower Saxony (with Bremen) in degrees.
WEST, EAST, SOUTH, NORTH = 6.6, 11.7, 51.25, 54.0
SVG_WIDTH, SVG_HEIGHT = 400, 300


@register.simple_tag
def map_settings() -> dict[str, str]:
    return {
        "tile_url": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
    }


def svg_position(marker: dict[str, Any]) -> tuple[float, float, float]:
    """(x, y, radius) of a district marker in the SVG outline."""
    x = (marker["lon"] - WEST) / (EAST - WEST) * SVG_WIDTH
    y = (NORTH - marker["lat"]) / (NORTH - SOUTH) * SVG_HEIGHT
    radius = min(8 + marker["count"] ** 0.5 * 3, 24)
    return round(x, 1), round(y, 1), round(radius, 1)


@register.simple_tag
def marker_shapes(markers: list[dict[str, Any]]) -> SafeString:
    """A circle with the hit count per district (written in Python: a
    template loop over some fifty markers cost more than the search)."""
    shapes = []
    for marker in markers:
        x, y, radius = svg_position(marker)
        count = int(marker["count"])
        shapes.append(
            f'<circle cx="{x}" cy="{y}" r="{radius}"></circle>\n<text x="{x}" '
            f'y="{y}" text-anchor="middle" dominant-baseline="central">{count}</text>'
        )
    # Only numbers: nothing to escape.
    return mark_safe("\n".join(shapes))  # noqa: S308


@register.simple_tag
def marker_links(params: QueryDict, markers: list[dict[str, Any]]) -> SafeString:
    """A link per district that narrows the current search to it (page reset).

    The query string around the district is encoded once, not per marker."""
    narrowed = params.copy()
    narrowed.pop("page", None)
    narrowed.setlist("district", [""])
    keys = list(narrowed.keys())
    position = keys.index("district")
    around = []
    for part in (keys[:position], keys[position + 1 :]):
        encoded = QueryDict(mutable=True)
        for key in part:
            encoded.setlist(key, narrowed.getlist(key))
        around.append(encoded.urlencode())

    def link(marker: dict[str, Any]) -> str:
        district = urlencode({"district": marker["ags"]})
        query = "&".join(p for p in (around[0], district, around[1]) if p)
        name, count = escape(str(marker["name"])), int(marker["count"])
        return f'<li><a href="?{escape(query)}">{name}</a> ({count})</li>'

    # The link and the name are escaped above, the count is a number.
    return mark_safe("\n".join(link(m) for m in markers))  # noqa: S308
