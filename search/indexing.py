"""Writing documents into Elasticsearch with monotonic external versions
(``search.versions``): a write or delete always carries a version taken
before the state it reflects was read, so the newest read wins."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from django.apps import apps
from elasticsearch import ApiError, ConflictError, NotFoundError

from .client import get_client
from .documents import DOCUMENTS, prepare_all
from .events import documents_indexed, documents_removed
from .versions import next_version

logger = logging.getLogger(__name__)


def document_for(app_label: str, model_name: str):
    try:
        return DOCUMENTS[(app_label, model_name)]
    except KeyError:
        raise LookupError(f"{app_label}.{model_name} has no search document") from None


def ensure_index(document_class) -> str:
    """Create a physical index behind the document's alias unless one exists.

    The alias comes with the index in one request, as its write index: when
    two processes write their first document at once, Elasticsearch refuses
    the second index (an alias has one write index), so the alias never ends
    up pointing at two indices that nobody can write through."""
    client = get_client()
    alias = document_class._index._name
    if client.indices.exists_alias(name=alias):
        return alias
    try:
        create_physical_index(document_class, write_alias=alias)
    except ApiError:
        if not client.indices.exists_alias(name=alias):
            raise
        # Another process created it first; its index is the one to use.
    return alias


def create_physical_index(document_class, write_alias: str | None = None) -> str:
    alias = document_class._index._name
    stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S%f")
    physical = f"{alias}-{stamp}"
    index = document_class._index.clone(name=physical)
    if write_alias:
        index.aliases(**{write_alias: {"is_write_index": True}})
    index.create(using=get_client())
    return physical


def _is_public(page) -> bool:
    return page.live and not page.get_view_restrictions().exists()


def sync_objects(app_label: str, model_name: str, ids: list[int]):
    """Make the index agree with the database for these ids. Every write and
    delete carries one new version, taken before the pages are read.
    Returns (indexed, deleted)."""
    document_class = document_for(app_label, model_name)
    alias = ensure_index(document_class)
    client = get_client()
    version = next_version()
    model = apps.get_model(app_label, model_name)
    queryset = document_class().get_queryset()
    pages = {page.pk: page for page in queryset.filter(pk__in=ids)}
    public = [page for page in pages.values() if _is_public(page)]
    bodies = dict(
        zip(
            (page.pk for page in public),
            prepare_all(document_class, public),
            strict=True,
        )
    )
    indexed_ids: list[int] = []
    removed_ids: list[int] = []
    # During a rebuild the new index gets every write too (search.maintenance).
    building = f"{alias}-building"
    targets = [alias]
    if client.indices.exists_alias(name=building):
        targets.append(building)
    for object_id in ids:
        if object_id in bodies:
            body = bodies[object_id]
            for target in targets:
                try:
                    client.index(
                        index=target,
                        id=str(object_id),
                        document=body,
                        version=version,
                        version_type="external",
                    )
                except ConflictError:
                    logger.info(
                        "%s #%s: index holds a newer revision", model_name, object_id
                    )
            indexed_ids.append(object_id)
            continue
        for target in targets:
            try:
                # A delete for a page the database says is not public wins.
                client.delete(
                    index=target,
                    id=str(object_id),
                    version=version,
                    version_type="external_gte",
                )
            except NotFoundError:
                pass
            except ConflictError:
                logger.info(
                    "%s #%s: index holds a newer version", model_name, object_id
                )
        removed_ids.append(object_id)
    # Searchable before anything that follows the drain runs: the page
    # cache's new version (``search.tasks``) must never be filled with
    # results from before the change.
    client.indices.refresh(index=",".join(targets))
    if indexed_ids:
        documents_indexed.send(sender=sync_objects, model=model, ids=indexed_ids)
    if removed_ids:
        documents_removed.send(sender=sync_objects, model=model, ids=removed_ids)
    return len(indexed_ids), len(removed_ids)
