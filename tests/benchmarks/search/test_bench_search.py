"""Search speed on synthetic German projects (``make bench``, not the suite).

BENCH_SEARCH_SIZES (default "1000") picks the corpus sizes; pages are created
through Wagtail (publish with a revision), which takes roughly 40 ms each, so
10k/100k are opt-in.
"""

from __future__ import annotations

import os
import random
import statistics
import time

import pytest
from django.test import RequestFactory, override_settings

from kb.taxonomy import District, FieldOfAction, TargetGroup
from projects.models import ProjectPage
from search.backends import Context, database, elastic
from search.client import index_alias
from search.documents import ProjectDocument
from search.maintenance import rebuild
from search.query import parse_query
from tests.factories.pages import make_site_tree

pytestmark = [pytest.mark.django_db, pytest.mark.services]

SIZES = [int(s) for s in os.environ.get("BENCH_SEARCH_SIZES", "1000").split(",")]
PARTS = ["Sprach", "Haus", "Integrations", "Fahrrad", "Näh", "Job", "Eltern", "Kita"]
HEADS = ["patenschaft", "aufgabenhilfe", "lotsen", "werkstatt", "café", "paten"]
TAILS = ["kurs", "treff", "beratung", "begleitung", "netzwerk"]
PLACES_TYPO = {"ü": "ue", "ä": "ae", "ö": "oe"}
QUERIES = [
    "Sprachpatenschaft",
    "Hausaufgabenhilfe",
    "Integrationslotzen",
    "Deutschkurs für Mütter",
    "Fahrradwerkstatt",
    "Naehcafe",
    "Flüchtlinge",
    "Kita Eltern",
    "Jobpaten Beratung",
    "Begleitung",
]


def _title(rng: random.Random, district: str) -> str:
    title = f"{rng.choice(PARTS)}{rng.choice(HEADS)} {rng.choice(TAILS)} {district}"
    if rng.random() < 0.2:
        for umlaut, spelled in PLACES_TYPO.items():
            title = title.replace(umlaut, spelled)
    return title


def generate(count: int, seed: int = 4) -> None:
    """Seeded synthetic projects in real districts, published without the
    outbox (the benchmark bulk-loads the index itself)."""
    rng = random.Random(seed)
    index = make_site_tree()
    districts = list(District.objects.all())
    fields = list(FieldOfAction.objects.all())
    groups = list(TargetGroup.objects.all())
    with override_settings(ELASTICSEARCH_URL=None):
        for n in range(count):
            district = rng.choice(districts)
            page = ProjectPage(
                title=_title(rng, district.name),
                slug=f"bench-{n}",
                teaser=f"{rng.choice(PARTS)}{rng.choice(HEADS)} für Geflüchtete "
                f"und Nachbarn in {district.name}.",
            )
            index.add_child(instance=page)
            page.districts.set([district])
            page.fields_of_action.set(rng.sample(fields, 2))
            page.target_groups.set(rng.sample(groups, 2))
            page.tags.set([rng.choice(TAILS).capitalize()])
            page.save_revision().publish()


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return statistics.median(ordered), p95


def timed(fn, rounds: int = 3) -> tuple[float, float]:
    samples = []
    for _ in range(rounds):
        for text in QUERIES:
            start = time.perf_counter()
            fn(text)
            samples.append((time.perf_counter() - start) * 1000)
    return percentiles(samples)


@pytest.mark.parametrize("size", SIZES)
def test_search_speed(es_index, size):
    factory = RequestFactory()
    start = time.perf_counter()
    generate(size)
    created = time.perf_counter() - start
    start = time.perf_counter()
    _, loaded = rebuild(ProjectDocument, batch_size=500)
    reindex = loaded / (time.perf_counter() - start)
    stats = es_index.indices.stats(index=index_alias("projects"))
    size_mb = stats["_all"]["primaries"]["store"]["size_in_bytes"] / 1e6

    def ours(text: str) -> None:
        query = parse_query(factory.get("/", {"q": text}).GET)
        elastic.search(query, Context())

    def fallback(text: str) -> None:
        query = parse_query(factory.get("/", {"q": text}).GET)
        database.search(query, Context())

    def wagtail_db(text: str) -> None:
        results = ProjectPage.objects.live().search(text, backend="default")
        list(results[:20])
        results.count()

    def autocomplete(text: str) -> None:
        elastic.autocomplete(text[:5])

    print(f"\n== search benchmark, {size} projects ==")
    print(f"created via Wagtail: {created:.1f} s ({size / created:.0f} pages/s)")
    print(f"bulk reindex: {reindex:.0f} docs/s, index size {size_mb:.1f} MB")
    for label, fn in [
        ("ES search+facets", ours),
        ("PostgreSQL fallback search+facets", fallback),
        ("Wagtail database backend (search only)", wagtail_db),
        ("ES autocomplete", autocomplete),
    ]:
        p50, p95 = timed(fn)
        print(f"{label}: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
