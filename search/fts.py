"""PostgreSQL full-text pieces of the database fallback."""

from __future__ import annotations

import re

from django.db.models import Q
from django.db.models.expressions import RawSQL

from .compounds import split_compound

# The project text's tsvector, a stored column with a GIN index (migration
# 0006): matching and ranking read it instead of analysing six columns.
PROJECT_VECTOR = "search_vector"
# Identical to the expression of the GIN index (migration 0005).
TITLE_VECTOR_SQL = "to_tsvector('german'::regconfig, title)"
MAX_WORDS = 8
WORD = re.compile(r"\w+")
# PostgreSQL drops stop words from a tsquery; a query of only "für" would then
# match nothing, so they are left out before.
STOP_TEXT = (
    "aber als am an auch auf aus bei bis das dass dem den der des die ein "
    "eine einem einen einer eines es für fuer im in ist mit nach nicht oder "
    "sich so und vom von vor was wie wir zu zum zur über ueber"
)
STOP_WORDS = frozenset(STOP_TEXT.split())


def words(text: str) -> list[str]:
    """Word characters only: nothing of tsquery syntax can get through."""
    found = WORD.findall(text.replace("_", " "))
    return [w for w in found if len(w) > 1 and w.lower() not in STOP_WORDS][:MAX_WORDS]


def prefix_query(word: str) -> str:
    parts = split_compound(word)
    if parts:
        # A compound also matches its parts in any order ("Hilfe bei den
        # Hausaufgaben" for "Hausaufgabenhilfe").
        return f"({word}:* | ({' & '.join(p + ':*' for p in parts)}))"
    return f"{word}:*"


def _word_sql(tsquery: str) -> tuple[str, list[str]]:
    # Two index scans (project text, page title); the user's words travel only
    # as bound parameters.
    sql = (
        "SELECT page_ptr_id FROM projects_projectpage "  # noqa: S608
        f"WHERE {PROJECT_VECTOR} @@ to_tsquery('german'::regconfig, %s) "
        "UNION SELECT id FROM wagtailcore_page "
        f"WHERE {TITLE_VECTOR_SQL} @@ to_tsquery('german'::regconfig, %s)"
    )
    return sql, [tsquery, tsquery]


def match_sql(texts: list[str]) -> tuple[str, list[str]] | None:
    """Ids of pages with every word of one of the texts (query or synonym
    variant) in the title or the project text, as one SQL set: per word a
    UNION of two GIN index scans, INTERSECT within a text, UNION across
    texts. None when no text has a searchable word."""
    variants: list[str] = []
    params: list[str] = []
    for text in texts:
        parts = []
        for word in words(text):
            sql, word_params = _word_sql(prefix_query(word))
            parts.append(f"({sql})")
            params += word_params
        if parts:
            variants.append("(" + " INTERSECT ".join(parts) + ")")
    if not variants:
        return None
    return " UNION ".join(variants), params


def text_condition(texts: list[str]) -> Q:
    """The pages of ``match_sql`` as a filter (nothing when no word)."""
    found = match_sql(texts)
    if found is None:
        return Q(pk__in=[])
    # Constant SQL built above; parameters are bound.
    return Q(pk__in=RawSQL(*found))  # noqa: S611


def rank_sql(texts: list[str]) -> tuple[str, list[str]]:
    """ts_rank of the text (weight D) plus, where the title matches, of the
    title (weight A), for ordering a queryset of project pages.

    The text's vector is stored; the title's is computed only for the pages
    whose title matches (found through its GIN index): analysing every
    matching title cost two thirds of a broad query's ranking."""
    terms = [" & ".join(prefix_query(w) for w in words(t)) for t in texts]
    tsquery = " | ".join(f"({t})" for t in terms if t) or "''"
    query = "to_tsquery('german'::regconfig, %s)"
    # Constant SQL on the columns of the queryset's own tables; the tsquery
    # is a bound parameter.
    sql = (
        f'ts_rank("projects_projectpage"."{PROJECT_VECTOR}", {query}) + CASE '  # noqa: S608
        'WHEN "wagtailcore_page"."id" IN (SELECT id FROM wagtailcore_page '
        f"WHERE {TITLE_VECTOR_SQL} @@ {query}) THEN ts_rank(setweight("
        "to_tsvector('german'::regconfig, \"wagtailcore_page\".\"title\"), 'A'), "
        f"{query}) ELSE 0 END"
    )
    return sql, [tsquery] * 3
