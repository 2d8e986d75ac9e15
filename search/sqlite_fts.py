"""SQLite FTS5 reading for the database fallback of the embedded default
(``make run``), on the pre-analysed terms of ``search_project_fts``
(``search.db_terms`` writes them).

A query arrives understood (``search.understanding``); each concept becomes
one FTS5 expression, ``(own stems) OR (part AND part) OR (synonym stems)``,
of quoted phrases, so no user text is FTS5 syntax. One query reads every
candidate with the clauses it satisfies and its bm25; Python applies the
shared minimum-should-match rule and the lifts.
"""

from __future__ import annotations

from django.db import connection

from . import db_terms
from .db_terms import ConceptQuery

TABLE = db_terms.SQLITE_TABLE
SqlPart = tuple[str, list]
# The first part of a UNION names its column, whatever the other parts call it.
NAMED = "SELECT NULL AS id WHERE 0"


def _quoted(term: str) -> str:
    # A quoted FTS5 string: nothing inside can be syntax ('"' is doubled).
    quoted = '"' + term.replace('"', '""') + '"'
    return f"{quoted} *" if len(term) >= db_terms.PREFIX_MIN else quoted


def _phrase(term: str) -> str:
    found = [_quoted(t) for t in db_terms.variants(term)]
    return found[0] if len(found) == 1 else "(" + " OR ".join(found) + ")"


SYNTAX = db_terms.Syntax(term=_phrase, all="AND", any="OR")


def _any(expressions: list[str]) -> str:
    return " OR ".join(f"({e})" for e in expressions)


def _in() -> str:
    return f"(c.id IN (SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s))"  # noqa: S608


def _count(expressions: list[str], column: str | None = None) -> SqlPart:
    if not expressions:
        return "0", []
    wrap = (lambda e: f"{column} : ({e})") if column else (lambda e: e)
    return " + ".join(_in() for _ in expressions), [wrap(e) for e in expressions]


def _found(queries: list[ConceptQuery]) -> SqlPart:
    """Per concept 1 when found fully, ``PART_WEIGHT`` when only loosely."""
    sql, params = [], []
    for query in queries:
        if query.full == query.loose:
            sql.append(_in())
            params.append(query.full)
        else:
            sql.append(
                f"CASE WHEN {_in()} THEN 1.0 WHEN {_in()} "
                f"THEN {db_terms.PART_WEIGHT} ELSE 0.0 END"
            )
            params += [query.full, query.loose]
    return " + ".join(sql) or "0", params


def _member(part: SqlPart | None) -> SqlPart:
    if part is None:
        return "0", []
    return f"(c.id IN ({part[0]}))", list(part[1])


def candidates(
    required: list[ConceptQuery],
    optional: list[ConceptQuery],
    place: SqlPart | None = None,
    target_groups: SqlPart | None = None,
    statewide: SqlPart | None = None,
    need: bool = False,
) -> list[tuple]:
    """Per candidate (a page with any required concept, or in a named
    place): id, required concepts satisfied, concepts found (weighted), in
    the place, concepts in its offers (with ``need``), in a target group,
    statewide, bm25 (title weighted)."""
    every = [q.loose for q in (*required, *optional)]
    columns: list[SqlPart] = [
        _count([q.loose for q in required]),
        _found([*required, *optional]),
        _member(place),
        _count(every if need else [], "offers"),
        _member(target_groups),
        _member(statewide),
    ]
    select = ", ".join(sql for sql, _ in columns)
    params = [p for _, part_params in columns for p in part_params]
    sources, source_params = [], []
    if required:
        sources.append(f"SELECT rowid AS id FROM {TABLE} WHERE {TABLE} MATCH %s")  # noqa: S608
        source_params.append(_any([q.loose for q in required]))
    if place:
        sources.append(place[0])
        source_params += place[1]
    if not sources:
        return []
    # Per required concept its own bm25, summed (as Elasticsearch sums a
    # clause per concept): the domain-common words ("Geflüchtete" and its
    # many synonyms) count as found, but do not decide the order.
    ranked = [q.core for q in required] or [q.core for q in (*required, *optional)]
    bm25 = f"-bm25({TABLE}, {db_terms.TITLE_WEIGHT}, 1.0, 0.0)"
    hits = f"SELECT rowid AS id, {bm25} AS b FROM {TABLE} WHERE {TABLE} MATCH %s"  # noqa: S608
    joins = "".join(
        f" LEFT JOIN ({hits}) h{n} ON h{n}.id = c.id" for n in range(len(ranked))
    )
    text = " + ".join(f"COALESCE(h{n}.b, 0.0)" for n in range(len(ranked))) or "0.0"
    # Constant SQL; every expression and key is a bound parameter.
    query = (
        f"SELECT c.id, {select}, {text} "  # noqa: S608
        f"FROM ({' UNION '.join([NAMED, *sources])}) c{joins}"
    )
    with connection.cursor() as cursor:
        cursor.execute(query, [*params, *source_params, *ranked])
        return [tuple(row) for row in cursor.fetchall()]


def scores(
    required: list[ConceptQuery],
    optional: list[ConceptQuery],
    minimum: int,
    place: SqlPart | None = None,
    target_groups: SqlPart | None = None,
    statewide: SqlPart | None = None,
    need: bool = False,
) -> dict[int, float]:
    """Page id → score of the pages satisfying at least ``minimum`` clauses
    (one per required concept, one for the places), with the weights of
    ``search.db_terms``; bm25 is squashed into [0, ``TEXT_WEIGHT``)."""
    w = db_terms
    found: dict[int, float] = {}
    concepts = len(required) + len(optional)
    rows = candidates(required, optional, place, target_groups, statewide, need)
    for pk, satisfied, weighted, in_place, offers, grouped, state, bm25 in rows:
        if satisfied + in_place < minimum:
            continue
        score = w.CONCEPT_WEIGHT * weighted + w.PLACE_WEIGHT * in_place
        score += w.STATEWIDE_WEIGHT * state + w.TARGET_GROUP_WEIGHT * grouped
        if concepts:
            score += w.NEED_WEIGHT * offers / concepts
        text = max(bm25, 0.0)
        found[int(pk)] = score + w.TEXT_WEIGHT * text / (1.0 + text)
    return found
