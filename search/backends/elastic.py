"""Executing a SearchQuery on Elasticsearch.

The body is written as plain dicts: every clause is visible here and none of
them takes raw user syntax (no ``query_string``).
"""

from __future__ import annotations

from ..client import get_client, index_alias
from ..compounds import split_text
from ..facets import FACET_SIZE, TAG_FACET_SIZE, build_facets
from ..highlight import POST, PRE, render_highlight
from ..query import FILTER_KEYS, SearchQuery
from . import Context, Hit, SearchResult

TEXT_FIELDS = [
    "title^5",
    "title.exact^7",
    "teaser^3",
    "teaser.exact^1.5",
    "tags_text^2.5",
    "tags_text.exact^1.5",
    "description^1.5",
    "offers_text^1.2",
    "needs_text^1.2",
    "organisation^1",
]
FILTER_FIELDS = {
    "region": "regions",
    "district": "districts",
    "field": "fields_of_action",
    "target_group": "target_groups",
    "offer": "offer_categories",
    "need": "need_categories",
    "status": "status",
    "organisation_type": "organisation_type",
    "tag": "tags",
}
HIGHLIGHT_FIELDS = ("teaser", "description", "offers_text", "needs_text")
SOURCE = ["slug", "url", "title", "teaser", "organisation"]
SOURCE += ["district_names", "field_names"]
STALE_AFTER = "now-15M/d"
STALE_WEIGHT = 0.5
SYNONYM_BOOST = 0.6
COMPOUND_BOOST = 0.5
SUGGEST_BELOW = 3
FUZZY = {"fuzziness": "AUTO", "prefix_length": 1, "max_expansions": 20}
# Exact counts beyond the result window buy nothing but time.
TRACK_TOTAL_HITS = 10_000


def _text_clause(text: str, boost: float, fuzzy: bool) -> dict:
    """All words must occur somewhere (catch-all field); the boosted fields
    and a title phrase decide the order.

    Fuzzy matching is the expensive part (every term expands to up to
    ``max_expansions`` terms per field), so only the user's own text is fuzzy,
    and only on the catch-all field and the title; synonym and compound
    alternatives are spelled correctly by construction."""
    typo = FUZZY if fuzzy else {}
    should: list[dict] = [
        {
            "multi_match": {
                "query": text,
                "fields": TEXT_FIELDS,
                "type": "best_fields",
                "tie_breaker": 0.3,
            }
        },
        {"match_phrase": {"title": {"query": text, "boost": 3}}},
    ]
    if fuzzy:
        should.append({"match": {"title": {"query": text, "boost": 2, **FUZZY}}})
    return {
        "bool": {
            "must": [
                {
                    "match": {
                        "all_text": {
                            "query": text,
                            "operator": "and",
                            "boost": 0.2,
                            **typo,
                        }
                    }
                }
            ],
            "should": should,
            "boost": boost,
        }
    }


def text_query(text: str, alternatives: tuple[str, ...]) -> dict:
    clauses = [_text_clause(text, 1.0, fuzzy=True)]
    clauses += [_text_clause(alt, SYNONYM_BOOST, fuzzy=False) for alt in alternatives]
    for variant in (text, *alternatives):
        split = split_text(variant)
        if split:
            clauses.append(_text_clause(split, COMPOUND_BOOST, fuzzy=False))
    return {"bool": {"should": clauses, "minimum_should_match": 1}}


def highlight_query(text: str, alternatives: tuple[str, ...]) -> dict:
    """What the highlighter marks: the texts without fuzziness. Highlighting
    with the scoring query re-runs every fuzzy expansion on every hit's
    fields, which cost seconds per search."""
    return {
        "bool": {
            "should": [
                {"multi_match": {"query": t, "fields": list(HIGHLIGHT_FIELDS)}}
                for t in (text, *alternatives)
            ]
        }
    }


def _terms(facet: str, values: tuple[str, ...]) -> dict:
    return {"terms": {FILTER_FIELDS[facet]: list(values)}}


def _facet_filters(query: SearchQuery, skip: str | None = None) -> list[dict]:
    return [
        _terms(facet, values)
        for facet, values in query.filters.items()
        if facet != skip and values
    ]


def _sort(query: SearchQuery, context: Context) -> list:
    newest = {"published_at": {"order": "desc", "missing": "_last"}}
    if query.sort == "newest":
        return [newest, "_score"]
    if query.sort == "title":
        return [{"title_sort": "asc"}, "_score"]
    if query.sort == "distance" and context.seat:
        lat, lon = context.seat
        return [
            {
                "_geo_distance": {
                    "location": {"lat": lat, "lon": lon},
                    "order": "asc",
                    "unit": "km",
                }
            },
            "_score",
        ]
    return ["_score", newest]


def build(query: SearchQuery, context: Context) -> dict:
    """The request body: scored query, post_filter for facets, facet aggs."""
    base_filters: list[dict] = []
    if context.seat:
        lat, lon = context.seat
        base_filters.append(
            {
                "geo_distance": {
                    "distance": f"{query.km}km",
                    "location": {"lat": lat, "lon": lon},
                }
            }
        )
    scored = (
        text_query(query.text, context.alternatives)
        if query.text
        else {"match_all": {}}
    )
    main = {
        "bool": {
            "must": [scored],
            "filter": base_filters,
            "must_not": [{"ids": {"values": [str(i) for i in context.exclude_ids]}}]
            if context.exclude_ids
            else [],
        }
    }
    ranked = {
        "function_score": {
            "query": main,
            "functions": [
                {
                    "filter": {"range": {"last_confirmed": {"lt": STALE_AFTER}}},
                    "weight": STALE_WEIGHT,
                }
            ],
            "score_mode": "multiply",
            "boost_mode": "multiply",
        }
    }
    aggs = {}
    for facet in FILTER_KEYS:
        others = _facet_filters(query, skip=facet)
        size = TAG_FACET_SIZE if facet == "tag" else FACET_SIZE
        aggs[facet] = {
            "filter": {"bool": {"filter": others}} if others else {"match_all": {}},
            "aggs": {
                "values": {"terms": {"field": FILTER_FIELDS[facet], "size": size}}
            },
        }
    body: dict = {
        "query": ranked,
        "post_filter": {"bool": {"filter": _facet_filters(query)}},
        "aggs": aggs,
        "sort": _sort(query, context),
        "from": query.offset,
        "size": query.page_size,
        "track_total_hits": TRACK_TOTAL_HITS,
        "_source": SOURCE,
    }
    if query.text:
        body["highlight"] = {
            "pre_tags": [PRE],
            "post_tags": [POST],
            "highlight_query": highlight_query(query.text, context.alternatives),
            "fields": {
                name: {"fragment_size": 180, "number_of_fragments": 1}
                for name in HIGHLIGHT_FIELDS
            },
        }
        body["suggest"] = {
            "text": query.text,
            "words": {
                "term": {
                    "field": "suggest",
                    "suggest_mode": "missing",
                    "min_word_length": 4,
                    "size": 1,
                }
            },
        }
    return body


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


def search(query: SearchQuery, context: Context) -> SearchResult:
    response = get_client().search(
        index=index_alias("projects"), body=build(query, context)
    )
    counts = {
        facet: {
            str(bucket["key"]): bucket["doc_count"]
            for bucket in agg["values"]["buckets"]
        }
        for facet, agg in response["aggregations"].items()
    }
    count = response["hits"]["total"]["value"]
    suggestion = None
    if query.text and count < SUGGEST_BELOW and "suggest" in response:
        suggestion = suggestion_from(query.text, response["suggest"])
    return SearchResult(
        count=count,
        hits=[_hit(raw) for raw in response["hits"]["hits"]],
        backend="elasticsearch",
        facets=build_facets(counts, query.filters),
        suggestion=suggestion,
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
