"""German (and English-to-German) language knowledge shared by every search
engine: Elasticsearch, the PostgreSQL fallback and the SQLite fallback read
the same words, stems, compound parts, synonyms and translations from here.

Public API (keep these names stable; the engines import them):

- ``fold(word)``: case and umlaut spelling folded ("Flüchtlinge" ==
  "FLUECHTLINGE" -> "fluchtlinge").
- ``fold_umlauts(word)``: ä, ö, ü, ß as a, o, u, ss (matching's stems too).
- ``words(text)``: the word tokens of a text, in order.
- ``stem(word)``: the Snowball German stem of a word (folded).
- ``split_compound(word)``: the parts of a German compound against the
  ``german-nouns`` lexicon plus the project's parts, or ``()``.
- ``index_terms(text)``: the stems of a text plus the stems of its compound
  parts, for engines that index pre-analysed terms (SQLite FTS5).
- ``query_terms(text)``: the same for a query, distinct, without stop words.
- ``analyse_query(text)``: per query word its stem, part stems and whether it
  is noise.
- ``STOP_WORDS``, ``QUERY_NOISE``, ``is_noise(word)``: words a search must not
  require.
"""

from .compounds import split_compound
from .normalise import fold, fold_umlauts, stem, words
from .stopwords import QUERY_NOISE, STOP_WORDS, is_noise, is_stop_word
from .terms import QueryWord, analyse_query, index_terms, query_terms, word_terms

__all__ = [
    "QUERY_NOISE",
    "STOP_WORDS",
    "QueryWord",
    "analyse_query",
    "fold",
    "fold_umlauts",
    "index_terms",
    "is_noise",
    "is_stop_word",
    "query_terms",
    "split_compound",
    "stem",
    "word_terms",
    "words",
]
