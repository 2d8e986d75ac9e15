"""Executing a SearchQuery on the database (PostgreSQL full text or SQLite)."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q

from projects.models import ProjectPage

from . import Hit, SearchResult

FILTER_LOOKUPS = {
    "region": "districts__region__slug__in",
    "district": "districts__ags__in",
    "field": "fields_of_action__slug__in",
}
SORTS = {"newest": ["-first_published_at"], "title": ["title"], "relevance": ["title"]}


def _text_filter(queryset, text: str):
    if settings.IS_POSTGRES:
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vector = SearchVector("title", weight="A", config="german") + SearchVector(
            "teaser", weight="B", config="german"
        )
        ts_query = SearchQuery(text, config="german", search_type="websearch")
        return (
            queryset.annotate(rank=SearchRank(vector, ts_query))
            .filter(rank__gt=0)
            .order_by("-rank", "title")
        )
    condition = Q()
    for word in text.split():
        condition &= Q(title__icontains=word) | Q(teaser__icontains=word)
    return queryset.filter(condition)


def search(query) -> SearchResult:
    queryset = ProjectPage.objects.live().public()
    for key, values in query.filters.items():
        queryset = queryset.filter(**{FILTER_LOOKUPS[key]: values})
    queryset = queryset.distinct()
    if query.text:
        queryset = _text_filter(queryset, query.text)
    if query.sort != "relevance" or not query.text:
        queryset = queryset.order_by(*SORTS[query.sort])
    count = queryset.count()
    page = queryset.prefetch_related("districts", "fields_of_action")[
        query.offset : query.offset + query.page_size
    ]
    hits = [
        Hit(
            id=p.pk,
            slug=p.slug,
            url=p.url or "",
            title=p.title,
            teaser=p.teaser,
            districts=[d.name for d in p.districts.all()],
            fields=[f.name for f in p.fields_of_action.all()],
        )
        for p in page
    ]
    return SearchResult(count=count, hits=hits, backend="database")
