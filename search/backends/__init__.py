"""One search interface (``SearchBackend``: search, result ids, autocomplete)
with three implementations: Elasticsearch (``elastic``), the PostgreSQL and
the SQLite fallback (``database``). The fallback policy lives here, once."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Protocol, TypeVar

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

    seat: tuple[float, float] | None = None
    exclude_ids: tuple[int, ...] = ()
    understood: Understood | None = None
    feedback: tuple[tuple[str, float], ...] = ()
    """Terms of the best matches that lift the others (Elasticsearch's
    ranking, ``feedback``); set by the engine, never by the caller."""
    window: tuple[int, ...] = ()
    """The best matches by the first pass, as many as the rescore window:
    the only ones the page with feedback ranks; set with ``feedback``."""


class SearchBackend(Protocol):
    name: str

    def search(self, query: SearchQuery, context: Context) -> SearchResult: ...

    def result_ids(
        self, query: SearchQuery, context: Context, limit: int
    ) -> list[int]: ...

    def autocomplete(self, text: str, size: int = 8) -> list[dict]: ...


T = TypeVar("T")


def with_fallback(call: Callable[[SearchBackend], T]) -> tuple[T, SearchBackend, bool]:
    """(answer, backend that gave it, limited): Elasticsearch while it is
    configured and its breaker is closed; on a transport or API error, or
    while the breaker is open, the database backend of this deployment.
    ``limited`` says the answer comes from the fallback although
    Elasticsearch is configured."""
    from . import database, elastic

    fallback = database.backend()
    if breaker.use_elasticsearch():
        try:
            return call(elastic.BACKEND), elastic.BACKEND, False
        except (TransportError, ApiError) as error:
            breaker.record_failure(error)
            logger.warning(
                "Elasticsearch unavailable; using the database.", exc_info=True
            )
            return call(fallback), fallback, True
    return call(fallback), fallback, is_configured()


def prepare(query: SearchQuery) -> Context:
    seat = district_seat(query.near) if query.near else None
    understood = understand(query.text) if query.text else None
    return Context(seat=seat, understood=understood)


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
    context, promoted = _prepare_with_promotions(query)
    result, _backend, limited = with_fallback(lambda b: b.search(query, context))
    result.limited = result.limited or limited
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
    context, promoted = _prepare_with_promotions(query)
    ids = [hit.id for hit in promoted][:limit]
    rest = limit - len(ids)
    found, _backend, _limited = with_fallback(
        lambda b: b.result_ids(query, context, rest)
    )
    return ids + found


def autocomplete(text: str, size: int = 8) -> tuple[list[dict], str]:
    """(suggestions, the name of the backend that gave them)."""
    found, backend, _limited = with_fallback(lambda b: b.autocomplete(text, size))
    return found, backend.name
