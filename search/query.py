"""Parsing search parameters into a validated query, apart from executing it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.http import QueryDict
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 200
MAX_VALUE_LENGTH = 100
MAX_VALUES_PER_FILTER = 20
PAGE_SIZE = 20
MAX_PAGE_SIZE = 50
MAX_RESULT_WINDOW = 10_000
DEFAULT_KM = 25
MAX_KM = 300
# The facet names are the filter parameter names (see docs/search.md).
FILTER_KEYS = (
    "region",
    "district",
    "field",
    "target_group",
    "offer",
    "need",
    "status",
    "organisation_type",
    "tag",
)
SORT_KEYS = ("relevance", "newest", "title", "distance")
SORT_LABELS = {
    "relevance": _("Relevanz"),
    "newest": _("Neueste zuerst"),
    "title": _("Titel (A–Z)"),
    "distance": _("Entfernung"),
}
AGS_PATTERN = re.compile(r"^\d{5}$")


class QueryError(ValueError):
    """A parameter the user can fix; its message is shown in German."""


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    page_size: int = PAGE_SIZE
    near: str = ""
    km: int = DEFAULT_KM

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    def without(self, key: str, value: str | None = None) -> SearchQuery:
        """This query with one filter value (or the whole filter) removed."""
        filters = dict(self.filters)
        if key == "near":
            return SearchQuery(
                text=self.text,
                filters=filters,
                sort="relevance" if self.sort == "distance" else self.sort,
                page_size=self.page_size,
            )
        kept = tuple(
            v for v in filters.get(key, ()) if value is not None and v != value
        )
        if kept:
            filters[key] = kept
        else:
            filters.pop(key, None)
        return SearchQuery(
            text=self.text,
            filters=filters,
            sort=self.sort,
            page_size=self.page_size,
            near=self.near,
            km=self.km,
        )

    def params(self, page: int | None = None) -> list[tuple[str, str]]:
        """URL parameters that reproduce this query (filter state lives in URLs)."""
        items: list[tuple[str, str]] = []
        if self.text:
            items.append(("q", self.text))
        for key in FILTER_KEYS:
            items += [(key, value) for value in self.filters.get(key, ())]
        if self.near:
            items += [("near", self.near), ("km", str(self.km))]
        if self.sort != "relevance":
            items.append(("sort", self.sort))
        if self.page_size != PAGE_SIZE:
            items.append(("size", str(self.page_size)))
        if page and page > 1:
            items.append(("page", str(page)))
        return items


def clean_text(raw: str, limit: int = MAX_QUERY_LENGTH) -> str:
    # Control and format characters (NUL, right-to-left overrides) never help
    # a search and break some database drivers; they are dropped, not rejected.
    cleaned = "".join(ch for ch in raw[: limit * 4] if ch.isprintable() or ch == " ")
    return " ".join(cleaned.split())[:limit]


def _positive_int(params: QueryDict, key: str, default: int, maximum: int) -> int:
    raw = params.get(key)
    if raw in (None, ""):
        return default
    if not raw.isascii() or not raw.isdigit() or len(raw) > 6:
        raise QueryError(
            gettext("„%(key)s“ muss eine positive ganze Zahl sein.") % {"key": key}
        )
    value = int(raw)
    if not 1 <= value <= maximum:
        raise QueryError(
            gettext("„%(key)s“ muss zwischen 1 und %(maximum)s liegen.")
            % {"key": key, "maximum": maximum}
        )
    return value


def _filter_values(params: QueryDict, key: str) -> tuple[str, ...]:
    values: list[str] = []
    for raw in params.getlist(key):
        value = clean_text(raw, MAX_VALUE_LENGTH)
        if value and value not in values:
            values.append(value)
    if len(values) > MAX_VALUES_PER_FILTER:
        raise QueryError(
            gettext("Höchstens %(count)s Werte für „%(key)s“ sind möglich.")
            % {"count": MAX_VALUES_PER_FILTER, "key": key}
        )
    return tuple(values)


def parse_query(params: QueryDict) -> SearchQuery:
    """Validate the whitelisted parameters; unknown parameters are ignored."""
    text = clean_text(params.get("q", ""))
    filters = {}
    for key in FILTER_KEYS:
        values = _filter_values(params, key)
        if values:
            filters[key] = values
    near = (params.get("near") or "").strip()
    if near and not AGS_PATTERN.match(near):
        raise QueryError(gettext("„near“ muss ein fünfstelliger Kreisschlüssel sein."))
    km = _positive_int(params, "km", DEFAULT_KM, MAX_KM)
    sort = params.get("sort") or "relevance"
    if sort not in SORT_KEYS:
        raise QueryError(gettext("Diese Sortierung gibt es nicht."))
    if sort == "distance" and not near:
        raise QueryError(
            gettext(
                "Nach Entfernung lässt sich nur sortieren, wenn ein Landkreis "
                "gewählt ist (near)."
            )
        )
    page_size = _positive_int(params, "size", PAGE_SIZE, MAX_PAGE_SIZE)
    page = _positive_int(params, "page", 1, MAX_RESULT_WINDOW // page_size)
    return SearchQuery(
        text=text,
        filters=filters,
        sort=sort,
        page=page,
        page_size=page_size,
        near=near,
        km=km,
    )
