"""Executing a SearchQuery on the database (PostgreSQL full text or SQLite).

Same query object, same facets and counts as Elasticsearch (``db_facets``);
the text is matched once and everything after works on the matching ids, so
the number of queries does not grow with the data.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.db.models import (
    Case,
    FloatField,
    Min,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.expressions import RawSQL

from kb.cards import cards_by_id
from projects.models import ProjectPage

from .. import fts, sqlite_fts
from ..compounds import split_text
from ..facets import build_facets, distance_km, seats
from ..language import fold, index_terms, stem
from ..query import SearchQuery
from . import Context, Hit, SearchResult
from .db_facets import apply_filters, facet_counts, in_ids

SORTS = {
    "newest": ["-first_published_at", "pk"],
    "title": ["title", "pk"],
    "relevance": ["-first_published_at", "pk"],
}


def _texts(query: SearchQuery, context: Context) -> list[str]:
    texts = [query.text, *context.alternatives]
    if not settings.IS_POSTGRES:
        for text in list(texts):
            split = split_text(text)
            if split:
                texts.append(split)
    # On PostgreSQL, ``fts.prefix_query`` already lets a compound match its
    # parts; a split variant of the whole text ("sprach patenschaft") found
    # nothing more but cost a scan of every text with "sprach…".
    # PostgreSQL's german configuration does not equate "ue" with "ü".
    umlauts = _with_umlauts(query.text)
    if umlauts != query.text:
        texts.append(umlauts)
    return texts


def _with_umlauts(text: str) -> str:
    for pair, umlaut in (("ae", "ä"), ("oe", "ö"), ("ue", "ü")):
        text = text.replace(pair, umlaut).replace(pair.capitalize(), umlaut.upper())
    return text


def _word_terms(word: str) -> list[str]:
    terms = index_terms(word)
    # Snowball is not idempotent on a final "s" ("Sprachkurse" -> "sprachkurs",
    # "Sprachkurs" -> "sprachkur"); the stem without it lets either form find
    # the other. Deeper re-stems ("patenschaft" -> "pat") would match too much.
    shorter = [stem(term) for term in terms]
    pairs = zip(terms, shorter, strict=True)
    return [*terms, *(short for term, short in pairs if len(term) - len(short) == 1)]


def sqlite_groups(texts: list[str]) -> list[list[str]]:
    """FTS5 term groups: one per word of the query text (``texts[0]``), with
    the words each alternative text (synonym, compound split, umlaut
    spelling) puts in its place as further terms of the replaced words'
    groups.

    The seam for the shared query analysis, which will build these groups.
    """
    if not texts:
        return []
    query_words = fts.words(texts[0])
    keys = [fold(word) for word in query_words]
    groups = [dict.fromkeys(_word_terms(word)) for word in query_words]
    for text in texts[1:]:
        words = fts.words(text)
        present = {fold(word) for word in words}
        added = [word for word in words if fold(word) not in keys]
        if not added:
            continue
        terms = dict.fromkeys(term for word in added for term in _word_terms(word))
        replaced = [i for i, key in enumerate(keys) if key not in present]
        if not replaced:
            groups.append(terms)
        for i in replaced:
            groups[i].update(terms)
    return [list(group) for group in groups if group]


def _sqlite_text_condition(texts: list[str]) -> Q:
    found = sqlite_fts.match_sql(sqlite_groups(texts))
    if found is None:
        return Q(pk__in=[])
    # Constant SQL; the MATCH expression is a bound parameter.
    return Q(pk__in=RawSQL(*found))  # noqa: S611


def _sqlite_rank(texts: list[str]) -> RawSQL:
    """The FTS5 score of each page, computed once for all matches and read
    per row from one JSON parameter (SQLite parses it once per query)."""
    scores = dict(sqlite_fts.ranked_ids(sqlite_groups(texts)))
    return RawSQL(  # noqa: S611  (constant SQL; the scores are a parameter)
        'json_extract(%s, \'$."\' || "wagtailcore_page"."id" || \'"\')',
        [json.dumps({str(pk): score for pk, score in scores.items()})],
        output_field=FloatField(),
    )


def _nearby(context: Context, km: int) -> dict[str, float]:
    distances = {ags: distance_km(context.seat, seat) for ags, seat in seats().items()}
    return {ags: d for ags, d in distances.items() if d <= km}


def _base(query: SearchQuery, context: Context) -> tuple[QuerySet, dict[str, float]]:
    """Live public projects matching the text and the distance, no facets."""
    queryset = ProjectPage.objects.live().public()
    if query.text:
        texts = _texts(query, context)
        condition = (
            fts.text_condition(texts)
            if settings.IS_POSTGRES
            else _sqlite_text_condition(texts)
        )
        queryset = queryset.filter(condition)
    nearby: dict[str, float] = {}
    if context.seat:
        nearby = _nearby(context, query.km)
        # The fallback measures from district seats: precise points of
        # projects are an Elasticsearch refinement.
        queryset = queryset.filter(
            pk__in=ProjectPage.objects.filter(districts__ags__in=list(nearby)).values(
                "pk"
            )
        )
    if context.exclude_ids:
        queryset = queryset.exclude(pk__in=context.exclude_ids)
    return queryset, nearby


def _ordered(
    filtered: list[int], query: SearchQuery, context: Context, nearby: dict
) -> QuerySet:
    queryset = ProjectPage.objects.filter(in_ids(filtered))
    if query.sort == "distance" and nearby:
        return queryset.annotate(
            distance=Min(
                Case(
                    *[
                        When(districts__ags=ags, then=Value(km))
                        for ags, km in nearby.items()
                    ],
                    default=Value(1e9),
                    output_field=FloatField(),
                )
            )
        ).order_by("distance", "pk")
    if query.sort == "relevance" and query.text and settings.IS_POSTGRES:
        sql, params = fts.rank_sql(_texts(query, context))
        return queryset.annotate(
            rank=RawSQL(  # noqa: S611  (constant SQL, see fts.rank_sql)
                sql, params, output_field=FloatField()
            )
        ).order_by("-rank", "-first_published_at", "pk")
    if query.sort == "relevance" and query.text:
        return queryset.annotate(rank=_sqlite_rank(_texts(query, context))).order_by(
            "-rank", "-first_published_at", "pk"
        )
    return queryset.order_by(*SORTS[query.sort])


def _matches(
    query: SearchQuery, context: Context
) -> tuple[list[int], list[int], QuerySet] | None:
    """(matching ids, those passing the facet selections, the latter in the
    query's order), or None when nothing matches. The text search runs once;
    everything after works on its id set."""
    base, nearby = _base(query, context)
    ids = list(base.order_by().values_list("pk", flat=True))
    if not ids:
        return None
    filtered = apply_filters(ids, query.filters)
    return ids, filtered, _ordered(filtered, query, context, nearby)


def search(query: SearchQuery, context: Context) -> SearchResult:
    found = _matches(query, context)
    if found is None:
        return SearchResult(
            count=0,
            hits=[],
            backend="database",
            facets=build_facets({}, query.filters),
        )
    ids, filtered, queryset = found
    # The page of hits as plain rows and cards (two queries, no page objects).
    ranked = ["rank"] if "rank" in queryset.query.annotations else []
    rows = list(
        queryset.values_list("pk", "slug", *ranked)[
            query.offset : query.offset + query.page_size
        ]
    )
    cards = cards_by_id([pk for pk, *_rest in rows], kind_labels=False)
    hits = [
        Hit(
            id=pk,
            slug=slug,
            url=cards[pk].url,
            title=cards[pk].title,
            teaser=cards[pk].teaser,
            organisation="",
            districts=cards[pk].districts,
            fields=cards[pk].fields,
            score=rank[0] if rank else None,
        )
        for pk, slug, *rank in rows
        if pk in cards
    ]
    return SearchResult(
        count=len(filtered),
        hits=hits,
        backend="database",
        facets=build_facets(facet_counts(ids, filtered, query.filters), query.filters),
    )


def result_ids(query: SearchQuery, context: Context, limit: int) -> list[int]:
    """The first ``limit`` ids in the order of ``search``'s pages."""
    found = _matches(query, context) if limit > 0 else None
    if found is None:
        return []
    _ids, _filtered, queryset = found
    return list(queryset.values_list("pk", flat=True)[:limit])


def autocomplete(text: str, size: int = 8) -> list[dict]:
    live = ProjectPage.objects.live().public()
    found = list(live.filter(title__istartswith=text).order_by("title")[:size])
    if len(found) < size:
        more = (
            live.filter(title__icontains=text)
            .exclude(pk__in=[p.pk for p in found])
            .order_by("title")[: size - len(found)]
        )
        found += list(more)
    return [{"title": p.title, "url": p.url or ""} for p in found]
