"""The server-side part of the search map: positions of district markers in a
plain SVG outline of Lower Saxony, so the map shows something without tiles
and without JavaScript."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.http import QueryDict

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


@register.filter
def svg_position(marker: dict[str, Any]) -> dict[str, float]:
    x = (marker["lon"] - WEST) / (EAST - WEST) * SVG_WIDTH
    y = (NORTH - marker["lat"]) / (NORTH - SOUTH) * SVG_HEIGHT
    radius = min(8 + marker["count"] ** 0.5 * 3, 24)
    return {"x": round(x, 1), "y": round(y, 1), "r": round(radius, 1)}


@register.simple_tag
def with_district(params: QueryDict, ags: str) -> str:
    """The current search narrowed to one district (page reset)."""
    narrowed = params.copy()
    narrowed.pop("page", None)
    narrowed.setlist("district", [ags])
    return narrowed.urlencode()
