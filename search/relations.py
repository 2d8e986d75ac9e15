"""Related rows of a batch of projects for their search documents.

``prefetch_related`` through modelcluster's and taggit's managers cost more
than everything else in a rebuild (a queryset, a manager and model instances
per page and relation). Here each relation is one ``values_list`` query for the
whole batch; the few taxonomy objects are loaded once per batch and shared.
Lists keep the order the managers return (the taxonomy's default ordering,
offers and needs by ``sort_order``).
"""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

from django.db.models import QuerySet

from kb.taxonomy import District, FieldOfAction, OfferNeedCategory, TargetGroup
from projects.models.project import (
    ProjectNeed,
    ProjectOffer,
    ProjectPage,
    ProjectPageTag,
)


class TagName(NamedTuple):
    name: str


class Item(NamedTuple):
    """An offer or a need as the document reads it."""

    text: str
    category: OfferNeedCategory | None


def id_filter(field: str, ids: list[int]) -> dict[str, object]:
    """``field__in=ids``, or a range when the ids are dense (a rebuild's
    batches are consecutive ids). An IN list of 2,000 ids costs Django a
    prepared value and psycopg a placeholder each, a fifth of a batch's
    preparation; rows in the range but not in ``ids`` are simply not asked for.
    """
    if ids and max(ids) - min(ids) < 2 * len(ids):
        return {f"{field}__gte": min(ids), f"{field}__lte": max(ids)}
    return {f"{field}__in": ids}


def _taxonomy(field: str, queryset: QuerySet, ids: list[int]) -> dict[int, list]:
    through = getattr(ProjectPage, field).through
    position = {obj.pk: (index, obj) for index, obj in enumerate(queryset)}
    target = f"{queryset.model._meta.model_name}_id"
    found: dict[int, list] = defaultdict(list)
    for page_id, pk in through.objects.filter(
        **id_filter("projectpage_id", ids)
    ).values_list("projectpage_id", target):
        found[page_id].append(position[pk])
    return {
        page_id: [obj for _, obj in sorted(rows)] for page_id, rows in found.items()
    }


def _items(model, ids: list[int], categories: dict[int, OfferNeedCategory]):
    found: dict[int, list[Item]] = defaultdict(list)
    rows = (
        model.objects.filter(**id_filter("page_id", ids))
        .order_by("sort_order", "pk")
        .values_list("page_id", "text", "category_id")
    )
    for page_id, text, category_id in rows:
        found[page_id].append(Item(text, categories.get(category_id)))
    return dict(found)


def load_relations(ids: list[int]) -> dict[str, dict[int, list]]:
    """relation name → page id → related objects, one query per relation."""
    categories = OfferNeedCategory.objects.in_bulk()
    tags: dict[int, list[TagName]] = defaultdict(list)
    for page_id, name in (
        ProjectPageTag.objects.filter(**id_filter("content_object_id", ids))
        .order_by("pk")
        .values_list("content_object_id", "tag__name")
    ):
        tags[page_id].append(TagName(name))
    return {
        "districts": _taxonomy(
            "districts", District.objects.select_related("region"), ids
        ),
        "fields_of_action": _taxonomy(
            "fields_of_action", FieldOfAction.objects.all(), ids
        ),
        "target_groups": _taxonomy("target_groups", TargetGroup.objects.all(), ids),
        "tags": dict(tags),
        "offers": _items(ProjectOffer, ids, categories),
        "needs": _items(ProjectNeed, ids, categories),
    }
