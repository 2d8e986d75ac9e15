"""Simple search documents for initiatives, articles and events.

They share the analysis and the outbox pipeline with projects; each type has
its own alias so a rebuild of one does not touch the others.
"""

from __future__ import annotations

from django_elasticsearch_dsl import Document, fields
from django_elasticsearch_dsl.registries import registry

from kb.models import ArticlePage, EventPage
from projects.models import InitiativePage

from .client import index_alias
from .doc_fields import INDEX_SETTINGS, all_text, plain_text, text


class _PageDocument(Document):
    title = text()
    teaser = text()
    body = text()
    url = fields.KeywordField(index=False)
    slug = fields.KeywordField()
    published_at = fields.DateField()
    # The revision the document was made from.
    live_revision = fields.IntegerField()
    # A hash of the rest (``search.documents.prepare_all``; reconcile compares it).
    content_hash = fields.KeywordField(index=False)
    all_text = all_text()

    def prepare_url(self, page) -> str:
        return page.get_url() or ""

    def prepare_live_revision(self, page) -> int | None:
        return page.live_revision_id

    def prepare_published_at(self, page):
        return page.first_published_at

    def prepare_content_hash(self, page) -> None:
        return None

    def prepare_all_text(self, page) -> None:
        return None


@registry.register_document
class InitiativeDocument(_PageDocument):
    """An initiative's profile as public search sees it."""

    organisation_type = fields.KeywordField()

    class Index:
        name = index_alias("initiatives")
        settings = INDEX_SETTINGS

    class Django:
        model = InitiativePage
        ignore_signals = True
        auto_refresh = False

    def get_queryset(self):
        return InitiativePage.objects.select_related("organisation_type")

    def prepare_teaser(self, page: InitiativePage) -> str:
        return ""

    def prepare_body(self, page: InitiativePage) -> str:
        return plain_text(page.description)

    def prepare_organisation_type(self, page: InitiativePage) -> str | None:
        kind = page.organisation_type
        return kind.slug if kind else None


@registry.register_document
class ArticleDocument(_PageDocument):
    """A knowledge article as public search sees it."""

    fields_of_action = fields.KeywordField(multi=True)

    class Index:
        name = index_alias("articles")
        settings = INDEX_SETTINGS

    class Django:
        model = ArticlePage
        ignore_signals = True
        auto_refresh = False

    def get_queryset(self):
        return ArticlePage.objects.prefetch_related("fields_of_action")

    def prepare_body(self, page: ArticlePage) -> str:
        return plain_text(str(page.body))

    def prepare_fields_of_action(self, page: ArticlePage) -> list[str]:
        return [f.slug for f in page.fields_of_action.all()]


@registry.register_document
class EventDocument(_PageDocument):
    """An event (conference, workshop) as public search sees it."""

    start = fields.DateField()
    region = fields.KeywordField()

    class Index:
        name = index_alias("events")
        settings = INDEX_SETTINGS

    class Django:
        model = EventPage
        ignore_signals = True
        auto_refresh = False

    def get_queryset(self):
        return EventPage.objects.select_related("region")

    def prepare_body(self, page: EventPage) -> str:
        return " ".join([plain_text(page.programme), plain_text(page.results)])

    def prepare_region(self, page: EventPage) -> str | None:
        return page.region.slug if page.region else None
