"""Thousands of synthetic, published projects in seconds, for the speed bench.

Publishing pages one by one through treebeard and revisions takes ~0.2 s per
page; here the page tree rows, the project rows, taxonomy links, tags, offers
and needs are written with bulk inserts under a few initiatives, and the
search documents go to Elasticsearch with one bulk request per chunk. The
documents are what ``ProjectDocument.prepare`` makes of each page; only the
parts that would cost a query per page (initiative, URL) are looked up once.
"""

from __future__ import annotations

import random
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from elasticsearch import helpers
from taggit.models import Tag
from wagtail.models import Locale, Page

from kb.taxonomy import District, FieldOfAction, OfferNeedCategory, TargetGroup
from projects.models import (
    InitiativePage,
    ProjectIndexPage,
    ProjectNeed,
    ProjectOffer,
    ProjectPage,
    ProjectPageTag,
)
from search.client import index_alias
from search.documents import ProjectDocument
from search.indexing import ensure_index

from ...matching.builders import initiative_parent

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
    content_type = ContentType.objects.get_for_model(ProjectPage)
    locale = Locale.get_default()
    now = timezone.now()
    children: dict[int, int] = defaultdict(int)
    specs = []
    pages = []
    for i in range(count):
        parent = initiatives[i % INITIATIVES]
        children[parent.pk] += 1
        topic = rng.choice(list(TOPICS))
        title, teaser, tags = _text(rng, topic)
        slug = f"{SLUG_PREFIX}{i}"
        district = rng.choice(districts)
        pages.append(
            ProjectPage(
                title=f"{title} {i}",
                draft_title=f"{title} {i}",
                slug=slug,
                teaser=teaser,
                content_type=content_type,
                locale=locale,
                path=Page._get_path(parent.path, parent.depth + 1, children[parent.pk]),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                statewide=rng.random() < 0.02,
                place=district.seat,
            )
        )
        field_slugs = {FIELD_OF_TOPIC[topic], rng.choice(list(FIELD_OF_TOPIC.values()))}
        specs.append(
            {
                "district": district,
                "fields": [fields[s] for s in field_slugs if s in fields],
                "groups": rng.sample(groups, 2),
                "tags": tags,
                "offer": (rng.choice(categories), " ".join(rng.sample(tags, 1))),
                "need": (rng.choice(categories), teaser.split(",")[0]),
            }
        )
    _insert_pages(pages)
    for parent in initiatives:
        Page.objects.filter(pk=parent.pk).update(numchild=children[parent.pk])
    _insert_relations(pages, specs)
    return [page.pk for page in pages]


def _insert_pages(pages: list[ProjectPage]) -> None:
    """Page rows first (they get their ids), then the project rows that
    share them: bulk_create refuses multi-table inheritance."""
    base = Page.objects.bulk_create(
        [
            Page(**{f.attname: getattr(page, f.attname) for f in Page._meta.fields})
            for page in pages
        ],
        batch_size=1000,
    )
    for page, row in zip(pages, base, strict=True):
        page.pk = page.page_ptr_id = row.pk
    local = ProjectPage._meta.local_concrete_fields
    ProjectPage.objects.all()._batched_insert(pages, fields=local, batch_size=1000)


def _insert_relations(pages: list[ProjectPage], specs: list[dict]) -> None:
    through = ProjectPage.fields_of_action.through
    through.objects.bulk_create(
        through(projectpage_id=p.pk, fieldofaction_id=f.pk)
        for p, s in zip(pages, specs, strict=True)
        for f in s["fields"]
    )
    through = ProjectPage.target_groups.through
    through.objects.bulk_create(
        through(projectpage_id=p.pk, targetgroup_id=g.pk)
        for p, s in zip(pages, specs, strict=True)
        for g in s["groups"]
    )
    through = ProjectPage.districts.through
    through.objects.bulk_create(
        through(projectpage_id=p.pk, district_id=s["district"].pk)
        for p, s in zip(pages, specs, strict=True)
    )
    names = sorted({name for s in specs for name in s["tags"]})
    existing = {t.name: t for t in Tag.objects.filter(name__in=names)}
    Tag.objects.bulk_create(
        Tag(name=n, slug=f"{n.lower()}-synthetisch") for n in names if n not in existing
    )
    tags = {t.name: t for t in Tag.objects.filter(name__in=names)}
    ProjectPageTag.objects.bulk_create(
        ProjectPageTag(content_object_id=p.pk, tag_id=tags[name].pk)
        for p, s in zip(pages, specs, strict=True)
        for name in s["tags"]
    )
    ProjectOffer.objects.bulk_create(
        ProjectOffer(page_id=p.pk, category=s["offer"][0], text=s["offer"][1])
        for p, s in zip(pages, specs, strict=True)
    )
    ProjectNeed.objects.bulk_create(
        ProjectNeed(page_id=p.pk, category=s["need"][0], text=s["need"][1])
        for p, s in zip(pages, specs, strict=True)
    )


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
