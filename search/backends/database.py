"""Executing a SearchQuery on the database (PostgreSQL full text or SQLite).

Same query object, same facets and counts as Elasticsearch: every facet is one
grouped query with all *other* filters applied, so the number of queries does
not grow with the data.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import (
    Case,
    Count,
    F,
    FloatField,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length, Substr

from kb.cards import cards_by_id
from projects.models import InitiativePage, ProjectPage

from .. import fts
from ..compounds import split_text
from ..facets import TAG_FACET_SIZE, build_facets, distance_km, seats
from ..query import FILTER_KEYS, SearchQuery
from . import Context, Hit, SearchResult

FILTER_LOOKUPS = {
    "region": "districts__region__slug",
    "district": "districts__ags",
    "field": "fields_of_action__slug",
    "target_group": "target_groups__slug",
    "offer": "offers__category__slug",
    "need": "needs__category__slug",
    "status": "status",
    "tag": "tags__name",
    "organisation_type": "organisation_type",
}
SORTS = {
    "newest": ["-first_published_at", "pk"],
    "title": ["title", "pk"],
    "relevance": ["-first_published_at", "pk"],
}


def _with_parent_path(queryset: QuerySet) -> QuerySet:
    return queryset.annotate(parent_path=Substr("path", 1, Length("path") - 4))


def _organisation_type_annotation() -> Subquery:
    return Subquery(
        InitiativePage.objects.filter(path=OuterRef("parent_path")).values(
            "organisation_type__slug"
        )[:1]
    )


def _facet_condition(facet: str, values: tuple[str, ...]) -> Q:
    if facet == "organisation_type":
        initiatives = InitiativePage.objects.filter(
            organisation_type__slug__in=values
        ).values("path")
        ids = _with_parent_path(ProjectPage.objects.all()).filter(
            parent_path__in=initiatives
        )
    else:
        ids = ProjectPage.objects.filter(**{f"{FILTER_LOOKUPS[facet]}__in": values})
    # A subquery per facet keeps joins from multiplying rows (no DISTINCT).
    return Q(pk__in=ids.values("pk"))


def _texts(query: SearchQuery, context: Context) -> list[str]:
    texts = [query.text, *context.alternatives]
    for text in list(texts):
        split = split_text(text)
        if split:
            texts.append(split)
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


def _in_ids(ids: list[int]) -> Q:
    """The matching set as a filter; PostgreSQL gets one array parameter, so
    tens of thousands of ids cost neither parameters nor a re-run of the
    text search in every query."""
    if settings.IS_POSTGRES:
        # Constant SQL; the ids are one bound array parameter.
        return Q(pk__in=RawSQL("SELECT unnest(%s::integer[])", [ids]))  # noqa: S611
    return Q(pk__in=ids)


def _grouped(facet: str, scoped: QuerySet) -> QuerySet:
    grouped = scoped.order_by()
    if facet == "organisation_type":
        grouped = _with_parent_path(grouped).annotate(
            value=_organisation_type_annotation()
        )
    else:
        grouped = grouped.annotate(value=F(FILTER_LOOKUPS[facet]))
    return (
        grouped.values("value")
        .annotate(n=Count("pk", distinct=True), facet=Value(facet))
        .values_list("value", "n", "facet")
    )


def _facet_counts(
    matched: Q, query: SearchQuery, conditions: dict[str, Q]
) -> dict[str, dict[str, int]]:
    """Two grouped queries over the matching set: the tag facet (ordered and
    cut to its size) and a UNION ALL of the other eight."""
    per_facet: dict[str, QuerySet] = {}
    for facet in FILTER_KEYS:
        scoped = ProjectPage.objects.filter(matched)
        for other, condition in conditions.items():
            if other != facet:
                scoped = scoped.filter(condition)
        per_facet[facet] = _grouped(facet, scoped)
    tags = per_facet.pop("tag").order_by("-n", "value")[
        : TAG_FACET_SIZE + len(query.filters.get("tag", ()))
    ]
    first, *rest = per_facet.values()
    counts: dict[str, dict[str, int]] = {facet: {} for facet in FILTER_KEYS}
    for value, n, facet in [*first.union(*rest, all=True), *tags]:
        if value not in (None, ""):
            counts[facet][str(value)] = n
    return counts


def search(query: SearchQuery, context: Context) -> SearchResult:
    base, nearby = _base(query, context)
    # The text search runs once; everything after works on its id set.
    ids = list(base.order_by().values_list("pk", flat=True))
    matched = _in_ids(ids)
    conditions = {
        facet: _facet_condition(facet, values)
        for facet, values in query.filters.items()
        if values
    }
    queryset = ProjectPage.objects.filter(matched)
    for condition in conditions.values():
        queryset = queryset.filter(condition)
    if query.sort == "distance" and nearby:
        queryset = queryset.annotate(
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
    elif query.sort == "relevance" and query.text and settings.IS_POSTGRES:
        sql, params = fts.rank_sql(_texts(query, context))
        queryset = queryset.annotate(
            rank=RawSQL(  # noqa: S611  (constant SQL, see fts.rank_sql)
                sql, params, output_field=FloatField()
            )
        ).order_by("-rank", "-first_published_at", "pk")
    else:
        queryset = queryset.order_by(*SORTS[query.sort])
    if not ids:
        return SearchResult(
            count=0,
            hits=[],
            backend="database",
            facets=build_facets({}, query.filters),
        )
    count = queryset.count() if conditions else len(ids)
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
        count=count,
        hits=hits,
        backend="database",
        facets=build_facets(_facet_counts(matched, query, conditions), query.filters),
    )


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
