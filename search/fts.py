"""PostgreSQL full-text pieces of the database fallback."""

from __future__ import annotations

import re

from django.db.models import Q
from django.db.models.expressions import RawSQL

from .compounds import split_compound

# Identical to the expression of the GIN index (migration 0004), so the
# planner uses it for the text columns of projects_projectpage.
PROJECT_VECTOR_SQL = (
    "to_tsvector('german'::regconfig, "
    "coalesce(teaser, '') || ' ' || coalesce(starting_point, '') || ' ' || "
    "coalesce(goals, '') || ' ' || coalesce(approach, '') || ' ' || "
    "coalesce(results, '') || ' ' || coalesce(transferability, ''))"
)
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


def _word_condition(tsquery: str) -> Q:
    # Constant SQL; the user's words travel only as the bound parameter.
    body = RawSQL(  # noqa: S611
        "SELECT page_ptr_id FROM projects_projectpage "  # noqa: S608
        f"WHERE {PROJECT_VECTOR_SQL} @@ to_tsquery('german'::regconfig, %s)",
        [tsquery],
    )
    title = RawSQL(  # noqa: S611
        "SELECT id FROM wagtailcore_page "  # noqa: S608
        f"WHERE {TITLE_VECTOR_SQL} @@ to_tsquery('german'::regconfig, %s)",
        [tsquery],
    )
    return Q(pk__in=body) | Q(pk__in=title)


def text_condition(texts: list[str]) -> Q:
    """Every word of one of the texts (query or synonym variant) somewhere in
    the title or the project text; one word at a time so each can use the
    GIN index."""
    condition = Q(pk__in=[])
    for text in texts:
        variant = Q()
        found = False
        for word in words(text):
            variant &= _word_condition(prefix_query(word))
            found = True
        if found:
            condition |= variant
    return condition


def rank_sql(texts: list[str]) -> tuple[str, list[str]]:
    """ts_rank of the title (weight A) and text (weight D) for ordering."""
    terms = [" & ".join(prefix_query(w) for w in words(t)) for t in texts]
    tsquery = " | ".join(f"({t})" for t in terms if t) or "''"
    # Constant SQL; the tsquery is a bound parameter.
    sql = (
        "SELECT ts_rank(setweight(to_tsvector('german'::regconfig, wp.title), 'A')"  # noqa: S608
        f" || {PROJECT_VECTOR_SQL.replace('coalesce(', 'coalesce(pp.')}, "
        "to_tsquery('german'::regconfig, %s)) FROM projects_projectpage pp "
        "JOIN wagtailcore_page wp ON wp.id = pp.page_ptr_id "
        'WHERE pp.page_ptr_id = "projects_projectpage"."page_ptr_id"'
    )
    return sql, [tsquery]
