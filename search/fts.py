"""PostgreSQL full-text pieces of the database fallback, on the pre-analysed
terms of ``search_project_terms`` (``search.db_terms``).

A query arrives understood (``search.understanding``): per concept its stems,
its compound parts and its synonyms' stems, all analysed as the terms were.
Each concept becomes ``tsquery`` texts in the ``simple`` configuration
(``db_terms.concept_query``), built from quoted lexemes and bound as
parameters, so no user text is tsquery syntax.
"""

from __future__ import annotations

import re

from . import db_terms
from .db_terms import ConceptQuery

TABLE = db_terms.POSTGRES_TABLE
TSQUERY = "to_tsquery('simple'::regconfig, %s)"
MAX_WORDS = 8
WORD = re.compile(r"\w+")
# Words that carry no topic (``website.related_topics`` reads them).
STOP_TEXT = (
    "aber als am an auch auf aus bei bis das dass dem den der des die ein "
    "eine einem einen einer eines es für fuer im in ist mit nach nicht oder "
    "sich so und vom von vor was wie wir zu zum zur über ueber"
)
STOP_WORDS = frozenset(STOP_TEXT.split())

SqlPart = tuple[str, list]


def words(text: str) -> list[str]:
    """Word characters only, stop words left out."""
    found = WORD.findall(text.replace("_", " "))
    return [w for w in found if len(w) > 1 and w.lower() not in STOP_WORDS][:MAX_WORDS]


def _quoted(term: str) -> str:
    quoted = "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"
    return f"{quoted}:*" if len(term) >= db_terms.PREFIX_MIN else quoted


def lexeme(term: str) -> str:
    """A quoted tsquery lexeme (a prefix from ``PREFIX_MIN`` letters), or
    its alternatives (``db_terms.variants``)."""
    found = [_quoted(t) for t in db_terms.variants(term)]
    return found[0] if len(found) == 1 else "(" + " | ".join(found) + ")"


SYNTAX = db_terms.Syntax(term=lexeme, all="&", any="|")


def _any(queries: list[str]) -> str:
    return " | ".join(f"({q})" for q in queries)


def _count(column: str, queries: list[str]) -> SqlPart:
    sql = " + ".join(f"({column} @@ {TSQUERY})::int" for _ in queries)
    return sql or "0", list(queries)


def match_sql(
    required: list[ConceptQuery], place: SqlPart | None, minimum: int
) -> SqlPart:
    """The page ids satisfying at least ``minimum`` clauses: one per required
    concept (in the body terms), one for the places (``place``, a SQL set of
    page ids). The ``WHERE`` finds candidates through the GIN index."""
    loose = [q.loose for q in required]
    satisfied, params = _count("t.body", loose)
    conditions, condition_params = [], []
    if loose:
        conditions.append(f"t.body @@ {TSQUERY}")
        condition_params.append(_any(loose))
    if place:
        satisfied += f" + (t.page_id IN ({place[0]}))::int"
        params += place[1]
        conditions.append(f"t.page_id IN ({place[0]})")
        condition_params += place[1]
    condition = " OR ".join(conditions) or "FALSE"
    # Constant SQL; the tsqueries and place keys are bound parameters.
    sql = (
        f"SELECT t.page_id FROM {TABLE} t WHERE ({condition}) "  # noqa: S608
        f"AND {satisfied} >= %s"
    )
    return sql, [*condition_params, *params, minimum]


def _concepts_score(queries: list[ConceptQuery]) -> SqlPart:
    """Per concept 1 when found fully, ``PART_WEIGHT`` when only loosely."""
    sql, params = [], []
    for query in queries:
        if query.full == query.loose:
            sql.append(f"(t.body @@ {TSQUERY})::int")
            params.append(query.full)
        else:
            sql.append(
                f"CASE WHEN t.body @@ {TSQUERY} THEN 1 WHEN t.body @@ {TSQUERY} "
                f"THEN {db_terms.PART_WEIGHT} ELSE 0 END"
            )
            params += [query.full, query.loose]
    return " + ".join(sql) or "0", params


def _concept_rank() -> str:
    return (
        f"({db_terms.TITLE_WEIGHT} * ts_rank(t.title, {TSQUERY}) "
        f"+ ts_rank(t.body, {TSQUERY}))"
    )


def rank_sql(
    required: list[ConceptQuery],
    optional: list[ConceptQuery],
    place: SqlPart | None,
    target_groups: SqlPart | None,
    need: bool,
) -> SqlPart:
    """The score of a project page row of a queryset (``wagtailcore_page``
    and ``projects_projectpage`` joined): concepts found, the lifts of place,
    target group and need, then ``ts_rank`` (title weighted)."""
    w = db_terms
    queries = [*required, *optional]
    found, params = _concepts_score(queries)
    sql = f"{w.CONCEPT_WEIGHT} * ({found})"
    loose = [q.loose for q in queries]
    if need and loose:
        offers, offer_params = _count("t.offers", loose)
        sql += f" + {w.NEED_WEIGHT / len(loose)} * ({offers})"
        params += offer_params
    # Per required concept its own rank, summed (as Elasticsearch sums a
    # clause per concept): the domain-common words ("Geflüchtete" and its
    # many synonyms) count as found, but do not decide the order.
    ranked = [q.core for q in required] or [q.core for q in queries]
    if ranked:
        text = "(" + " + ".join([_concept_rank()] * len(ranked)) + ")"
        sql += f" + {w.TEXT_WEIGHT} * {text} / (1.0 + {text})"
        each = [term for query in ranked for term in (query, query)]
        params += each * 2
    page = '"wagtailcore_page"."id"'
    # Constant SQL; every query text and key is a bound parameter.
    score = f"COALESCE((SELECT {sql} FROM {TABLE} t WHERE t.page_id = {page}), 0)"  # noqa: S608
    if place:
        score += f" + {w.PLACE_WEIGHT} * ({page} IN ({place[0]}))::int"
        score += f' + {w.STATEWIDE_WEIGHT} * "projects_projectpage"."statewide"::int'
        params += place[1]
    if target_groups:
        score += f" + {w.TARGET_GROUP_WEIGHT} * ({page} IN ({target_groups[0]}))::int"
        params += target_groups[1]
    return score, params
