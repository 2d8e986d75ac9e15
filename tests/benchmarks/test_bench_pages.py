"""Server time of the public pages at 10k projects (``make bench``).

The dataset (the site of ``tests.site.content`` plus seeded synthetic projects
from ``tests.benchmarks.synthetic``, their matches and their Elasticsearch
index) lives in a
database of its own, ``test_<db>_pages``, kept between runs: the first run
builds it (a few minutes), later runs reuse it when the project count matches.
BENCH_PAGES_PROJECTS overrides the count, BENCH_PAGES_REBUILD=1 forces a fresh
build (the index is rebuilt whenever it is missing or incomplete, e.g. after a
test run's ``es_index`` fixture deleted the test prefix's indices: do not run
the suite with the same prefix meanwhile), BENCH_PAGES_ONLY=home,district
measures only those pages, BENCH_PAGES_PROFILE=<page name> prints a cProfile of
that page's cold render. Figures only; no timed assertion: the rows go to the
benchmark log (``tests/benchmarks/log.py``, ``docs/benchmarks.md``) beside
the targets of issue #17.

Two figures per page: *cold* is a full render with the page cache off (the
small values kept under the content version, such as footer links, counters
and district seats, stay warm, as in production); *warm* is a page-cache hit
for an anonymous visitor.
"""

from __future__ import annotations

import contextlib
import cProfile
import io
import os
import pstats
import random
import statistics
import time

import dj_database_url
import pytest
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection, connections
from django.template import Template
from django.test import Client, RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext, _TestState
from wagtail.models import Page

from kb.taxonomy import District
from matching.models import Match
from projects.models import ProjectPage
from tests.benchmarks import log
from website.models import HomePage, TopicPage

pytestmark = [pytest.mark.django_db, pytest.mark.services]
COUNT = int(os.environ.get("BENCH_PAGES_PROJECTS", "10000"))
REBUILD = os.environ.get("BENCH_PAGES_REBUILD") == "1"
PROFILE = os.environ.get("BENCH_PAGES_PROFILE", "")
ONLY = [n for n in os.environ.get("BENCH_PAGES_ONLY", "").split(",") if n]
ROUNDS = 200
SEED = 6
# Targets of issue #17 for the uncached render of each page (p95).
PROJECT_TARGET = "p95 ≤ 60 ms"
LISTING_TARGET = "p95 ≤ 80 ms"
HIT_TARGET = "p95 ≤ 10 ms"
QUERY_TARGET = "≤ 10"


def _bench_database_name() -> str:
    base = dj_database_url.parse(settings.DATABASE_URL)["NAME"]
    return f"test_{base}_pages"


def _dataset_ready() -> bool:
    if not Page.objects.filter(slug="sprachpatenschaften-celle").exists():
        return False
    return (
        ProjectPage.objects.filter(slug__startswith=f"synthetisch-{SEED}-").count()
        == COUNT
    )


def _index_ready() -> bool:
    from search.client import get_client, index_alias

    client = get_client()
    alias = index_alias("projects")
    if not client.indices.exists_alias(name=alias):
        return False
    return client.count(index=alias)["count"] == ProjectPage.objects.live().count()


def _build_dataset() -> None:
    from tests.benchmarks.synthetic import create_projects, settle_indexes
    from tests.site.content import build_site

    with override_settings(ELASTICSEARCH_URL=None):
        content = build_site()
        create_projects(COUNT, seed=SEED, parent=content.project_index)
    _spread_publication_dates()
    settle_indexes()
    _compute_matches()


def _compute_matches() -> None:
    """Every project page lists its matches, as on the real site."""
    from matching.service import rebuild_all

    started = time.perf_counter()
    written = rebuild_all()
    print(f"  {written} matches in {time.perf_counter() - started:.0f} s")


def _spread_publication_dates() -> None:
    """One project an hour, as on a real site: the synthetic generator stamps
    all 10k with the same moment, a tie no production listing sorts through."""
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE wagtailcore_page SET first_published_at = now() - id * "
            "interval '1 hour' WHERE slug LIKE %s",
            [f"synthetisch-{SEED}-%"],
        )


@pytest.fixture(scope="module")
def django_db_setup(django_db_blocker, services):
    """The benchmark's own database, created once and kept (``keepdb``)."""
    from tests.benchmarks.synthetic import index_projects, settle_indexes

    connection_ = connections["default"]
    previous_name = connection_.settings_dict["NAME"]
    previous_test = dict(connection_.settings_dict.get("TEST") or {})
    connection_.settings_dict["TEST"] = {
        **previous_test,
        "NAME": _bench_database_name(),
    }
    with django_db_blocker.unblock():
        connection_.creation.create_test_db(verbosity=0, keepdb=True, serialize=False)
        built = REBUILD or not _dataset_ready()
        if built:
            if Page.objects.filter(depth__gt=1).exists():
                # A partial or different dataset: start from a fresh database.
                connection_.creation.destroy_test_db(
                    previous_name, verbosity=0, keepdb=False
                )
                connection_.settings_dict["NAME"] = previous_name
                connection_.creation.create_test_db(
                    verbosity=0, keepdb=True, serialize=False
                )
            print(f"\nBuilding the page benchmark dataset ({COUNT} projects) …")
            started = time.perf_counter()
            _build_dataset()
            print(f"  built in {time.perf_counter() - started:.0f} s")
        if (
            not built
            and not Page.objects.filter(first_published_at__lt=_an_hour_ago()).exists()
        ):
            _spread_publication_dates()
            settle_indexes()
        if not built and not Match.objects.exists():
            _compute_matches()
        if built or not _index_ready():
            loaded, rate = index_projects()
            print(f"  indexed {loaded} projects in Elasticsearch ({rate:.0f}/s)")
    yield
    with django_db_blocker.unblock():
        connection_.creation.destroy_test_db(previous_name, verbosity=0, keepdb=True)
    connection_.settings_dict["TEST"] = previous_test
    connection_.settings_dict["NAME"] = previous_name


def _an_hour_ago():
    from django.utils import timezone

    return timezone.now() - timezone.timedelta(hours=1)


def _percentiles(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return statistics.median(ordered), p95


@contextlib.contextmanager
def _production_rendering():
    """Templates render as in production: the test environment wraps every
    template render to record its context for ``response.context``, which
    costs a context copy per included template (a card, a facet) and is no
    part of the server time."""
    instrumented = Template._render
    Template._render = _TestState.saved_data.template_render
    # The test's database connection stays open, as the test client keeps it.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        Template._render = instrumented
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _serve(handler: WSGIHandler, url: str) -> str:
    """One request through Django's WSGI handler, as a server calls it."""
    statuses = []
    body = handler(RequestFactory().get(url).environ, lambda s, h: statuses.append(s))
    b"".join(body)
    body.close()
    return statuses[0]


def _measure(client: Client, urls: list[str]) -> tuple[float, float]:
    handler = WSGIHandler()
    times = []
    with _production_rendering():
        for url in urls:
            started = time.perf_counter()
            status = _serve(handler, url)
            times.append((time.perf_counter() - started) * 1000)
            assert status.startswith("200"), (url, status)
    return _percentiles(times)


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured.captured_queries)


def _profile(client: Client, url: str) -> None:
    profiler = cProfile.Profile()
    with _production_rendering():
        profiler.enable()
        for _ in range(20):
            client.get(url)
        profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(45)
    print(out.getvalue())


def _page_urls() -> dict[str, list[str]]:
    rng = random.Random(1)
    home_root = HomePage.objects.get().url_path
    ids = list(
        ProjectPage.objects.filter(slug__startswith=f"synthetisch-{SEED}-")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    paths = Page.objects.filter(pk__in=rng.sample(ids, ROUNDS)).values_list(
        "url_path", flat=True
    )
    topic = TopicPage.objects.get().url_path
    districts = list(District.objects.values_list("ags", flat=True))
    fields = ["sprache", "arbeit", "wohnen", "engagement"] * (ROUNDS // 8)
    return {
        "home": ["/"] * ROUNDS,
        "project": ["/" + path[len(home_root) :] for path in paths],
        "topic": ["/" + topic[len(home_root) :]] * ROUNDS,
        "district": [f"/landkreis/{ags}/" for ags in rng.choices(districts, k=ROUNDS)],
        "region": [f"/region/{s}/" for s in ["lueneburg", "weser-ems"] * 50],
        "search (elasticsearch)": [
            f"/suche/?q=Sprachpatenschaft&field={slug}" for slug in fields
        ],
        "search (database)": [
            f"/suche/?q=Sprachpatenschaft&field={slug}" for slug in fields[:100]
        ],
    }


def _elasticsearch(name: str) -> str | None:
    return os.environ["ELASTICSEARCH_URL"] if "elasticsearch" in name else None


def test_page_server_times_at_ten_thousand_projects(settings):
    from kb.page_cache import clear_page_cache

    pages = _page_urls()
    client = Client()
    load = os.getloadavg()
    print(
        f"\nPage server times at {COUNT} projects (Django WSGI handler, production "
        f"template rendering, ms); "
        f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}:"
    )
    print(
        f"  {'page':<24} {'cold p50':>9} {'p95':>7} {'warm p50':>9} {'p95':>7}  queries"
    )
    rows: list[log.Row] = []
    for name, urls in pages.items():
        if ONLY and name not in ONLY:
            continue
        settings.ELASTICSEARCH_URL = _elasticsearch(name)
        settings.PAGE_CACHE_SECONDS = 0
        first = client.get(urls[0])  # warm the small caches and connections
        if settings.ELASTICSEARCH_URL:
            # A silent fallback to the database would be timed as Elasticsearch.
            assert first.context["result"].backend == "elasticsearch"
        queries = _queries(client, urls[0])
        if PROFILE and name == PROFILE:
            _profile(client, urls[0])
        cold = _measure(client, urls)
        settings.PAGE_CACHE_SECONDS = 300
        clear_page_cache()
        for url in set(urls):
            client.get(url)
        warm_queries = _queries(client, urls[0])
        warm = _measure(client, urls)
        print(
            f"  {name:<24} {cold[0]:9.1f} {cold[1]:7.1f} {warm[0]:9.1f} {warm[1]:7.1f}"
            f"  {queries} cold, {warm_queries} warm (n={len(urls)})"
        )
        target = PROJECT_TARGET if name == "project" else LISTING_TARGET
        rows += [
            log.Row(
                f"{name}: uncached p50 / p95, n={len(urls)}", log.ms(*cold), target
            ),
            log.Row(f"{name}: queries uncached", str(queries), QUERY_TARGET),
            log.Row(f"{name}: page cache hit p50 / p95", log.ms(*warm), HIT_TARGET),
        ]
    if not ONLY and not PROFILE:
        log.write(
            f"pages at {COUNT:,} projects".replace(",", " "),
            rows,
            note=f"load {load[0]:.2f}",
        )
