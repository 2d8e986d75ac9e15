"""``result_ids``: a search's ids in the order of its pages (the export's
source), on Elasticsearch and on the database fallback."""

from __future__ import annotations

import pytest
from django.http import QueryDict
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.backends import result_ids, run_search
from search.query import parse_query

pytestmark = [pytest.mark.django_db, pytest.mark.services]


def _paged_ids(params: str, pages: int) -> list[int]:
    ids: list[int] = []
    for page in range(1, pages + 1):
        query = parse_query(QueryDict(f"{params}&page={page}"))
        ids += [hit.id for hit in run_search(query).hits]
    return ids


@pytest.mark.parametrize(
    "params",
    [
        "size=2",  # everything, newest first
        "q=Deutsch&size=2",  # ranked and rescored page by page
        "field=sprache&sort=title&size=1",
    ],
)
def test_ids_follow_the_pages(corpus, backend, params):
    expected = _paged_ids(params, pages=4)
    assert len(expected) >= 2  # the query spans pages

    ids = result_ids(parse_query(QueryDict(params)), limit=len(expected))

    assert ids == expected
    assert len(set(ids)) == len(ids)


def test_a_typo_is_forgiven_on_every_page_not_just_the_first(corpus):
    # Elasticsearch only: the fallback has no typo tolerance.
    expected = _paged_ids("q=Deutsh&size=1", pages=4)
    assert len(expected) >= 2

    assert result_ids(parse_query(QueryDict("q=Deutsh&size=1")), limit=4) == expected


def test_limit_cuts_and_an_empty_result_asks_for_nothing_more(corpus, backend):
    everything = result_ids(parse_query(QueryDict("size=3")), limit=100)
    assert len(everything) == len(corpus)
    assert result_ids(parse_query(QueryDict("size=3")), limit=4) == everything[:4]
    assert result_ids(parse_query(QueryDict("q=Quantenphysik")), limit=50) == []


def test_promoted_projects_come_first_once(corpus, backend):
    query = Query.get("deutsch")
    SearchPromotion.objects.create(query=query, page=corpus["fahrrad"], sort_order=0)

    ids = result_ids(parse_query(QueryDict("q=Deutsch&size=2")), limit=20)

    assert ids[0] == corpus["fahrrad"].pk
    assert ids.count(corpus["fahrrad"].pk) == 1
    assert ids == _paged_ids("q=Deutsch&size=2", pages=10)


def test_database_answers_in_a_fixed_number_of_queries(
    corpus, settings, django_assert_max_num_queries
):
    settings.ELASTICSEARCH_URL = None
    query = parse_query(QueryDict("q=Deutsch&size=1"))
    result_ids(query, limit=1)  # warm caches (synonyms, promotions)
    with django_assert_max_num_queries(4):
        assert len(result_ids(query, limit=1000)) >= 2


def test_elasticsearch_down_falls_back_to_the_database(corpus, settings):
    query = parse_query(QueryDict("q=Deutsch&size=2"))
    settings.ELASTICSEARCH_URL = None
    from_database = result_ids(query, limit=20)
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"

    assert result_ids(query, limit=20) == from_database
    assert len(from_database) >= 2
