"""Elasticsearch request bodies for a SearchQuery.

Written as plain dicts: every clause is visible here and none of them takes
raw user syntax (no ``query_string``). A search is two requests sent together
(``_msearch``): the page of hits and the counts, so the two cores work on
them at once and the counts can come from the shard request cache.
"""

from __future__ import annotations

from ..compounds import split_text
from ..facets import FACET_SIZE, TAG_FACET_SIZE
from ..highlight import POST, PRE
from ..query import FILTER_KEYS, SearchQuery
from . import Context

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
# Snippets come from the teaser or the description. Each highlighted field is
# one more highlighter pass over every hit: four fields (with offers and
# needs) took half of the hits request, and a match only in an offer or need
# text now shows the teaser instead (docs/search.md).
HIGHLIGHT_FIELDS = ("teaser", "description")
SOURCE = ["slug", "url", "title", "teaser", "organisation"]
SOURCE += ["district_names", "field_names"]
STALE_AFTER = "now-15M/d"
STALE_WEIGHT = 0.5
SYNONYM_BOOST = 0.6
COMPOUND_BOOST = 0.5
FEW_HITS = 3
FUZZY = {"fuzziness": "AUTO", "prefix_length": 1, "max_expansions": 20}
RESCORE_WINDOW = 200
# Exact counts beyond the result window buy nothing but time.
TRACK_TOTAL_HITS = 10_000


def _variants(
    text: str, alternatives: tuple[str, ...], fuzzy: bool = False
) -> list[tuple[str, float, bool]]:
    """(text, boost, fuzzy) for the user's text, its synonyms and the
    compound-split forms of both."""
    variants = [(text, 1.0, fuzzy)]
    variants += [(alt, SYNONYM_BOOST, False) for alt in alternatives]
    for variant in (text, *alternatives):
        split = split_text(variant)
        if split:
            variants.append((split, COMPOUND_BOOST, False))
    return variants


def _match_clause(text: str, boost: float, fuzzy: bool) -> dict:
    """Which documents match: all words somewhere (catch-all field), plus a
    title match that lifts the obvious hits into the rescore window.

    Fuzzy matching is the expensive part (every term expands to up to
    ``max_expansions`` terms), so only the user's own text is fuzzy;
    synonym and compound alternatives are spelled correctly by construction."""
    typo = FUZZY if fuzzy else {}
    return {
        "bool": {
            "must": [
                {"match": {"all_text": {"query": text, "operator": "and", **typo}}}
            ],
            "should": [{"match": {"title": {"query": text, "boost": 2, **typo}}}],
            "boost": boost,
        }
    }


def _rank_clause(text: str, boost: float) -> dict:
    """The boosted fields and a title phrase decide the order of the top hits."""
    return {
        "bool": {
            "should": [
                {
                    "multi_match": {
                        "query": text,
                        "fields": TEXT_FIELDS,
                        "type": "best_fields",
                        "tie_breaker": 0.3,
                    }
                },
                {"match_phrase": {"title": {"query": text, "boost": 3}}},
            ],
            "boost": boost,
        }
    }


def text_query(text: str, alternatives: tuple[str, ...], fuzzy: bool = False) -> dict:
    clauses = [_match_clause(*v) for v in _variants(text, alternatives, fuzzy)]
    return {"bool": {"should": clauses, "minimum_should_match": 1}}


def rank_query(text: str, alternatives: tuple[str, ...]) -> dict:
    clauses = [_rank_clause(t, boost) for t, boost, _ in _variants(text, alternatives)]
    return {"bool": {"should": clauses}}


def highlight_query(field: str, text: str, alternatives: tuple[str, ...]) -> dict:
    """What the highlighter marks in one field: the texts without fuzziness.
    Highlighting with the scoring query re-runs every fuzzy expansion on every
    hit's fields, which cost seconds per search; one query over both fields
    made each field's pass weigh the other's terms too (a fifth of the hits
    request, docs/search.md)."""
    return {"bool": {"should": [{"match": {field: t}} for t in (text, *alternatives)]}}


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


def _staleness(query: dict) -> dict:
    """Profiles unconfirmed for 15 months rank lower."""
    return {
        "function_score": {
            "query": query,
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


def _matching(query: SearchQuery, context: Context, fuzzy: bool) -> dict:
    """Which documents match, scored cheaply (the full ranking is a rescore)."""
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
        text_query(query.text, context.alternatives, fuzzy)
        if query.text
        else {"match_all": {}}
    )
    return {
        "bool": {
            "must": [scored],
            "filter": base_filters,
            "must_not": [{"ids": {"values": [str(i) for i in context.exclude_ids]}}]
            if context.exclude_ids
            else [],
        }
    }


def _aggregations(query: SearchQuery) -> dict:
    """One terms aggregation per facet, each filtered by the other facets'
    selections, so a facet still offers its alternatives."""
    aggs = {}
    for facet in FILTER_KEYS:
        others = _facet_filters(query, skip=facet)
        size = TAG_FACET_SIZE if facet == "tag" else FACET_SIZE
        terms = {"terms": {"field": FILTER_FIELDS[facet], "size": size}}
        if others:
            aggs[facet] = {
                "filter": {"bool": {"filter": others}},
                "aggs": {"values": terms},
            }
        else:
            aggs[facet] = terms
    return aggs


def facets_body(query: SearchQuery, context: Context, fuzzy: bool = False) -> dict:
    """Count and facet counts: nothing scored, nothing fetched. A request
    without hits is what Elasticsearch's shard request cache keeps, so a
    repeated search (paging, another sort) counts from the cache."""
    return {
        "query": {"bool": {"filter": [_matching(query, context, fuzzy)]}},
        "post_filter": {"bool": {"filter": _facet_filters(query)}},
        "aggs": _aggregations(query),
        "size": 0,
        "track_total_hits": TRACK_TOTAL_HITS,
    }


def hits_body(query: SearchQuery, context: Context, fuzzy: bool = False) -> dict:
    """One page of hits, ranked, highlighted; the count comes from
    ``facets_body``, so this one need not count (and may skip low scores).

    ``fuzzy`` adds typo tolerance and the "Meinten Sie" suggester, which the
    search asks for only when the exact words find too little."""
    # No aggregations here, so the facet selections filter the query itself
    # (not a post filter): only documents that pass them are scored.
    matching = {
        "bool": {
            "must": [_matching(query, context, fuzzy)],
            "filter": _facet_filters(query),
        }
    }
    body: dict = {
        "query": _staleness(matching),
        "sort": _sort(query, context),
        "from": query.offset,
        "size": query.page_size,
        "track_total_hits": False,
        "_source": SOURCE,
    }
    if query.text and query.sort == "relevance":
        # Scoring every match over ten boosted fields and a phrase made broad
        # queries slow at 100k; the match query picks the candidates, the top
        # window is ranked in full, then stale profiles are demoted.
        # Elasticsearch refuses an explicit sort next to a rescore; the
        # default order is by score.
        del body["sort"]
        body["query"] = matching
        window = max(RESCORE_WINDOW, query.offset + query.page_size)
        body["rescore"] = [
            {
                "window_size": window,
                "query": {
                    "rescore_query": rank_query(query.text, context.alternatives)
                },
            },
            {
                "window_size": window,
                "query": {
                    "rescore_query": _staleness({"match_all": {}}),
                    "score_mode": "multiply",
                },
            },
        ]
    if query.text:
        body["highlight"] = {
            "pre_tags": [PRE],
            "post_tags": [POST],
            "fields": {
                name: {
                    "fragment_size": 180,
                    "number_of_fragments": 1,
                    "highlight_query": highlight_query(
                        name, query.text, context.alternatives
                    ),
                }
                for name in HIGHLIGHT_FIELDS
            },
        }
    if query.text and fuzzy:
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
