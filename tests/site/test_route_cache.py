"""kb.route_cache: sites, root pages and view restrictions come from memory
between content changes, and every change to them shows on the next request."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from kb import page_cache
from tests.site.content import without_tokens

pytestmark = pytest.mark.django_db


def _tables(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def test_routing_rows_are_read_once_per_content_version(client, routed):
    url = routed.article.url
    _tables(client, url)
    queries = _tables(client, url)
    assert not [sql for sql in queries if "wagtailcore_site" in sql]
    assert not [sql for sql in queries if "wagtailcore_pageviewrestriction" in sql]
    page_cache.clear_page_cache()
    again = _tables(client, url)
    assert [sql for sql in again if "wagtailcore_site" in sql]


def test_every_page_type_renders_the_same_with_the_cache(client, routed, settings):
    for name, page in routed.pages().items():
        url = page.url
        cached = client.get(url)
        settings.ROUTE_CACHE = False
        uncached = client.get(url)
        settings.ROUTE_CACHE = True
        assert cached.status_code == uncached.status_code == 200, name
        with_cache, without = without_tokens(cached), without_tokens(uncached)
        first = next(
            (
                i
                for i, pair in enumerate(zip(with_cache, without, strict=False))
                if len(set(pair)) > 1
            ),
            min(len(with_cache), len(without)),
        )
        assert with_cache == without, (name, with_cache[first - 80 : first + 80])


def test_restriction_added_after_the_cache_filled_applies(client, routed):
    url = routed.project.url
    assert client.get(url).status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=routed.project.get_parent(), restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(url)
    assert response.status_code == 302
    assert "/_util/login/" in response["Location"]
    restriction.delete()
    assert client.get(url).status_code == 200


def test_password_restriction_is_served_its_form(client, routed):
    PageViewRestriction.objects.create(
        page=routed.article,
        restriction_type=PageViewRestriction.PASSWORD,
        password="geheim-123",
    )
    client.get(routed.project.url)  # fills the cache with the restriction
    response = client.get(routed.article.url)
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
    assert routed.article.title not in response.content.decode()


def test_aliases_leave_restrictions_to_wagtail(client, routed):
    PageViewRestriction.objects.create(
        page=routed.article, restriction_type=PageViewRestriction.LOGIN
    )
    alias = routed.article.create_alias(parent=routed.home, update_slug="artikel-kopie")
    page_cache.clear_page_cache()
    response = client.get(alias.url)
    assert response.status_code == 302


def test_new_site_hostname_is_served_after_it_is_saved(client, routed, settings):
    settings.ALLOWED_HOSTS = ["*"]
    host = {"host": "artikel.example.org"}
    before = client.get("/", headers=host)
    assert routed.home.title in before.content.decode()
    Site.objects.create(
        hostname="artikel.example.org", port=80, root_page=routed.article
    )
    after = client.get("/", headers=host)
    assert after.status_code == 200
    assert f"<h1>{routed.article.title}" in after.content.decode()


def test_pages_render_when_redis_is_down(client, routed, redis_down):
    for _ in range(2):
        assert client.get(routed.project.url).status_code == 200


def test_views_outside_the_page_tree_get_the_site_from_memory(client, routed):
    client.get("/landkreis/03351/")
    queries = _tables(client, "/landkreis/03351/")
    assert not [sql for sql in queries if "wagtailcore_site" in sql]


def test_footer_links_follow_a_legal_page_on_the_next_request(client, routed):
    from kb.models import StandardPage

    imprint = StandardPage.objects.get(slug="impressum")
    assert f'href="{imprint.url}"' in client.get(routed.article.url).content.decode()
    imprint.unpublish()
    html = client.get(routed.article.url).content.decode()
    assert f'href="{imprint.url}"' not in html


def test_listings_leave_out_a_project_made_private_after_the_cache_filled(
    client, routed
):
    title = routed.project.title
    assert title in client.get("/landkreis/03351/").content.decode()
    PageViewRestriction.objects.create(
        page=routed.project, restriction_type=PageViewRestriction.LOGIN
    )
    assert title not in client.get("/landkreis/03351/").content.decode()
