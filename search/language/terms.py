"""Pre-analysed terms: stems of words and of their compound parts.

The same function runs over a project's text when it is indexed and over a
query when it is searched, so "Sprachpatenprojekt" in a text and
"Sprachpatenschaft" in a query meet on "sprach" and "pat".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .compounds import split_compound
from .lexicon import lexicon
from .normalise import stem, words
from .stopwords import is_noise, is_stop_word

# Derivations whose base is what people search for: "Patenschaft" → Pate,
# "Dolmetscherin" → Dolmetscher. Feminine -in only after -er, so "Termin"
# does not become "Term".
DERIVATIONS = (("schaften", ""), ("schaft", ""), ("erinnen", "er"), ("erin", "er"))


@dataclass(frozen=True)
class QueryWord:
    text: str
    stem: str
    part_stems: tuple[str, ...]
    """Stems of the compound parts and derivation bases, without ``stem``."""
    noise: bool
    """A stop, question or generic word: weigh it down, never require it."""


@lru_cache(maxsize=16384)
def word_terms(word: str) -> tuple[str, ...]:
    """The word's stem first, then the stems of its parts and bases."""
    terms = [stem(word)]
    parts = split_compound(word) or (word.lower(),)
    for part in parts:
        for term in (part, *_bases(part)):
            term_stem = stem(term)
            if term_stem not in terms:
                terms.append(term_stem)
    return tuple(terms)


def _bases(part: str) -> list[str]:
    bases = []
    for suffix, ending in DERIVATIONS:
        if part.endswith(suffix) and len(part) > len(suffix) + 3:
            base = part[: -len(suffix)] + ending
            if base in lexicon().forms:
                bases.append(base)
            break
    return bases


def index_terms(text: str) -> list[str]:
    """Every word's stem, followed by the stems of its compound parts."""
    terms: list[str] = []
    for word in words(text):
        terms += word_terms(word)
    return terms


def analyse_query(text: str) -> list[QueryWord]:
    """The query's words with their stems, part stems and noise flag."""
    analysed = []
    for word in words(text):
        stems = word_terms(word)
        analysed.append(QueryWord(word, stems[0], stems[1:], is_noise(word)))
    return analysed


def query_terms(text: str) -> list[str]:
    """The distinct stems of a query's words and of their compound parts,
    stop words left out (unless the query has nothing else)."""
    kept = [word for word in words(text) if not is_stop_word(word)]
    terms: list[str] = []
    for word in kept or words(text):
        for term in word_terms(word):
            if term not in terms:
                terms.append(term)
    return terms
