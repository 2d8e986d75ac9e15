"""`make bench`: matching quality on the labelled set and speed on synthetic
projects (BENCH_MATCHING_N, default 300). Prints figures, asserts nothing
about time."""

from __future__ import annotations

import os
import random
import statistics
import time

import pytest

from matching.service import rebuild_all, recompute_for
from tests.matching.builders import Spec, build
from tests.matching.conftest import index_projects, labelled  # noqa: F401
from tests.matching.labelled import COMPLEMENTARY_PAIRS, NON_MATCHES, SIMILAR_PAIRS
from tests.matching.quality import measure

pytestmark = [pytest.mark.django_db, pytest.mark.services]

_WORDS = (
    "Sprachcafé Deutschkurs Patenschaft Fahrradkurs Werkstatt Bewerbung Praktikum "
    "Ausbildung Wohnungssuche Mietvertrag Kita Elterncafé Nähcafé Sportverein "
    "Fußball Beratung Behörden Arzt Dolmetscher Frauen Jugendliche Familien Garten "
    "Kochen Musik Theater Hausaufgaben Nachhilfe Bibliothek Computerkurs"
)
WORDS = _WORDS.split()
DISTRICTS = ["03351", "03355", "03101", "03241", "03403", "03459", "03159", "03360"]
FIELDS = ["sprache", "arbeit", "engagement", "wohnen", "teilhabe", "bildung"]
GROUPS = ["gefluechtete", "frauen", "kinder_jugend", "familien"]
CATEGORIES = ["sprachmittlung", "raeume", "ehrenamtliche", "sachspenden"]


def test_quality_on_the_labelled_set(labelled):  # noqa: F811
    rebuild_all()
    ids = {slug: page.pk for slug, page in labelled.pages.items()}
    quality = measure(ids, SIMILAR_PAIRS, COMPLEMENTARY_PAIRS, NON_MATCHES)
    print(f"\nmatching quality (labelled fixture set): {quality}")


def synthetic(i: int, rng: random.Random) -> Spec:
    words = rng.sample(WORDS, 6)
    return Spec(
        f"synthetisch-{i}",
        f"{words[0]} und {words[1]} {i}",
        " ".join(words) + ".",
        districts=(rng.choice(DISTRICTS),),
        fields=tuple(rng.sample(FIELDS, 2)),
        groups=(rng.choice(GROUPS),),
        tags=(words[0],),
        offers=((rng.choice(CATEGORIES), " ".join(rng.sample(WORDS, 3))),),
        needs=((rng.choice(CATEGORIES), " ".join(rng.sample(WORDS, 3))),),
        initiative=f"initiative-{i % 50}",
    )


def test_speed_on_synthetic_projects(es_index, site_tree):
    count = int(os.environ.get("BENCH_MATCHING_N", "300"))
    rng = random.Random(5)
    pages = [build(site_tree, synthetic(i, rng)) for i in range(count)]
    ids = [page.pk for page in pages]
    index_projects(es_index, ids)

    started = time.perf_counter()
    written = rebuild_all()
    rebuild_seconds = time.perf_counter() - started
    timings = []
    for project_id in rng.sample(ids, min(100, len(ids))):
        started = time.perf_counter()
        recompute_for(project_id)
        timings.append((time.perf_counter() - started) * 1000)
    p95 = statistics.quantiles(timings, n=20)[-1]
    print(
        f"\nmatching speed at {count} projects: rebuild {rebuild_seconds:.1f} s "
        f"({written} rows), recompute one project p50 "
        f"{statistics.median(timings):.0f} ms, p95 {p95:.0f} ms"
    )
