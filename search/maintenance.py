"""Rebuilding an index behind its alias and reconciling index with database."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from elasticsearch import helpers

from .client import get_client
from .documents import DOCUMENTS
from .indexing import create_physical_index, sync_objects

logger = logging.getLogger(__name__)
DEFAULT_BATCH_SIZE = 500


def building_alias(alias: str) -> str:
    """Second alias on an index being rebuilt: the outbox drain writes there
    too, so updates published during a rebuild are not lost."""
    return f"{alias}-building"


def public_pages(document_class):
    return document_class().get_queryset().live().public()


def _chunks(ids: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def rebuild(
    document_class,
    batch_size: int = DEFAULT_BATCH_SIZE,
    after_batch: Callable[[], None] | None = None,
) -> tuple[str, int]:
    """Bulk-load a new physical index and swap the alias to it in one call.

    Readers keep using the old index until the swap; documents carry the live
    revision as external version, so neither the bulk load nor a concurrent
    drain can overwrite a newer document. Returns (index name, documents)."""
    client = get_client()
    alias = document_class._index._name
    building = building_alias(alias)
    physical = create_physical_index(document_class)
    client.indices.put_alias(index=physical, name=building)
    loaded = 0
    try:
        queryset = public_pages(document_class)
        ids = list(queryset.order_by("pk").values_list("pk", flat=True))
        document = document_class()
        for chunk in _chunks(ids, batch_size):
            actions = [
                {
                    "_op_type": "index",
                    "_index": physical,
                    "_id": str(page.pk),
                    "_source": document.prepare(page),
                    "version": page.live_revision_id,
                    "version_type": "external",
                }
                for page in queryset.filter(pk__in=chunk)
                if page.live_revision_id
            ]
            _, errors = helpers.bulk(
                client, actions, raise_on_error=False, request_timeout=60
            )
            real = [e for e in errors if e.get("index", {}).get("status") != 409]
            if real:
                raise RuntimeError(f"Bulk indexing failed: {real[:3]}")
            loaded += len(actions) - len(errors)
            if after_batch:
                after_batch()
        client.indices.refresh(index=physical)
        old = (
            list(client.indices.get_alias(name=alias))
            if client.indices.exists_alias(name=alias)
            else []
        )
        client.indices.update_aliases(
            actions=[
                *({"remove": {"index": name, "alias": alias}} for name in old),
                {"add": {"index": physical, "alias": alias}},
                {"remove": {"index": physical, "alias": building}},
            ]
        )
    except Exception:
        client.indices.delete(index=physical, ignore_unavailable=True)
        raise
    for name in old:
        client.indices.delete(index=name, ignore_unavailable=True)
    return physical, loaded


@dataclass
class Drift:
    label: str
    missing: list[int] = field(default_factory=list)
    stale: list[int] = field(default_factory=list)
    orphaned: list[int] = field(default_factory=list)

    @property
    def ids(self) -> list[int]:
        return sorted({*self.missing, *self.stale, *self.orphaned})


def indexed_versions(alias: str) -> dict[int, int]:
    client = get_client()
    if not client.indices.exists_alias(name=alias):
        return {}
    return {
        int(hit["_id"]): hit["_version"]
        for hit in helpers.scan(
            client,
            index=alias,
            query={"query": {"match_all": {}}, "_source": False, "version": True},
            size=1000,
        )
    }


def reconcile(repair: bool = False) -> list[Drift]:
    """Compare (id, live revision) in the database with (id, _version) in
    each index; with ``repair`` re-sync every drifted id through the same
    path the outbox uses."""
    report = []
    for (app_label, model_name), document_class in DOCUMENTS.items():
        expected = dict(
            public_pages(document_class).values_list("pk", "live_revision_id")
        )
        actual = indexed_versions(document_class._index._name)
        drift = Drift(label=f"{app_label}.{model_name}")
        drift.missing = sorted(set(expected) - set(actual))
        drift.orphaned = sorted(set(actual) - set(expected))
        drift.stale = sorted(
            pk for pk in set(expected) & set(actual) if expected[pk] != actual[pk]
        )
        if repair and drift.ids:
            sync_objects(app_label, model_name, drift.ids, {})
        report.append(drift)
    return report
