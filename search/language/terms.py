"""Pre-analysed terms: stems of words and of their compound parts."""

from __future__ import annotations

from ..compounds import split_compound as _split_domain
from .normalise import stem, words


def split_compound(word: str) -> tuple[str, ...]:
    return _split_domain(word)


def index_terms(text: str) -> list[str]:
    """Every word's stem, followed by the stems of its compound parts."""
    terms: list[str] = []
    for word in words(text):
        terms.append(stem(word))
        terms += [stem(part) for part in split_compound(word)]
    return terms
