"""Region and district pages list the projects and events there."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from kb import page_cache
from kb.models import EventIndexPage, EventPage
from kb.taxonomy import Region
from tests.conftest import UNREACHABLE_REDIS
from tests.site.content import add_project, without_tokens

pytestmark = pytest.mark.django_db


def test_district_page_lists_its_projects_and_the_regions_events(client, site_content):
    add_project(site_content.project_index, "Jobpaten Braunschweig", ("03101",))
    response = client.get("/landkreis/03351/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sprachpatenschaften in Celle" in html
    assert "Jobpaten Braunschweig" not in html
    assert "Regionalkonferenz Lüneburg" in html  # Celle lies in the region Lüneburg


def test_region_page_lists_projects_of_all_its_districts(client, site_content):
    add_project(site_content.project_index, "Jobpaten Braunschweig", ("03101",))
    html = client.get("/region/lueneburg/").content.decode()
    assert "Sprachpatenschaften in Celle" in html
    assert "Jobpaten Braunschweig" not in html
    assert "/landkreis/03351/" in html
    assert "/feeds/region/lueneburg/" in html


@pytest.mark.parametrize("url", ["/landkreis/99999/", "/region/atlantis/"])
def test_unknown_region_or_district_is_a_404(client, site_content, url):
    assert client.get(url).status_code == 404


def test_long_district_lists_are_paginated(client, site_content):
    for number in range(30):
        add_project(site_content.project_index, f"Projekt {number}", ("03101",))
    first = client.get("/landkreis/03101/").content.decode()
    second = client.get("/landkreis/03101/?seite=2").content.decode()
    assert first.count('<article class="card') == 24
    assert second.count('<article class="card') == 6
    assert "Seite 2 von 2" in second


@pytest.fixture
def counted(site_content, services):
    """The site with the listing counts kept in the real Redis under the
    content version, as in production."""
    page_cache.clear_page_cache()
    return site_content


def _main(html: str) -> str:
    return html.split("<main", 1)[1].split("</main>", 1)[0]


def _count_queries(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in captured.captured_queries if "COUNT(" in q["sql"]]


def test_listing_counts_are_kept_under_the_content_version_and_follow_publishing(
    client, counted
):
    index = counted.project_index
    # Celle and Lüneburg both lie in the region Lüneburg: counted once there.
    add_project(index, "Zwei Landkreise", ("03351", "03355"))
    add_project(index, "Jobpaten Braunschweig", ("03101",))
    assert (
        "2 Projekte in dieser Region."
        in client.get("/region/lueneburg/").content.decode()
    )
    # Other listings, not in the page cache yet, count nothing themselves.
    assert _count_queries(client, "/landkreis/03351/") == []
    assert _count_queries(client, "/region/braunschweig/") == []
    add_project(index, "Neu in Celle", ("03351",))
    html = client.get("/region/lueneburg/").content.decode()
    assert "3 Projekte in dieser Region." in html and "Neu in Celle" in html
    assert "3 Projekte." in client.get("/landkreis/03351/").content.decode()
    assert "1 Projekt." in client.get("/landkreis/03101/").content.decode()


def test_restricted_and_unpublished_projects_leave_list_and_count(client, counted):
    index = counted.project_index
    hidden = add_project(index, "Nur für Angemeldete", ("03351",))
    gone = add_project(index, "Zurückgezogen", ("03351",))
    assert "3 Projekte." in client.get("/landkreis/03351/").content.decode()
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.LOGIN
    )
    gone.unpublish()
    html = client.get("/landkreis/03351/").content.decode()
    assert "1 Projekt." in html
    assert "Nur für Angemeldete" not in html and "Zurückgezogen" not in html
    assert (
        "1 Projekt in dieser Region."
        in client.get("/region/lueneburg/").content.decode()
    )


def test_pages_of_a_listing_are_the_same_with_and_without_redis(
    client, counted, settings
):
    for number in range(30):
        add_project(counted.project_index, f"Projekt {number:02}", ("03355",))
    settings.PAGE_CACHE_SECONDS = 0  # every request renders
    pages = {}
    for redis_up in (True, False):
        if not redis_up:
            settings.CACHES = {
                "default": {
                    "BACKEND": "config.cache.ResilientRedisCache",
                    "LOCATION": UNREACHABLE_REDIS,
                    "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
                }
            }
        pages[redis_up] = [
            without_tokens(client.get(f"/region/lueneburg/?seite={n}"))
            for n in ("1", "2", "99", "x")
        ]
    assert pages[True] == pages[False]
    # The language switcher carries the page's own URL; compare the content.
    first, second, last, invalid = (_main(html) for html in pages[True])
    assert "31 Projekte in dieser Region." in first
    # 24 cards a page, newest first; the Celle project of the site is oldest.
    assert len(re.findall(r">Projekt \d\d<", first)) == 24
    assert len(re.findall(r">Projekt \d\d<", second)) == 6
    assert "Projekt 29" in first and "Projekt 05" not in first
    assert "Projekt 05" in second and "Sprachpatenschaften in Celle" in second
    assert last == second and invalid == first


def _event(site_content, title: str, days: int, region: str) -> EventPage:
    index = EventIndexPage.objects.get()
    start = timezone.now() + dt.timedelta(days=days)
    event = EventPage(
        title=title,
        kind="regional_conference",
        start=start,
        end=start + dt.timedelta(hours=2),
        venue="Rathaus",
        region=Region.objects.get(slug=region),
        teaser="Termin.",
    )
    index.add_child(instance=event)
    return event


def test_only_the_regions_upcoming_public_events_are_listed(client, counted):
    _event(counted, "Vergangenes Treffen", -2, "lueneburg")
    _event(counted, "Treffen in Braunschweig", 5, "braunschweig")
    hidden = _event(counted, "Internes Treffen", 3, "lueneburg")
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.LOGIN
    )
    soon = _event(counted, "Stammtisch Celle", 1, "lueneburg")
    for url in ("/region/lueneburg/", "/landkreis/03351/"):
        html = _main(client.get(url).content.decode())
        # Soonest first; the region links to its own page.
        assert html.index(soon.title) < html.index("Regionalkonferenz Lüneburg")
        assert 'href="/region/lueneburg/">Region Lüneburg</a>' in html
        for title in ("Vergangenes", "Braunschweig", "Internes"):
            assert title not in html
