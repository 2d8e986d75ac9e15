"""Parsing search parameters into a validated query, apart from executing it."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import QueryDict

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 20
MAX_PAGE_SIZE = 50
MAX_RESULT_WINDOW = 10_000
FILTER_KEYS = ("region", "district", "field")
SORT_KEYS = ("relevance", "newest", "title")


class QueryError(ValueError):
    """A parameter the user can fix; its message is shown in German."""


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    page_size: int = PAGE_SIZE

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size


def _clean_text(raw: str) -> str:
    # Control characters (NUL among them) never help a search and break some
    # database drivers; they are dropped rather than rejected.
    cleaned = "".join(ch for ch in raw if ch.isprintable() or ch == " ")
    return " ".join(cleaned.split())[:MAX_QUERY_LENGTH]


def _positive_int(params: QueryDict, key: str, default: int, maximum: int) -> int:
    raw = params.get(key)
    if raw in (None, ""):
        return default
    if not raw.isdigit() or len(raw) > 6:
        raise QueryError(f"„{key}“ muss eine positive ganze Zahl sein.")
    value = int(raw)
    if not 1 <= value <= maximum:
        raise QueryError(f"„{key}“ muss zwischen 1 und {maximum} liegen.")
    return value


def parse_query(params: QueryDict) -> SearchQuery:
    text = _clean_text(params.get("q", ""))
    filters = {}
    for key in FILTER_KEYS:
        values = tuple(v for v in (_clean_text(v) for v in params.getlist(key)) if v)
        if values:
            filters[key] = values
    sort = params.get("sort") or "relevance"
    if sort not in SORT_KEYS:
        raise QueryError("Diese Sortierung gibt es nicht.")
    page_size = _positive_int(params, "size", PAGE_SIZE, MAX_PAGE_SIZE)
    page = _positive_int(params, "page", 1, MAX_RESULT_WINDOW // page_size)
    return SearchQuery(
        text=text, filters=filters, sort=sort, page=page, page_size=page_size
    )
