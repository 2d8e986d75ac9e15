"""One search interface, two backends: Elasticsearch and the database fallback."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from elastic_transport import TransportError
from elasticsearch import ApiError

from ..client import is_configured
from ..facets import district_seat
from ..query import SearchQuery

logger = logging.getLogger(__name__)


@dataclass
class Hit:
    id: int
    slug: str
    url: str
    title: str
    teaser: str
    organisation: str
    districts: list[str]
    fields: list[str]
    highlight: str = ""
    score: float | None = None
    promoted: bool = False


@dataclass
class SearchResult:
    count: int
    hits: list[Hit]
    backend: str
    limited: bool = False
    facets: dict[str, list[dict]] = field(default_factory=dict)
    suggestion: str | None = None


@dataclass(frozen=True)
class Context:
    """What both backends need besides the query, resolved once."""

    alternatives: tuple[str, ...] = ()
    seat: tuple[float, float] | None = None
    exclude_ids: tuple[int, ...] = ()


def prepare(query: SearchQuery) -> Context:
    from ..synonyms import expand

    seat = district_seat(query.near) if query.near else None
    alternatives = tuple(expand(query.text)) if query.text else ()
    return Context(alternatives=alternatives, seat=seat)


def run_search(query: SearchQuery) -> SearchResult:
    """Search Elasticsearch; fall back to the database when it is unavailable.

    Raises ``QueryError`` for a parameter that names nothing (``near``)."""
    from . import database, elastic
    from .promotions import promoted_hits

    context = prepare(query)
    promoted = promoted_hits(query) if query.text else []
    if promoted:
        context = Context(
            alternatives=context.alternatives,
            seat=context.seat,
            exclude_ids=tuple(hit.id for hit in promoted),
        )
    if is_configured():
        try:
            result = elastic.search(query, context)
        except (TransportError, ApiError):
            logger.warning(
                "Elasticsearch unavailable; using the database.", exc_info=True
            )
            result = database.search(query, context)
            result.limited = True
    else:
        result = database.search(query, context)
    if promoted:
        result.count += len(promoted)
        if query.page == 1:
            result.hits = promoted + result.hits
    return result
