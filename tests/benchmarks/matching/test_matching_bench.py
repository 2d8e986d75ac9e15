"""`make bench`: matching quality on the labelled demo pairs (both backends)
and speed on synthetic projects (BENCH_MATCHING_N, default 1000; issue 5's
target is measured with BENCH_MATCHING_N=10000). Prints figures, asserts
nothing about time."""

from __future__ import annotations

import os
import random
import statistics
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from matching.service import rebuild_all, recompute_for

from .demo_quality import measure_demo
from .synthetic import build_synthetic, index_synthetic

pytestmark = [pytest.mark.django_db, pytest.mark.services]


def test_quality_on_the_demo_labels(es_index):
    elasticsearch, fallback = measure_demo()
    print(f"\nmatching quality on the demo, Elasticsearch: {elasticsearch}")
    print(f"matching quality on the demo, fallback:      {fallback}")
    for name, quality in (("es", elasticsearch), ("fallback", fallback)):
        if quality.false_pairs:
            print(f"  false links ({name}): {quality.false_pairs}")


def test_speed_on_synthetic_projects(es_index, site_tree):
    count = int(os.environ.get("BENCH_MATCHING_N", "1000"))
    started = time.perf_counter()
    ids = build_synthetic(site_tree, count)
    index_synthetic(es_index, ids)
    setup = time.perf_counter() - started

    started = time.perf_counter()
    written = rebuild_all()
    rebuild_seconds = time.perf_counter() - started
    rng = random.Random(5)
    timings, queries = [], []
    for project_id in rng.sample(ids, min(200, len(ids))):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            recompute_for(project_id)
            timings.append((time.perf_counter() - started) * 1000)
        queries.append(len(captured.captured_queries))
    p95 = statistics.quantiles(timings, n=20)[-1]
    print(
        f"\nmatching speed at {count} projects (setup {setup:.0f} s): rebuild "
        f"{rebuild_seconds:.1f} s ({written} rows), recompute one project p50 "
        f"{statistics.median(timings):.0f} ms, p95 {p95:.0f} ms, "
        f"{max(queries)} queries"
    )
