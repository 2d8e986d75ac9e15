"""Recomputing and storing matches; editors' decisions survive every run.

A confirmed match is kept, a hidden one keeps its state forever (it is only
re-scored), stale suggestions go.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from search.client import is_configured

from . import candidates as candidate_source
from .models import Match
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


def _compute_with_elasticsearch(
    sources: list[Profile],
) -> tuple[Results, dict[int, Profile], dict]:
    found = candidate_source.from_elasticsearch(sources)
    known = {profile.id: profile for profile in sources}
    wanted = set().union(*(c.ids for c in found.values())) - known.keys()
    known.update(load_profiles(wanted))
    vectorise(known.values())
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
    fallback: bool = True,
):
    """Score the given public projects; returns (results, profiles, es scores).

    ``pool`` (all profiles, vectorised) forces the Python path; without it,
    Elasticsearch is asked first and the database is the fallback (unless
    ``fallback`` is false: then ``CandidatesUnavailable`` propagates)."""
    ids = list(ids)
    if pool is not None:
        return _compute_in_python([pool[i] for i in ids if i in pool], pool)
    sources = load_profiles(ids)
    try:
        return _compute_with_elasticsearch(list(sources.values()))
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
    fallback: bool = True,
) -> int:
    ids = list(ids)
    results, profiles, es_scores = compute(ids, pool, fallback=fallback)
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
        Match.objects.filter(
            source_id__in=list(results),
            state=Match.State.SUGGESTED,
            computed_at__lt=now,
        ).delete()
        if both_directions:
            Match.objects.filter(
                target_id__in=list(results),
                state=Match.State.SUGGESTED,
                computed_at__lt=now,
            ).delete()
            _trim({row.source_id for row in reverse})
    return len(rows)


def _row(source_id: int, scored: Scored, now) -> Match:
    return Match(
        source_id=source_id,
        target_id=scored.target_id,
        kind=scored.kind,
        score=scored.score,
        reasons=scored.reasons,
        computed_at=now,
    )


def _upsert(rows: list[Match]) -> None:
    if rows:
        Match.objects.bulk_create(
            rows,
            batch_size=1000,
            update_conflicts=True,
            unique_fields=["source", "target", "kind"],
            update_fields=["score", "reasons", "computed_at"],
        )


def _trim(source_ids: set[int]) -> None:
    """Keep at most ``top_n`` visible suggestions per project and kind after
    reverse rows were added to other projects' lists."""
    if not source_ids:
        return
    rows = (
        Match.objects.filter(source_id__in=source_ids)
        .exclude(state=Match.State.HIDDEN)
        .order_by("source_id", "kind", "-score")
        .values_list("id", "source_id", "kind", "state")
    )
    seen: dict[tuple[int, str], int] = defaultdict(int)
    surplus = []
    for match_id, source_id, kind, state in rows:
        seen[(source_id, kind)] += 1
        if seen[(source_id, kind)] > WEIGHTS.top_n and state == Match.State.SUGGESTED:
            surplus.append(match_id)
    if surplus:
        Match.objects.filter(id__in=surplus).delete()


def remove_for(ids: Iterable[int]) -> int:
    """Drop a withdrawn project's matches; hidden ones stay so that an editor's
    "no" survives unpublishing and publishing again."""
    ids = list(ids)
    deleted, _ = (
        Match.objects.filter(Q(source_id__in=ids) | Q(target_id__in=ids))
        .exclude(state=Match.State.HIDDEN)
        .delete()
    )
    return deleted


def rebuild_all(batch_size: int = 200) -> int:
    """Recompute every public project in batches; returns rows written."""
    ids = list(public_projects().order_by("pk").values_list("pk", flat=True))
    Match.objects.exclude(source_id__in=ids, target_id__in=ids).filter(
        state=Match.State.SUGGESTED
    ).delete()
    pool = None if is_configured() else _full_pool()
    written = 0
    for start in range(0, len(ids), batch_size):
        batch = ids[start : start + batch_size]
        try:
            written += recompute_many(batch, pool=pool, fallback=False)
        except candidate_source.CandidatesUnavailable as error:
            logger.info("Rebuild continues on the database: %s", error)
            pool = _full_pool()
            written += recompute_many(batch, pool=pool)
    return written


def _full_pool() -> dict[int, Profile]:
    pool = load_profiles()
    vectorise(pool.values())
    return pool
