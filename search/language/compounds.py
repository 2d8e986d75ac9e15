"""Splitting German compounds against the noun lexicon.

A word is covered by the fewest lexicon parts (ties: the longest first part),
joined by the usual linking elements (Arbeit-s-markt, Frau-en-café); every
part is then split again, so "Sprachpatenprojekt" gives "sprach", "paten",
"projekt". Guards against nonsense splits: parts have at least four letters
(shorter ones only from the project's own list, and only at the end), a word
never ends in a suffix that happens to be a noun ("Nachbar-schaft",
"Gene-ration"), and prefixes that are nouns by accident ("Unter", "Über") do
not start a compound.
"""

from __future__ import annotations

from functools import lru_cache

from .lexicon import Lexicon, lexicon

LINKS = ("", "s", "es", "n", "en", "e", "er", "ns", "ens")
MIN_PART = 3
MAX_DEPTH = 3
# Nouns in Wiktionary that are, inside a word, almost always a suffix.
SUFFIX_NOUNS = frozenset(
    {
        "schaft",
        "schaften",
        "ration",
        "rationen",
        "tion",
        "tionen",
        "ation",
        "ationen",
        "heit",
        "heiten",
        "keit",
        "keiten",
        "ling",
        "linge",
        "lingen",
        "nisse",
        "ungen",
        "ismus",
        "tums",
        "tümer",
        "ität",
        "itäten",
        "erin",
        "erinnen",
        "innen",
        "ende",
        "ender",
        "enden",
        "chen",
        "lein",
        "weise",
        "ion",
        "ionen",
        "sion",
        "sionen",
        "ierung",
        "ierungen",
    }
)
# Nouns that are, at the start of a word, almost always a prefix.
PREFIX_NOUNS = frozenset(
    {"unter", "über", "ober", "hinter", "nach", "durch", "gegen", "wider", "ander"}
)


@lru_cache(maxsize=8192)
def split_compound(word: str) -> tuple[str, ...]:
    """The parts of a compound, lowercase, linking elements dropped, or ``()``
    when ``word`` is not a compound the lexicon knows."""
    word = word.lower()
    if len(word) < 2 * MIN_PART + 1 or not word.isalpha():
        return ()
    lex = lexicon()
    masculine = _masculine(word)
    if masculine:
        # "Sprachmittlerinnen" splits as "Sprachmittler"; "Dolmetscherinnen"
        # is no "Dolmetsche-rinnen".
        return split_compound(masculine)
    split = _best_split(word, lex)
    if not split:
        return ()
    parts: list[str] = []
    for part in split:
        parts += _finest(part, lex, MAX_DEPTH)
    return tuple(_drop_link(part, lex) for part in parts[:-1]) + (parts[-1],)


def _masculine(word: str) -> str | None:
    for suffix in ("erinnen", "erin"):
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            return word[: -len(suffix)] + "er"
    return None


def _finest(word: str, lex: Lexicon, depth: int) -> list[str]:
    """Parts that are words of their own stay whole ("hausaufgaben")."""
    if word in lex.forms or depth == 0:
        return [word]
    split = _best_split(word, lex)
    if not split:
        return [word]
    out: list[str] = []
    for part in split:
        out += _finest(part, lex, depth - 1)
    return out


def _drop_link(part: str, lex: Lexicon) -> str:
    """ "arbeits" → "arbeit": the project's list has parts with the s."""
    if part.endswith("s") and is_head(part[:-1], lex):
        return part[:-1]
    return part


@lru_cache(maxsize=8192)
def _best_split(word: str, lex: Lexicon) -> tuple[str, ...] | None:
    """The fewest parts covering ``word`` (at least two), or None."""
    best: tuple[str, ...] | None = None
    for end in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        head = word[:end]
        if head in PREFIX_NOUNS or not is_head(head, lex):
            continue
        for link in LINKS:
            rest = word[end:]
            if not rest.startswith(link):
                continue
            tail = rest[len(link) :]
            if len(tail) < MIN_PART:
                continue
            covered = cover(tail, lex)
            if covered and (best is None or len(covered) + 1 < len(best)):
                best = (head, *covered)
        if best is not None and len(best) == 2:
            return best
    return best


@lru_cache(maxsize=16384)
def cover(rest: str, lex: Lexicon) -> tuple[str, ...] | None:
    if is_last(rest, lex):
        return (rest,)
    split = _best_split(rest, lex)
    return split


def is_head(part: str, lex: Lexicon) -> bool:
    if part in lex.domain:
        return True
    return len(part) >= 4 and (part in lex.forms or part in lex.heads)


def is_last(part: str, lex: Lexicon) -> bool:
    if part in SUFFIX_NOUNS:
        return False
    return part in lex.forms and (len(part) >= 4 or part in lex.domain)
