"""One search interface, two backends: Elasticsearch and the database fallback."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from elastic_transport import TransportError
from elasticsearch import ApiError

from ..client import is_configured
from ..query import SearchQuery

logger = logging.getLogger(__name__)


@dataclass
class Hit:
    id: int
    slug: str
    url: str
    title: str
    teaser: str
    districts: list[str]
    fields: list[str]
    highlight: str = ""
    score: float | None = None


@dataclass
class SearchResult:
    count: int
    hits: list[Hit]
    backend: str
    limited: bool = False
    facets: dict[str, list[dict]] = field(default_factory=dict)


def run_search(query: SearchQuery) -> SearchResult:
    """Search Elasticsearch; fall back to the database when it is unavailable."""
    from . import database, elastic

    if is_configured():
        try:
            return elastic.search(query)
        except (TransportError, ApiError):
            logger.warning(
                "Elasticsearch unavailable; using the database.", exc_info=True
            )
            result = database.search(query)
            result.limited = True
            return result
    return database.search(query)
