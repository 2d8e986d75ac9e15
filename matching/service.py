"""Recomputing and storing matches; editors' decisions survive every run.

A confirmed match is kept, a hidden one keeps its state forever (it is only
re-scored), stale suggestions go.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from search.client import is_configured

from . import candidates as candidate_source
from .models import ContactRequest, Match
from .profiles import load_profiles, public_projects, vectorise
from .scoring import (
    COMPLEMENTARY,
    KINDS,
    SIMILAR,
    WEIGHTS,
    Profile,
    Scored,
    normalise_es_score,
    score_complementary,
    score_similar,
    top_matches,
)

logger = logging.getLogger(__name__)

Results = dict[int, dict[str, list[Scored]]]


def _score_pair(
    kind: str, source: Profile, target: Profile, es_score: float | None
) -> Scored | None:
    if kind == SIMILAR:
        text = None if es_score is None else normalise_es_score(es_score)
        return score_similar(source, target, text)
    return score_complementary(source, target)


def _score_candidates(
    sources: list[Profile],
    found: dict[int, candidate_source.Candidates],
    known: dict[int, Profile],
) -> tuple[Results, dict[int, Profile], dict]:
    results: Results = {}
    for source in sources:
        cands = found[source.id]
        similar = [
            _score_pair(SIMILAR, source, known[tid], es)
            for tid, es in cands.text_scores.items()
            if tid in known
        ]
        complementary = [
            score_complementary(source, known[tid]) for tid in cands.ids if tid in known
        ]
        results[source.id] = {SIMILAR: similar, COMPLEMENTARY: complementary}
    es_scores = {s.id: found[s.id].text_scores for s in sources}
    return results, known, es_scores


def _compute_with_elasticsearch(
    ids: list[int],
    pool: dict[int, Profile] | None = None,
    found: dict[int, candidate_source.Candidates] | None = None,
) -> tuple[Results, dict[int, Profile], dict]:
    """Candidates from Elasticsearch; profiles from ``pool`` (all projects,
    vectorised once per rebuild) or read once for sources and candidates
    together: the queries are built from the sources' search documents."""
    if pool is not None:
        sources = [pool[i] for i in ids if i in pool]
        if found is None:
            found = candidate_source.from_elasticsearch(sources)
        return _score_candidates(sources, found, pool)
    stubs = candidate_source.indexed_profiles(ids)
    missing = [i for i in ids if i not in stubs]
    if missing:
        # Not (yet) in the index: the database knows what to ask for.
        stubs.update(load_profiles(missing))
    found = candidate_source.from_elasticsearch(list(stubs.values()))
    wanted = set(stubs).union(*(c.ids for c in found.values()))
    known = load_profiles(wanted)
    vectorise(known.values())
    sources = [known[i] for i in ids if i in known]
    return _score_candidates(sources, found, known)


def _compute_in_python(
    sources: list[Profile], pool: dict[int, Profile]
) -> tuple[Results, dict[int, Profile], dict]:
    results: Results = {}
    for source in sources:
        results[source.id] = {
            SIMILAR: [score_similar(source, t) for t in pool.values()],
            COMPLEMENTARY: [score_complementary(source, t) for t in pool.values()],
        }
    return results, pool, {}


def compute(
    ids: Iterable[int],
    pool: dict[int, Profile] | None = None,
    *,
    elasticsearch: bool | None = None,
    fallback: bool = True,
    found: dict[int, candidate_source.Candidates] | None = None,
):
    """Score the given public projects; returns (results, profiles, es scores).

    ``pool`` holds all profiles, vectorised. Elasticsearch is asked first
    unless ``elasticsearch`` is false (default: only without a pool); the
    database is the fallback (unless ``fallback`` is false: then
    ``CandidatesUnavailable`` propagates). ``found`` passes candidates
    fetched ahead (the rebuild asks for the next batch while scoring)."""
    ids = list(ids)
    if elasticsearch is None:
        elasticsearch = pool is None
    if pool is not None and not elasticsearch:
        return _compute_in_python([pool[i] for i in ids if i in pool], pool)
    try:
        return _compute_with_elasticsearch(ids, pool, found)
    except candidate_source.CandidatesUnavailable as error:
        if not fallback:
            raise
        logger.info("Matching falls back to the database: %s", error)
    pool = load_profiles()
    vectorise(pool.values())
    return _compute_in_python([pool[i] for i in ids if i in pool], pool)


def recompute_for(project_id: int) -> int:
    """Recompute one project's matches in both directions; returns rows kept."""
    return recompute_many([project_id], both_directions=True)


def recompute_many(
    ids: Iterable[int],
    *,
    both_directions: bool = False,
    pool: dict[int, Profile] | None = None,
    elasticsearch: bool | None = None,
    fallback: bool = True,
    found: dict[int, candidate_source.Candidates] | None = None,
) -> int:
    ids = list(ids)
    results, profiles, es_scores = compute(
        ids, pool, elasticsearch=elasticsearch, fallback=fallback, found=found
    )
    gone = [i for i in ids if i not in results]
    if gone:
        remove_for(gone)
    now = timezone.now()
    rows: list[Match] = []
    reverse: list[Match] = []
    for source_id, by_kind in results.items():
        for kind in KINDS:
            for scored in top_matches(by_kind[kind], kind):
                rows.append(_row(source_id, scored, now))
            if not both_directions:
                continue
            for scored in by_kind[kind]:
                if scored is None:
                    continue
                back = _score_pair(
                    kind,
                    profiles[scored.target_id],
                    profiles[source_id],
                    es_scores.get(source_id, {}).get(scored.target_id),
                )
                if back is not None and back.score >= WEIGHTS.min_score[kind]:
                    reverse.append(_row(scored.target_id, back, now))
    with transaction.atomic():
        _upsert(rows + reverse)
        if both_directions:
            _clean_up(set(results), {row.source_id for row in reverse}, now)
        else:
            _delete(
                Match.objects.filter(
                    source_id__in=list(results),
                    state=Match.State.SUGGESTED,
                    computed_at__lt=now,
                )
            )
    return len(rows)


def _clean_up(recomputed: set[int], extended: set[int], now) -> None:
    """After a recompute in both directions, in one read and one delete: stale
    suggestions from or to the recomputed projects go, and every list that got
    reverse rows is trimmed back to ``top_n`` visible suggestions."""
    rows = (
        Match.objects.filter(
            Q(source_id__in=list(recomputed | extended))
            | Q(target_id__in=list(recomputed))
        )
        .exclude(state=Match.State.HIDDEN)
        .order_by("source_id", "kind", "-score", "target_id")
        .values_list("id", "source_id", "target_id", "kind", "state", "computed_at")
    )
    doomed = []
    seen: dict[tuple[int, str], int] = defaultdict(int)
    for match_id, source_id, target_id, kind, state, computed_at in rows:
        suggested = state == Match.State.SUGGESTED
        if suggested and computed_at < now and recomputed & {source_id, target_id}:
            doomed.append(match_id)
            continue
        if source_id not in extended:
            continue
        seen[(source_id, kind)] += 1
        if suggested and seen[(source_id, kind)] > WEIGHTS.top_n:
            doomed.append(match_id)
    if doomed:
        _delete(Match.objects.filter(id__in=doomed))


def _delete(queryset) -> int:
    """Two statements instead of loading every row first (what
    ``QuerySet.delete`` does for the SET_NULL of contact requests): the
    requests keep their history without the link, then the rows go."""
    ContactRequest.objects.filter(match__in=queryset.values("pk")).update(match=None)
    return queryset._raw_delete(queryset.db)


def _row(source_id: int, scored: Scored, now) -> Match:
    return Match(
        source_id=source_id,
        target_id=scored.target_id,
        kind=scored.kind,
        score=scored.score,
        reasons=scored.reasons,
        computed_at=now,
    )


_UPSERT = """
INSERT INTO {table} (source_id, target_id, kind, score, reasons, computed_at, state)
SELECT r.source_id, r.target_id, r.kind, r.score, r.reasons, %s, %s
FROM jsonb_to_recordset(%s::jsonb)
    AS r(source_id integer, target_id integer, kind text, score float8, reasons jsonb)
ON CONFLICT (source_id, target_id, kind) DO UPDATE SET
    score = EXCLUDED.score, reasons = EXCLUDED.reasons,
    computed_at = EXCLUDED.computed_at
"""


def _upsert(rows: list[Match]) -> None:
    """Insert or refresh rows; state (confirmed, hidden) is never touched."""
    if not rows:
        return
    if connection.vendor != "postgresql":
        Match.objects.bulk_create(
            rows,
            batch_size=500,
            update_conflicts=True,
            unique_fields=["source", "target", "kind"],
            update_fields=["score", "reasons", "computed_at"],
        )
        return
    # One JSON parameter instead of eight per row: with client-side binding
    # psycopg parses and quotes every placeholder in Python, which cost more
    # than the insert itself.
    sql = _UPSERT.format(table=connection.ops.quote_name(Match._meta.db_table))
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 5000):
            chunk = rows[start : start + 5000]
            payload = json.dumps(
                [
                    {
                        "source_id": row.source_id,
                        "target_id": row.target_id,
                        "kind": row.kind,
                        "score": row.score,
                        "reasons": row.reasons,
                    }
                    for row in chunk
                ]
            )
            cursor.execute(sql, [chunk[0].computed_at, Match.State.SUGGESTED, payload])


def remove_for(ids: Iterable[int]) -> int:
    """Drop a withdrawn project's matches; hidden ones stay so that an editor's
    "no" survives unpublishing and publishing again."""
    ids = list(ids)
    return _delete(
        Match.objects.filter(Q(source_id__in=ids) | Q(target_id__in=ids)).exclude(
            state=Match.State.HIDDEN
        )
    )


def rebuild_all(batch_size: int = 200) -> int:
    """Recompute every public project in batches; returns rows written."""
    ids = list(public_projects().order_by("pk").values_list("pk", flat=True))
    _delete(
        Match.objects.exclude(source_id__in=ids, target_id__in=ids).filter(
            state=Match.State.SUGGESTED
        )
    )
    # Every profile is read and vectorised once; Elasticsearch only names the
    # candidates, and is asked for the next batch while this one is scored
    # and written (its CPU and ours overlap).
    pool = _full_pool()
    batches = [ids[i : i + batch_size] for i in range(0, len(ids), batch_size)]
    use_elasticsearch = is_configured()
    written = 0
    with ThreadPoolExecutor(max_workers=1) as ahead:

        def ask(index: int) -> Future | None:
            if not use_elasticsearch or index >= len(batches):
                return None
            sources = [pool[i] for i in batches[index] if i in pool]
            return ahead.submit(candidate_source.from_elasticsearch, sources)

        pending = ask(0)
        for index, batch in enumerate(batches):
            if use_elasticsearch:
                try:
                    found = pending.result()
                    pending = ask(index + 1)
                    written += recompute_many(
                        batch, pool=pool, elasticsearch=True, found=found
                    )
                    continue
                except candidate_source.CandidatesUnavailable as error:
                    logger.info("Rebuild continues on the database: %s", error)
                    use_elasticsearch = False
            written += recompute_many(batch, pool=pool, elasticsearch=False)
    return written


def _full_pool() -> dict[int, Profile]:
    pool = load_profiles()
    vectorise(pool.values())
    return pool
