"""Fixtures of the site tests: one page of every type."""

from __future__ import annotations

import pytest

from tests.site.content import build_site


@pytest.fixture
def site_content(db, settings):
    # Search runs on the database here; the search tests cover Elasticsearch.
    settings.ELASTICSEARCH_URL = None
    return build_site()
