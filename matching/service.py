"""Recomputing and storing matches; editors' decisions survive every run.

A confirmed match is kept, a hidden one keeps its state forever (it is only
re-scored), stale suggestions go (``matching.store`` writes them).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.db.models import Q
from django.utils import timezone

from . import cache as profile_cache
from . import candidates as candidate_source
from . import store
from .models import Match
from .profiles import load_profiles, public_ids, vectorise
from .scoring.complementary import score_complementary
from .scoring.profile import Profile, Scored
from .scoring.proximity import nearness
from .scoring.ranking import top_matches
from .scoring.similar import normalise_es_score, score_similar
from .scoring.weights import COMPLEMENTARY, KINDS, SIMILAR, WEIGHTS

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
        targets = [known[tid] for tid in cands.ids if tid in known]
        # Proximity once per pair, for both kinds.
        near = {t.id: nearness(source, t) for t in targets}
        similar = [
            score_similar(source, known[tid], near=near[tid])
            for tid in cands.text_scores
            if tid in known
        ]
        complementary = [
            score_complementary(source, t, near=near[t.id]) for t in targets
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
    vectorised once per rebuild) or from the profile cache (the database
    for projects changed since they were cached)."""
    if pool is not None:
        sources = [pool[i] for i in ids if i in pool]
        if found is None:
            found = candidate_source.from_elasticsearch(sources)
        return _score_candidates(sources, found, pool)
    stamps = candidate_source.indexed_versions(ids)
    # The queries read the sources' whole profiles (the similar one their
    # term counts), cached per document version; from the database when not
    # (yet) indexed.
    sources = profile_cache.profiles_at({i: stamps[i] for i in ids if i in stamps})
    missing = [i for i in ids if i not in sources]
    if missing:
        sources.update(load_profiles(missing))
    # The similar query leaves out the terms the last rebuild of this index
    # found common, as the rebuild's own queries did.
    indices = {candidate_source.index_of(stamps[i]) for i in sources if i in stamps}
    common = (
        candidate_source.common_terms(indices.pop())
        if len(indices) == 1
        else frozenset()
    )
    found = candidate_source.from_elasticsearch(list(sources.values()), common)
    for candidates in found.values():
        stamps.update(candidates.stamps)
    wanted = public_ids(set(sources).union(*(c.ids for c in found.values())))
    # Unchanged projects come from the profile cache; only the others cost
    # database queries.
    others = {i: stamps[i] for i in wanted if i in stamps and i not in sources}
    known = {i: p for i, p in sources.items() if i in wanted}
    known.update(profile_cache.profiles_at(others))
    unstamped = [i for i in wanted if i not in stamps and i not in known]
    if unstamped:
        known.update(load_profiles(unstamped))
    vectorise(known.values())
    sources = [known[i] for i in ids if i in known]
    return _score_candidates(sources, found, known)


def _compute_in_python(
    sources: list[Profile], pool: dict[int, Profile]
) -> tuple[Results, dict[int, Profile], dict]:
    results: Results = {}
    for source in sources:
        near = {t.id: nearness(source, t) for t in pool.values()}
        results[source.id] = {
            SIMILAR: [score_similar(source, t, near=near[t.id]) for t in pool.values()],
            COMPLEMENTARY: [
                score_complementary(source, t, near=near[t.id]) for t in pool.values()
            ],
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
    rows, reverse = matches_of(results, profiles, es_scores, both_directions)
    if both_directions:
        store.save_both_directions(
            rows + reverse, set(results), {r.source_id for r in reverse}, now
        )
    else:
        store.save_batch(rows, results, now)
    return len(rows)


def matches_of(
    results: Results,
    profiles: dict[int, Profile],
    es_scores: dict,
    both_directions: bool = False,
) -> tuple[list[store.Row], list[store.Row]]:
    """The rows to keep: each source's top matches per kind and, in both
    directions, the reverse rows (B → A) above the floor."""
    rows: list[store.Row] = []
    reverse: list[store.Row] = []
    for source_id, by_kind in results.items():
        for kind in KINDS:
            rows += [store.row(source_id, s) for s in top_matches(by_kind[kind], kind)]
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
                    reverse.append(store.row(scored.target_id, back))
    return rows, reverse


def remove_for(ids: Iterable[int]) -> int:
    """Drop a withdrawn project's matches; hidden ones stay so that an editor's
    "no" survives unpublishing and publishing again."""
    ids = list(ids)
    return store.delete(
        Match.objects.filter(Q(source_id__in=ids) | Q(target_id__in=ids)).exclude(
            state=Match.State.HIDDEN
        )
    )


def rebuild_all(
    batch_size: int = 200,
    on_start=None,
    on_batch=None,
    processes: int | None = None,
) -> int:
    """Recompute every public project in batches; returns rows written
    (``on_start`` and ``on_batch`` get project counts, for a progress bar;
    ``processes``: how many score, by default two for a large rebuild)."""
    from .rebuild import rebuild

    return rebuild(
        batch_size, on_start=on_start, on_batch=on_batch, processes=processes
    )
