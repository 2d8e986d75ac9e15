"""Editors' promoted results (wagtail.contrib.search_promotions)."""

from __future__ import annotations

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from projects.models import ProjectPage

from ..query import SearchQuery
from . import Hit

MAX_PROMOTED = 5


def promoted_hits(query: SearchQuery) -> list[Hit]:
    """Live public projects the editors picked for this query, in their order.

    ``Query.get`` would create a query row on every search, so the promotions
    are read without it."""
    query_string = normalise_query_string(query.text)
    page_ids = list(
        SearchPromotion.objects.filter(
            query__query_string=query_string, page__isnull=False
        )
        .order_by("sort_order")
        .values_list("page_id", flat=True)[:MAX_PROMOTED]
    )
    if not page_ids:
        return []
    pages = {
        page.pk: page
        for page in ProjectPage.objects.live()
        .public()
        .filter(pk__in=page_ids)
        .prefetch_related("districts", "fields_of_action")
    }
    return [
        Hit(
            id=page.pk,
            slug=page.slug,
            url=page.url or "",
            title=page.title,
            teaser=page.teaser,
            organisation="",
            districts=[d.name for d in page.districts.all()],
            fields=[f.name for f in page.fields_of_action.all()],
            promoted=True,
        )
        for page_id in page_ids
        if (page := pages.get(page_id)) is not None
    ]
