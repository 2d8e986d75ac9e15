"""The search map's server-rendered part: markers per district without JS."""

from __future__ import annotations

import json
import re

import pytest
from django.template import engines
from django.utils import translation

from search.backends import SearchResult

pytestmark = pytest.mark.django_db


def _render(rf, facets, url="/suche/?q=x&page=2"):
    result = SearchResult(count=3, hits=[], backend="database", facets=facets)
    with translation.override("de"):
        template = engines["django"].from_string(
            "{% load map_tags %}{% search_map result %}"
        )
        return template.render({"result": result, "request": rf.get(url)})


def test_one_marker_per_district_with_counts_and_filter_links(rf, settings):
    facets = {
        "district": [
            {"value": "03351", "label": "Celle", "count": 2},
            {"value": "03101", "label": "Braunschweig", "count": 1},
            {"value": "03241", "label": "Region Hannover", "count": 0},
        ]
    }
    html = _render(rf, facets)
    markers = json.loads(
        re.search(r'id="search-map-markers"[^>]*>(.*?)</script>', html).group(1)
    )
    assert {(m["ags"], m["count"]) for m in markers} == {("03351", 2), ("03101", 1)}
    assert "q=x&amp;district=03351" in html and "page=2" not in html
    assert html.count("<circle") == 2
    # SVG numbers must not be localised with decimal commas.
    assert all("," not in value for value in re.findall(r' c[xy]="([^"]*)"', html))
    assert settings.MAP_TILE_URL in html
    assert "Karte mit OpenStreetMap laden" in html


def test_no_map_without_district_counts(rf):
    assert "search-map" not in _render(rf, {"district": []})


def test_a_corrected_district_seat_shows_on_the_next_map(rf, services):
    """The seats were kept in Redis under a fixed key for an hour, so a
    corrected seat stayed wrong on every search map (issue #17)."""
    from kb.taxonomy import District

    facets = {"district": [{"value": "03351", "label": "Celle", "count": 2}]}

    def celle() -> dict:
        html = _render(rf, facets)
        found = re.search(r'id="search-map-markers"[^>]*>(.*?)</script>', html)
        (marker,) = json.loads(found.group(1))
        return marker

    assert celle()["lat"] != 52.7
    district = District.objects.get(ags="03351")
    district.lat = 52.7
    district.save()
    assert celle()["lat"] == 52.7
