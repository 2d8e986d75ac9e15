"""Fixtures of the site tests: one page of every type, and the same with the
route cache on."""

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
def routed(site_content, settings, services):
    """The site with the route cache on and an empty page cache."""
    settings.ROUTE_CACHE = True
    page_cache.clear_page_cache()
    return site_content
