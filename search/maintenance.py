"""Rebuilding an index behind its alias and reconciling index with database."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from elasticsearch import helpers

from .client import get_client
from .documents import DOCUMENTS, HASH_FIELD, document_hash, prepare_all
from .indexing import create_physical_index, sync_objects
from .versions import next_version

logger = logging.getLogger(__name__)
DEFAULT_BATCH_SIZE = 2000
BULKS_IN_FLIGHT = 2
# One bulk request per prepared batch (the client's default splits at 500).
BULK_BYTES = 50 * 1024 * 1024


def building_alias(alias: str) -> str:
    """Second alias on an index being rebuilt: the outbox drain writes there
    too, so updates published during a rebuild are not lost."""
    return f"{alias}-building"


def public_pages(document_class):
    return document_class().get_queryset().live().public()


def _chunks(ids: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _batches(
    document_class,
    queryset,
    ids: list[int],
    physical: str,
    batch_size: int,
    after_batch: Callable[[], None] | None,
) -> Iterator[list[dict]]:
    """Bulk actions, prepared a batch at a time with prefetched relations."""
    for chunk in _chunks(ids, batch_size):
        # Taken before the rows are read: a drain that reads later writes a
        # higher version, so the bulk load never overwrites a newer state.
        version = next_version()
        rows = getattr(document_class, "rows", None)
        found = rows(queryset, chunk) if rows else queryset.filter(pk__in=chunk)
        pages = [page for page in found if page.live_revision_id]
        bodies = prepare_all(document_class, pages)
        yield [
            {
                "_op_type": "index",
                "_index": physical,
                "_id": str(page.pk),
                "_source": body,
                "version": version,
                "version_type": "external",
            }
            for page, body in zip(pages, bodies, strict=True)
        ]
        if after_batch:
            after_batch()


def _loaded(result: tuple[int, list]) -> int:
    """Documents of one bulk call that are now in the index. A 409 means the
    outbox drain already wrote this page to the building index at the same or
    a newer revision, so the page is there too (not counting it made the
    reported total depend on timing); anything else is an error."""
    done, errors = result
    real = [e for e in errors if e.get("index", {}).get("status") != 409]
    if real:
        raise RuntimeError(f"Bulk indexing failed: {real[:3]}")
    return done + len(errors)


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
        # No refreshes while loading: segments are built once at the end.
        client.indices.put_settings(
            index=physical, settings={"index": {"refresh_interval": "-1"}}
        )
        queryset = public_pages(document_class)
        ids = list(queryset.order_by("pk").values_list("pk", flat=True))
        # Documents are prepared here, in the thread that owns the database
        # connection; meanwhile workers send the previous batches, two at a
        # time, so Elasticsearch indexes on both cores.
        sender = client.options(request_timeout=120)
        with ThreadPoolExecutor(max_workers=BULKS_IN_FLIGHT) as pool:
            pending: deque[Future] = deque()
            for actions in _batches(
                document_class, queryset, ids, physical, batch_size, after_batch
            ):
                if len(pending) >= BULKS_IN_FLIGHT:
                    loaded += _loaded(pending.popleft().result())
                pending.append(
                    pool.submit(
                        helpers.bulk,
                        sender,
                        actions,
                        raise_on_error=False,
                        chunk_size=len(actions),
                        max_chunk_bytes=BULK_BYTES,
                    )
                )
            while pending:
                loaded += _loaded(pending.popleft().result())
        client.indices.put_settings(
            index=physical, settings={"index": {"refresh_interval": None}}
        )
        client.indices.refresh(index=physical)
        # One segment per index: the bulk load leaves a dozen, and every
        # query and facet aggregation runs once per segment.
        sender.indices.forcemerge(index=physical, max_num_segments=1)
        old = (
            list(client.indices.get_alias(name=alias))
            if client.indices.exists_alias(name=alias)
            else []
        )
        client.indices.update_aliases(
            actions=[
                *({"remove": {"index": name, "alias": alias}} for name in old),
                {"add": {"index": physical, "alias": alias, "is_write_index": True}},
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


def indexed_hashes(alias: str) -> dict[int, tuple[str | None, str]]:
    """id → (the hash stored with the document at index time, the hash of
    the stored ``_source``). The first is None for documents written before
    the field existed; the second differs from the first when the document
    was changed by anything but our pipeline."""
    client = get_client()
    if not client.indices.exists_alias(name=alias):
        return {}
    found = {}
    for hit in helpers.scan(
        client, index=alias, query={"query": {"match_all": {}}}, size=500
    ):
        source = hit.get("_source", {})
        found[int(hit["_id"])] = (source.get(HASH_FIELD), document_hash(source))
    return found


def expected_hashes(
    document_class, batch_size: int = DEFAULT_BATCH_SIZE
) -> dict[int, str]:
    """id → the hash of the document the database would produce now, for
    every public page, prepared in batches as a rebuild does."""
    queryset = public_pages(document_class)
    ids = list(queryset.order_by("pk").values_list("pk", flat=True))
    rows = getattr(document_class, "rows", None)
    expected: dict[int, str] = {}
    for chunk in _chunks(ids, batch_size):
        found = rows(queryset, chunk) if rows else queryset.filter(pk__in=chunk)
        pages = [page for page in found if page.live_revision_id]
        for page, body in zip(pages, prepare_all(document_class, pages), strict=True):
            expected[page.pk] = body[HASH_FIELD]
    return expected


def reconcile(repair: bool = False) -> list[Drift]:
    """Compare the hash of the document the database would produce with the
    hash stored in the index, for every public page of each type: any drift
    (a missed dependent, a hand-edited document, an older writer) shows. With
    ``repair`` every drifted id is re-synced through the path the outbox uses
    (with a new version, so a repair always wins)."""
    report = []
    for (app_label, model_name), document_class in DOCUMENTS.items():
        expected = expected_hashes(document_class)
        actual = indexed_hashes(document_class._index._name)
        drift = Drift(label=f"{app_label}.{model_name}")
        drift.missing = sorted(set(expected) - set(actual))
        drift.orphaned = sorted(set(actual) - set(expected))
        drift.stale = sorted(
            pk
            for pk in set(expected) & set(actual)
            if actual[pk] != (expected[pk], expected[pk])
        )
        if repair and drift.ids:
            sync_objects(app_label, model_name, drift.ids)
        report.append(drift)
    return report
