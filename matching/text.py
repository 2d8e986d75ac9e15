"""German-normalised tokens and TF-IDF similarity for the Python fallback.

Elasticsearch does this with its German analyser; without it, a light stemmer
and TF-IDF over the published projects give comparable, explainable terms."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache

from search.language import fold_umlauts

WORD = re.compile(r"[^\W\d_]{3,}")

_STOPWORDS = """aber alle allem allen aller alles als also am an ander andere anderen
    auch
    auf aus bei beim bin bis bist da damit dann das dass dein dem den der des dessen
    deshalb die dies diese diesem diesen dieser dieses doch dort du durch ein eine
    einem einen einer eines einmal er es etwa euch euer für gegen hab habe haben
    hat hatte hier hin hinter ich ihr ihre ihrem ihren ihrer im in indem ins ist
    jede jedem jeden jeder jedes jetzt kann kein keine können könnte machen man
    mehr mein mit muss nach nicht noch nun nur ob oder ohne sehr sein seine sich
    sie sind so solche soll sollen sondern sowie über um und uns unser unter viel
    vom von vor wann war waren was weil welche wenn werden wie wieder will wir wird
    wo wollen zu zum zur zwischen sowie rund neue neuen gibt geht ganz immer mal
    jahr jahre jahren"""
# Words nearly every project uses; they say nothing about the work itself.
_GENERIC = """projekt projekte projekten initiative integration geflüchtete geflüchteten
    geflüchteter menschen angebot angebote niedersachsen landkreis stadt gemeinsam
    unterstützung unterstützen hilfe helfen woche wöchentlich"""
STOPWORDS = frozenset(_STOPWORDS.split())
GENERIC = frozenset(_GENERIC.split())
SUFFIXES = (
    "innen",
    "ungen",
    "heiten",
    "keiten",
    "ern",
    "en",
    "er",
    "es",
    "e",
    "n",
    "s",
)


def stem(word: str) -> str:
    """A light German stem: fold umlauts, strip one common inflection."""
    folded = fold_umlauts(word)
    for suffix in SUFFIXES:
        if folded.endswith(suffix) and len(folded) - len(suffix) >= 4:
            return folded[: -len(suffix)]
    return folded


def tokens(text: str) -> list[tuple[str, str]]:
    """(stem, surface word) pairs of the content words in ``text``."""
    result = []
    for word in WORD.findall(text.lower()):
        if word in STOPWORDS or word in GENERIC:
            continue
        result.append((stem(word), word))
    return result


def term_counts(text: str) -> tuple[Counter[str], dict[str, str]]:
    """Stem frequencies and, per stem, the first surface form (for reasons)."""
    counts: Counter[str] = Counter()
    surface: dict[str, str] = {}
    for key, word in tokens(text):
        counts[key] += 1
        surface.setdefault(key, word)
    return counts, surface


def idf_table(documents: Iterable[Mapping[str, int]]) -> dict[str, float]:
    frequencies: Counter[str] = Counter()
    total = 0
    for counts in documents:
        total += 1
        frequencies.update(counts.keys())
    return {
        term: math.log((1 + total) / (1 + df)) + 1.0 for term, df in frequencies.items()
    }


def tfidf(counts: Mapping[str, int], idf: Mapping[str, float]) -> dict[str, float]:
    """A unit-length TF-IDF vector; unknown terms weigh like the rarest."""
    rare = max(idf.values(), default=1.0)
    vector = {
        term: (1.0 + math.log(count)) * idf.get(term, rare)
        for term, count in counts.items()
    }
    norm = math.sqrt(sum(weight * weight for weight in vector.values()))
    return {term: weight / norm for term, weight in vector.items()} if norm else {}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(weight * b[term] for term, weight in a.items() if term in b)


def shared_terms(
    a: Mapping[str, float], b: Mapping[str, float], limit: int = 5
) -> list[str]:
    """The stems contributing most to the similarity of two vectors."""
    if len(a) > len(b):
        a, b = b, a
    shared = [(weight * b[term], term) for term, weight in a.items() if term in b]
    shared.sort(key=lambda pair: (-pair[0], pair[1]))
    return [term for _, term in shared[:limit]]


@lru_cache(maxsize=65536)
def stems(text: str) -> frozenset[str]:
    """The stems of a short text; cached because a rebuild compares every
    offer and need with dozens of others."""
    return frozenset(key for key, _ in tokens(text))


def jaccard(a: str, b: str) -> float:
    """Overlap of two short texts (an offer against a need)."""
    left, right = stems(a), stems(b)
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)
