"""Index on Wagtail's publish, unpublish, move and delete signals, never on
plain saves, so drafts cannot reach the public index."""

from __future__ import annotations

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import outbox


def _on_change(sender, instance, **kwargs) -> None:
    outbox.record(instance)


page_published.connect(_on_change, dispatch_uid="search-outbox-published")
page_unpublished.connect(_on_change, dispatch_uid="search-outbox-unpublished")
post_page_move.connect(_on_change, dispatch_uid="search-outbox-moved")
post_delete.connect(_on_change, dispatch_uid="search-outbox-deleted")
