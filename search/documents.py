"""Search documents: what of a page goes into Elasticsearch.

Registered with django-elasticsearch-dsl for mappings and preparation only;
writes go through our outbox pipeline (``search.indexing``), never its signals.
"""

from __future__ import annotations

from django_elasticsearch_dsl import Document, fields
from django_elasticsearch_dsl.registries import registry

from projects.models import ProjectPage

from .analysis import autocomplete_index, german_exact, german_text
from .client import index_alias

INDEX_SETTINGS = {"number_of_shards": 1, "number_of_replicas": 0, "max_ngram_diff": 20}


def _text(**kwargs) -> fields.TextField:
    return fields.TextField(
        analyzer=german_text,
        fields={"exact": fields.TextField(analyzer=german_exact)},
        **kwargs,
    )


@registry.register_document
class ProjectDocument(Document):
    """A published project as the public search sees it."""

    title = _text()
    title_autocomplete = fields.TextField(
        analyzer=autocomplete_index, search_analyzer=german_exact
    )
    title_sort = fields.KeywordField()
    teaser = _text()
    url = fields.KeywordField(index=False)
    slug = fields.KeywordField()
    districts = fields.KeywordField(multi=True)
    district_names = fields.KeywordField(multi=True)
    regions = fields.KeywordField(multi=True)
    fields_of_action = fields.KeywordField(multi=True)
    field_names = fields.KeywordField(multi=True)
    statewide = fields.BooleanField()
    published_at = fields.DateField()

    class Index:
        name = index_alias("projects")
        settings = INDEX_SETTINGS

    class Django:
        model = ProjectPage
        ignore_signals = True
        auto_refresh = False

    def prepare_title_autocomplete(self, page: ProjectPage) -> str:
        return page.title

    def prepare_title_sort(self, page: ProjectPage) -> str:
        return page.title.lower()

    def prepare_url(self, page: ProjectPage) -> str:
        return page.get_url() or ""

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

    def prepare_published_at(self, page: ProjectPage):
        return page.first_published_at


DOCUMENTS = {("projects", "projectpage"): ProjectDocument}
