"""Field builders shared by the search documents."""

from __future__ import annotations

from django_elasticsearch_dsl import fields

from .analysis import (
    analysed_terms,
    german_exact,
    german_query,
    german_text,
    suggest_text,
)
from .page_text import html_text

INDEX_SETTINGS = {
    "number_of_shards": 1,
    "number_of_replicas": 0,
    "max_ngram_diff": 20,
    # Tombstones of deletes live long enough that a rebuild's bulk load with
    # an older version cannot resurrect a page deleted meanwhile.
    "gc_deletes": "10m",
    "similarity": {
        # The pre-analysed terms: a project that names a concept again and
        # again is about it (k1 2.5 against Lucene's 1.2), and a long profile
        # that describes its work in detail is penalised less for its length
        # (b 0.4 against 0.75). Tuned on the dev split (docs/search.md,
        # session 15); the fallbacks rank with ts_rank and FTS5's bm25.
        "terms_bm25": {"type": "BM25", "k1": 2.5, "b": 0.4},
    },
}
ALL_TEXT = "all_text"
SUGGEST = "suggest"


def text(*, suggest: bool = False, exact: bool = True, **kwargs) -> fields.TextField:
    """German text copied into the catch-all field that requires every query
    term somewhere; with an unstemmed ``.exact`` subfield for the fields whose
    exact matches the ranking boosts (each subfield is one more analysis of
    the text at indexing time)."""
    copy_to = [ALL_TEXT, SUGGEST] if suggest else [ALL_TEXT]
    if exact:
        kwargs["fields"] = {"exact": fields.TextField(analyzer=german_exact)}
    return fields.TextField(
        analyzer=german_text,
        search_analyzer=german_query,
        copy_to=copy_to,
        **kwargs,
    )


def terms_field() -> fields.TextField:
    """Terms analysed in Python (``search.language.index_terms``), scored
    with the BM25 parameters tuned for them."""
    return fields.TextField(analyzer=analysed_terms, similarity="terms_bm25")


def all_text() -> fields.TextField:
    return fields.TextField(analyzer=german_text, search_analyzer=german_query)


def suggest() -> fields.TextField:
    return fields.TextField(analyzer=suggest_text)


def keyword_text(**kwargs) -> fields.KeywordField:
    """A keyword that is also searchable as text through the catch-all field."""
    return fields.KeywordField(copy_to=[ALL_TEXT], **kwargs)


def facet(**kwargs) -> fields.KeywordField:
    """A keyword aggregated on every search: global ordinals are built at
    refresh instead of by the first search after it."""
    return fields.KeywordField(eager_global_ordinals=True, **kwargs)


def plain_text(html: str) -> str:
    return html_text(html)
