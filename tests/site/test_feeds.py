"""RSS and Atom feeds of new projects parse as XML and are filtered."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from tests.site.content import add_project

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def _xml(content: bytes) -> ET.Element:
    # Our own server's output, parsed with the standard library on purpose.
    return ET.fromstring(content)  # noqa: S314


def _rss_titles(response) -> list[str]:
    root = _xml(response.content)
    return [item.findtext("title") for item in root.iter("item")]


def test_rss_feed_of_all_projects_parses(client, site_content):
    response = client.get("/feeds/projekte/")
    assert response.status_code == 200
    assert "Sprachpatenschaften in Celle" in _rss_titles(response)


def test_atom_feed_parses(client, site_content):
    response = client.get("/feeds/projekte/atom/")
    root = _xml(response.content)
    assert root.tag == f"{ATOM}feed"
    titles = [e.findtext(f"{ATOM}title") for e in root.iter(f"{ATOM}entry")]
    assert "Sprachpatenschaften in Celle" in titles


def test_field_and_region_feeds_only_carry_their_projects(client, site_content):
    add_project(site_content.project_index, "Jobpaten", ("03101",), ("arbeit",))
    field = _rss_titles(client.get("/feeds/handlungsfeld/arbeit/"))
    region = _rss_titles(client.get("/feeds/region/lueneburg/"))
    assert field == ["Jobpaten"]
    assert region == ["Sprachpatenschaften in Celle"]
    atom = _xml(client.get("/feeds/region/braunschweig/atom/").content)
    assert [e.findtext(f"{ATOM}title") for e in atom.iter(f"{ATOM}entry")] == [
        "Jobpaten"
    ]


def test_feed_of_unknown_field_is_a_404(client, site_content):
    assert client.get("/feeds/handlungsfeld/unbekannt/").status_code == 404
