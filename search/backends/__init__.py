"""One search interface, two backends: Elasticsearch and the database fallback."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace

from elastic_transport import TransportError
from elasticsearch import ApiError

from .. import breaker
from ..client import is_configured
from ..facets import district_seat
from ..query import SearchQuery
from ..understanding import Understood, understand

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
    relaxed: bool = False
    """Nothing matched the words as written; these are similar spellings."""
    understood: Understood | None = None


@dataclass(frozen=True)
class Context:
    """What both backends need besides the query, resolved once."""

    alternatives: tuple[str, ...] = ()
    seat: tuple[float, float] | None = None
    exclude_ids: tuple[int, ...] = ()
    understood: Understood | None = None


def prepare(query: SearchQuery) -> Context:
    from ..synonyms import expand

    seat = district_seat(query.near) if query.near else None
    alternatives = tuple(expand(query.text)) if query.text else ()
    understood = understand(query.text) if query.text else None
    return Context(alternatives=alternatives, seat=seat, understood=understood)


def _prepare_with_promotions(query: SearchQuery) -> tuple[Context, list[Hit]]:
    """The context and the editors' promoted hits, which the backends leave out."""
    from .promotions import promoted_hits

    context = prepare(query)
    promoted = promoted_hits(query) if query.text else []
    if promoted:
        context = replace(context, exclude_ids=tuple(hit.id for hit in promoted))
    return context, promoted


def run_search(query: SearchQuery) -> SearchResult:
    """Search Elasticsearch; fall back to the database when it is unavailable.

    Raises ``QueryError`` for a parameter that names nothing (``near``)."""
    from . import database, elastic

    context, promoted = _prepare_with_promotions(query)
    if breaker.use_elasticsearch():
        try:
            result = elastic.search(query, context)
        except (TransportError, ApiError) as error:
            breaker.record_failure(error)
            logger.warning(
                "Elasticsearch unavailable; using the database.", exc_info=True
            )
            result = database.search(query, context)
            result.limited = True
    else:
        result = database.search(query, context)
        result.limited = is_configured()
    if promoted:
        result.count += len(promoted)
        if query.page == 1:
            result.hits = promoted + result.hits
    result.understood = context.understood
    return result


def result_ids(query: SearchQuery, limit: int) -> list[int]:
    """The ids of a search's first ``limit`` results, in the order its pages
    (of the query's page size) list them, promoted projects first: what an
    export needs, without facets, snippets or cards. The database answers in
    one query instead of a search per page."""
    from . import database, elastic

    context, promoted = _prepare_with_promotions(query)
    ids = [hit.id for hit in promoted][:limit]
    rest = limit - len(ids)
    if breaker.use_elasticsearch():
        try:
            return ids + elastic.result_ids(query, context, rest)
        except (TransportError, ApiError) as error:
            breaker.record_failure(error)
            logger.warning(
                "Elasticsearch unavailable; using the database.", exc_info=True
            )
    return ids + database.result_ids(query, context, rest)
