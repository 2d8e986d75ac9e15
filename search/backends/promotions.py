"""Editors' promoted results (wagtail.contrib.search_promotions)."""

from __future__ import annotations

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from projects.models import ProjectPage

from ..memo import Memo
from ..query import SearchQuery
from . import Hit

MAX_PROMOTED = 5


def _load_promotions() -> dict[str, list[int]]:
    by_query: dict[str, list[int]] = {}
    rows = (
        SearchPromotion.objects.filter(page__isnull=False)
        .order_by("sort_order", "pk")
        .values_list("query__query_string", "page_id")
    )
    for query_string, page_id in rows:
        by_query.setdefault(query_string, []).append(page_id)
    return by_query


_promotions = Memo(_load_promotions)


def promotions() -> dict[str, list[int]]:
    """Normalised query string → promoted page ids, kept per content version
    (``search.memo``), so a search without promotions costs no database query."""
    return _promotions.get()


def promoted_hits(query: SearchQuery) -> list[Hit]:
    """Live public projects the editors picked for this query, in their order.

    ``Query.get`` would create a query row on every search, so the promotions
    are read without it."""
    page_ids = promotions().get(normalise_query_string(query.text), [])[:MAX_PROMOTED]
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
