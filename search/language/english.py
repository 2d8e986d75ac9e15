"""English queries in German: the editors' glossary, then FreeDict.

``search/data/english-de.tsv`` is FreeDict English-German filtered to the
domain (``scripts/build_language_data.py``); the editors' ``GlossaryEntry``
rows ("job fair" → "Jobmesse, Berufsmesse") come first and may be phrases.
Detection is conservative: words that are German as well ("Job", "Café",
"Team") never make a query English.
"""

from __future__ import annotations

from functools import lru_cache

from ..memo import Memo
from .lexicon import lexicon
from .normalise import words
from .resources import data_lines
from .stopwords import STOP_WORDS

MAX_PHRASE = 4
MAX_TERMS = 2


@lru_cache(maxsize=1)
def dictionary() -> dict[str, tuple[str, ...]]:
    table = {}
    for line in data_lines("english-de.tsv"):
        english, _, german = line.partition("\t")
        terms = tuple(term for term in german.split(";") if term)
        if terms:
            table[english.lower()] = terms
    return table


ENGLISH_STOP_WORDS = frozenset(data_lines("english-stopwords.txt"))


def _load_glossary() -> dict[str, tuple[str, ...]]:
    from ..models import GlossaryEntry

    return {
        " ".join(entry.english.lower().split()): tuple(entry.german_terms())
        for entry in GlossaryEntry.objects.filter(active=True)
    }


_glossary = Memo(_load_glossary)


def glossary() -> dict[str, tuple[str, ...]]:
    """The active glossary entries, kept per content version like the synonyms."""
    return _glossary.get()


def _lookup(phrase: str, table: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    found = table.get(phrase)
    if found is None and phrase.endswith("s") and len(phrase) > 3:
        found = table.get(phrase[:-1])
    return found or ()


def _is_english(word: str, glossary_words: frozenset[str]) -> bool:
    low = word.lower()
    return (
        low in ENGLISH_STOP_WORDS
        or low in glossary_words
        or bool(_lookup(low, dictionary()))
    )


def _is_german(word: str) -> bool:
    low = word.lower()
    return low in STOP_WORDS or low in lexicon().forms


def looks_english(text: str) -> bool:
    """Most words are English and not German, and at least one is English
    only. "Job Café" is German; "help for refugee women" is English."""
    tokens = words(text)
    if not tokens:
        return False
    glossary_words = frozenset(w for phrase in glossary() for w in phrase.split())
    english_only = german_only = 0
    for word in tokens:
        english, german = _is_english(word, glossary_words), _is_german(word)
        english_only += english and not german
        german_only += german and not english
    return (
        english_only >= 1
        and english_only > german_only
        and (
            2 * english_only >= len(tokens) - (len(tokens) - english_only - german_only)
        )
    )


def translate_english(text: str) -> str | None:
    """A German query for an English one: glossary phrases first (longest
    first), then dictionary phrases and words; function words dropped,
    unknown words (names, places) kept. None if nothing was translated."""
    groups = translation_groups(text)
    return " ".join(" ".join(group) for group in groups) if groups else None


def translation_groups(text: str) -> list[tuple[str, ...]] | None:
    """Per English phrase or word its German terms (the first the main one,
    the others alternatives of the same concept); an unknown word stands for
    itself. None if nothing was translated."""
    tokens = words(text)
    table = glossary()
    out: list[tuple[str, ...]] = []
    translated = False
    position = 0
    while position < len(tokens):
        for size in range(min(MAX_PHRASE, len(tokens) - position), 0, -1):
            phrase = " ".join(tokens[position : position + size]).lower()
            terms = _lookup(phrase, table) or _lookup(phrase, dictionary())
            if terms:
                out.append(terms[:MAX_TERMS])
                translated = True
                position += size
                break
        else:
            word = tokens[position]
            if word.lower() not in ENGLISH_STOP_WORDS:
                out.append((word,))
            position += 1
    return out if translated else None
