"""Every change a search document depends on goes to the outbox (and the
database fallback's terms) in the transaction of the change, through one
list (``search.dependents``).

Pages follow Wagtail's publish, unpublish, move and delete signals, never
plain saves, so drafts cannot reach the public index; a new slug (which only
a publish writes to the page row) moves the address of every page below.
Vocabulary terms, tags and view restrictions follow their saves and deletes;
deletes are noted before the row goes, while the pages using it can still be
found."""

from __future__ import annotations

from django.db.models.signals import (
    post_delete,
    post_migrate,
    post_save,
    pre_delete,
    pre_save,
)
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import db_terms, outbox
from .dependents import RULES, indexed_subtree


def _on_page_change(sender, instance, **kwargs) -> None:
    outbox.record(instance)


def _on_page_move(sender, instance, **kwargs) -> None:
    outbox.record_targets(indexed_subtree(instance))


def _on_page_delete(sender, instance, **kwargs) -> None:
    # Sent for every model, and for a page once per table of its class:
    # the specific instance is the one to note.
    if isinstance(instance, Page) and type(instance) is not Page:
        outbox.record(instance)


def _on_slug_change(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or instance.pk is None or not isinstance(instance, Page):
        return
    if update_fields is not None and "slug" not in update_fields:
        return
    old = Page.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
    if old is not None and old != instance.slug:
        outbox.record_targets(indexed_subtree(instance, include_self=False))


def _on_row_change(sender, instance, created=False, raw=False, **kwargs) -> None:
    # A new term, tag or tagged item is used by no live page yet: pages that
    # start using it are published (and noted) themselves. A new view
    # restriction hides pages at once.
    if raw or (created and not isinstance(instance, PageViewRestriction)):
        return
    outbox.record(instance)


def _on_row_delete(sender, instance, **kwargs) -> None:
    outbox.record(instance)


page_published.connect(_on_page_change, dispatch_uid="search-outbox-published")
page_unpublished.connect(_on_page_change, dispatch_uid="search-outbox-unpublished")
post_page_move.connect(_on_page_move, dispatch_uid="search-outbox-moved")
post_delete.connect(_on_page_delete, dispatch_uid="search-outbox-deleted")
pre_save.connect(_on_slug_change, dispatch_uid="search-outbox-slug")
for _model in RULES:
    _label = _model._meta.label_lower
    post_save.connect(
        _on_row_change, sender=_model, dispatch_uid=f"search-outbox-saved-{_label}"
    )
    # A view restriction's pages are still there after it goes; the users of
    # a term or tag must be found before the delete cascades.
    _deleted = post_delete if _model is PageViewRestriction else pre_delete
    _deleted.connect(
        _on_row_delete, sender=_model, dispatch_uid=f"search-outbox-deleted-{_label}"
    )
post_migrate.connect(db_terms.fill_if_empty, dispatch_uid="search-fts-migrated")
