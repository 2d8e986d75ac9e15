"""Follow the search index: recompute after a project was indexed, drop its
matches when it left. Without Elasticsearch there is no index pipeline, so
Wagtail's publish signals drive matching directly."""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished

from search.client import is_configured
from search.events import documents_indexed, documents_removed

logger = logging.getLogger(__name__)


def _is_project(model) -> bool:
    meta = model._meta
    return (meta.app_label, meta.model_name) == ("projects", "projectpage")


def _queue(task, ids: list[int]) -> None:
    try:
        task.apply_async((ids,), retry=False)
    except Exception:  # noqa: BLE001  (a broker outage must not break publishing)
        logger.warning("Could not queue %s for %s", task.name, ids, exc_info=True)


def on_indexed(sender, model, ids, **kwargs) -> None:
    if _is_project(model):
        from .tasks import recompute_matches

        _queue(recompute_matches, list(ids))


def on_removed(sender, model, ids, **kwargs) -> None:
    if _is_project(model):
        from .tasks import remove_matches

        _queue(remove_matches, list(ids))


def on_published(sender, instance, **kwargs) -> None:
    if is_configured() or not _is_project(type(instance)):
        return
    from .tasks import recompute_matches

    project_id = instance.pk
    transaction.on_commit(lambda: _queue(recompute_matches, [project_id]))


def on_unpublished(sender, instance, **kwargs) -> None:
    if is_configured() or not _is_project(type(instance)):
        return
    from .tasks import remove_matches

    project_id = instance.pk
    transaction.on_commit(lambda: _queue(remove_matches, [project_id]))


def connect() -> None:
    documents_indexed.connect(on_indexed, dispatch_uid="matching-indexed")
    documents_removed.connect(on_removed, dispatch_uid="matching-removed")
    page_published.connect(on_published, dispatch_uid="matching-published")
    page_unpublished.connect(on_unpublished, dispatch_uid="matching-unpublished")
    post_delete.connect(on_unpublished, dispatch_uid="matching-deleted")
