"""The server-side part of the search map: one marker per district of the
result, placed in a plain SVG outline of Lower Saxony, so the map shows
something without tiles and without JavaScript.

The section is written in Python, like the facets and result cards: as a
template include with its translations, static paths and loops it was a
visible part of every search's render time."""

from __future__ import annotations

from functools import lru_cache
from html import escape
from typing import Any
from urllib.parse import quote_plus, urlencode

import orjson
from django import template
from django.conf import settings
from django.http import QueryDict
from django.templatetags.static import static
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from ..page_cache import versioned_value
from ..taxonomy import District

register = template.Library()

# Bounding box of Lower Saxony (with Bremen) in degrees.
WEST, EAST, SOUTH, NORTH = 6.6, 11.7, 51.25, 54.0
SVG_WIDTH, SVG_HEIGHT = 400, 300
# What Django's json_script escapes, so the JSON cannot end the script element.
SCRIPT_ESCAPES = (("<", "\\u003C"), (">", "\\u003E"), ("&", "\\u0026"))


def _load_seats() -> list[dict[str, Any]]:
    return [
        {"ags": d.ags, "name": str(d), "lat": d.lat, "lon": d.lon}
        for d in District.objects.order_by("name")
    ]


def _district_seats() -> list[dict[str, Any]]:
    # Under the content version: a corrected seat shows on the next search.
    return versioned_value("district-seats", _load_seats)


def _facet_value(item: dict) -> tuple[str, int]:
    value = item.get("value", item.get("key", ""))
    count = item.get("count", item.get("doc_count", 0))
    return str(value), int(count)


def district_markers(request, result: Any) -> list[dict[str, Any]]:
    """One marker per district of the search result's ``district`` facet.

    The facet carries official keys (AGS) and counts; the seat coordinates come
    from the vocabulary, so the map needs no request of its own. The seats are
    kept in Redis under the content version."""
    facets = getattr(result, "facets", None) or {}
    counts = dict(_facet_value(item) for item in facets.get("district", []))
    counts = {ags: count for ags, count in counts.items() if count > 0}
    if not counts:
        return []
    seats = _district_seats()
    return [
        {**seat, "count": counts[seat["ags"]]}
        for seat in seats
        if seat["ags"] in counts
    ]


@lru_cache(maxsize=512)
def _point(lat: float, lon: float) -> tuple[float, float]:
    x = (lon - WEST) / (EAST - WEST) * SVG_WIDTH
    y = (NORTH - lat) / (NORTH - SOUTH) * SVG_HEIGHT
    return round(x, 1), round(y, 1)


def svg_position(lat: float, lon: float, count: int) -> tuple[float, float, float]:
    """(x, y, radius) of a district marker in the SVG outline."""
    x, y = _point(lat, lon)
    radius = min(8 + count**0.5 * 3, 24)
    return x, y, round(radius, 1)


@lru_cache(maxsize=4096)
def _shape(lat: float, lon: float, count: int) -> str:
    x, y, radius = svg_position(lat, lon, count)
    return (
        f'<circle cx="{x}" cy="{y}" r="{radius}"></circle>\n<text x="{x}" '
        f'y="{y}" text-anchor="middle" dominant-baseline="central">{count}</text>'
    )


@register.simple_tag
def marker_shapes(markers: list[dict[str, Any]]) -> SafeString:
    """A circle with the hit count per district (written in Python: a
    template loop over some fifty markers cost more than the search; each
    district and count is drawn once per process)."""
    shapes = [_shape(m["lat"], m["lon"], int(m["count"])) for m in markers]
    # Only numbers: nothing to escape.
    return mark_safe("\n".join(shapes))  # noqa: S308


@register.simple_tag
def marker_links(params: QueryDict, markers: list[dict[str, Any]]) -> SafeString:
    """A link per district that narrows the current search to it (page reset).

    The query string around the district is encoded once, not per marker;
    ``district`` keeps its place among the parameters, or comes last."""
    keys = [key for key in params if key != "page"]
    if "district" not in keys:
        keys.append("district")
    position = keys.index("district")
    around = [
        urlencode([(key, value) for key in part for value in params.getlist(key)])
        for part in (keys[:position], keys[position + 1 :])
    ]

    # Escaping a query string is escaping its parts and the "&" between them.
    before = escape(around[0]) + "&amp;" if around[0] else ""
    after = "&amp;" + escape(around[1]) if around[1] else ""

    def link(marker: dict[str, Any]) -> str:
        district, name = _district_link(str(marker["ags"]), str(marker["name"]))
        count = int(marker["count"])
        return f'<li><a href="?{before}{district}{after}">{name}</a> ({count})</li>'

    # The query string and the name are escaped, the count is a number.
    return mark_safe("\n".join(link(m) for m in markers))  # noqa: S308


@lru_cache(maxsize=256)
def _district_link(ags: str, name: str) -> tuple[str, str]:
    """The escaped ``district=`` parameter and the escaped name."""
    return escape("district=" + quote_plus(ags)), escape(name)


def _markers_script(markers: list[dict[str, Any]]) -> str:
    """The markers for ``js/search-map.js``, escaped as Django's
    ``json_script`` escapes, serialised with orjson instead of ``json``."""
    data = orjson.dumps(markers).decode()
    # Three replaces: ``str.translate`` is slow on text that is not ASCII.
    for character, escaped in SCRIPT_ESCAPES:
        data = data.replace(character, escaped)
    return f'<script id="search-map-markers" type="application/json">{data}</script>'


@lru_cache(maxsize=32)
def _frame(
    language: str, tile_url: str, attribution: str, static_url: str
) -> tuple[str, str, str]:
    """The section's fixed markup in one language, as (before the marker
    shapes, between shapes and links, after the markers' JSON): five translations,
    three static paths and their escaping, once per language and settings
    (``static_url`` keys the cache for the paths ``static`` builds)."""
    consent = gettext(
        "Die Karte lädt Kartenbilder von OpenStreetMap. Dabei wird Ihre "
        "IP-Adresse an den Kartenserver übertragen."
    )
    heading = gettext("Karte der Treffer nach Landkreis")
    load = gettext("Karte mit OpenStreetMap laden")
    canvas = gettext("Interaktive Karte")
    svg_title = gettext(
        "Treffer je Landkreis, schematisch; die Liste daneben nennt die Zahlen."
    )
    before = (
        '<section class="search-map" aria-labelledby="map-heading" data-search-map'
        f' data-tile-url="{escape(tile_url)}"'
        f' data-attribution="{escape(attribution)}"'
        f' data-leaflet-js="{escape(static("vendor/leaflet/leaflet.js"))}"'
        f' data-leaflet-css="{escape(static("vendor/leaflet/leaflet.css"))}">\n'
        f'<h2 id="map-heading">{escape(heading)}</h2>\n'
        '<div class="search-map__consent" data-map-consent hidden>\n'
        f"<p>{escape(consent)}</p>\n"
        f'<button type="button" data-map-load>{escape(load)}</button>\n</div>\n'
        '<div class="search-map__canvas" data-map-canvas role="region"'
        f' aria-label="{escape(canvas)}"></div>\n'
        '<div class="search-map__fallback" data-map-fallback>\n'
        '<svg class="search-map__svg" viewBox="0 0 400 300" role="img"'
        ' aria-labelledby="map-svg-title">\n'
        f'<title id="map-svg-title">{escape(svg_title)}</title>\n'
    )
    between = '\n</svg>\n</div>\n<ul class="inline-list search-map__list">\n'
    end = (
        "\n</section>\n"
        f'<script src="{escape(static("js/search-map.js"))}" defer></script>'
    )
    return before, between, end


@register.simple_tag(takes_context=True)
def search_map(context: template.Context, result: Any) -> SafeString:
    """The map section of the search page, or nothing without district counts.

    JavaScript (``js/search-map.js``) turns it into a Leaflet map after the
    visitor agrees to load tiles; until then the SVG and the list show the
    districts and counts."""
    request = context.get("request")
    markers = district_markers(request, result)
    if not markers:
        return mark_safe("")
    before, between, end = _frame(
        get_language() or "",
        settings.MAP_TILE_URL,
        settings.MAP_TILE_ATTRIBUTION,
        settings.STATIC_URL or "",
    )
    params = request.GET if request else QueryDict()
    html = (
        before
        + marker_shapes(markers)
        + between
        + marker_links(params, markers)
        + "\n</ul>\n"
        + _markers_script(markers)
        + end
    )
    # The frame escapes every setting and translation; shapes, links and the
    # JSON script are safe markup of this module.
    return mark_safe(html)  # noqa: S308
