"""Executing a SearchQuery on the database (PostgreSQL full text or SQLite).

Same query object, same facets and counts as Elasticsearch (``db_facets``);
the text is matched once and everything after works on the matching ids, so
the number of queries does not grow with the data.
"""

from __future__ import annotations

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

from .. import fts
from ..compounds import split_text
from ..facets import build_facets, distance_km, seats
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


def _sqlite_text_condition(texts: list[str]) -> Q:
    condition = Q(pk__in=[])
    for text in texts:
        variant = Q()
        for word in fts.words(text):
            variant &= Q(title__icontains=word) | Q(teaser__icontains=word)
        condition |= variant
    return condition


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
