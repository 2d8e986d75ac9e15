"""Fixtures for matching: the labelled projects indexed in the real
Elasticsearch, without the Celery round trip (tests that need the worker
publish their own projects)."""

from __future__ import annotations

import pytest

from matching import signals
from search.client import index_alias
from search.events import documents_indexed
from search.indexing import sync_objects

from .builders import build_all
from .labelled import SPECS


def index_projects(client, ids: list[int]) -> None:
    """Write the documents directly; matching is triggered by the test itself."""
    documents_indexed.disconnect(dispatch_uid="matching-indexed")
    try:
        sync_objects("projects", "projectpage", ids)
    finally:
        documents_indexed.connect(signals.on_indexed, dispatch_uid="matching-indexed")
    client.indices.refresh(index=index_alias("projects"))


@pytest.fixture
def labelled(es_index, site_tree):
    built = build_all(site_tree, SPECS)
    index_projects(es_index, [page.pk for page in built.pages.values()])
    return built
