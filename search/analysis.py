"""German text analysis shared by every search document.

The filters are those of Elasticsearch's analysis-common module; the local
node (scripts/elasticsearch) provides the same names, so the same settings run
on the official image in production. The compound word list is read from
``search/data/compounds-de.txt`` and inlined into the index settings, so no
file has to exist on the Elasticsearch host.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from elasticsearch.dsl import analyzer, token_filter

COMPOUNDS_FILE = Path(__file__).parent / "data" / "compounds-de.txt"


@lru_cache(maxsize=1)
def compound_words() -> tuple[str, ...]:
    """The word parts of the decompounder, lowercase, with umlauts."""
    words = []
    for line in COMPOUNDS_FILE.read_text(encoding="utf-8").splitlines():
        word = line.strip().lower()
        if word and not word.startswith("#"):
            words.append(word)
    return tuple(sorted(set(words)))


# Stop words run before german_normalization: it would turn "für" into "fur",
# which the _german_ list no longer recognises.
german_stop = token_filter(
    "german_stop", type="stop", stopwords="_german_", ignore_case=True
)
german_decompound = token_filter(
    "german_decompound",
    type="dictionary_decompounder",
    word_list=list(compound_words()),
    min_word_size=6,
    min_subword_size=3,
    max_subword_size=20,
    only_longest_match=False,
)
german_light_stem = token_filter(
    "german_light_stem", type="stemmer", language="light_german"
)
same_position_unique = token_filter(
    "same_position_unique", type="unique", only_on_same_position=True
)
autocomplete_edge = token_filter(
    "autocomplete_edge", type="edge_ngram", min_gram=2, max_gram=20
)

# Index side: compounds keep the whole word and add their parts at the same
# position, so "Sprache" finds "Sprachpatenschaft".
german_text = analyzer(
    "german_text",
    tokenizer="standard",
    filter=[
        "lowercase",
        german_stop,
        german_decompound,
        "german_normalization",
        german_light_stem,
        same_position_unique,
    ],
)
# Query side: no decompounding, otherwise "Hausaufgabenhilfe" would match every
# text with "Hilfe"; compound queries are split in Python (search.compounds)
# into a separate, weaker clause that needs two parts to match.
german_query = analyzer(
    "german_query",
    tokenizer="standard",
    filter=["lowercase", german_stop, "german_normalization", german_light_stem],
)
german_exact = analyzer(
    "german_exact",
    tokenizer="standard",
    filter=["lowercase", "german_normalization"],
)
# Suggestions must read like words, so no normalisation or stemming.
suggest_text = analyzer("suggest_text", tokenizer="standard", filter=["lowercase"])
autocomplete_index = analyzer(
    "autocomplete_index",
    tokenizer="standard",
    filter=["lowercase", "german_normalization", autocomplete_edge],
)

# Pre-analysed terms (``search.language.index_terms``: Snowball stems and
# lexicon compound parts, made in Python at index and query time alike).
analysed_terms = analyzer(
    "analysed_terms", tokenizer="whitespace", filter=["lowercase"]
)
