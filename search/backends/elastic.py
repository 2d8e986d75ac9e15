"""Executing a SearchQuery on Elasticsearch (bodies: ``es_requests``)."""

from __future__ import annotations

from dataclasses import replace

from elasticsearch import ApiError

from ..client import get_client, index_alias
from ..facets import build_facets
from ..highlight import render_highlight
from ..query import MAX_RESULT_WINDOW, SearchQuery
from . import Context, Hit, SearchResult
from .es_requests import (
    FEW_HITS,
    HIGHLIGHT_FIELDS,
    concept_name,
    facets_body,
    hits_body,
)


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


def send(query: SearchQuery, context: Context, fuzzy: bool) -> tuple[dict, dict]:
    """(hits response, counts response), one ``_msearch`` round trip."""
    hits, counts = _msearch(
        hits_body(query, context, fuzzy), facets_body(query, context, fuzzy)
    )
    understood = context.understood
    if understood and understood.concepts:
        hits["concepts"] = [concept_name(i) for i in range(len(understood.concepts))]
    return hits, counts


def _run(query: SearchQuery, context: Context) -> tuple[dict, dict, bool]:
    hits, counts, fuzzy, _rescued = _run_rescued(query, context)
    return hits, counts, fuzzy


def _run_rescued(query: SearchQuery, context: Context) -> tuple[dict, dict, bool, bool]:
    """(hits, counts, fuzzy): the exact words first; typo tolerance and
    suggestions only when they find fewer than ``FEW_HITS``. Fuzzy expansion
    over the catch-all field was the largest cost of a search, and correctly
    spelled queries never need it.
    """
    hits, counts = send(query, context, fuzzy=False)
    exact = counts["hits"]["total"]["value"]
    if query.text and (exact < FEW_HITS or _unmatched_concept(hits)):
        hits, counts = send(query, context, fuzzy=True)
        rescued = exact == 0 and counts["hits"]["total"]["value"] > 0
        return hits, counts, True, rescued
    return hits, counts, False, False


def _unmatched_concept(hits: dict) -> bool:
    """A query word that none of the first page's hits contains (by itself,
    a part or a synonym) is likely misspelt: "Dolmetcher Arzt" finds doctors
    only. Every concept clause is named (``es_requests.concept_name``)."""
    names = [n for n in hits.get("concepts", ())]
    if not names:
        return False
    found = {
        name for raw in hits["hits"]["hits"] for name in raw.get("matched_queries", ())
    }
    return any(name not in found for name in names)


def _page_ids(query: SearchQuery, context: Context, fuzzy: bool) -> list[int]:
    """One page's ids, ranked as ``search`` ranks it; nothing loaded,
    highlighted or counted."""
    body = hits_body(query, context, fuzzy)
    for name in ("highlight", "suggest"):
        body.pop(name, None)
    body["_source"] = False
    (part,) = _msearch(body)
    return [int(raw["_id"]) for raw in part["hits"]["hits"]]


def result_ids(query: SearchQuery, context: Context, limit: int) -> list[int]:
    """The first ``limit`` ids, page after page as the search pages rank them
    (each page's rescore window depends on its position). The first page
    decides the count and typo tolerance, as it does for every page."""
    if limit <= 0:
        return []
    first = replace(query, page=1)
    hits, counts, fuzzy = _run(first, context)
    ids = [int(raw["_id"]) for raw in hits["hits"]["hits"]]
    wanted = min(limit, counts["hits"]["total"]["value"], MAX_RESULT_WINDOW)
    page = 2
    while len(ids) < wanted:
        found = _page_ids(replace(first, page=page), context, fuzzy)
        if not found:
            break
        ids += found
        page += 1
    return ids[:limit]


def _buckets(agg: dict) -> dict[str, int]:
    values = agg.get("values", agg)
    return {str(bucket["key"]): bucket["doc_count"] for bucket in values["buckets"]}


def search(query: SearchQuery, context: Context) -> SearchResult:
    response, totals, fuzzy, rescued = _run_rescued(query, context)
    counts = {facet: _buckets(agg) for facet, agg in totals["aggregations"].items()}
    count = totals["hits"]["total"]["value"]
    suggestion = None
    if query.text and fuzzy and "suggest" in response:
        suggestion = suggestion_from(query.text, response["suggest"])
    return SearchResult(
        count=count,
        hits=[_hit(raw) for raw in response["hits"]["hits"]],
        backend="elasticsearch",
        facets=build_facets(counts, query.filters),
        suggestion=suggestion,
        relaxed=rescued,
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
