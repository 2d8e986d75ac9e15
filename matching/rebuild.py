"""Rebuilding every project's matches in batches, with the machine's work
overlapped: Elasticsearch names the next batch's candidates (its own CPU)
and the database writes the previous batch (its own process) while Python
scores the current one, in large rebuilds in two forked processes. Each
kept pair is also offered to the partner's list once that list is written
(``matching.symmetric``), scored beside the batches.
"""

from __future__ import annotations

import dataclasses
import logging
import multiprocessing
import os
import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor

from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

from search.client import is_configured

from . import cache as profile_cache
from . import candidates as candidate_source
from . import store, symmetric
from .models import Match
from .profiles import common_terms, load_profiles, public_projects, vectorise
from .scoring.profile import Profile
from .service import compute, matches_of, remove_for

logger = logging.getLogger(__name__)

# Below this many projects a second process costs more than it saves.
PROCESSES_FROM = 2000
MAX_PROCESSES = 2


# The waits of this process's last rebuild and what its candidate searches
# cost Elasticsearch (the bench prints them).
LAST_WAITS: dict[str, float] = {}
LAST_COST = candidate_source.SearchCost()


class _Waits:
    """Seconds this process waited for Elasticsearch, for the scoring
    processes and for the writes (logged after a rebuild: which of them
    bounds it)."""

    def __init__(self) -> None:
        self.seconds = {
            "elasticsearch": 0.0,
            "scoring": 0.0,
            "writes": 0.0,
            "reverse rows": 0.0,
        }

    def on(self, what: str, future_result):
        started = time.perf_counter()
        try:
            return future_result()
        finally:
            self.seconds[what] += time.perf_counter() - started

    def log(self) -> None:
        LAST_WAITS.clear()
        LAST_WAITS.update(self.seconds)
        logger.info(
            "Rebuild waited %s",
            ", ".join(f"{s:.1f} s for {what}" for what, s in self.seconds.items()),
        )


# The profiles a forked scoring process reads (set before forking: the
# children share the parent's memory instead of receiving a copy).
_POOL: dict[int, Profile] = {}


def scoring_processes(projects: int, requested: int | None = None) -> int:
    """How many processes score: ``requested``, or two for a large rebuild
    where forking is possible and allowed (never inside a daemonic process,
    such as a worker's child)."""
    if requested is not None:
        return max(1, requested)
    if projects < PROCESSES_FROM or multiprocessing.current_process().daemon:
        return 1
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(MAX_PROCESSES, os.cpu_count() or 1))


def rebuild(
    batch_size: int = 200,
    on_start=None,
    on_batch=None,
    processes: int | None = None,
) -> int:
    """Recompute every public project; returns the rows its lists hold.
    Editors' decisions stay (``store.save_batch`` deletes suggestions
    only). Each kept pair also joins the partner's list where it ranks
    within its ten (``matching.symmetric``).
    ``on_start(projects)`` and ``on_batch(projects)`` report progress;
    ``processes``: how many processes score (default ``scoring_processes``)."""
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
    idf = vectorise(pool.values())
    common = common_terms(idf, len(pool))
    index = candidate_source.physical_index()
    if index is not None:
        candidate_source.remember_common_terms(index, common)
    batches = [ids[i : i + batch_size] for i in range(0, len(ids), batch_size)]
    db = connections[DEFAULT_DB_ALIAS]
    # The writer thread uses this thread's connection (and so its
    # transaction) while this thread only scores in memory.
    overlap = db.vendor == "postgresql"
    if overlap:
        db.inc_thread_sharing()
    workers = scoring_processes(len(ids), processes)
    cost_before = dataclasses.replace(candidate_source.COST)
    lists = symmetric.Lists(store.decided())
    try:
        if workers > 1:
            written, stamps, gone = _run_forked(
                batches, pool, common, db if overlap else None, workers, on_batch, lists
            )
        else:
            written, stamps, gone = _run(
                batches, pool, common, db if overlap else None, on_batch, lists
            )
    finally:
        if overlap:
            db.dec_thread_sharing()
    cost = candidate_source.COST
    LAST_COST.requests = cost.requests - cost_before.requests
    LAST_COST.searches = cost.searches - cost_before.searches
    LAST_COST.took_ms = cost.took_ms - cost_before.took_ms
    logger.info(
        "Rebuild asked Elasticsearch %d searches in %d requests, took %.1f s",
        LAST_COST.searches,
        LAST_COST.requests,
        LAST_COST.took_ms / 1000,
    )
    if gone:
        remove_for(gone)
    # The recomputes after publishing start with every indexed profile cached.
    profile_cache.store(pool, stamps)
    return written


def _run(
    batches: list[list[int]],
    pool: dict[int, Profile],
    common: frozenset[str],
    db,
    on_batch,
    lists: symmetric.Lists,
) -> tuple[int, dict[int, str], list[int]]:
    use_elasticsearch = is_configured()
    written = 0
    stamps: dict[int, str] = {}
    gone: list[int] = []
    waits = _Waits()
    with (
        ThreadPoolExecutor(max_workers=1) as ahead,
        ThreadPoolExecutor(max_workers=1) as writer,
    ):

        def ask(index: int) -> Future | None:
            if not use_elasticsearch or index >= len(batches):
                return None
            sources = [pool[i] for i in batches[index] if i in pool]
            return ahead.submit(candidate_source.from_elasticsearch, sources, common)

        pending = ask(0)
        writing: Future | None = None
        for index, batch in enumerate(batches):
            results = None
            if use_elasticsearch:
                try:
                    found = waits.on("elasticsearch", pending.result)
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
            started = time.perf_counter()
            offers = lists.add(rows, results)
            added, doomed = lists.admit(symmetric.score_reverse(offers, pool))
            waits.seconds["reverse rows"] += time.perf_counter() - started
            written += len(rows) + len(added) - len(doomed)
            if writing is not None:
                waits.on("writes", writing.result)
            if db is None:
                _write(rows, list(results), added, doomed)
            else:
                writing = writer.submit(_write, rows, list(results), added, doomed, db)
            if on_batch:
                on_batch(len(batch))
        if writing is not None:
            waits.on("writes", writing.result)
    waits.log()
    return written, stamps, gone


def _write(
    rows: list[store.Row],
    sources: list[int],
    added: list[store.Row],
    doomed: list[symmetric.Pair],
    db=None,
) -> None:
    """A batch's rows, then the reverse rows admitted meanwhile (their
    lists' batches were written before)."""
    if sources:
        store.save_batch(rows, sources, timezone.now(), db)
    store.save_reverse(added, doomed, timezone.now(), db)


def _score_reverse(pairs: list[symmetric.Pair]) -> list[store.Row]:
    """In a forked process: reverse pairs scored against the inherited
    pool."""
    return symmetric.score_reverse(pairs, _POOL)


def _score_batch(
    batch: list[int], found: dict | None
) -> tuple[list[store.Row], list[int]]:
    """In a forked process: score one batch against the inherited pool
    (candidates fetched by the parent, or every project without them) and
    return the rows to write and the ids scored. No database, no
    Elasticsearch here."""
    pool = _POOL
    if found is not None:
        results, _, _ = compute(
            batch, pool, elasticsearch=True, fallback=False, found=found
        )
    else:
        results, _, _ = compute(batch, pool, elasticsearch=False)
    rows, _ = matches_of(results, pool, {})
    return rows, list(results)


def _run_forked(
    batches: list[list[int]],
    pool: dict[int, Profile],
    common: frozenset[str],
    db,
    workers: int,
    on_batch,
    lists: symmetric.Lists,
) -> tuple[int, dict[int, str], list[int]]:
    """``_run`` with the scoring in ``workers`` forked processes: this one
    asks Elasticsearch for candidates ahead and writes the results in
    order (one transaction, as before)."""
    global _POOL
    use_elasticsearch = is_configured()
    written = 0
    stamps: dict[int, str] = {}
    gone: list[int] = []
    waits = _Waits()
    _POOL = pool
    try:
        # Forked before any thread of this rebuild starts.
        children = multiprocessing.get_context("fork").Pool(workers)
    finally:
        _POOL = {}
    with (
        children,
        ThreadPoolExecutor(max_workers=1) as ahead,
        ThreadPoolExecutor(max_workers=1) as writer,
    ):

        def ask(index: int) -> Future | None:
            if not use_elasticsearch or index >= len(batches):
                return None
            sources = [pool[i] for i in batches[index] if i in pool]
            return ahead.submit(candidate_source.from_elasticsearch, sources, common)

        reversing: deque = deque()

        def write(rows, scored, last: bool = False) -> None:
            """A batch's rows and the reverse rows scored so far (all of
            them when ``last``)."""
            nonlocal written, writing
            reverse: list[store.Row] = []
            while reversing and (last or reversing[0].ready()):
                reverse += waits.on("reverse rows", reversing.popleft().get)
            added, doomed = lists.admit(reverse)
            written += len(rows) + len(added) - len(doomed)
            if writing is not None:
                waits.on("writes", writing.result)
            if db is None:
                _write(rows, scored, added, doomed)
            else:
                writing = writer.submit(_write, rows, scored, added, doomed, db)

        def finish(batch: list[int], scoring) -> None:
            rows, scored = waits.on("scoring", scoring.get)
            done = set(scored)
            gone.extend(i for i in batch if i not in done)
            offers = lists.add(rows, scored)
            write(rows, scored)
            if offers:
                reversing.append(children.apply_async(_score_reverse, (offers,)))
            if on_batch:
                on_batch(len(batch))

        pending = ask(0)
        writing: Future | None = None
        in_flight: deque = deque()
        for index, batch in enumerate(batches):
            found = None
            if use_elasticsearch:
                try:
                    found = waits.on("elasticsearch", pending.result)
                    pending = ask(index + 1)
                except candidate_source.CandidatesUnavailable as error:
                    logger.info("Rebuild continues on the database: %s", error)
                    use_elasticsearch = False
                else:
                    for candidates in found.values():
                        stamps.update(candidates.stamps)
            in_flight.append(
                (batch, children.apply_async(_score_batch, (batch, found)))
            )
            # Each process has one batch to score and one waiting.
            while len(in_flight) > 2 * workers:
                finish(*in_flight.popleft())
        while in_flight:
            finish(*in_flight.popleft())
        write([], [], last=True)
        if writing is not None:
            waits.on("writes", writing.result)
    waits.log()
    return written, stamps, gone
