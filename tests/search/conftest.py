"""Fixtures for search behaviour: a labelled corpus indexed for real."""

from __future__ import annotations

import pytest
from django.test import override_settings

from search.client import index_alias
from search.indexing import sync_objects
from tests.search.corpus import build_corpus


@pytest.fixture
def corpus(es_index, site_tree):
    pages = build_corpus(site_tree)
    sync_objects("projects", "projectpage", [page.pk for page in pages.values()], {})
    es_index.indices.refresh(index=index_alias("projects"))
    return pages


@pytest.fixture(params=["elasticsearch", "database"])
def backend(request):
    """Run the test once against Elasticsearch, once against the fallback."""
    if request.param == "database":
        with override_settings(ELASTICSEARCH_URL=None):
            yield request.param
    else:
        yield request.param


@pytest.fixture(autouse=True)
def fresh_search_caches():
    """Synonyms, labels and promotions are cached in-process; a rolled-back
    test must not leave its rows in the cache for the next one."""
    from search.memo import clear_all

    clear_all()
    yield
    clear_all()
