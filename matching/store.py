"""Writing computed matches; editors' decisions survive every write.

A confirmed row is never deleted here, a hidden one keeps its state (only its
score and reasons are refreshed), stale suggestions go. On PostgreSQL each
save is one statement (upsert, deletes and the contact requests' unlinking
as data-modifying CTEs); a recompute of one project reads the affected lists
once before, so trimming is decided in Python and no row is both written and
deleted by that statement.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connection, transaction
from django.db.models import Q

from .models import ContactRequest, Match
from .scoring.profile import Scored
from .scoring.weights import WEIGHTS

Key = tuple[int, int, str]


@dataclass(frozen=True)
class Row:
    """A match to write (plain values: a model instance per row costs more
    than scoring it in a full rebuild)."""

    source_id: int
    target_id: int
    kind: str
    score: float
    reasons: list

    @property
    def key(self) -> Key:
        return (self.source_id, self.target_id, self.kind)


def row(source_id: int, scored: Scored) -> Row:
    return Row(source_id, scored.target_id, scored.kind, scored.score, scored.reasons)


_COLUMNS = (
    "r(source_id integer, target_id integer, kind text, score float8, reasons jsonb)"
)
# The rows of a JSON parameter, as ``{rows}`` of ``_UPSERT``.
_RECORDS = "jsonb_to_recordset(%s::jsonb) AS " + _COLUMNS
# Every save ends with this upsert of the incoming rows (``{rows}``, named
# ``r``); its parameters are computed_at and state (then the rows' JSON when
# ``{rows}`` is ``_RECORDS``). Hidden and confirmed rows keep their state.
_UPSERT = """
INSERT INTO {match} (source_id, target_id, kind, score, reasons, computed_at, state)
SELECT r.source_id, r.target_id, r.kind, r.score, r.reasons, %s, %s
FROM {rows}
ON CONFLICT (source_id, target_id, kind) DO UPDATE SET
    score = EXCLUDED.score, reasons = EXCLUDED.reasons,
    computed_at = EXCLUDED.computed_at
"""
# Rows given by id go; their contact requests keep their history unlinked.
# The deleted rows are never among the upserted ones (decided beforehand).
_SAVE_WITH_DELETES = """
WITH unlinked AS (
    UPDATE {contact} SET match_id = NULL WHERE match_id = ANY(%s::integer[])
), removed AS (
    DELETE FROM {match} WHERE id = ANY(%s::integer[])
)
"""
# A batch of the full rebuild: the sources' suggestions that were not
# computed again go (none of them is upserted by the same statement).
_SAVE_BATCH = """
WITH incoming AS (
    SELECT * FROM jsonb_to_recordset(%s::jsonb) AS {columns}
), doomed AS (
    SELECT m.id FROM {match} m
    WHERE m.source_id = ANY(%s::integer[]) AND m.state = %s
    AND NOT EXISTS (
        SELECT 1 FROM incoming i WHERE i.source_id = m.source_id
        AND i.target_id = m.target_id AND i.kind = m.kind
    )
), unlinked AS (
    UPDATE {contact} SET match_id = NULL WHERE match_id IN (SELECT id FROM doomed)
), removed AS (
    DELETE FROM {match} WHERE id IN (SELECT id FROM doomed)
)
"""

# The rebuild's reverse rows (``matching.symmetric`` decided which rows join
# and which suggestions they push out, by key): the pushed-out suggestions
# go, the rows are upserted. Each key is looked up on its own (a subquery
# per key: the unique index) and the ids go as an array (the primary key),
# whatever the planner guesses: it takes the JSON for 100 rows, and inside
# the rebuild's transaction the statistics may say the table is empty; a
# join then scanned the whole table once per key.
_SAVE_REVERSE = """
WITH doomed AS (
    SELECT ARRAY(
        SELECT (
            SELECT m.id FROM {match} m WHERE m.source_id = g.source_id
            AND m.target_id = g.target_id AND m.kind = g.kind AND m.state = %s
        )
        FROM jsonb_to_recordset(%s::jsonb)
        AS g(source_id integer, target_id integer, kind text)
    ) AS ids
), unlinked AS (
    UPDATE {contact} SET match_id = NULL
    WHERE match_id = ANY((SELECT ids FROM doomed)::bigint[])
), removed AS (
    DELETE FROM {match} WHERE id = ANY((SELECT ids FROM doomed)::bigint[])
)
"""


def _tables() -> dict[str, str]:
    quote = connection.ops.quote_name
    return {
        "match": quote(Match._meta.db_table),
        "contact": quote(ContactRequest._meta.db_table),
    }


def _statement(ctes: str, rows: str) -> str:
    """A save: its data-modifying CTEs, then ``_UPSERT`` of ``rows``."""
    return (ctes + _UPSERT).format(rows=rows, columns=_COLUMNS, **_tables())


def _payload(rows: Iterable[Row]) -> str:
    return json.dumps(
        [
            {
                "source_id": r.source_id,
                "target_id": r.target_id,
                "kind": r.kind,
                "score": r.score,
                "reasons": r.reasons,
            }
            for r in rows
        ]
    )


def _int_array(ids: Iterable[int]) -> str:
    return "{" + ",".join(str(int(i)) for i in ids) + "}"


def save_batch(rows: list[Row], sources: Iterable[int], now, db=None) -> None:
    """The rebuild's write for a batch of sources: their rows are upserted and
    their other suggestions deleted, in one statement on PostgreSQL. ``db``
    is a connection shared from another thread (the rebuild's writer)."""
    sources = list(sources)
    db = db or connection
    if db.vendor != "postgresql":
        with transaction.atomic():
            _orm_upsert(rows, now)
            delete(
                Match.objects.filter(
                    source_id__in=sources,
                    state=Match.State.SUGGESTED,
                    computed_at__lt=now,
                )
            )
        return
    sql = _statement(_SAVE_BATCH, "incoming r")
    with db.cursor() as cursor:
        cursor.execute(
            sql,
            [
                _payload(rows),
                _int_array(sources),
                Match.State.SUGGESTED,
                now,
                Match.State.SUGGESTED,
            ],
        )


def decided() -> dict[Key, tuple[str, float]]:
    """The rows editors confirmed or hid: key → (state, score)."""
    return {
        (source_id, target_id, kind): (state, score)
        for source_id, target_id, kind, state, score in Match.objects.exclude(
            state=Match.State.SUGGESTED
        ).values_list("source_id", "target_id", "kind", "state", "score")
    }


def save_reverse(rows: list[Row], doomed: list[Key], now, db=None) -> None:
    """The rebuild's reverse rows: ``rows`` are upserted and the suggestions
    ``doomed`` (keys) deleted, in one statement on PostgreSQL. None of the
    doomed is among the rows."""
    db = db or connection
    if not rows and not doomed:
        return
    if db.vendor != "postgresql":
        with transaction.atomic():
            # In chunks: SQLite caps the parameters of one statement.
            for start in range(0, len(doomed), 300):
                keys = Q()
                for source_id, target_id, kind in doomed[start : start + 300]:
                    keys |= Q(source_id=source_id, target_id=target_id, kind=kind)
                delete(Match.objects.filter(keys, state=Match.State.SUGGESTED))
            _orm_upsert(rows, now)
        return
    gone = json.dumps(
        [{"source_id": s, "target_id": t, "kind": k} for s, t, k in doomed]
    )
    sql = _statement(_SAVE_REVERSE, _RECORDS)
    with db.cursor() as cursor:
        cursor.execute(
            sql,
            [Match.State.SUGGESTED, gone, now, Match.State.SUGGESTED, _payload(rows)],
        )


def save_both_directions(
    rows: list[Row], recomputed: set[int], extended: set[int], now
) -> None:
    """A recompute's write: the recomputed projects' rows and the reverse rows
    of their candidates. Stale suggestions from or to the recomputed projects
    go, and every list that got reverse rows is trimmed back to ``top_n``
    visible suggestions. One read and one write."""
    incoming = {r.key: r for r in rows}
    existing = (
        Match.objects.filter(
            Q(source_id__in=list(recomputed | extended))
            | Q(target_id__in=list(recomputed))
        )
        .order_by()
        .values_list("id", "source_id", "target_id", "kind", "state", "score")
    )
    doomed: list[int] = []
    dropped: set[Key] = set()
    visible: dict[tuple[int, str], list] = defaultdict(list)
    seen: set[Key] = set()
    for match_id, source_id, target_id, kind, state, score in existing:
        key = (source_id, target_id, kind)
        seen.add(key)
        if state == Match.State.HIDDEN:
            continue
        fresh = incoming.get(key)
        suggested = state == Match.State.SUGGESTED
        if fresh is None and suggested and recomputed & {source_id, target_id}:
            doomed.append(match_id)
            continue
        if source_id in extended:
            value = score if fresh is None else fresh.score
            visible[(source_id, kind)].append((value, target_id, match_id, suggested))
    for key, new in incoming.items():
        if key not in seen and new.source_id in extended:
            visible[(new.source_id, new.kind)].append(
                (new.score, new.target_id, None, True)
            )
    for (source_id, kind), entries in visible.items():
        entries.sort(key=lambda entry: (-entry[0], entry[1]))
        for _score, target_id, match_id, suggested in entries[WEIGHTS.top_n :]:
            if not suggested:
                continue
            dropped.add((source_id, target_id, kind))
            if match_id is not None:
                doomed.append(match_id)
    kept = [r for key, r in incoming.items() if key not in dropped]
    if connection.vendor != "postgresql":
        with transaction.atomic():
            delete(Match.objects.filter(id__in=doomed))
            _orm_upsert(kept, now)
        return
    sql = _statement(_SAVE_WITH_DELETES, _RECORDS)
    ids = _int_array(doomed)
    with connection.cursor() as cursor:
        cursor.execute(sql, [ids, ids, now, Match.State.SUGGESTED, _payload(kept)])


def _orm_upsert(rows: list[Row], now) -> None:
    """SQLite (the embedded ``make run``): the ORM's upsert."""
    if not rows:
        return
    Match.objects.bulk_create(
        [
            Match(
                source_id=r.source_id,
                target_id=r.target_id,
                kind=r.kind,
                score=r.score,
                reasons=r.reasons,
                computed_at=now,
            )
            for r in rows
        ],
        batch_size=500,
        update_conflicts=True,
        unique_fields=["source", "target", "kind"],
        update_fields=["score", "reasons", "computed_at"],
    )


def delete(queryset) -> int:
    """Two statements instead of loading every row first (what
    ``QuerySet.delete`` does for the SET_NULL of contact requests): the
    requests keep their history without the link, then the rows go."""
    ContactRequest.objects.filter(match__in=queryset.values("pk")).update(match=None)
    try:
        ids, params = queryset.values("pk").query.sql_with_params()
    except EmptyResultSet:  # a filter that can match nothing (``pk__in=[]``)
        return 0
    table = Match._meta.db_table
    with connection.cursor() as cursor:
        # Constant SQL around the queryset's own compiled subquery.
        cursor.execute(f"DELETE FROM {table} WHERE id IN ({ids})", params)  # noqa: S608
        return cursor.rowcount
