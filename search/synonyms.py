"""Query-side synonym expansion from the editors' ``SynonymGroup`` snippets.

Expanding in Python instead of in an Elasticsearch ``synonym_graph`` filter
means an editor's change applies to the next search without reloading
analyzers or reindexing (the local node and the official image without x-pack
have no synonyms API or updateable filters), and the database fallback expands
exactly the same way.
"""

from __future__ import annotations

from functools import lru_cache

from .memo import Memo
from .models import SynonymGroup

MAX_ALTERNATIVES = 8
# How many letters an inflected query word may add to a synonym term
# ("Flüchtlingen" for "Flüchtlinge", "Deutschkurse" for "Deutschkurs").
MAX_SUFFIX = 3
FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


@lru_cache(maxsize=4096)
def fold(word: str) -> str:
    """Case and umlaut spelling folded: "Flüchtlinge" == "FLUECHTLINGE".
    Cached: every search folds each word of every synonym term."""
    folded = word.casefold().translate(FOLD)
    for pair, vowel in (("ae", "a"), ("oe", "o"), ("ue", "u")):
        folded = folded.replace(pair, vowel)
    return folded


def _matches(query_word: str, term_word: str) -> bool:
    q, t = fold(query_word), fold(term_word)
    return q.startswith(t) and len(q) - len(t) <= MAX_SUFFIX


def _load_groups() -> list[list[str]]:
    return [
        group.term_list()
        for group in SynonymGroup.objects.filter(active=True).only("terms")
    ]


_groups = Memo(_load_groups)


def load_groups() -> list[list[str]]:
    """The active groups, cached in-process and cleared when one is saved."""
    return _groups.get()


def expand(text: str, groups: list[list[str]] | None = None) -> list[str]:
    """Alternative query texts, each with one term replaced by a synonym."""
    words = text.split()
    if not words:
        return []
    if groups is None:
        groups = load_groups()
    alternatives: list[str] = []
    for terms in groups:
        for term in terms:
            term_words = term.split()
            size = len(term_words)
            for start in range(len(words) - size + 1):
                window = words[start : start + size]
                if not all(map(_matches, window, term_words)):
                    continue
                for other in terms:
                    if other == term:
                        continue
                    candidate = " ".join(
                        [*words[:start], other, *words[start + size :]]
                    )
                    if candidate not in alternatives and candidate != text:
                        alternatives.append(candidate)
                    if len(alternatives) >= MAX_ALTERNATIVES:
                        return alternatives
    return alternatives
