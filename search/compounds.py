"""Splitting compound query terms with the same word list as the index.

The index splits compounds (``dictionary_decompounder``); queries do not, so a
query for "Hausaufgabenhilfe" does not match every text containing "Hilfe".
Instead a compound query term becomes a weaker extra clause that needs all its
parts ("hausaufgaben hilfe"), which finds "Hilfe bei den Hausaufgaben".
"""

from __future__ import annotations

from functools import lru_cache

from .analysis import compound_words

LINKING = ("", "s", "n", "en", "e", "es")
MIN_PART = 3


@lru_cache(maxsize=2048)
def split_compound(word: str) -> tuple[str, ...]:
    """The longest cover of ``word`` by known parts, or ``()`` if none."""
    word = word.lower()
    if len(word) < 2 * MIN_PART:
        return ()
    parts = _cover(word, frozenset(compound_words()))
    return parts if parts and len(parts) >= 2 else ()


def _cover(rest: str, words: frozenset[str]) -> tuple[str, ...] | None:
    if rest in words:
        return (rest,)
    for end in range(len(rest) - MIN_PART, MIN_PART - 1, -1):
        head = rest[:end]
        if head not in words:
            continue
        for link in LINKING:
            if not rest[end:].startswith(link):
                continue
            tail = rest[end + len(link) :]
            if len(tail) < MIN_PART:
                continue
            covered = _cover(tail, words)
            if covered:
                return (head, *covered)
    return None


def split_text(text: str) -> str | None:
    """``text`` with every splittable word replaced by its parts, or None."""
    changed = False
    out = []
    for word in text.split():
        parts = split_compound(word)
        if parts:
            out.extend(parts)
            changed = True
        else:
            out.append(word)
    return " ".join(out) if changed else None
