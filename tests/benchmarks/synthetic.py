"""Seeded synthetic German projects, loaded straight into the database in bulk.

Benchmarks need 10k–100k live projects; publishing through Wagtail manages
about six pages a second, so the rows are written by ``tests.benchmarks.bulk``:
page rows with computed treebeard paths under one parent, the project rows, one
revision per page (its id is the external version in Elasticsearch), the M2M
through rows, tags, offers and needs. This module makes their content: German
text built from compounds of the domain ("Sprachpatenschaft",
"Hausaufgabenhilfe"), with ae/oe/ue spellings and typos mixed in, in real
districts of ``kb.taxonomy``.

``create_projects(n, seed=...)`` returns the new page ids; the same seed gives
the same projects. ``index_projects()`` bulk-loads them through
``search.maintenance.rebuild`` and ``index_in_wagtail()`` fills Wagtail's own
database search index for comparison.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterator
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page

from kb.taxonomy import District, FieldOfAction, OfferNeedCategory, TargetGroup
from projects.models import ProjectIndexPage, ProjectPage
from projects.models.project import ProjectNeed, ProjectOffer

from .bulk.pages import BATCH, PageTree, add_live_revisions, insert_pages
from .bulk.relations import Relations, insert_relations, tag_ids

HEADS = [
    "Sprach",
    "Hausaufgaben",
    "Integrations",
    "Fahrrad",
    "Näh",
    "Job",
    "Eltern",
    "Frauen",
    "Gesundheits",
    "Wohnraum",
    "Ausbildungs",
    "Begegnungs",
    "Flüchtlings",
    "Nachbarschafts",
    "Kultur",
]
TAILS = [
    "patenschaft",
    "hilfe",
    "lotsen",
    "werkstatt",
    "café",
    "kurs",
    "treff",
    "beratung",
    "netzwerk",
    "begleitung",
]
PHRASES = [
    "für Geflüchtete und Nachbarn",
    "für Mütter mit Kinderbetreuung",
    "mit ehrenamtlichen Paten",
    "für Jugendliche ohne Ausbildungsplatz",
    "in der Stadtbücherei",
    "für Neuzugewanderte",
    "im ländlichen Raum",
]
SENTENCES = [
    "Ehrenamtliche üben mit Geflüchteten Deutsch im Alltag.",
    "Studierende helfen Schulkindern bei den Hausaufgaben.",
    "Geschulte Lotsinnen begleiten Neuzugewanderte zu Behörden und Ärzten.",
    "Betriebe öffnen Wege in Ausbildung und Beschäftigung.",
    "Frauen treffen sich wöchentlich zum Nähen, Reden und Lernen.",
    "Vermieterinnen und Wohnungssuchende finden über eine Börse zueinander.",
    "Gemeinsam reparieren Einheimische und Geflüchtete Fahrräder.",
    "Sprachmittler übersetzen in Schulen, Kitas und Beratungsstellen.",
    "Eltern lernen die Kindertagesstätte kennen, bevor ihr Kind startet.",
    "Die Freiwilligenagentur vermittelt Engagement in der Integrationsarbeit.",
]
TAGS = [
    "Patenschaft",
    "Deutschkurs",
    "Sprachcafé",
    "Ehrenamt",
    "Begleitung",
    "Schule",
    "Frauen",
    "Wohnungssuche",
    "Ausbildung",
    "Mobilität",
    "Gesundheit",
    "Begegnung",
    "Arbeitsmarkt",
    "Kinderbetreuung",
    "Sprachmittlung",
]
SPELLED = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}
STATUSES = ["active", "active", "active", "planned", "completed"]


def misspell(text: str, rng: random.Random) -> str:
    """Umlauts written out, or one letter doubled or dropped (a typo)."""
    roll = rng.random()
    if roll < 0.5:
        for umlaut, spelled in SPELLED.items():
            text = text.replace(umlaut, spelled)
        return text
    words = text.split()
    index = rng.randrange(len(words))
    word = words[index]
    if len(word) > 5:
        pos = rng.randrange(1, len(word) - 1)
        tail = word[pos + 1 :] if roll < 0.75 else word[pos:]
        words[index] = word[:pos] + (tail if roll < 0.75 else word[pos] + tail)
    return " ".join(words)


@dataclass
class _Vocabulary:
    districts: list[District]
    fields: list[FieldOfAction]
    groups: list[TargetGroup]
    categories: list[OfferNeedCategory]

    @classmethod
    def load(cls) -> _Vocabulary:
        return cls(
            districts=list(District.objects.order_by("ags")),
            fields=list(FieldOfAction.objects.order_by("slug")),
            groups=list(TargetGroup.objects.order_by("slug")),
            categories=list(OfferNeedCategory.objects.order_by("slug")),
        )


@dataclass
class _Spec:
    title: str
    teaser: str
    body: list[str]
    district: District
    fields: list[FieldOfAction]
    groups: list[TargetGroup]
    tags: list[str]
    offer: OfferNeedCategory
    need: OfferNeedCategory
    status: str
    confirmed: datetime.date


def _spec(rng: random.Random, words: _Vocabulary, today: datetime.date) -> _Spec:
    district = rng.choice(words.districts)
    compound = f"{rng.choice(HEADS)}{rng.choice(TAILS)}"
    title = f"{compound} {rng.choice(PHRASES)} in {district.name}"
    if rng.random() < 0.15:
        title = misspell(title, rng)
    return _Spec(
        title=title[:250],
        teaser=f"{rng.choice(SENTENCES)} {compound} in {district.name}."[:300],
        body=rng.sample(SENTENCES, 3),
        district=district,
        fields=rng.sample(words.fields, 2),
        groups=rng.sample(words.groups, 2),
        tags=rng.sample(TAGS, 2),
        offer=rng.choice(words.categories),
        need=rng.choice(words.categories),
        status=rng.choice(STATUSES),
        confirmed=today - datetime.timedelta(days=rng.randrange(0, 900)),
    )


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def create_projects(
    n: int, seed: int = 4, parent: Page | None = None, batch: int = BATCH
) -> list[int]:
    """Create ``n`` live synthetic projects below ``parent`` (default: the
    project index of the test site tree) and return their page ids."""
    if parent is None:
        from tests.factories.pages import make_site_tree

        parent = make_site_tree()
    rng = random.Random(seed)
    words = _Vocabulary.load()
    tags = tag_ids(TAGS)
    now = timezone.now()
    ids: list[int] = []
    with transaction.atomic():
        tree = PageTree([parent], now)
        for chunk in _chunks(list(range(n)), batch):
            specs = [_spec(rng, words, now.date()) for _ in chunk]
            pages = [
                tree.project(
                    parent,
                    f"synthetisch-{seed}-{number}",
                    spec.title,
                    teaser=spec.teaser,
                    status=spec.status,
                    place=spec.district.name,
                    starting_point=f"<p>{spec.body[0]}</p>",
                    goals=f"<p>{spec.body[1]}</p>",
                    approach=f"<p>{spec.body[2]}</p>",
                    last_confirmed=spec.confirmed,
                )
                for number, spec in zip(chunk, specs, strict=True)
            ]
            insert_pages(pages, batch)
            add_live_revisions(pages, now)
            insert_relations(pages, [_relations(spec) for spec in specs], tags)
            ids += [page.pk for page in pages]
        tree.close()
    return ids


def _relations(spec: _Spec) -> Relations:
    return Relations(
        districts=[spec.district],
        fields=spec.fields,
        groups=spec.groups,
        tags=spec.tags,
        offers=[
            ProjectOffer(
                category=spec.offer,
                text=f"{spec.offer.name} in {spec.district.name}",
                sort_order=0,
            )
        ],
        needs=[ProjectNeed(category=spec.need, text=f"Wir suchen {spec.need.name}")],
    )


def index_projects(batch_size: int = 2000) -> tuple[int, float]:
    """Bulk-load all live projects into a fresh index; (documents, docs/s)."""
    import time

    from search.documents import ProjectDocument
    from search.maintenance import rebuild

    start = time.perf_counter()
    _, loaded = rebuild(ProjectDocument, batch_size=batch_size)
    return loaded, loaded / (time.perf_counter() - start)


def index_in_wagtail(ids: list[int], batch: int = BATCH) -> None:
    """Fill Wagtail's own (database) search index for the comparison."""
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend("default")
    for chunk in _chunks(ids, batch):
        backend.add_bulk(ProjectPage, list(ProjectPage.objects.filter(pk__in=chunk)))
    settle_indexes()


def settle_indexes() -> None:
    """Statistics and GIN pending lists as a production database has them.

    Rows inserted in the benchmark's (never committed) transaction sit in the
    GIN indexes' pending lists, which every full-text query scans row by row
    until autovacuum merges them; it cannot see uncommitted rows, so the
    fallback would be measured against an unindexed tail of up to 4 MB."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        cursor.execute(
            "SELECT gin_clean_pending_list(indexrelid::regclass) FROM pg_index "
            "JOIN pg_class ON pg_class.oid = indexrelid "
            "WHERE relname IN ('search_project_vector', 'search_page_title_fts')"
        )


def project_index() -> ProjectIndexPage:
    from tests.factories.pages import make_site_tree

    return make_site_tree()
