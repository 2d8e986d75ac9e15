"""Executing a SearchQuery on Elasticsearch."""

from __future__ import annotations

from elasticsearch.dsl import Q

from ..client import get_client
from ..documents import ProjectDocument
from . import Hit, SearchResult

TEXT_FIELDS = ["title^4", "title.exact^6", "teaser^2", "teaser.exact^2", "field_names"]
FILTER_FIELDS = {
    "region": "regions",
    "district": "districts",
    "field": "fields_of_action",
}
SORTS = {"newest": ["-published_at"], "title": ["title_sort"], "relevance": ["_score"]}


def build(query):
    search = ProjectDocument.search(using=get_client())
    if query.text:
        search = search.query(
            Q(
                "multi_match",
                query=query.text,
                fields=TEXT_FIELDS,
                type="best_fields",
                fuzziness="AUTO",
                prefix_length=1,
            )
        )
    for key, values in query.filters.items():
        search = search.filter("terms", **{FILTER_FIELDS[key]: list(values)})
    search = search.sort(*SORTS[query.sort])
    search = search.highlight("teaser", fragment_size=160, number_of_fragments=1)
    return search[query.offset : query.offset + query.page_size]


def search(query) -> SearchResult:
    response = build(query).execute()
    hits = []
    for hit in response:
        highlight = getattr(getattr(hit.meta, "highlight", None), "teaser", None)
        hits.append(
            Hit(
                id=int(hit.meta.id),
                slug=hit.slug,
                url=hit.url,
                title=hit.title,
                teaser=hit.teaser,
                districts=list(hit.district_names or []),
                fields=list(hit.field_names or []),
                highlight=highlight[0] if highlight else "",
                score=hit.meta.score,
            )
        )
    return SearchResult(
        count=response.hits.total.value, hits=hits, backend="elasticsearch"
    )
