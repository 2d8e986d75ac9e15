"""`make bench`: matching quality on the labelled demo pairs (both backends)
and speed on synthetic projects (BENCH_MATCHING_N, default 1000; issue 5's
target is measured with BENCH_MATCHING_N=10000). Prints figures, asserts
nothing about time.

``BENCH_MATCHING_KEEP=1`` (with ``--reuse-db``) commits the synthetic
projects and leaves their index in place, so the next run measures at once
instead of building 10 000 projects again. ``BENCH_MATCHING_PROFILE=DIR``
writes cProfile stats of the rebuild and of the recomputes there.
"""

from __future__ import annotations

import cProfile
import os
import random
import statistics
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from matching.rebuild import LAST_COST, LAST_WAITS
from matching.service import rebuild_all, recompute_for
from projects.models import ProjectPage
from search.client import get_client, index_alias
from tests.benchmarks import log

from .demo_quality import measure_demo
from .synthetic import SLUG_PREFIX, build_synthetic, index_synthetic, merge_synthetic

pytestmark = [pytest.mark.django_db, pytest.mark.services]

KEEP = os.environ.get("BENCH_MATCHING_KEEP") == "1"
PROFILE_DIR = os.environ.get("BENCH_MATCHING_PROFILE", "")
COUNT = int(os.environ.get("BENCH_MATCHING_N", "1000"))


def test_quality_on_the_demo_labels(es_index):
    # Projects kept from a speed run must not take part (rolled back).
    Page.objects.filter(slug__startswith=SLUG_PREFIX).update(live=False)
    elasticsearch, fallback = measure_demo()
    print(f"\nmatching quality on the demo, Elasticsearch: {elasticsearch}")
    print(f"matching quality on the demo, fallback:      {fallback}")
    for name, quality in (("es", elasticsearch), ("fallback", fallback)):
        if quality.false_pairs:
            print(f"  false links ({name}): {quality.false_pairs}")


def _indexed_count() -> int:
    client = get_client()
    alias = index_alias("projects")
    if not client.indices.exists_alias(name=alias):
        return -1
    client.indices.refresh(index=alias)
    return client.count(index=alias)["count"]


@pytest.fixture(scope="module")
def kept_synthetic(services, django_db_setup, django_db_blocker):
    """The synthetic projects committed once and reused by later runs (only
    with BENCH_MATCHING_KEEP=1; a fresh test database is built otherwise)."""
    if not KEEP:
        yield None
        return
    from tests.factories.pages import make_site_tree

    with django_db_blocker.unblock():
        synthetic = ProjectPage.objects.filter(slug__startswith=SLUG_PREFIX)
        ids = list(synthetic.order_by("pk").values_list("pk", flat=True))
        if ids and len(ids) != COUNT:
            pytest.fail(
                f"{len(ids)} kept synthetic projects, {COUNT} wanted: "
                "run once with --create-db"
            )
        if not ids:
            ids = build_synthetic(make_site_tree(), COUNT)
        if _indexed_count() != COUNT:
            index_synthetic(get_client(), ids, fresh=True)
        else:
            merge_synthetic(get_client())
        yield ids


@contextmanager
def _profiled(name: str):
    if not PROFILE_DIR:
        yield
        return
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        yield
    finally:
        profiler.disable()
        Path(PROFILE_DIR).mkdir(parents=True, exist_ok=True)
        profiler.dump_stats(str(Path(PROFILE_DIR) / f"{name}.prof"))


@contextmanager
def _counting_es_requests():
    """Counts requests to Elasticsearch (the transport, not a mock)."""
    client = get_client()
    original = client.perform_request
    counter = {"requests": 0}

    def counted(*args, **kwargs):
        counter["requests"] += 1
        return original(*args, **kwargs)

    client.perform_request = counted
    try:
        yield counter
    finally:
        del client.perform_request


def _cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def test_speed_on_synthetic_projects(request, kept_synthetic):
    started = time.perf_counter()
    if kept_synthetic is not None:
        ids = kept_synthetic
    else:
        es_index = request.getfixturevalue("es_index")
        ids = build_synthetic(request.getfixturevalue("site_tree"), COUNT)
        index_synthetic(es_index, ids)
    setup = time.perf_counter() - started

    started = time.perf_counter()
    cpu_before = _cpu_seconds()
    with _profiled("rebuild"):
        written = rebuild_all()
    rebuild_seconds = time.perf_counter() - started
    # This process's and its (finished) scoring processes' CPU time: a
    # figure the other sessions' load does not inflate as much as the wall
    # time (Elasticsearch's and PostgreSQL's CPU are not in it).
    rebuild_cpu = _cpu_seconds() - cpu_before
    rng = random.Random(5)
    timings, queries, requests = [], [], []
    with _profiled("recompute"):
        for project_id in rng.sample(ids, min(200, len(ids))):
            with (
                CaptureQueriesContext(connection) as captured,
                _counting_es_requests() as counter,
            ):
                started = time.perf_counter()
                recompute_for(project_id)
                timings.append((time.perf_counter() - started) * 1000)
            queries.append(len(captured.captured_queries))
            requests.append(counter["requests"])
    p95 = statistics.quantiles(timings, n=20)[-1]
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"\nmatching speed at {COUNT} projects (setup {setup:.0f} s, load {load}): "
        f"rebuild {rebuild_seconds:.1f} s (CPU {rebuild_cpu:.1f} s, {written} rows), "
        "recompute one project "
        f"p50 {statistics.median(timings):.0f} ms, p95 {p95:.0f} ms, "
        f"{max(queries)} queries, {max(requests)} Elasticsearch requests"
    )
    waited = ", ".join(f"{what} {sec:.0f} s" for what, sec in LAST_WAITS.items())
    print(f"the rebuild waited for: {waited}")
    cost = (
        f"{LAST_COST.searches} searches in {LAST_COST.requests} requests, "
        f"took {LAST_COST.took_ms / 1000:.1f} s summed"
    )
    print(f"the rebuild's Elasticsearch candidates: {cost}")
    log.write(
        f"matching at {COUNT:,} projects".replace(",", " "),
        [
            log.Row(
                "rebuild all",
                f"{rebuild_seconds:.1f} s (CPU {rebuild_cpu:.1f} s, {written} rows)",
                "≤ 60 s at 10 000",
            ),
            log.Row("rebuild all: Elasticsearch candidate searches", cost),
            log.Row(
                "recompute one project p50 / p95",
                log.ms(statistics.median(timings), p95),
                "p95 ≤ 50 ms at 10 000",
            ),
            log.Row(
                "recompute one project: queries, Elasticsearch requests",
                f"{max(queries)}, {max(requests)}",
            ),
        ],
    )
