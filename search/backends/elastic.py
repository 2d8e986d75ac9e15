"""Executing a SearchQuery on Elasticsearch (bodies: ``es_requests``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from django.conf import settings
from elasticsearch import ApiError

from ..client import get_client, index_alias
from ..facets import build_facets
from ..highlight import render_highlight
from ..query import MAX_RESULT_WINDOW, SearchQuery
from . import Context, Hit, SearchResult
from .es_requests import (
    CONCEPT_PREFIX,
    FEW_HITS,
    HIGHLIGHT_FIELDS,
    facets_body,
    hits_body,
    ids_body,
    rescore_window,
    window_body,
)
from .feedback import feedback_for


def suggestion_from(text: str, suggest: dict) -> str | None:
    """The user's text with each unknown word replaced by the best known one."""
    corrected = text
    changed = False
    for entry in reversed(suggest.get("words", [])):
        if not entry.get("options"):
            continue
        option = entry["options"][0]["text"]
        start, length = entry["offset"], entry["length"]
        original = text[start : start + length]
        if original[:1].isupper():
            option = option[:1].upper() + option[1:]
        corrected = corrected[:start] + option + corrected[start + length :]
        changed = True
    return corrected if changed and corrected != text else None


def _hit(raw: dict) -> Hit:
    source = raw.get("_source", {})
    highlight = ""
    for name in HIGHLIGHT_FIELDS:
        fragments = raw.get("highlight", {}).get(name)
        if fragments:
            highlight = render_highlight(fragments[0])
            break
    return Hit(
        id=int(raw["_id"]),
        slug=source.get("slug", ""),
        url=source.get("url", ""),
        title=source.get("title", ""),
        teaser=source.get("teaser", ""),
        organisation=source.get("organisation") or "",
        districts=list(source.get("district_names") or []),
        fields=list(source.get("field_names") or []),
        highlight=highlight,
        score=raw.get("_score"),
    )


def _msearch(*bodies: dict) -> list[dict]:
    """The responses of one ``_msearch`` round trip, in the bodies' order."""
    header = {"index": index_alias("projects")}
    searches: list[dict] = []
    for body in bodies:
        searches += [header, body]
    response = get_client().msearch(searches=searches)
    parts = response["responses"]
    for part in parts:
        if "error" in part:
            raise ApiError(
                message=str(part["error"].get("reason", "search failed")),
                meta=response.meta,
                body=part,
            )
    return parts


HitsBody = Callable[[SearchQuery, Context, bool], dict]


def send(
    query: SearchQuery, context: Context, fuzzy: bool, hits: HitsBody = hits_body
) -> tuple[dict, dict]:
    """(hits response, counts response), one ``_msearch`` round trip."""
    found, counts = _msearch(
        hits(query, context, fuzzy), facets_body(query, context, fuzzy)
    )
    return found, counts


@dataclass(frozen=True)
class Outcome:
    hits: dict
    counts: dict
    fuzzy: bool
    rescued: bool
    """Nothing matched the words as written; similar spellings did."""
    context: Context
    """The context the outcome was found with (the rescue relaxes it, the
    feedback terms join it)."""


def _total(response: dict) -> int:
    return response["hits"]["total"]["value"]


def _decide(
    query: SearchQuery, context: Context, hits: HitsBody = hits_body
) -> Outcome:
    """The exact words first; typo tolerance and suggestions only when they
    find fewer than ``FEW_HITS`` or a query word occurs nowhere (fuzzy
    expansion is the largest cost of a search, and correctly spelled queries
    never need it); if even that finds nothing, any one word is enough.
    Every decision rests on the counts, so each page of a search decides
    the same way. ``hits``: the request beside the counts."""
    found, counts = send(query, context, False, hits)
    exact = _total(counts)
    if not query.text or (exact >= FEW_HITS and not _unknown_word(counts)):
        return Outcome(found, counts, False, False, context)
    found, counts = send(query, context, True, hits)
    if _total(counts) == 0 and context.understood:
        context = _any_word(context)
        found, counts = send(query, context, True, hits)
    rescued = exact == 0 and _total(counts) > 0
    return Outcome(found, counts, True, rescued, context)


def _any_word(context: Context) -> Context:
    """Any word that occurs finds something (recall first)."""
    return replace(context, understood=replace(context.understood, any_word=True))


def _ranks_by_text(query: SearchQuery, context: Context) -> bool:
    understood = context.understood
    return bool(
        settings.SEARCH_FEEDBACK
        and query.text
        and query.sort == "relevance"
        and understood
        and understood.concepts
    )


def _run(query: SearchQuery, context: Context) -> Outcome:
    """The search's hits and counts. A search ranked by its words asks for
    the ids of its rescore window with the counts first (decided as
    ``_decide`` decides), reads the feedback terms of the best three, then
    asks for the page with them, ranked among the window's ids only
    (``feedback``): three round trips instead of one, the last two small."""
    if not _ranks_by_text(query, context):
        return _decide(query, context)
    first = _decide(query, context, hits=window_body)
    window = _ids(first.hits)
    ranked = replace(
        first.context,
        feedback=feedback_for(window, first.context.understood),
        window=tuple(window),
    )
    (hits,) = _msearch(hits_body(query, ranked, first.fuzzy))
    return replace(first, hits=hits, context=ranked)


def _ids(response: dict) -> list[int]:
    return [int(raw["_id"]) for raw in response["hits"]["hits"]]


def _unknown_word(counts: dict) -> bool:
    """A query word that no project contains (by itself, a part or a
    synonym) is likely misspelt: "Dolmetcher Arzt" would find doctors only.
    The counts request counts each concept (``es_requests.concept_name``)."""
    return any(
        agg["doc_count"] == 0
        for name, agg in counts.get("aggregations", {}).items()
        if name.startswith(CONCEPT_PREFIX)
    )


def _page_ids(query: SearchQuery, context: Context, fuzzy: bool) -> list[int]:
    """One page's ids, ranked as ``search`` ranks it; nothing loaded,
    highlighted or counted."""
    (part,) = _msearch(ids_body(query, context, fuzzy))
    return _ids(part)


def _later_page_ids(query: SearchQuery, context: Context, first: Outcome) -> list[int]:
    """A later page's ids: the first page's window and feedback rank it
    while it lies within that window; a page beyond has a window of its own
    (``rescore_window``), so it is asked as ``search`` asks it."""
    if first.context.window and rescore_window(query) > rescore_window(
        replace(query, page=1)
    ):
        return _ids(_run(query, context).hits)
    return _page_ids(query, first.context, first.fuzzy)


def result_ids(query: SearchQuery, context: Context, limit: int) -> list[int]:
    """The first ``limit`` ids, page after page as the search pages rank them
    (each page's rescore window depends on its position). The first page
    decides the count and typo tolerance, as it does for every page."""
    if limit <= 0:
        return []
    first = replace(query, page=1)
    outcome = _run(first, context)
    ids = _ids(outcome.hits)
    wanted = min(limit, outcome.counts["hits"]["total"]["value"], MAX_RESULT_WINDOW)
    page = 2
    while len(ids) < wanted:
        found = _later_page_ids(replace(first, page=page), context, outcome)
        if not found:
            break
        ids += found
        page += 1
    return ids[:limit]


def _buckets(agg: dict) -> dict[str, int]:
    values = agg.get("values", agg)
    return {str(bucket["key"]): bucket["doc_count"] for bucket in values["buckets"]}


def search(query: SearchQuery, context: Context) -> SearchResult:
    outcome = _run(query, context)
    response, totals = outcome.hits, outcome.counts
    counts = {
        facet: _buckets(agg)
        for facet, agg in totals["aggregations"].items()
        if not facet.startswith(CONCEPT_PREFIX)
    }
    count = totals["hits"]["total"]["value"]
    suggestion = None
    if query.text and outcome.fuzzy and "suggest" in response:
        suggestion = suggestion_from(query.text, response["suggest"])
    return SearchResult(
        count=count,
        hits=[_hit(raw) for raw in response["hits"]["hits"]],
        backend="elasticsearch",
        facets=build_facets(counts, query.filters),
        suggestion=suggestion,
        relaxed=outcome.rescued,
    )


def autocomplete(text: str, size: int = 8) -> list[dict]:
    response = get_client().search(
        index=index_alias("projects"),
        query={"match": {"title_autocomplete": {"query": text, "operator": "and"}}},
        size=size,
        _source=["title", "url"],
    )
    return [
        {"title": hit["_source"]["title"], "url": hit["_source"].get("url", "")}
        for hit in response["hits"]["hits"]
    ]


class ElasticsearchBackend:
    """The ``SearchBackend`` on Elasticsearch."""

    name = "elasticsearch"
    search = staticmethod(search)
    result_ids = staticmethod(result_ids)
    autocomplete = staticmethod(autocomplete)


BACKEND = ElasticsearchBackend()
