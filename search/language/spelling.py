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


@lru_cache(maxsize=4096)
def correct(word: str) -> str | None:
    """The word with one part corrected by one edit, lowercase, or None when
    the lexicon knows the word (or a split of it) or no near reading exists."""
    word = word.lower()
    if len(word) < MIN_WORD or not word.isalpha():
        return None
    lex = lexicon()
    if word in lex.forms or split_compound(word):
        return None
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
