"""The search results as a list or a map: two links that work without
JavaScript, the map view keeping its view through filters and chips."""

from __future__ import annotations

import html
import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def _switch(page_html: str) -> dict[str, tuple[str, bool]]:
    nav = re.search(r'<nav class="view-switch".*?</nav>', page_html, re.S).group(0)
    return {
        label: (html.unescape(url), bool(current))
        for url, current, label in re.findall(
            r'<a href="([^"]*)"( aria-current="page")?>([^<]+)</a>', nav
        )
    }


def test_the_list_is_the_default_and_links_to_the_map(site_content):
    page_html = Client().get("/suche/?q=Sprache&field=sprache&page=1").content.decode()
    assert '<ol class="results">' in page_html
    assert "data-search-map" not in page_html
    switch = _switch(page_html)
    assert switch["Liste"] == ("?q=Sprache&field=sprache", True)
    assert switch["Karte"] == ("?q=Sprache&field=sprache&view=map", False)


def test_the_map_view_shows_the_map_and_keeps_itself_through_filters(site_content):
    page_html = Client().get("/suche/?q=&field=sprache&view=map").content.decode()
    assert '<ol class="results">' not in page_html
    assert "data-search-map" in page_html and 'search-map__list"' in page_html
    switch = _switch(page_html)
    assert switch["Karte"][1] and not switch["Liste"][1]
    assert switch["Liste"][0] == "?q=&field=sprache"
    # Both forms and the chip that removes the filter stay on the map.
    assert page_html.count('<input type="hidden" name="view" value="map">') == 2
    chips = re.search(r'<ul class="chips".*?</ul>', page_html, re.S).group(0)
    assert "view=map" in html.unescape(chips)
    # A district on the map narrows the search and stays on the map.
    district = re.search(r'search-map__list">\s*<li><a href="([^"]+)"', page_html)
    assert "view=map" in html.unescape(district.group(1))


def test_no_switch_without_results(site_content):
    page_html = Client().get("/suche/?q=Xylophonorchester").content.decode()
    assert 'class="view-switch"' not in page_html
