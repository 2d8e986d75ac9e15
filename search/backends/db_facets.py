"""Facet selections and facet counts of the database fallback.

Every facet counts the matches that pass the *other* facets' selections, as
Elasticsearch's aggregations do. On PostgreSQL all facets are one query (a
UNION ALL); SQLite cannot cut one part of a UNION, so the tags come apart.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length, Substr

from projects.models import InitiativePage, ProjectPage

from ..facets import TAG_FACET_SIZE
from ..query import FILTER_KEYS

Filters = dict[str, tuple[str, ...]]


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


def in_ids(ids: list[int]) -> Q:
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


def _conditions(filters: Filters) -> dict[str, Q]:
    return {
        facet: _facet_condition(facet, values)
        for facet, values in filters.items()
        if values
    }


def facet_union(
    ids: list[int], filtered: list[int], filters: Filters
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
            scoped = ProjectPage.objects.filter(in_ids(ids), *others)
        else:
            scoped = ProjectPage.objects.filter(in_ids(filtered))
        per_facet[facet] = _grouped(facet, scoped)
    tags = per_facet.pop("tag").order_by("-n", "value")[
        : TAG_FACET_SIZE + len(filters.get("tag", ()))
    ]
    first, *rest = per_facet.values()
    return first.union(*rest, all=True), tags


def filtered_ids(ids: list[int], filters: Filters) -> QuerySet:
    conditions = _conditions(filters).values()
    return ProjectPage.objects.filter(in_ids(ids), *conditions).values_list("pk")


def apply_filters(ids: list[int], filters: Filters) -> list[int]:
    """The matches that pass every facet selection."""
    if not any(filters.values()):
        return ids
    return [pk for (pk,) in filtered_ids(ids, filters)]


def facet_rows(ids: list[int], filtered: list[int], filters: Filters) -> list[tuple]:
    """(value, count, facet) rows of every facet."""
    union, tags = facet_union(ids, filtered, filters)
    if settings.IS_POSTGRES:
        return list(union.union(tags, all=True))
    # SQLite cannot cut one part of a UNION: two queries.
    return [*union, *tags]


def facet_counts(
    ids: list[int], filtered: list[int], filters: Filters
) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {facet: {} for facet in FILTER_KEYS}
    for value, n, facet in facet_rows(ids, filtered, filters):
        if value not in (None, ""):
            counts[facet][str(value)] = n
    return counts
