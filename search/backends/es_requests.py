"""Elasticsearch request bodies for a SearchQuery, built with elasticsearch-dsl.

No clause takes raw user syntax (no ``query_string``): the user's words reach
Elasticsearch only as analysed terms (``search.understanding``) or as the
``query`` of a ``match``. A search is two requests sent together
(``_msearch``): the page of hits and the counts, so the two cores work on
them at once and the counts can come from the shard request cache.

Recall first: a project matches when it has enough of the query's concepts
(``MINIMUM_SHOULD_MATCH``), each satisfied by the word itself, its compound
parts or a synonym, all on the pre-analysed ``terms`` fields (Snowball stems
and lexicon compound parts, the same analysis as the database fallbacks).
Places, target groups and needs lift projects, they never filter; the German
fields rank the top window (phrases, exact words).
"""

from __future__ import annotations

from dataclasses import replace

from elasticsearch.dsl import A, Q, Search

from ..facets import FACET_SIZE, TAG_FACET_SIZE
from ..highlight import POST, PRE
from ..query import FILTER_KEYS, SearchQuery
from ..understanding import Concept, Understood, minimum_should_match
from . import Context
from .feedback import lift

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
TERMS_FIELDS = ["terms_title^3", "terms_lead^1.5", "terms"]
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
# one more highlighter pass over every hit (docs/search.md).
HIGHLIGHT_FIELDS = ("teaser", "description")
SOURCE = ["slug", "url", "title", "teaser", "organisation"]
SOURCE += ["district_names", "field_names"]
STALE_AFTER = "now-15M/d"
STALE_WEIGHT = 0.5
PART_BOOST = 0.45
SOME_PARTS_BOOST = 0.35
SYNONYM_BOOST = 0.5
FUZZY_BOOST = 0.8
PLACE_BOOST = 50.0
# With a place named, work for all of Lower Saxony serves that place too:
# it ranks above the same work elsewhere, below the work in the place.
STATEWIDE_BOOST = 10.0
TARGET_GROUP_BOOST = 3.0
NEED_BOOST = 2.0
ALL_WORDS_BOOST = 2.0
RANK_WEIGHT = 0.3
FEW_HITS = 3
FUZZY = {"fuzziness": "AUTO", "prefix_length": 1, "max_expansions": 20}
RESCORE_WINDOW = 200
# Exact counts beyond the result window buy nothing but time.
TRACK_TOTAL_HITS = 10_000


def _stems(stems: tuple[str, ...], boost: float, fields: list[str]) -> Q:
    return Q(
        "multi_match",
        query=" ".join(stems),
        fields=fields,
        operator="and",
        boost=boost,
    )


def _parts(parts: tuple[tuple[str, ...], ...], boost: float, fields: list[str]) -> Q:
    """Every one of ``parts``, each by any of its alternatives."""
    return Q(
        "bool",
        must=[Q("multi_match", query=" ".join(alts), fields=fields) for alts in parts],
        boost=boost,
    )


CONCEPT_PREFIX = "concept-"


def concept_name(position: int) -> str:
    return f"{CONCEPT_PREFIX}{position}"


def concept_clause(
    concept: Concept, fuzzy: bool = False, fields: list[str] = TERMS_FIELDS
) -> Q:
    """The concept by its own stems, its compound parts or a synonym; the
    best of them counts. With ``fuzzy``, a misspelt word finds its neighbours
    in the German fields."""
    queries = [_stems(concept.stems, 1.0, fields)]
    if concept.parts:
        # Every part ("Eltern" and "Café" for "Elterncafé") ranks above the
        # parts without the head, the last part, which still find ("Eltern"):
        # the head names the kind of thing (any café, any culture), the
        # parts before it what is special about it.
        queries.append(_parts(concept.parts, PART_BOOST, fields))
        if len(concept.parts) > 1:
            queries.append(_parts(concept.parts[:-1], SOME_PARTS_BOOST, fields))
    queries += [_stems(alt, SYNONYM_BOOST, fields) for alt in concept.alternatives]
    if fuzzy:
        queries.append(
            Q(
                "multi_match",
                query=" ".join(concept.stems),
                fields=fields,
                operator="and",
                boost=FUZZY_BOOST,
                **FUZZY,
            )
        )
    return Q("dis_max", queries=queries)


def _lifts(understood: Understood) -> list[Q]:
    """What ranks a match higher without being required."""
    lifts = []
    if understood.districts:
        lifts.append(Q("term", statewide={"value": True, "boost": STATEWIDE_BOOST}))
    if understood.target_groups:
        lifts.append(
            Q(
                "terms",
                target_groups=list(understood.target_groups),
                boost=TARGET_GROUP_BOOST,
            )
        )
    if understood.need:
        lifts += [
            Q(
                "bool",
                should=[concept_clause(concept, fields=["terms_offers"])],
                boost=NEED_BOOST,
            )
            for concept in understood.concepts
        ]
    if len(understood.concepts) > 1:
        lifts.append(
            Q(
                "match",
                all_text={
                    "query": understood.topic,
                    "operator": "and",
                    "boost": ALL_WORDS_BOOST,
                },
            )
        )
    return lifts


def place_clause(understood: Understood) -> Q:
    """A project in one of the named places satisfies the place clause."""
    return Q(
        "constant_score",
        filter=Q("terms", districts=list(understood.districts)),
        boost=PLACE_BOOST,
    )


def text_query(understood: Understood, fuzzy: bool = False) -> Q:
    """Which projects match the words and places, and how well: enough of
    the clauses (one per concept, one for the places) by the shared rule."""
    clauses = [concept_clause(c, fuzzy) for c in understood.required]
    if understood.districts:
        clauses.append(place_clause(understood))
    lifts = _lifts(understood)
    lifts += [concept_clause(c, fuzzy) for c in understood.optional]
    if not understood.concepts:
        return Q("bool", must=[Q("match_all")], should=[*clauses, *lifts])
    matching = Q(
        "bool",
        should=clauses,
        minimum_should_match=1
        if understood.any_word
        else minimum_should_match(len(clauses)),
    )
    return Q("bool", must=[matching], should=lifts)


def rank_query(understood: Understood) -> Q:
    """The German fields and the phrase decide the order of the top window;
    domain-common words beside others do not."""
    topic = understood.required_topic
    return Q(
        "bool",
        should=[
            Q(
                "multi_match",
                query=topic,
                fields=TEXT_FIELDS,
                type="best_fields",
                tie_breaker=0.3,
            ),
            Q("match_phrase", title={"query": topic, "slop": 2, "boost": 3}),
            Q("match_phrase", teaser={"query": topic, "slop": 3, "boost": 1.5}),
        ],
    )


def highlight_query(field: str, understood: Understood) -> dict:
    """What the highlighter marks in one field: the topical words and their
    synonyms as written, without fuzziness."""
    texts = [understood.topic] + [
        synonym for concept in understood.concepts for synonym in concept.synonyms
    ]
    return Q("bool", should=[Q("match", **{field: t}) for t in texts if t]).to_dict()


def _terms(facet: str, values: tuple[str, ...]) -> Q:
    return Q("terms", **{FILTER_FIELDS[facet]: list(values)})


def _facet_filters(query: SearchQuery, skip: str | None = None) -> list[Q]:
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


def _staleness(query: Q) -> Q:
    """Profiles unconfirmed for 15 months rank lower."""
    return Q(
        "function_score",
        query=query,
        functions=[
            {
                "filter": Q("range", last_confirmed={"lt": STALE_AFTER}),
                "weight": STALE_WEIGHT,
            }
        ],
        score_mode="multiply",
        boost_mode="multiply",
    )


def _matching(query: SearchQuery, context: Context, fuzzy: bool) -> Q:
    """Which documents match, and their first score."""
    filters = []
    if context.seat:
        lat, lon = context.seat
        filters.append(
            Q(
                "geo_distance",
                distance=f"{query.km}km",
                location={"lat": lat, "lon": lon},
            )
        )
    scored = (
        text_query(context.understood, fuzzy)
        if query.text and context.understood
        else Q("match_all")
    )
    excluded = (
        [Q("ids", values=[str(i) for i in context.exclude_ids])]
        if context.exclude_ids
        else []
    )
    return Q("bool", must=[scored], filter=filters, must_not=excluded)


def _aggregations(search: Search, query: SearchQuery) -> Search:
    """One terms aggregation per facet, each filtered by the other facets'
    selections, so a facet still offers its alternatives."""
    for facet in FILTER_KEYS:
        others = _facet_filters(query, skip=facet)
        size = TAG_FACET_SIZE if facet == "tag" else FACET_SIZE
        terms = A("terms", field=FILTER_FIELDS[facet], size=size)
        if others:
            search.aggs.bucket(facet, "filter", filter=Q("bool", filter=others))
            search.aggs[facet].bucket("values", terms)
        else:
            search.aggs[facet] = terms
    return search


def facets_body(query: SearchQuery, context: Context, fuzzy: bool = False) -> dict:
    """Count and facet counts: nothing scored, nothing fetched. A request
    without hits is what Elasticsearch's shard request cache keeps."""
    search = (
        Search()
        .query(Q("bool", filter=[_matching(query, context, fuzzy)]))
        .post_filter(Q("bool", filter=_facet_filters(query)))
        .extra(size=0, track_total_hits=TRACK_TOTAL_HITS)
    )
    understood = context.understood
    if query.text and understood and not fuzzy:
        # How many projects have each word: a word none has is misspelt.
        for position, concept in enumerate(understood.concepts):
            search.aggs.bucket(
                concept_name(position), "filter", filter=concept_clause(concept)
            )
    return _aggregations(search, query).to_dict()


def hits_body(query: SearchQuery, context: Context, fuzzy: bool = False) -> dict:
    """One page of hits, ranked, highlighted; the count comes from
    ``facets_body``, so this one need not count.

    ``fuzzy`` adds typo tolerance and the "Meinten Sie" suggester, which the
    search asks for only when the exact words find too little."""
    # No aggregations here, so the facet selections filter the query itself
    # (not a post filter): only documents that pass them are scored.
    window = (
        [Q("ids", values=[str(i) for i in context.window])] if context.window else []
    )
    matching = Q(
        "bool",
        must=[_matching(query, context, fuzzy)],
        filter=[*_facet_filters(query), *window],
    )
    understood = context.understood
    search = (
        Search()
        .extra(
            **{"from": query.offset},
            size=query.page_size,
            track_total_hits=False,
        )
        .source(SOURCE)
    )
    if query.text and query.sort == "relevance" and understood:
        # The match query scores every candidate; the top window is ranked
        # with the German fields and phrases too, then stale profiles are
        # demoted. Elasticsearch refuses an explicit sort next to a rescore.
        window = rescore_window(query)
        search = search.query(matching).extra(
            rescore=[
                *_feedback_rescore(context, window),
                {
                    "window_size": window,
                    "query": {
                        "rescore_query": rank_query(understood).to_dict(),
                        "rescore_query_weight": RANK_WEIGHT,
                    },
                },
                {
                    "window_size": window,
                    "query": {
                        "rescore_query": _staleness(Q("match_all")).to_dict(),
                        "score_mode": "multiply",
                    },
                },
            ]
        )
    else:
        search = search.query(_staleness(matching)).sort(*_sort(query, context))
    if query.text and understood and understood.concepts:
        search = search.highlight_options(pre_tags=[PRE], post_tags=[POST])
        for name in HIGHLIGHT_FIELDS:
            search = search.highlight(
                name,
                fragment_size=180,
                number_of_fragments=1,
                highlight_query=highlight_query(name, understood),
            )
    if query.text and fuzzy:
        search = search.suggest(
            "words",
            query.text,
            term={
                "field": "suggest",
                "suggest_mode": "missing",
                "min_word_length": 4,
                "size": 1,
            },
        )
    return search.to_dict()


def _feedback_rescore(context: Context, window: int) -> list[dict]:
    """The feedback terms of the best matches lift the matches of the top
    window (``feedback``): they only rank, and only what the query as typed
    brought into the window, so the first pass stays the plain query's."""
    feedback = lift(context.feedback)
    if feedback is None:
        return []
    return [{"window_size": window, "query": {"rescore_query": feedback.to_dict()}}]


def ids_body(query: SearchQuery, context: Context, fuzzy: bool = False) -> dict:
    """One page's ids, ranked as ``hits_body`` ranks them: nothing fetched,
    highlighted or suggested."""
    body = hits_body(query, context, fuzzy)
    for name in ("highlight", "suggest"):
        body.pop(name, None)
    body["_source"] = False
    return body


def rescore_window(query: SearchQuery) -> int:
    """How many of the first pass's best the rescore ranks again: at least
    every match up to the end of the page."""
    return max(RESCORE_WINDOW, query.offset + query.page_size)


def window_body(query: SearchQuery, context: Context, fuzzy: bool = False) -> dict:
    """The ids of the page's rescore window by the first-pass score, without
    the rescore: the matches the feedback terms may reorder
    (``Context.window``); the terms are read from the first three (on the
    dev split the rescored and the plain top three gave the same figures:
    0.804 / 0.805)."""
    window = replace(query, page=1, page_size=rescore_window(query))
    body = ids_body(window, context, fuzzy)
    body.pop("rescore", None)
    return body
