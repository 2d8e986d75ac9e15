"""Executing a SearchQuery on the database (PostgreSQL full text or SQLite).

Same query object, same facets and counts as Elasticsearch: every facet is one
grouped query with all *other* filters applied, so the number of queries does
not grow with the data.
"""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from django.db import connection
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
from kb.prepared import PreparedQuery
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


def _conditions(filters: dict[str, tuple[str, ...]]) -> dict[str, Q]:
    return {
        facet: _facet_condition(facet, values)
        for facet, values in filters.items()
        if values
    }


def _facet_union(
    ids: list[int], filtered: list[int], filters: dict[str, tuple[str, ...]]
) -> tuple[QuerySet, QuerySet]:
    """The facet counts as grouped querysets of (value, count, facet): a
    UNION ALL of eight facets, and the tag facet (ordered and cut to its
    size). Each facet counts the matches that pass every *other* filter: for
    a facet without a selection these are the hits (``filtered``), so only
    the selected facets apply filters here."""
    conditions = _conditions(filters)
    per_facet: dict[str, QuerySet] = {}
    for facet in FILTER_KEYS:
        if facet in conditions:
            others = [c for other, c in conditions.items() if other != facet]
            scoped = ProjectPage.objects.filter(_in_ids(ids), *others)
        else:
            scoped = ProjectPage.objects.filter(_in_ids(filtered))
        per_facet[facet] = _grouped(facet, scoped)
    tags = per_facet.pop("tag").order_by("-n", "value")[
        : TAG_FACET_SIZE + len(filters.get("tag", ()))
    ]
    first, *rest = per_facet.values()
    return first.union(*rest, all=True), tags


def _filtered_ids(ids: list[int], filters: dict[str, tuple[str, ...]]) -> QuerySet:
    conditions = _conditions(filters).values()
    return ProjectPage.objects.filter(_in_ids(ids), *conditions).values_list("pk")


Shape = tuple[tuple[str, int], ...]


def _shape(filters: dict[str, tuple[str, ...]]) -> Shape:
    return tuple((facet, len(values)) for facet, values in filters.items() if values)


def _filters_of(shape: Shape, values: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    remaining = iter(values)
    return {facet: tuple(next(remaining) for _ in range(n)) for facet, n in shape}


def _values_of(shape: Shape, filters: dict[str, tuple[str, ...]]) -> list[str]:
    return [value for facet, _ in shape for value in filters[facet]]


def _kinds(shape: Shape, *leading: type) -> tuple[type, ...]:
    return leading + (str,) * sum(n for _, n in shape)


def _id_keys(shape: Shape) -> tuple[str, ...]:
    """Which id sets the facet query of a shape reads: the matches where a
    facet is selected, the hits where one is not."""
    keys = ("ids",) if shape else ()
    return keys + (("filtered",) if len(shape) < len(FILTER_KEYS) else ())


def _values_are_keys(shape: Shape) -> bool:
    # With one facet selected, its values filter nothing in the facet query:
    # its own counts ignore them and the other facets count the hits.
    return len(shape) > 1


@lru_cache(maxsize=256)
def _prepared_facets(shape: Shape) -> PreparedQuery:
    """All facet counts of searches with this filter shape (which facets,
    how many values each) in one query, compiled once: building and
    compiling the nine grouped querysets took three times as long as
    PostgreSQL took to answer them."""
    id_keys = _id_keys(shape)

    def build(*keys) -> QuerySet:
        sets = dict(zip(id_keys, keys, strict=False))
        values = keys[len(id_keys) :]
        filters = (
            _filters_of(shape, values)
            if _values_are_keys(shape)
            else {facet: ("",) * n for facet, n in shape}
        )
        union, tags = _facet_union(
            sets.get("ids", []), sets.get("filtered", []), filters
        )
        return union.union(tags, all=True)

    kinds = (list,) * len(id_keys)
    if _values_are_keys(shape):
        kinds = _kinds(shape, *kinds)
    return PreparedQuery(build, kinds)


@lru_cache(maxsize=256)
def _prepared_filtered_ids(shape: Shape) -> PreparedQuery:
    def build(ids: list[int], *values: str) -> QuerySet:
        return _filtered_ids(ids, _filters_of(shape, values))

    return PreparedQuery(build, _kinds(shape, list))


def _apply_filters(ids: list[int], filters: dict[str, tuple[str, ...]]) -> list[int]:
    """The matches that pass every facet selection."""
    if not _conditions(filters):
        return ids
    if connection.vendor == "postgresql":
        shape = _shape(filters)
        rows = _prepared_filtered_ids(shape).rows(ids, *_values_of(shape, filters))
    else:
        rows = list(_filtered_ids(ids, filters))
    return [pk for (pk,) in rows]


def _facet_rows(
    ids: list[int], filtered: list[int], filters: dict[str, tuple[str, ...]]
) -> list[tuple]:
    """(value, count, facet) rows of every facet."""
    if connection.vendor == "postgresql":
        shape = _shape(filters)
        sets = {"ids": ids, "filtered": filtered}
        keys = [sets[key] for key in _id_keys(shape)]
        if _values_are_keys(shape):
            keys += _values_of(shape, filters)
        return _prepared_facets(shape).rows(*keys)
    # SQLite cannot cut one part of a UNION: two queries.
    union, tags = _facet_union(ids, filtered, filters)
    return [*union, *tags]


def _facet_counts(
    ids: list[int], filtered: list[int], filters: dict[str, tuple[str, ...]]
) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {facet: {} for facet in FILTER_KEYS}
    for value, n, facet in _facet_rows(ids, filtered, filters):
        if value not in (None, ""):
            counts[facet][str(value)] = n
    return counts


def _ordered(
    filtered: list[int], query: SearchQuery, context: Context, nearby: dict
) -> QuerySet:
    queryset = ProjectPage.objects.filter(_in_ids(filtered))
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


def search(query: SearchQuery, context: Context) -> SearchResult:
    base, nearby = _base(query, context)
    # The text search runs once; everything after works on its id set.
    ids = list(base.order_by().values_list("pk", flat=True))
    if not ids:
        return SearchResult(
            count=0,
            hits=[],
            backend="database",
            facets=build_facets({}, query.filters),
        )
    filtered = _apply_filters(ids, query.filters)
    queryset = _ordered(filtered, query, context, nearby)
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
        facets=build_facets(_facet_counts(ids, filtered, query.filters), query.filters),
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
