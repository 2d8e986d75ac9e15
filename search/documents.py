"""Search documents: what of a page goes into Elasticsearch.

Registered with django-elasticsearch-dsl for mappings and preparation only;
writes go through our outbox pipeline (``search.indexing``), never its signals.
"""

from __future__ import annotations

from django_elasticsearch_dsl import Document, fields
from django_elasticsearch_dsl.registries import registry
from wagtail.models import Site

from projects.models import InitiativePage, ProjectPage

from .analysis import autocomplete_index, german_exact
from .client import index_alias
from .content_documents import ArticleDocument, EventDocument, InitiativeDocument
from .doc_fields import INDEX_SETTINGS, all_text, keyword_text, plain_text, suggest
from .doc_fields import text as _text

PRACTICE_FIELDS = (
    "starting_point",
    "goals",
    "approach",
    "results",
    "obstacles",
    "transferability",
)


@registry.register_document
class ProjectDocument(Document):
    """A published project as the public search and matching see it."""

    title = _text(suggest=True)
    title_autocomplete = fields.TextField(
        analyzer=autocomplete_index, search_analyzer=german_exact
    )
    title_sort = fields.KeywordField()
    teaser = _text(suggest=True)
    description = _text(suggest=True)
    url = fields.KeywordField(index=False)
    slug = fields.KeywordField()
    tags = fields.KeywordField(multi=True)
    tags_text = _text(suggest=True, multi=True)
    offers_text = _text(multi=True)
    needs_text = _text(multi=True)
    offer_categories = fields.KeywordField(multi=True)
    need_categories = fields.KeywordField(multi=True)
    districts = fields.KeywordField(multi=True)
    district_names = keyword_text(multi=True)
    regions = fields.KeywordField(multi=True)
    fields_of_action = fields.KeywordField(multi=True)
    field_names = keyword_text(multi=True)
    target_groups = fields.KeywordField(multi=True)
    target_group_names = keyword_text(multi=True)
    status = fields.KeywordField()
    organisation = _text()
    organisation_type = fields.KeywordField()
    initiative_id = fields.IntegerField()
    statewide = fields.BooleanField()
    location = fields.GeoPointField()
    published_at = fields.DateField()
    last_confirmed = fields.DateField()
    all_text = all_text()
    suggest = suggest()

    class Index:
        name = index_alias("projects")
        settings = INDEX_SETTINGS

    class Django:
        model = ProjectPage
        ignore_signals = True
        auto_refresh = False

    def get_queryset(self):
        return ProjectPage.objects.select_related().prefetch_related(
            "districts__region",
            "fields_of_action",
            "target_groups",
            "tags",
            "offers__category",
            "needs__category",
        )

    def prepare_title_autocomplete(self, page: ProjectPage) -> str:
        return page.title

    def prepare_title_sort(self, page: ProjectPage) -> str:
        return page.title.lower()

    def prepare_description(self, page: ProjectPage) -> str:
        parts = [plain_text(str(page.description))]
        parts += [plain_text(getattr(page, name)) for name in PRACTICE_FIELDS]
        return " ".join(part for part in parts if part)

    def prepare_url(self, page: ProjectPage) -> str:
        return page.get_url() or ""

    def prepare_tags(self, page: ProjectPage) -> list[str]:
        return [tag.name for tag in page.tags.all()]

    def prepare_tags_text(self, page: ProjectPage) -> list[str]:
        return self.prepare_tags(page)

    def prepare_offers_text(self, page: ProjectPage) -> list[str]:
        return [offer.text for offer in page.offers.all()]

    def prepare_needs_text(self, page: ProjectPage) -> list[str]:
        return [need.text for need in page.needs.all()]

    def prepare_offer_categories(self, page: ProjectPage) -> list[str]:
        return sorted({o.category.slug for o in page.offers.all() if o.category})

    def prepare_need_categories(self, page: ProjectPage) -> list[str]:
        return sorted({n.category.slug for n in page.needs.all() if n.category})

    def prepare_districts(self, page: ProjectPage) -> list[str]:
        return [d.ags for d in page.districts.all()]

    def prepare_district_names(self, page: ProjectPage) -> list[str]:
        return [d.name for d in page.districts.all()]

    def prepare_regions(self, page: ProjectPage) -> list[str]:
        return sorted({d.region.slug for d in page.districts.all()})

    def prepare_fields_of_action(self, page: ProjectPage) -> list[str]:
        return [f.slug for f in page.fields_of_action.all()]

    def prepare_field_names(self, page: ProjectPage) -> list[str]:
        return [f.name for f in page.fields_of_action.all()]

    def prepare_target_groups(self, page: ProjectPage) -> list[str]:
        return [t.slug for t in page.target_groups.all()]

    def prepare_target_group_names(self, page: ProjectPage) -> list[str]:
        return [t.name for t in page.target_groups.all()]

    def prepare_all_text(self, page: ProjectPage) -> None:
        return None

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
        root_paths = Site.get_site_root_paths()
        for page in pages:
            page._search_initiative = initiatives.get(page.path[: -page.steplen])
            page._wagtail_cached_site_root_paths = root_paths

    def prepare_location(self, page: ProjectPage) -> dict[str, float] | None:
        point = page.location
        return {"lat": point[0], "lon": point[1]} if point else None

    def prepare_published_at(self, page: ProjectPage):
        return page.first_published_at


def _initiative(page: ProjectPage) -> InitiativePage | None:
    try:
        return page._search_initiative
    except AttributeError:
        return page.initiative


def prepare_all(document_class, pages: list) -> list[dict]:
    """Documents for a batch of pages with per-batch instead of per-page
    lookups where the document type supports it."""
    attach = getattr(document_class, "attach", None)
    if attach:
        attach(pages)
    document = document_class()
    return [document.prepare(page) for page in pages]


DOCUMENTS = {
    ("projects", "projectpage"): ProjectDocument,
    ("projects", "initiativepage"): InitiativeDocument,
    ("kb", "articlepage"): ArticleDocument,
    ("kb", "eventpage"): EventDocument,
}
