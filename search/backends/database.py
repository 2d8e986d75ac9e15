"""Executing a SearchQuery on the database (PostgreSQL full text or SQLite).

Same query object, same understanding of the text (``search.understanding``:
concepts, places, needs, target groups), same minimum-should-match rule and
same facets and counts as Elasticsearch (``db_facets``); the text is matched
once on the pre-analysed terms (``search.db_terms``) and everything after
works on the matching ids, so the number of queries does not grow with the
data.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

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

from kb.geo import distance_km
from projects.cards import cards_by_id
from projects.models import ProjectPage

from .. import fts, sqlite_fts
from ..db_terms import ConceptQuery, concept_query
from ..facets import build_facets, seats
from ..query import SearchQuery
from ..understanding import Understood, minimum_should_match, understand
from . import Context, Hit, SearchResult
from .db_facets import apply_filters, facet_counts, in_ids

SORTS = {
    "newest": ["-first_published_at", "pk"],
    "title": ["title", "pk"],
    "relevance": ["-first_published_at", "pk"],
}


SqlPart = tuple[str, list]


def _sql(queryset: QuerySet) -> SqlPart:
    sql, params = queryset.query.sql_with_params()
    return sql, list(params)


@dataclass(frozen=True)
class _Text:
    """The text part of a search, ready for either vendor."""

    understood: Understood
    required: list[ConceptQuery]
    """The concepts that count towards the minimum (``Understood.required``)."""
    optional: list[ConceptQuery]
    """The concepts that only rank (domain-common words beside others)."""
    place: SqlPart | None
    target_groups: SqlPart | None

    @property
    def minimum(self) -> int:
        if self.understood.any_word:
            return 1
        clauses = len(self.understood.required) + (1 if self.place else 0)
        return minimum_should_match(clauses)


def _queries(concepts, syntax) -> list[ConceptQuery]:
    return [found for c in concepts if (found := concept_query(c, syntax))]


def _members(through, **lookup) -> SqlPart:
    return _sql(through.objects.filter(**lookup).values("projectpage_id"))


def _text(query: SearchQuery, context: Context) -> _Text:
    understood = context.understood or understand(query.text)
    syntax = fts.SYNTAX if settings.IS_POSTGRES else sqlite_fts.SYNTAX
    place = (
        _members(
            ProjectPage.districts.through,
            district__ags__in=list(understood.districts),
        )
        if understood.districts
        else None
    )
    target_groups = (
        _members(
            ProjectPage.target_groups.through,
            targetgroup__slug__in=list(understood.target_groups),
        )
        if understood.target_groups
        else None
    )
    return _Text(
        understood,
        _queries(understood.required, syntax),
        _queries(understood.optional, syntax),
        place,
        target_groups,
    )


def _sqlite_scores(text: _Text) -> dict[int, float]:
    statewide = _sql(ProjectPage.objects.filter(statewide=True).values("pk"))
    return sqlite_fts.scores(
        text.required,
        text.optional,
        text.minimum,
        place=text.place,
        target_groups=text.target_groups,
        statewide=statewide if text.place else None,
        need=text.understood.need,
    )


def _json_ids(scores: dict[int, float]) -> Q:
    # One JSON parameter instead of one per id (SQLite limits parameters).
    return Q(
        pk__in=RawSQL(  # noqa: S611  (constant SQL; the ids are a parameter)
            "SELECT CAST(key AS INTEGER) FROM json_each(%s)",
            [json.dumps({str(pk): 1 for pk in scores})],
        )
    )


def _sqlite_rank(scores: dict[int, float]) -> RawSQL:
    """Each page's score, read per row from one JSON parameter (SQLite parses
    it once per query)."""
    return RawSQL(  # noqa: S611  (constant SQL; the scores are a parameter)
        'json_extract(%s, \'$."\' || "wagtailcore_page"."id" || \'"\')',
        [json.dumps({str(pk): score for pk, score in scores.items()})],
        output_field=FloatField(),
    )


def _text_condition(text: _Text, scores: dict[int, float] | None) -> Q | None:
    """Which pages the words and places let through: enough clauses by the
    shared rule; everything when the query has no concept (as on
    Elasticsearch, where places and target groups then only lift)."""
    if not text.understood.concepts:
        return None
    if scores is not None:
        return _json_ids(scores)
    if not text.required and not text.place:
        return Q(pk__in=[])
    found = fts.match_sql(text.required, text.place, text.minimum)
    # Constant SQL built in search.fts; parameters are bound.
    return Q(pk__in=RawSQL(*found))  # noqa: S611


def _nearby(context: Context, km: int) -> dict[str, float]:
    distances = {ags: distance_km(context.seat, seat) for ags, seat in seats().items()}
    return {ags: d for ags, d in distances.items() if d <= km}


def _base(
    query: SearchQuery, context: Context
) -> tuple[QuerySet, dict[str, float], _Text | None, dict[int, float] | None]:
    """Live public projects matching the text and the distance, no facets;
    the prepared text and, on SQLite, the scores of its matches."""
    queryset = ProjectPage.objects.live().public()
    text = _text(query, context) if query.text else None
    scores = None
    if text is not None:
        if not settings.IS_POSTGRES:
            scores = _sqlite_scores(text)
        condition = _text_condition(text, scores)
        if condition is not None:
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
    return queryset, nearby, text, scores


def _ordered(
    filtered: list[int],
    query: SearchQuery,
    nearby: dict,
    text: _Text | None,
    scores: dict[int, float] | None,
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
    if query.sort == "relevance" and text is not None:
        if scores is not None:
            rank = _sqlite_rank(scores)
        else:
            sql, params = fts.rank_sql(
                text.required,
                text.optional,
                text.place,
                text.target_groups,
                text.understood.need,
            )
            # Constant SQL built in search.fts; parameters are bound.
            rank = RawSQL(sql, params, output_field=FloatField())  # noqa: S611
        return queryset.annotate(rank=rank).order_by(
            "-rank", "-first_published_at", "pk"
        )
    return queryset.order_by(*SORTS[query.sort])


def _matches(
    query: SearchQuery, context: Context
) -> tuple[list[int], list[int], QuerySet] | None:
    """(matching ids, those passing the facet selections, the latter in the
    query's order), or None when nothing matches. The text search runs once;
    everything after works on its id set."""
    base, nearby, text, scores = _base(query, context)
    ids = list(base.order_by().values_list("pk", flat=True))
    if not ids and text is not None and not text.understood.any_word:
        # As on Elasticsearch: when nothing has enough of the words, any one
        # word is enough, a domain-common one too ("FSJ mit Geflüchteten";
        # one more query, only for an empty result).
        understood = replace(text.understood, any_word=True)
        context = replace(context, understood=understood)
        base, nearby, text, scores = _base(query, context)
        ids = list(base.order_by().values_list("pk", flat=True))
    if not ids:
        return None
    filtered = apply_filters(ids, query.filters)
    return ids, filtered, _ordered(filtered, query, nearby, text, scores)


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


class DatabaseBackend:
    """The ``SearchBackend`` on the database: the same matching and facets
    on both vendors; the text index is the vendor's (``search.db_terms``:
    a ``tsvector`` table on PostgreSQL, FTS5 on SQLite)."""

    name = "database"
    vendor = ""
    search = staticmethod(search)
    result_ids = staticmethod(result_ids)
    autocomplete = staticmethod(autocomplete)


class PostgresBackend(DatabaseBackend):
    vendor = "postgresql"


class SqliteBackend(DatabaseBackend):
    vendor = "sqlite"


def backend() -> DatabaseBackend:
    """The database backend of this deployment's database."""
    return PostgresBackend() if settings.IS_POSTGRES else SqliteBackend()
