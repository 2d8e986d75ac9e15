"""German text analysis shared by every search document.

The filters are those of Elasticsearch's analysis-common module; the local
node (scripts/elasticsearch) provides the same names, so the same settings run
on the official image in production.
"""

from __future__ import annotations

from elasticsearch.dsl import analyzer, token_filter

german_stop = token_filter("german_stop", type="stop", stopwords="_german_")
german_light_stem = token_filter(
    "german_light_stem", type="stemmer", language="light_german"
)
autocomplete_edge = token_filter(
    "autocomplete_edge", type="edge_ngram", min_gram=2, max_gram=20
)

german_text = analyzer(
    "german_text",
    tokenizer="standard",
    filter=["lowercase", german_stop, "german_normalization", german_light_stem],
)
german_exact = analyzer(
    "german_exact",
    tokenizer="standard",
    filter=["lowercase", "german_normalization"],
)
autocomplete_index = analyzer(
    "autocomplete_index",
    tokenizer="standard",
    filter=["lowercase", "german_normalization", autocomplete_edge],
)
