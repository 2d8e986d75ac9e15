"""Stop words and query noise: words a search must not require.

``STOP_WORDS`` is the Snowball German stop list; ``QUERY_NOISE`` holds the
question and generic words people put around what they look for ("Wer hilft
…", "gibt es Projekte für …", "ich suche Hilfe für …"). Both are data files in
``search/data/``. The engines weigh noise words down instead of requiring them.
"""

from __future__ import annotations

from functools import lru_cache

from .normalise import fold, stem
from .resources import data_lines

STOP_WORDS: frozenset[str] = frozenset(data_lines("stopwords-de.txt"))
QUERY_NOISE: frozenset[str] = frozenset(data_lines("query-noise-de.txt"))
_STOP_FOLDED = frozenset(fold(word) for word in STOP_WORDS)
_NOISE_FOLDED = frozenset(fold(word) for word in STOP_WORDS | QUERY_NOISE)
# Stems of the noise words that are content-like ("Projekten", "Angeboten");
# stop words are matched by spelling only, their stems are too short to trust.
_NOISE_STEMS = frozenset(stem(word) for word in QUERY_NOISE if len(word) >= 6)


@lru_cache(maxsize=4096)
def is_stop_word(word: str) -> bool:
    return fold(word) in _STOP_FOLDED


def is_noise_stem(stem_: str) -> bool:
    """A stem of a content-like noise word ("projekt", "angebot")."""
    return stem_ in _NOISE_STEMS


@lru_cache(maxsize=4096)
def is_noise(word: str) -> bool:
    """A stop word, a question word or a generic query word."""
    return fold(word) in _NOISE_FOLDED or stem(word) in _NOISE_STEMS
