"""Tokens, case and umlaut folding, and Snowball German stems."""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import Stemmer

WORD = re.compile(r"[^\W_]+", re.UNICODE)
# The one umlaut folding of the project (search terms, matching stems).
UMLAUT_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
_local = threading.local()


def words(text: str) -> list[str]:
    return WORD.findall(text)


def fold_umlauts(word: str) -> str:
    """ä, ö, ü as a, o, u and ß as ss; the ae/oe/ue spellings stay."""
    return word.translate(UMLAUT_FOLD)


@lru_cache(maxsize=8192)
def fold(word: str) -> str:
    """Case and umlaut spelling folded: "Flüchtlinge" == "FLUECHTLINGE"."""
    folded = fold_umlauts(word.casefold())
    for pair, vowel in (("ae", "a"), ("oe", "o"), ("ue", "u")):
        folded = folded.replace(pair, vowel)
    return folded


def _stemmer() -> Stemmer.Stemmer:
    # PyStemmer's objects are not thread-safe; one per thread.
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer("german")
    return stemmer


@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """The Snowball German stem, made idempotent on a final letter: Snowball
    stems "Sprachkurse" to "sprachkurs" but "Sprachkurs" to "sprachkur", so
    the one-letter-shorter re-stem is the stem of both. Deeper re-stems
    ("patenschaft" → "pat") would merge too much and are not taken."""
    stemmer = _stemmer()
    first = stemmer.stemWord(word.casefold())
    again = stemmer.stemWord(first)
    if len(first) - len(again) == 1 and first.startswith(again):
        return again
    return first
