"""Thousands of synthetic, published projects in seconds, for the speed bench.

Publishing pages one by one through treebeard and revisions is far too slow
for thousands of pages; here the projects get their topic texts and links and
go under a few initiatives through the bulk writers of
``tests.benchmarks.bulk`` (page tree rows, project rows, taxonomy links, tags,
offers and needs; no revisions), and
the search documents go to Elasticsearch with one bulk request per chunk. The
documents are what ``ProjectDocument.prepare`` makes of each page; only the
parts that would cost a query per page (initiative, URL) are looked up once.
"""

from __future__ import annotations

import random

from django.db import transaction
from django.utils import timezone
from elasticsearch import helpers
from wagtail.models import Page

from kb.taxonomy import District, FieldOfAction, OfferNeedCategory, TargetGroup
from projects.models import (
    InitiativePage,
    ProjectIndexPage,
    ProjectNeed,
    ProjectOffer,
    ProjectPage,
)
from search.client import index_alias
from search.documents import ProjectDocument
from search.indexing import ensure_index

from ...matching.builders import initiative_parent
from ..bulk.pages import PageTree, insert_pages
from ..bulk.relations import Relations, insert_relations, tag_ids

# Topics with their own words, so that more_like_this finds real neighbours
# and most pairs share nothing (as on the real platform).
TOPICS = {
    "sprache": "Sprachcafé Deutschkurs Alltagsdeutsch Gesprächsrunde Tandem "
    "Sprachpaten Grammatik Wortschatz Lesekreis Aussprache Vokabeln Bücherei",
    "arbeit": "Bewerbung Praktikum Ausbildung Betrieb Handwerk Jobpaten "
    "Lebenslauf Berufsorientierung Vorstellungsgespräch Arbeitsvertrag Pflege",
    "wohnen": "Wohnungssuche Mietvertrag Vermieter Besichtigung Nebenkosten "
    "Hausrat Möbel Umzug Mietführerschein Nachbarschaft Wohnraumlotsen",
    "gesundheit": "Arztpraxis Vorsorge Impfung Gesundheitslotsen Therapie "
    "Krankenkasse Hebamme Zahnarzt Beratungsstelle Trauma Apotheke",
    "bildung": "Hausaufgaben Nachhilfe Schule Kita Elternabend Lernwerkstatt "
    "Mathematik Lehrkräfte Schulsystem Ganztag Bibliothek",
    "sport": "Fußball Schwimmkurs Sportverein Training Turnhalle Tanz "
    "Basketball Radfahren Fahrradkurs Gymnastik Trainerinnen",
    "begegnung": "Kochen Nähcafé Garten Erzählcafé Kulturabend Musik Theater "
    "Ausflug Begegnungscafé Festival Nachbarschaftsfest",
    "beratung": "Behörden Ausländerbehörde Aufenthaltsrecht Asylverfahren "
    "Formulare Jobcenter Sozialberatung Integrationslotsen Begleitung Termine",
}
FIELD_OF_TOPIC = {
    "sprache": "sprache",
    "arbeit": "arbeit",
    "wohnen": "wohnen",
    "gesundheit": "gesundheit",
    "bildung": "bildung",
    "sport": "kultur_sport",
    "begegnung": "teilhabe",
    "beratung": "beratung",
}
COMMON = "Ehrenamtliche Nachbarn Familien Frauen Jugendliche wöchentlich Treffpunkt"
INITIATIVES = 50
SLUG_PREFIX = "synthetisch-"


def _make_initiatives(index: ProjectIndexPage) -> list[InitiativePage]:
    return [
        initiative_parent(index, f"synthetische-initiative-{i}")
        for i in range(INITIATIVES)
    ]


def _text(rng: random.Random, topic: str) -> tuple[str, str, list[str]]:
    own = TOPICS[topic].split()
    other = TOPICS[rng.choice(list(TOPICS))].split()
    words = rng.sample(own, 6) + rng.sample(other, 2) + rng.sample(COMMON.split(), 2)
    rng.shuffle(words)
    title = f"{words[0]} und {words[1]}"
    teaser = "Wir bieten " + ", ".join(words[:6]) + " und " + " ".join(words[6:]) + "."
    return title, teaser, rng.sample(own, 2)


def build_synthetic(index: ProjectIndexPage, count: int, seed: int = 5) -> list[int]:
    """Create ``count`` live projects under 50 initiatives; returns their ids."""
    rng = random.Random(seed)
    initiatives = _make_initiatives(index)
    districts = list(District.objects.all())
    fields = {f.slug: f for f in FieldOfAction.objects.all()}
    groups = list(TargetGroup.objects.all())
    categories = list(OfferNeedCategory.objects.all())
    with transaction.atomic():
        tree = PageTree(initiatives, timezone.now())
        pages, relations = [], []
        for i in range(count):
            topic = rng.choice(list(TOPICS))
            title, teaser, tags = _text(rng, topic)
            district = rng.choice(districts)
            pages.append(
                tree.project(
                    initiatives[i % INITIATIVES],
                    f"{SLUG_PREFIX}{i}",
                    f"{title} {i}",
                    teaser=teaser,
                    statewide=rng.random() < 0.02,
                    place=district.seat,
                )
            )
            field_slugs = {
                FIELD_OF_TOPIC[topic],
                rng.choice(list(FIELD_OF_TOPIC.values())),
            }
            relations.append(
                Relations(
                    districts=[district],
                    fields=[fields[s] for s in field_slugs if s in fields],
                    groups=rng.sample(groups, 2),
                    tags=tags,
                    offers=[
                        ProjectOffer(
                            category=rng.choice(categories),
                            text=" ".join(rng.sample(tags, 1)),
                        )
                    ],
                    needs=[
                        ProjectNeed(
                            category=rng.choice(categories), text=teaser.split(",")[0]
                        )
                    ],
                )
            )
        insert_pages(pages)
        tree.close()
        names = sorted({name for links in relations for name in links.tags})
        insert_relations(pages, relations, tag_ids(names, slug_suffix="-synthetisch"))
    return [page.pk for page in pages]


_INITIATIVES_BY_PATH: dict[str, InitiativePage] = {}


class _BulkDocument(ProjectDocument):
    """ProjectDocument whose per-page lookups (parent initiative, URL) come
    from tables filled once for the whole load."""

    def _initiative(self, page: ProjectPage) -> InitiativePage | None:
        return _INITIATIVES_BY_PATH.get(page.path[: -Page.steplen])

    def prepare_url(self, page: ProjectPage) -> str:
        return page.url_path

    def prepare_organisation(self, page: ProjectPage) -> str:
        initiative = self._initiative(page)
        return initiative.title if initiative else ""

    def prepare_organisation_type(self, page: ProjectPage) -> str | None:
        return None

    def prepare_initiative_id(self, page: ProjectPage) -> int | None:
        initiative = self._initiative(page)
        return initiative.pk if initiative else None


def index_synthetic(
    client, ids: list[int], chunk: int = 1000, *, fresh: bool = False
) -> None:
    """Bulk-index the projects into the live alias and refresh once;
    ``fresh`` drops whatever index the alias pointed to first."""
    alias = index_alias("projects")
    if fresh and client.indices.exists_alias(name=alias):
        client.indices.delete(index=",".join(client.indices.get_alias(name=alias)))
    ensure_index(ProjectDocument)
    _INITIATIVES_BY_PATH.clear()
    _INITIATIVES_BY_PATH.update((p.path, p) for p in InitiativePage.objects.all())
    document = _BulkDocument()
    queryset = document.get_queryset()
    for start in range(0, len(ids), chunk):
        pages = queryset.filter(pk__in=ids[start : start + chunk])
        actions = (
            {"_index": alias, "_id": str(page.pk), "_source": document.prepare(page)}
            for page in pages
        )
        helpers.bulk(client, actions, request_timeout=120)
    client.indices.refresh(index=alias)
    merge_synthetic(client)


def merge_synthetic(client) -> None:
    """One segment, as ``search.maintenance.rebuild`` leaves the index that
    ``rebuild_matches`` reads after it (the bulk load leaves several, and
    every candidate query runs once per segment)."""
    alias = index_alias("projects")
    client.options(request_timeout=300).indices.forcemerge(
        index=alias, max_num_segments=1
    )
