"""Index on Wagtail's publish, unpublish, move and delete signals, never on
plain saves, so drafts cannot reach the public index."""

from __future__ import annotations

from django.apps import apps
from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import db_terms, memo, outbox
from .facets import VOCABULARY_MODELS


def _on_change(sender, instance, **kwargs) -> None:
    outbox.record(instance)


page_published.connect(_on_change, dispatch_uid="search-outbox-published")
page_unpublished.connect(_on_change, dispatch_uid="search-outbox-unpublished")
post_page_move.connect(_on_change, dispatch_uid="search-outbox-moved")
post_delete.connect(_on_change, dispatch_uid="search-outbox-deleted")

# The database fallbacks' terms table (search.db_terms, PostgreSQL or SQLite)
# changes in the same transaction as the page.
page_published.connect(db_terms.on_page_change, dispatch_uid="search-fts-published")
page_unpublished.connect(db_terms.on_page_change, dispatch_uid="search-fts-unpublished")
post_page_move.connect(db_terms.on_page_change, dispatch_uid="search-fts-moved")
post_delete.connect(db_terms.on_page_change, dispatch_uid="search-fts-deleted")
post_migrate.connect(db_terms.fill_if_empty, dispatch_uid="search-fts-migrated")

# Cached vocabularies, synonyms and promotions (search.memo) follow edits.
for _app_label, _model_name in [
    *VOCABULARY_MODELS,
    ("search", "SynonymGroup"),
    ("search", "GlossaryEntry"),
    ("wagtailsearchpromotions", "SearchPromotion"),
]:
    _model = apps.get_model(_app_label, _model_name)
    for _signal in (post_save, post_delete):
        _signal.connect(
            memo.clear_all,
            sender=_model,
            dispatch_uid=f"search-memo-{_app_label}-{_model_name}-{id(_signal)}",
        )
