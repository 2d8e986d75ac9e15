"""sitemap.xml, robots.txt and the iCal feeds parse with standard libraries."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import icalendar
import pytest

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _xml(content: bytes) -> ET.Element:
    # Our own server's output, parsed with the standard library on purpose.
    return ET.fromstring(content)  # noqa: S314


def test_sitemap_lists_pages_and_site_views(client, site_content):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = _xml(response.content)
    locations = [loc.text for loc in root.iter(f"{SITEMAP}loc")]
    assert any(loc.endswith(site_content.project.url) for loc in locations)
    assert any(loc.endswith("/statistik/") for loc in locations)
    assert any(loc.endswith("/landkreis/03351/") for loc in locations)
    assert any(loc.endswith("/region/weser-ems/") for loc in locations)


def test_robots_txt_points_to_the_sitemap(client, site_content):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text


def test_event_ical_and_calendar_feed_parse(client, site_content):
    single = client.get(site_content.event.url + "ical/")
    assert single["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(single.content)
    events = calendar.walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["Regionalkonferenz Lüneburg"]
    start = site_content.event.start.replace(microsecond=0)
    assert events[0].decoded("dtstart") == start
    feed = icalendar.Calendar.from_ical(client.get("/kalender.ics").content)
    assert len(feed.walk("VEVENT")) == 1
