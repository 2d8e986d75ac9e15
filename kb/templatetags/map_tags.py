"""The server-side part of the search map: positions of district markers in a
plain SVG outline of Lower Saxony, so the map shows something without tiles
and without JavaScript."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.http import QueryDict
from django.utils.html import format_html_join
from django.utils.http import urlencode
from django.utils.safestring import SafeString

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
    return format_html_join(
        "\n",
        '<circle cx="{0}" cy="{1}" r="{2}"></circle>\n<text x="{0}" y="{1}" '
        'text-anchor="middle" dominant-baseline="central">{3}</text>',
        (svg_position(marker) + (marker["count"],) for marker in markers),
    )


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

    def link(marker: dict[str, Any]) -> tuple[str, str, int]:
        district = urlencode({"district": marker["ags"]})
        query = "&".join(p for p in (around[0], district, around[1]) if p)
        return "?" + query, marker["name"], marker["count"]

    return format_html_join(
        "\n", '<li><a href="{}">{}</a> ({})</li>', (link(m) for m in markers)
    )
