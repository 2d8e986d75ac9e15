"""Access to the Elasticsearch cluster, with short time-outs."""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from elasticsearch import Elasticsearch


def is_configured() -> bool:
    return bool(settings.ELASTICSEARCH_URL)


@lru_cache(maxsize=4)
def _client_for(url: str, timeout: float) -> Elasticsearch:
    return Elasticsearch(
        url, request_timeout=timeout, max_retries=0, retry_on_timeout=False
    )


def get_client() -> Elasticsearch:
    if not is_configured():
        raise RuntimeError("ELASTICSEARCH_URL is not set.")
    return _client_for(settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_TIMEOUT)


def index_alias(kind: str) -> str:
    """The alias that readers and writers use for one document type."""
    return f"{settings.SEARCH_INDEX_PREFIX}-{kind}"
