"""The small site-wide values kept in Redis under the content version
(``kb.page_cache.versioned_value``: restricted paths, footer and navigation
links, vocabularies, listing counts, the header and footer fragments): pages
render the same with them as without, and every change shows on the next
request. Wagtail finds sites, routes and view restrictions itself."""

from __future__ import annotations

import pytest
from django.test import override_settings
from wagtail.models import PageViewRestriction, Site

from kb import page_cache
from tests.conftest import UNREACHABLE_REDIS
from tests.site.content import without_tokens

pytestmark = pytest.mark.django_db
UNREACHABLE_CACHES = {
    "default": {
        "BACKEND": "config.cache.ResilientRedisCache",
        "LOCATION": UNREACHABLE_REDIS,
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
}


def test_every_page_type_renders_the_same_with_the_values_as_without(
    client, cached_site, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # every request renders
    for page in cached_site.pages().values():
        client.get(page.url)  # fills the values
    for name, page in cached_site.pages().items():
        url = page.url
        cached = client.get(url)
        with override_settings(CACHES=UNREACHABLE_CACHES):
            uncached = client.get(url)
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


def test_restriction_added_after_the_cache_filled_applies(client, cached_site):
    url = cached_site.project.url
    assert client.get(url).status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=cached_site.project.get_parent(),
        restriction_type=PageViewRestriction.LOGIN,
    )
    response = client.get(url)
    assert response.status_code == 302
    assert "/_util/login/" in response["Location"]
    restriction.delete()
    assert client.get(url).status_code == 200


def test_password_restriction_is_served_its_form(client, cached_site):
    PageViewRestriction.objects.create(
        page=cached_site.article,
        restriction_type=PageViewRestriction.PASSWORD,
        password="geheim-123",
    )
    client.get(cached_site.project.url)  # fills the cache with the restriction
    response = client.get(cached_site.article.url)
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
    assert cached_site.article.title not in response.content.decode()


def test_an_alias_of_a_restricted_page_is_restricted_too(client, cached_site):
    PageViewRestriction.objects.create(
        page=cached_site.article, restriction_type=PageViewRestriction.LOGIN
    )
    alias = cached_site.article.create_alias(
        parent=cached_site.home, update_slug="artikel-kopie"
    )
    page_cache.clear_page_cache()
    response = client.get(alias.url)
    assert response.status_code == 302


def test_new_site_hostname_is_served_after_it_is_saved(client, cached_site, settings):
    settings.ALLOWED_HOSTS = ["*"]
    host = {"host": "artikel.example.org"}
    before = client.get("/", headers=host)
    assert cached_site.home.title in before.content.decode()
    Site.objects.create(
        hostname="artikel.example.org", port=80, root_page=cached_site.article
    )
    after = client.get("/", headers=host)
    assert after.status_code == 200
    assert f"<h1>{cached_site.article.title}" in after.content.decode()


def test_pages_render_when_redis_is_down(client, cached_site, redis_down):
    for _ in range(2):
        assert client.get(cached_site.project.url).status_code == 200


def test_footer_links_follow_a_legal_page_on_the_next_request(client, cached_site):
    from kb.models import StandardPage

    imprint = StandardPage.objects.get(slug="impressum")
    link = f'href="{imprint.url}"'
    assert link in client.get(cached_site.article.url).content.decode()
    imprint.unpublish()
    html = client.get(cached_site.article.url).content.decode()
    assert f'href="{imprint.url}"' not in html


def test_listings_leave_out_a_project_made_private_after_the_cache_filled(
    client, cached_site
):
    title = cached_site.project.title
    assert title in client.get("/landkreis/03351/").content.decode()
    PageViewRestriction.objects.create(
        page=cached_site.project, restriction_type=PageViewRestriction.LOGIN
    )
    assert title not in client.get("/landkreis/03351/").content.decode()
