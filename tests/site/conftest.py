"""Fixtures of the site tests: one page of every type, and the same with the
real Redis behind the caches."""

from __future__ import annotations

import pytest

from kb import page_cache
from tests.site.content import build_site


@pytest.fixture
def site_content(db, settings):
    # Search runs on the database here; the search tests cover Elasticsearch.
    settings.ELASTICSEARCH_URL = None
    return build_site()


@pytest.fixture
def cached_site(site_content, services):
    """The site with the page cache and the small values of the content
    version in the real Redis, both empty."""
    page_cache.clear_page_cache()
    return site_content
