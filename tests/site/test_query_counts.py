"""At most ten database queries per page, however long its lists are."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from django.core.cache import cache
from django.utils import timezone

from tests.site.content import add_project

pytestmark = pytest.mark.django_db
MAX_QUERIES = 10


@pytest.fixture(autouse=True)
def _rendered(settings):
    """The count is of a render: a page cache hit costs no query at all. The
    small values kept under the content version stay warm, as in production
    and in the page benchmark."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def many_projects(site_content):
    for number in range(25):
        add_project(
            site_content.project_index,
            f"Projekt {number}",
            districts=("03351", "03101"),
            fields=("sprache", "arbeit"),
            featured=number % 2 == 0,
        )
    return site_content


def _get(client, url: str, django_assert_max_num_queries):
    client.get(url)  # warm the small values of the content version
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    return response


def test_home_page_stays_within_ten_queries(
    client, many_projects, django_assert_max_num_queries
):
    """Also with the fields of action, five upcoming events and signatures
    under the call (``website.home_sections``)."""
    from kb.models import EventPage, Signature

    now = timezone.now()
    for number in range(5):
        event = EventPage(
            title=f"Werkstatt {number}",
            kind="workshop",
            start=now + dt.timedelta(days=number + 1),
            venue="Hannover",
            teaser="Austausch.",
        )
        many_projects.event_index.add_child(instance=event)
        event.save_revision().publish()
    for number in range(3):
        Signature.objects.create(
            call=many_projects.call,
            kind=Signature.Kind.PERSON,
            name=f"Person {number}",
            email=f"person{number}@example.org",
            consent_text="Einverstanden",
            consented_at=now,
            confirmed_at=now,
        )
    page = _get(client, "/", django_assert_max_num_queries).content.decode()
    assert 'id="themen"' in page and "<strong>26</strong> Projekte" in page
    assert "Werkstatt 2" in page and "Werkstatt 3" not in page
    assert "<strong>3</strong> Unterschriften" in page


def test_search_map_adds_no_query_once_the_district_seats_are_cached(
    rf, site_content, django_assert_num_queries
):
    from django.template import engines

    from search.backends import SearchResult

    facets = {"district": [{"value": "03351", "label": "Celle", "count": 2}]}
    result = SearchResult(count=2, hits=[], backend="database", facets=facets)
    context = {"result": result, "request": rf.get("/suche/?q=x")}
    template = engines["django"].from_string(
        "{% load map_tags %}{% search_map result %}"
    )
    template.render(context)
    with django_assert_num_queries(0):
        html = template.render(context)
    assert "Landkreis Celle" in html and "district=03351" in html


def test_project_page_stays_within_ten_queries(
    client, many_projects, django_assert_max_num_queries
):
    _get(client, many_projects.project.url, django_assert_max_num_queries)


def test_district_page_stays_within_ten_queries(
    client, many_projects, django_assert_max_num_queries
):
    _get(client, "/landkreis/03351/", django_assert_max_num_queries)


def test_region_page_stays_within_ten_queries(
    client, many_projects, django_assert_max_num_queries
):
    _get(client, "/region/lueneburg/", django_assert_max_num_queries)


def test_topic_page_stays_within_ten_queries(
    client, many_projects, django_assert_max_num_queries
):
    response = _get(client, many_projects.topic.url, django_assert_max_num_queries)
    assert "Projekt 24" in response.content.decode()


def test_first_request_after_a_cache_flush_is_also_bounded(
    client, many_projects, django_assert_max_num_queries
):
    cache.clear()
    with django_assert_max_num_queries(MAX_QUERIES + 2):
        client.get("/landkreis/03351/")


@pytest.mark.parametrize(
    "url",
    [
        "/suche/",
        "/suche/?q=Projekt",
        "/suche/?q=Projekt&field=sprache&region=lueneburg",
    ],
)
def test_search_page_on_the_database_stays_within_ten_queries(
    client, many_projects, settings, django_assert_max_num_queries, url
):
    settings.ELASTICSEARCH_URL = None
    _get(client, url, django_assert_max_num_queries)


def test_search_page_on_elasticsearch_stays_within_ten_queries(
    es_index, client, many_projects, settings, django_assert_max_num_queries
):
    from search.documents import ProjectDocument
    from search.maintenance import rebuild

    # site_content builds its pages with search on the database; index them now.
    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    rebuild(ProjectDocument)
    response = _get(
        client, "/suche/?q=Projekt&field=sprache", django_assert_max_num_queries
    )
    assert response.context["result"].backend == "elasticsearch"
    assert response.context["result"].count >= 25
