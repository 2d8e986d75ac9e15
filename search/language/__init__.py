"""German (and English-to-German) language knowledge shared by every search
engine: Elasticsearch, the PostgreSQL fallback and the SQLite fallback read
the same words, stems, compound parts, synonyms and translations from here.

Public API (keep these names stable; the engines import them):

- ``fold(word)``: case and umlaut spelling folded ("Flüchtlinge" ==
  "FLUECHTLINGE" -> "fluchtlinge").
- ``words(text)``: the word tokens of a text, in order.
- ``stem(word)``: the Snowball German stem of a word (folded).
- ``split_compound(word)``: the parts of a German compound, or ``()``.
- ``index_terms(text)``: the stems of a text plus the stems of its compound
  parts, for engines that index pre-analysed terms (SQLite FTS5).
"""

from .normalise import fold, stem, words
from .terms import index_terms, split_compound

__all__ = ["fold", "index_terms", "split_compound", "stem", "words"]
