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
