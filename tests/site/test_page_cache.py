"""The whole-page cache: anonymous visits are served from Redis, and every
publish, unpublish, delete, move or vocabulary change shows on the next request."""

from __future__ import annotations

import pytest
from django.http import HttpResponse
from django.test import Client, RequestFactory

from kb import page_cache
from kb.taxonomy import District
from tests.site.content import add_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached(site_content, settings, services):
    settings.PAGE_CACHE_SECONDS = 300
    page_cache.clear_page_cache()
    return site_content


def _get(client: Client, url: str):
    response = client.get(url)
    assert response.status_code in (200, 404)
    return response


def test_second_anonymous_visit_is_served_from_the_cache_without_queries(
    client, cached, django_assert_num_queries
):
    first = _get(client, cached.project.url)
    assert first[page_cache.HEADER] == "miss"
    with django_assert_num_queries(0):
        second = _get(client, cached.project.url)
    assert second[page_cache.HEADER] == "hit"
    assert "Sprachpatenschaften in Celle" in second.content.decode()


def test_published_change_shows_on_the_next_request(client, cached):
    _get(client, cached.project.url)
    project = cached.project
    project.title = "Sprachpatenschaften in Celle und Uelzen"
    project.save_revision().publish()
    response = _get(client, project.url)
    assert response[page_cache.HEADER] == "miss"
    assert "Sprachpatenschaften in Celle und Uelzen" in response.content.decode()


def test_new_project_appears_on_the_cached_district_page(client, cached):
    _get(client, "/landkreis/03351/")
    add_project(cached.project_index, "Nähcafé Celle", districts=("03351",))
    assert "Nähcafé Celle" in _get(client, "/landkreis/03351/").content.decode()


def test_unpublished_project_is_gone_on_the_next_request(client, cached):
    url = cached.project.url
    assert _get(client, url).status_code == 200
    cached.project.unpublish()
    assert _get(client, url).status_code == 404


def test_deleted_project_is_gone_on_the_next_request(client, cached):
    url = cached.project.url
    _get(client, "/landkreis/03351/")
    assert _get(client, url).status_code == 200
    cached.project.delete()
    assert _get(client, url).status_code == 404
    assert "Sprachpatenschaften in Celle" not in (
        _get(client, "/landkreis/03351/").content.decode()
    )


def test_moved_project_is_served_at_its_new_address(client, cached):
    old_url = cached.project.url
    _get(client, old_url)
    cached.project.move(cached.project_index, pos="last-child")
    moved = client.get(old_url)
    assert moved.status_code == 301
    assert moved["Location"] == "/projekte/sprachpatenschaften-celle/"


def test_renamed_district_shows_on_the_next_request(client, cached):
    _get(client, "/landkreis/03351/")
    district = District.objects.get(ags="03351")
    district.name = "Celle (neu)"
    district.save()
    assert "Celle (neu)" in _get(client, "/landkreis/03351/").content.decode()


def test_a_saved_draft_keeps_the_cached_page(client, cached):
    _get(client, cached.project.url)
    project = cached.project
    project.title = "Entwurf"
    project.save_revision()
    response = _get(client, project.url)
    assert response[page_cache.HEADER] == "hit"
    assert "Entwurf" not in response.content.decode()


def test_logged_in_users_never_get_or_fill_the_cache(client, cached, django_user_model):
    user = django_user_model.objects.create_user("redakteurin", password="pw-12345")
    client.force_login(user)
    first = client.get(cached.project.url)
    second = client.get(cached.project.url)
    assert page_cache.HEADER not in first and page_cache.HEADER not in second
    anonymous = Client().get(cached.project.url)
    assert anonymous[page_cache.HEADER] == "miss"


def test_visitors_with_pending_messages_bypass_the_cache(cached):
    Client().get("/")
    visitor = Client()
    visitor.cookies["messages"] = "anything"
    assert page_cache.HEADER not in visitor.get("/")


def test_a_cached_page_carries_no_token_of_another_visitor(cached):
    # The header has no form since the language switch became links: a cached
    # page holds no CSRF token (nor its placeholder) that one visitor could
    # hand to the next.
    Client().get("/")
    response = Client(enforce_csrf_checks=True).get("/")
    assert response[page_cache.HEADER] == "hit"
    html = response.content.decode()
    assert page_cache.CSRF_PLACEHOLDER.decode() not in html
    assert "csrfmiddlewaretoken" not in html


def test_languages_are_cached_apart(cached):
    german = Client().get("/")
    english = Client(headers={"accept-language": "en"}).get("/")
    assert english[page_cache.HEADER] == "miss"
    assert 'lang="de"' in german.content.decode()
    assert 'lang="en"' in english.content.decode()
    again = Client(headers={"accept-language": "en"}).get("/")
    assert again[page_cache.HEADER] == "hit" and 'lang="en"' in again.content.decode()


def test_query_strings_are_cached_apart(client, cached):
    client.get("/landkreis/03351/")
    response = client.get("/landkreis/03351/?seite=2")
    assert response[page_cache.HEADER] == "miss"


def test_pages_are_not_cached_when_turned_off(client, cached, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/")
    assert page_cache.HEADER not in client.get("/")


def test_successful_matching_task_makes_pages_stale(client, cached):
    from celery.signals import task_success

    from matching.tasks import recompute_matches

    _get(client, cached.project.url)
    task_success.send(sender=recompute_matches, result=2)
    assert _get(client, cached.project.url)[page_cache.HEADER] == "miss"


def test_pages_render_when_redis_is_down(client, site_content, settings, redis_down):
    settings.PAGE_CACHE_SECONDS = 300
    for _ in range(2):
        response = client.get(site_content.project.url)
        assert response.status_code == 200
        assert page_cache.HEADER not in response


def test_project_made_private_leaves_the_cached_listings(client, cached):
    from wagtail.models import PageViewRestriction

    assert "Sprachpatenschaften in Celle" in (
        _get(client, "/landkreis/03351/").content.decode()
    )
    PageViewRestriction.objects.create(
        page=cached.project, restriction_type=PageViewRestriction.LOGIN
    )
    assert "Sprachpatenschaften in Celle" not in (
        _get(client, "/landkreis/03351/").content.decode()
    )


def test_sitemap_and_feed_are_cached_and_follow_publishing(client, cached):
    for url in ("/sitemap.xml", "/feeds/projekte/"):
        assert _get(client, url)[page_cache.HEADER] == "miss"
        assert _get(client, url)[page_cache.HEADER] == "hit"
    project = add_project(cached.project_index, "Nähcafé Celle")
    sitemap = _get(client, "/sitemap.xml")
    assert sitemap[page_cache.HEADER] == "miss"
    assert project.url in sitemap.content.decode()
    assert "Nähcafé Celle" in _get(client, "/feeds/projekte/").content.decode()


@pytest.mark.parametrize("kind", ["synonym", "glossary", "promotion"])
def test_search_vocabulary_edits_show_on_the_next_search(client, cached, kind):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    from search.models import GlossaryEntry, SynonymGroup

    text = {"synonym": "Velotreff", "glossary": "langbuddies", "promotion": "Radtreff"}
    url = f"/suche/?q={text[kind]}"
    assert "Sprachpatenschaften in Celle" not in _get(client, url).content.decode()
    assert _get(client, url)[page_cache.HEADER] == "hit"

    if kind == "synonym":
        SynonymGroup.objects.create(terms="Velotreff, Sprachpatenschaften")
    elif kind == "glossary":
        GlossaryEntry.objects.create(
            english="langbuddies", german="Sprachpatenschaften"
        )
    else:
        query = Query.get("Radtreff")
        SearchPromotion.objects.create(query=query, page=cached.project, sort_order=0)

    response = _get(client, url)
    assert response[page_cache.HEADER] == "miss"
    assert "Sprachpatenschaften in Celle" in response.content.decode()


def test_a_logged_search_does_not_make_pages_stale(client, cached):
    _get(client, "/suche/?q=Sprache")
    before = page_cache.current_version()
    _get(client, "/suche/?q=Sprachpatenschaften")
    assert page_cache.current_version() == before


def test_form_submissions_that_change_no_public_page_keep_the_cache(
    client, cached, clean_rate_limits, django_capture_on_commit_callbacks
):
    """Every signature under the call and every contact request used to
    replace the version, so form spam emptied the cache (issue #17)."""
    from django.utils import timezone

    from matching.models import ContactRequest
    from tests.kb.test_call_page import sign

    _get(client, cached.project.url)
    before = page_cache.current_version()
    with django_capture_on_commit_callbacks(execute=False):
        response = sign(Client(), cached.call, email="spam@example.org")
    assert response.status_code == 302
    ContactRequest.objects.create(
        target=cached.project,
        sender_name="Amira Haddad",
        sender_email="amira@example.org",
        message="Hallo",
        consent_text="Einverstanden",
        consent_at=timezone.now(),
    )

    assert page_cache.current_version() == before
    assert _get(client, cached.project.url)[page_cache.HEADER] == "hit"


def test_a_replaced_image_makes_pages_stale(client, cached):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Logo", file=get_test_image_file())
    _get(client, cached.project.url)
    image.file = get_test_image_file(filename="neu.png", colour="red")
    image.save()
    assert _get(client, cached.project.url)[page_cache.HEADER] == "miss"


class _CountingCache:
    """The real cache, counting its reads: of the content version, of other
    single keys, and of several keys at once."""

    def __init__(self, real) -> None:
        self.real = real
        self.version_reads = self.value_reads = self.batch_reads = 0

    def get(self, key, *args, **kwargs):
        if key == page_cache.VERSION_KEY:
            self.version_reads += 1
        else:
            self.value_reads += 1
        return self.real.get(key, *args, **kwargs)

    def get_many(self, keys, *args, **kwargs):
        self.batch_reads += 1
        return self.real.get_many(keys, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.real, name)


def test_a_rendered_page_reads_the_version_and_its_values_in_two_round_trips(
    client, cached, settings, monkeypatch
):
    settings.PAGE_CACHE_SECONDS = 0  # a render, with many small values
    counting = _CountingCache(page_cache.cache)
    monkeypatch.setattr(page_cache, "cache", counting)
    html = _get(client, "/landkreis/03351/").content.decode()
    assert counting.version_reads == 1
    counting.version_reads = counting.value_reads = counting.batch_reads = 0
    again = _get(client, "/landkreis/03351/").content.decode()
    assert again == html.replace(*_tokens(html, again))
    assert (counting.version_reads, counting.batch_reads) == (1, 1)
    assert counting.value_reads == 0


def _tokens(first: str, second: str) -> tuple[str, str]:
    """(token of the first page, token of the second): CSRF tokens differ."""
    import re

    pattern = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')
    one, two = pattern.search(first), pattern.search(second)
    return (one.group(1), two.group(1)) if one and two else ("", "")


def test_a_change_within_a_request_shows_to_that_request(cached):
    """The request's scope follows a bump made while it runs; outside a
    request every read asks Redis."""
    seen = []

    def view(request):
        seen.append(page_cache.current_version())
        page_cache.bump_version()
        seen.append(page_cache.current_version())
        return HttpResponse("ok")

    page_cache.PageCacheMiddleware(view)(RequestFactory().post("/"))
    first, second = seen
    assert first != second
    assert second == page_cache.current_version()
    page_cache.clear_page_cache()
    assert page_cache.current_version() != second
