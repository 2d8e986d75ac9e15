"""Rebuilding every project's matches in batches, with the machine's work
overlapped: Elasticsearch names the next batch's candidates (its own CPU)
and the database writes the previous batch (its own process) while Python
scores the current one.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor

from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

from search.client import is_configured

from . import cache as profile_cache
from . import candidates as candidate_source
from . import store
from .models import Match
from .profiles import load_profiles, public_projects, vectorise
from .scoring import Profile
from .service import compute, matches_of, remove_for

logger = logging.getLogger(__name__)


def rebuild(batch_size: int = 200, on_start=None, on_batch=None) -> int:
    """Recompute every public project; returns rows written. Editors'
    decisions stay (``store.save_batch`` deletes suggestions only).
    ``on_start(projects)`` and ``on_batch(projects)`` report progress."""
    ids = list(public_projects().order_by("pk").values_list("pk", flat=True))
    if on_start:
        on_start(len(ids))
    store.delete(
        Match.objects.exclude(source_id__in=ids, target_id__in=ids).filter(
            state=Match.State.SUGGESTED
        )
    )
    # Every profile is read and vectorised once (global idf); Elasticsearch
    # only names the candidates.
    pool = load_profiles()
    vectorise(pool.values())
    batches = [ids[i : i + batch_size] for i in range(0, len(ids), batch_size)]
    db = connections[DEFAULT_DB_ALIAS]
    # The writer thread uses this thread's connection (and so its
    # transaction) while this thread only scores in memory.
    overlap = db.vendor == "postgresql"
    if overlap:
        db.inc_thread_sharing()
    try:
        written, stamps, gone = _run(batches, pool, db if overlap else None, on_batch)
    finally:
        if overlap:
            db.dec_thread_sharing()
    if gone:
        remove_for(gone)
    # The recomputes after publishing start with every indexed profile cached.
    profile_cache.store(pool, stamps)
    candidate_source.remember_corpus_size(len(pool))
    return written


def _run(
    batches: list[list[int]], pool: dict[int, Profile], db, on_batch=None
) -> tuple[int, dict[int, str], list[int]]:
    use_elasticsearch = is_configured()
    written = 0
    stamps: dict[int, str] = {}
    gone: list[int] = []
    with (
        ThreadPoolExecutor(max_workers=1) as ahead,
        ThreadPoolExecutor(max_workers=1) as writer,
    ):

        def ask(index: int) -> Future | None:
            if not use_elasticsearch or index >= len(batches):
                return None
            sources = [pool[i] for i in batches[index] if i in pool]
            return ahead.submit(candidate_source.from_elasticsearch, sources, len(pool))

        pending = ask(0)
        writing: Future | None = None
        for index, batch in enumerate(batches):
            results = None
            if use_elasticsearch:
                try:
                    found = pending.result()
                    pending = ask(index + 1)
                    for candidates in found.values():
                        stamps.update(candidates.stamps)
                    results, _, _ = compute(
                        batch, pool, elasticsearch=True, fallback=False, found=found
                    )
                except candidate_source.CandidatesUnavailable as error:
                    logger.info("Rebuild continues on the database: %s", error)
                    use_elasticsearch = False
            if results is None:
                results, _, _ = compute(batch, pool, elasticsearch=False)
            gone += [i for i in batch if i not in results]
            rows, _ = matches_of(results, pool, {})
            written += len(rows)
            if writing is not None:
                writing.result()
            if db is None:
                store.save_batch(rows, list(results), timezone.now())
            else:
                writing = writer.submit(
                    store.save_batch, rows, list(results), timezone.now(), db
                )
            if on_batch:
                on_batch(len(batch))
        if writing is not None:
            writing.result()
    return written, stamps, gone
