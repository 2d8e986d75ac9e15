"""Near spellings of a query word the lexicon does not know.

"Patenschaftsprogram" and "Intergrationslotsen" are compounds with one
misspelt part: no split covers them, and Elasticsearch's fuzziness, which
works on whole terms, finds nothing either. Here one part of the word may be
one edit (a letter left out, added, swapped or replaced) away from a lexicon
word; the nearest such reading is the word's correction. Query time only: the
index keeps what the authors wrote.
"""

from __future__ import annotations

from functools import lru_cache

from spellchecker import SpellChecker

from .compounds import LINKS, PREFIX_NOUNS, cover, is_head, is_last, split_compound
from .lexicon import Lexicon, lexicon

LETTERS = "abcdefghijklmnopqrstuvwxyzäöüß"
MIN_WORD = 6
MIN_CORRECTED = 4


def _edits(part: str) -> list[str]:
    """Every string one edit away, the likeliest typos first: a double
    letter typed once ("Fahrad"), a letter too many, two letters swapped,
    any letter left out, one letter wrong."""
    cuts = [(part[:i], part[i:]) for i in range(len(part) + 1)]
    doubled = [a + a[-1] + b for a, b in cuts if a]
    deletes = [a + b[1:] for a, b in cuts if b]
    swaps = [a + b[1] + b[0] + b[2:] for a, b in cuts if len(b) > 1]
    inserts = [a + c + b for a, b in cuts for c in LETTERS]
    replaces = [a + c + b[1:] for a, b in cuts if b for c in LETTERS if c != b[0]]
    return doubled + deletes + swaps + inserts + replaces


def _near(part: str, accept) -> str | None:
    if len(part) < MIN_CORRECTED:
        return None
    for candidate in _edits(part):
        if len(candidate) >= MIN_CORRECTED and accept(candidate):
            return candidate
    return None


UMLAUTS = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"))


@lru_cache(maxsize=1)
def _dictionary() -> SpellChecker:
    """The German word forms of every word class that pyspellchecker knows
    (about 340,000, from subtitle frequency lists; MIT): verbs and
    adjectives ("kostenlos", "vermieten") are no nouns, but no typos either."""
    return SpellChecker(language="de", distance=1)


def with_umlauts(word: str) -> str:
    for pair, umlaut in UMLAUTS:
        word = word.replace(pair, umlaut)
    return word


def is_known(word: str) -> bool:
    """A German word as written, or a compound of known parts, either
    with ae/oe/ue for ä/ö/ü ("Sprachfoerderung")."""
    lower = word.lower()
    spelled = with_umlauts(lower)
    lex = lexicon()
    if lower in lex.forms or spelled in lex.forms:
        return True
    if split_compound(lower) or split_compound(spelled):
        return True
    return bool(_dictionary().known([lower, spelled]))


def preload() -> None:
    """Load the word lists now (a web worker as it starts)."""
    lexicon()
    _dictionary()


@lru_cache(maxsize=4096)
def correct(word: str) -> str | None:
    """The word with one part corrected by one edit, lowercase, or None when
    the lexicon knows the word (or a split of it) or no near reading exists."""
    word = word.lower()
    if len(word) < MIN_WORD or not word.isalpha():
        return None
    if is_known(word):
        return None
    lex = lexicon()
    whole = _near(word, lambda w: is_last(w, lex))
    if whole:
        return whole
    return _near_split(word, lex)


def _near_split(word: str, lex: Lexicon) -> str | None:
    """Head and tail, the longest head first; one of them corrected."""
    for end in range(len(word) - MIN_CORRECTED, MIN_CORRECTED - 1, -1):
        head, rest = word[:end], word[end:]
        if head in PREFIX_NOUNS:
            continue
        for link in LINKS:
            if not rest.startswith(link) or len(rest) - len(link) < MIN_CORRECTED:
                continue
            tail = rest[len(link) :]
            if is_head(head, lex):
                near_tail = _near(tail, lambda w: is_last(w, lex))
                if near_tail:
                    return head + link + near_tail
            elif cover(tail, lex):
                near_head = _near(head, lambda w: is_head(w, lex))
                if near_head:
                    return near_head + link + tail
    return None
