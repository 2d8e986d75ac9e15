"""Seeded synthetic German projects, loaded straight into the database in bulk.

Benchmarks need 10k–100k live projects; publishing through Wagtail manages
about six pages a second, so this module writes the rows itself: page rows with
computed treebeard paths under one parent, the project rows, one revision per
page (its id is the external version in Elasticsearch), the M2M through rows,
tags, offers and needs. Text is German, built from compounds of the domain
("Sprachpatenschaft", "Hausaufgabenhilfe"), with ae/oe/ue spellings and typos
mixed in, in real districts of ``kb.taxonomy``.

``create_projects(n, seed=...)`` returns the new page ids; the same seed gives
the same projects. ``index_projects()`` bulk-loads them through
``search.maintenance.rebuild`` and ``index_in_wagtail()`` fills Wagtail's own
database search index for comparison.
"""

from __future__ import annotations

import datetime
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page, Revision

from kb.taxonomy import District, FieldOfAction, OfferNeedCategory, TargetGroup
from projects.models import ProjectIndexPage, ProjectPage
from projects.models.project import ProjectNeed, ProjectOffer, ProjectPageTag

BATCH = 2000
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


def _insert_projects(rows: list[ProjectPage]) -> None:
    # bulk_create refuses multi-table inheritance; the page rows exist
    # already, so only the child table is inserted, raw, in one statement.
    fields = ProjectPage._meta.local_concrete_fields
    ProjectPage.objects._insert(rows, fields=fields, raw=True, using="default")


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
    project_type = ContentType.objects.get_for_model(ProjectPage)
    page_type = ContentType.objects.get_for_model(Page)
    tag_ids = {
        name: Tag.objects.get_or_create(name=name, defaults={"slug": name.lower()})[
            0
        ].pk
        for name in TAGS
    }
    now = timezone.now()
    ids: list[int] = []
    with transaction.atomic():
        parent = Page.objects.select_for_update().get(pk=parent.pk)
        position = parent.numchild
        for chunk in _chunks(list(range(n)), batch):
            specs = [_spec(rng, words, now.date()) for _ in chunk]
            pages = []
            for number, spec in zip(chunk, specs, strict=True):
                position += 1
                slug = f"synthetisch-{seed}-{number}"
                pages.append(
                    Page(
                        path=Page._get_path(parent.path, parent.depth + 1, position),
                        depth=parent.depth + 1,
                        numchild=0,
                        title=spec.title,
                        draft_title=spec.title,
                        slug=slug,
                        url_path=f"{parent.url_path}{slug}/",
                        content_type=project_type,
                        locale_id=parent.locale_id,
                        translation_key=uuid.uuid4(),
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=now,
                        last_published_at=now,
                    )
                )
            Page.objects.bulk_create(pages)
            _insert_projects(
                [
                    ProjectPage(
                        page_ptr_id=page.pk,
                        teaser=spec.teaser,
                        status=spec.status,
                        place=spec.district.name,
                        starting_point=f"<p>{spec.body[0]}</p>",
                        goals=f"<p>{spec.body[1]}</p>",
                        approach=f"<p>{spec.body[2]}</p>",
                        last_confirmed=spec.confirmed,
                    )
                    for page, spec in zip(pages, specs, strict=True)
                ]
            )
            revisions = Revision.objects.bulk_create(
                [
                    Revision(
                        content_type=project_type,
                        base_content_type=page_type,
                        object_id=str(page.pk),
                        object_str=page.title,
                        created_at=now,
                        content={"pk": page.pk, "title": page.title},
                    )
                    for page in pages
                ]
            )
            for page, revision in zip(pages, revisions, strict=True):
                page.live_revision_id = revision.pk
                page.latest_revision_id = revision.pk
                page.latest_revision_created_at = now
            Page.objects.bulk_update(
                pages,
                ["live_revision", "latest_revision", "latest_revision_created_at"],
            )
            _relations(pages, specs, tag_ids)
            ids += [page.pk for page in pages]
        Page.objects.filter(pk=parent.pk).update(numchild=position)
    return ids


def _relations(pages: list[Page], specs: list[_Spec], tag_ids: dict[str, int]):
    through = ProjectPage.districts.through
    through.objects.bulk_create(
        [
            through(projectpage_id=p.pk, district_id=s.district.pk)
            for p, s in zip(pages, specs, strict=True)
        ]
    )
    for name, attr in (("fields_of_action", "fields"), ("target_groups", "groups")):
        model = getattr(ProjectPage, name).through
        column = model._meta.get_field(
            "fieldofaction" if name == "fields_of_action" else "targetgroup"
        ).attname
        model.objects.bulk_create(
            [
                model(projectpage_id=p.pk, **{column: term.pk})
                for p, s in zip(pages, specs, strict=True)
                for term in getattr(s, attr)
            ]
        )
    ProjectPageTag.objects.bulk_create(
        [
            ProjectPageTag(content_object_id=p.pk, tag_id=tag_ids[name])
            for p, s in zip(pages, specs, strict=True)
            for name in s.tags
        ]
    )
    ProjectOffer.objects.bulk_create(
        [
            ProjectOffer(
                page_id=p.pk,
                category=s.offer,
                text=f"{s.offer.name} in {s.district.name}",
                sort_order=0,
            )
            for p, s in zip(pages, specs, strict=True)
        ]
    )
    ProjectNeed.objects.bulk_create(
        [
            ProjectNeed(page_id=p.pk, category=s.need, text=f"Wir suchen {s.need.name}")
            for p, s in zip(pages, specs, strict=True)
        ]
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
            "WHERE relname IN ('search_project_fts', 'search_page_title_fts')"
        )


def project_index() -> ProjectIndexPage:
    from tests.factories.pages import make_site_tree

    return make_site_tree()
