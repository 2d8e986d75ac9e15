"""Search documents: what of a page goes into Elasticsearch.

Registered with django-elasticsearch-dsl for mappings and preparation only;
writes go through our outbox pipeline (``search.indexing``), never its signals.
"""

from __future__ import annotations

import hashlib
import json
from types import SimpleNamespace

from django.db.models import TextField
from django.db.models.functions import Cast
from django_elasticsearch_dsl import Document, fields
from django_elasticsearch_dsl.registries import registry

from kb.page_urls import page_url, site_root_paths
from projects.models import InitiativePage, ProjectPage

from .analysis import autocomplete_index, german_exact
from .client import index_alias
from .content_documents import ArticleDocument, EventDocument, InitiativeDocument
from .doc_fields import (
    INDEX_SETTINGS,
    all_text,
    facet,
    keyword_text,
    plain_text,
    suggest,
    terms_field,
)
from .doc_fields import text as _text
from .language import index_terms
from .offers import implied_offers
from .page_text import stream_text
from .relations import id_filter, load_relations

HASH_FIELD = "content_hash"
PRACTICE_FIELDS = (
    "starting_point",
    "goals",
    "approach",
    "results",
    "obstacles",
    "transferability",
)
ROW_FIELDS = (
    "id",
    "title",
    "slug",
    "teaser",
    "status",
    "statewide",
    "lat",
    "lon",
    "last_confirmed",
    "first_published_at",
    "url_path",
    "path",
    "live_revision_id",
    *PRACTICE_FIELDS,
)


@registry.register_document
class ProjectDocument(Document):
    """A published project as the public search and matching see it."""

    title = _text(suggest=True)
    title_autocomplete = fields.TextField(
        analyzer=autocomplete_index, search_analyzer=german_exact
    )
    title_sort = fields.KeywordField()
    # Offsets in the postings let the highlighter find matches without
    # re-analysing (and decompounding) the text of every hit.
    teaser = _text(suggest=True, index_options="offsets")
    description = _text(suggest=True, exact=False, index_options="offsets")
    url = fields.KeywordField(index=False)
    slug = fields.KeywordField()
    tags = facet(multi=True)
    tags_text = _text(suggest=True, multi=True)
    offers_text = _text(multi=True, exact=False)
    needs_text = _text(multi=True, exact=False)
    offer_categories = facet(multi=True)
    need_categories = facet(multi=True)
    districts = facet(multi=True)
    district_names = keyword_text(multi=True)
    regions = facet(multi=True)
    fields_of_action = facet(multi=True)
    field_names = keyword_text(multi=True)
    target_groups = facet(multi=True)
    target_group_names = keyword_text(multi=True)
    status = facet()
    organisation = _text(exact=False)
    organisation_type = facet()
    initiative_id = fields.IntegerField()
    statewide = fields.BooleanField()
    location = fields.GeoPointField()
    published_at = fields.DateField()
    last_confirmed = fields.DateField()
    # The revision the document was made from.
    live_revision = fields.IntegerField()
    # A hash of everything else in the document (reconcile compares it).
    content_hash = fields.KeywordField(index=False)
    all_text = all_text()
    suggest = suggest()
    # The same analysis as the database fallbacks (search.language).
    terms_title = terms_field()
    terms_lead = terms_field()
    terms = terms_field()
    terms_offers = terms_field()

    class Index:
        name = index_alias("projects")
        settings = INDEX_SETTINGS

    class Django:
        model = ProjectPage
        ignore_signals = True
        auto_refresh = False

    @staticmethod
    def rows(queryset, ids: list[int]) -> list[SimpleNamespace]:
        """Page-like rows for a bulk load: exactly the columns the document
        reads, without building page instances (most of a rebuild's time)."""
        wanted = set(ids)
        values = (
            queryset.filter(**id_filter("pk", ids))
            .annotate(description_json=Cast("description", TextField()))
            .values(*ROW_FIELDS, "description_json")
        )
        rows = []
        for row in values:
            if row["id"] not in wanted:
                continue
            raw = row.pop("description_json")
            rows.append(
                SimpleNamespace(
                    pk=row["id"],
                    steplen=ProjectPage.steplen,
                    description=json.loads(raw) if raw else [],
                    **row,
                )
            )
        return rows

    def get_queryset(self):
        # Relations are loaded per batch by ``attach`` (plain querysets, no
        # modelcluster managers), which is most of the preparation time.
        return ProjectPage.objects.all()

    def prepare_title_autocomplete(self, page: ProjectPage) -> str:
        return page.title

    def prepare_title_sort(self, page: ProjectPage) -> str:
        return page.title.lower()

    def prepare_description(self, page: ProjectPage) -> str:
        parts = [stream_text(page.description)]
        parts += [plain_text(getattr(page, name)) for name in PRACTICE_FIELDS]
        return " ".join(part for part in parts if part)

    def prepare_url(self, page: ProjectPage) -> str:
        attached = getattr(page, "_search_url", None)
        return (page.get_url() or "") if attached is None else attached

    def prepare_tags(self, page: ProjectPage) -> list[str]:
        return [tag.name for tag in _related(page, "tags")]

    def prepare_tags_text(self, page: ProjectPage) -> list[str]:
        return self.prepare_tags(page)

    def prepare_offers_text(self, page: ProjectPage) -> list[str]:
        return [offer.text for offer in _related(page, "offers")]

    def prepare_needs_text(self, page: ProjectPage) -> list[str]:
        return [need.text for need in _related(page, "needs")]

    def prepare_offer_categories(self, page: ProjectPage) -> list[str]:
        return sorted({o.category.slug for o in _related(page, "offers") if o.category})

    def prepare_need_categories(self, page: ProjectPage) -> list[str]:
        return sorted({n.category.slug for n in _related(page, "needs") if n.category})

    def prepare_districts(self, page: ProjectPage) -> list[str]:
        return [d.ags for d in _related(page, "districts")]

    def prepare_district_names(self, page: ProjectPage) -> list[str]:
        return [d.name for d in _related(page, "districts")]

    def prepare_regions(self, page: ProjectPage) -> list[str]:
        return sorted({d.region.slug for d in _related(page, "districts")})

    def prepare_fields_of_action(self, page: ProjectPage) -> list[str]:
        return [f.slug for f in _related(page, "fields_of_action")]

    def prepare_field_names(self, page: ProjectPage) -> list[str]:
        return [f.name for f in _related(page, "fields_of_action")]

    def prepare_target_groups(self, page: ProjectPage) -> list[str]:
        return [t.slug for t in _related(page, "target_groups")]

    def prepare_target_group_names(self, page: ProjectPage) -> list[str]:
        return [t.name for t in _related(page, "target_groups")]

    def prepare_all_text(self, page: ProjectPage) -> None:
        return None

    def prepare_terms_title(self, page: ProjectPage) -> str:
        return " ".join(index_terms(page.title))

    def prepare_terms_lead(self, page: ProjectPage) -> str:
        lead = [page.teaser, *self.prepare_tags(page)]
        return " ".join(index_terms(" ".join(lead)))

    def prepare_terms(self, page: ProjectPage) -> str:
        return " ".join(index_terms(project_text(self, page)))

    def prepare_terms_offers(self, page: ProjectPage) -> str:
        offers = [*self.prepare_offers_text(page), *implied_offers(page.teaser)]
        offers += implied_offers(self.prepare_description(page))
        return " ".join(index_terms(" ".join(offers)))

    def prepare_suggest(self, page: ProjectPage) -> None:
        return None

    def prepare_organisation(self, page: ProjectPage) -> str:
        initiative = _initiative(page)
        return initiative.title if initiative else ""

    def prepare_organisation_type(self, page: ProjectPage) -> str | None:
        initiative = _initiative(page)
        if initiative and initiative.organisation_type:
            return initiative.organisation_type.slug
        return None

    def prepare_initiative_id(self, page: ProjectPage) -> int | None:
        initiative = _initiative(page)
        return initiative.pk if initiative else None

    @staticmethod
    def attach(pages: list[ProjectPage]) -> None:
        """Resolve what ``prepare`` would otherwise query page by page: the
        parent initiatives (one query for the batch) and the site root paths
        behind ``get_url`` (one lookup for the batch)."""
        parent_paths = {page.path[: -ProjectPage.steplen] for page in pages}
        initiatives = {
            initiative.path: initiative
            for initiative in InitiativePage.objects.filter(
                path__in=parent_paths
            ).select_related("organisation_type")
        }
        roots = site_root_paths()
        related = load_relations([page.pk for page in pages])
        for page in pages:
            page._search_initiative = initiatives.get(page.path[: -page.steplen])
            page._search_url = page_url(page.url_path, roots)
            page._search_related = {
                name: by_page.get(page.pk, []) for name, by_page in related.items()
            }

    def prepare_location(self, page: ProjectPage) -> dict[str, float] | None:
        # Same rule as ``ProjectPage.location``, on the attached districts.
        if page.lat is not None and page.lon is not None:
            return {"lat": page.lat, "lon": page.lon}
        first = next(iter(_related(page, "districts")), None)
        return {"lat": first.lat, "lon": first.lon} if first else None

    def prepare_live_revision(self, page: ProjectPage) -> int | None:
        return page.live_revision_id

    def prepare_content_hash(self, page: ProjectPage) -> None:
        return None  # set by ``prepare_all`` from the finished document

    def prepare_published_at(self, page: ProjectPage):
        return page.first_published_at


def project_text(document: ProjectDocument, page: ProjectPage) -> str:
    """Every searchable word of a project: title, teaser, description and
    practice sections, tags, offers, needs, fields of action and target
    groups. Place names stay out: places are understood, not matched."""
    parts = [
        page.title,
        page.teaser,
        document.prepare_description(page),
        *document.prepare_tags(page),
        *document.prepare_offers_text(page),
        *document.prepare_needs_text(page),
        *document.prepare_field_names(page),
        *document.prepare_target_group_names(page),
    ]
    return " ".join(part for part in parts if part)


def _related(page: ProjectPage, name: str) -> list:
    attached = getattr(page, "_search_related", None)
    if attached is not None:
        return attached[name]
    return list(getattr(page, name).all())


def _initiative(page: ProjectPage) -> InitiativePage | None:
    try:
        return page._search_initiative
    except AttributeError:
        return page.initiative


def _json_value(value):
    # As the Elasticsearch client serialises them, so that a prepared
    # document and its stored ``_source`` hash alike.
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def document_hash(body: dict) -> str:
    """A digest of a document without its own hash field. Reconcile compares
    the digest of what the database would produce with the stored one and
    with the digest of the stored ``_source``."""
    content = {name: value for name, value in body.items() if name != HASH_FIELD}
    encoded = json.dumps(
        content, sort_keys=True, default=_json_value, ensure_ascii=False
    )
    return hashlib.sha256(encoded.encode()).hexdigest()[:32]


def prepare_all(document_class, pages: list) -> list[dict]:
    """Documents for a batch of pages with per-batch instead of per-page
    lookups where the document type supports it, each with its hash."""
    attach = getattr(document_class, "attach", None)
    if attach:
        attach(pages)
    document = document_class()
    bodies = [document.prepare(page) for page in pages]
    for body in bodies:
        body[HASH_FIELD] = document_hash(body)
    return bodies


DOCUMENTS = {
    ("projects", "projectpage"): ProjectDocument,
    ("projects", "initiativepage"): InitiativeDocument,
    ("kb", "articlepage"): ArticleDocument,
    ("kb", "eventpage"): EventDocument,
}
