"""Access to the Elasticsearch cluster, with short time-outs."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import orjson
from django.conf import settings
from elastic_transport import JsonSerializer
from elasticsearch import Elasticsearch
from elasticsearch.serializer import DEFAULT_SERIALIZERS


def is_configured() -> bool:
    return bool(settings.ELASTICSEARCH_URL)


class _FastJson:
    """orjson for the bodies and answers: a search sends its request and
    parses some 40 kB of hits and facet buckets on every page."""

    def json_dumps(self, data: Any) -> bytes:
        return orjson.dumps(data, default=self.default)

    def json_loads(self, data: bytes) -> Any:
        return orjson.loads(data)


def _serializers() -> dict:
    """The client's serializers, each with orjson underneath (same mimetypes,
    same handling of dates and decimals through ``default``)."""
    serializers = {}
    for mimetype, serializer in DEFAULT_SERIALIZERS.items():
        kind = type(serializer)
        if isinstance(serializer, JsonSerializer):
            kind = type(f"Orjson{kind.__name__}", (_FastJson, kind), {})
        serializers[mimetype] = kind()
    return serializers


@lru_cache(maxsize=4)
def _client_for(url: str, timeout: float) -> Elasticsearch:
    return Elasticsearch(
        url,
        request_timeout=timeout,
        max_retries=0,
        retry_on_timeout=False,
        serializers=_serializers(),
    )


def get_client() -> Elasticsearch:
    if not is_configured():
        raise RuntimeError("ELASTICSEARCH_URL is not set.")
    return _client_for(settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_TIMEOUT)


def index_alias(kind: str) -> str:
    """The alias that readers and writers use for one document type."""
    return f"{settings.SEARCH_INDEX_PREFIX}-{kind}"
