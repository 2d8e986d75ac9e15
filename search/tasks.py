"""Celery tasks that keep the index in step with the database, and the
retention of the search log."""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from elastic_transport import TransportError

from kb.page_cache import bump_version

from .client import is_configured
from .indexing import sync_objects
from .models import OutboxEntry, SearchLog

logger = logging.getLogger(__name__)

BATCH_SIZE = 200


@shared_task(
    autoretry_for=(TransportError,),
    retry_backoff=2,
    retry_backoff_max=120,
    max_retries=8,
)
def drain_outbox() -> int:
    """Sync every object named in the outbox; entries go only after success.

    A transport error (Elasticsearch unreachable) rolls the batch back for
    the retry. Any other error is one entry's own (a document Elasticsearch
    refuses, a page whose preparation fails): that group is retried entry
    by entry, the failing entries get ``attempts`` and ``last_error``, and
    after ``OUTBOX_MAX_ATTEMPTS`` they are dead letters; the rest drains."""
    if not is_configured():
        return 0
    done = 0
    failed_this_run: set[int] = set()
    while True:
        with transaction.atomic():
            entries = list(
                OutboxEntry.objects.select_for_update(skip_locked=True)
                .filter(dead_at__isnull=True)
                .exclude(pk__in=failed_this_run)
                .order_by("id")[:BATCH_SIZE]
            )
            if not entries:
                break
            failed = _sync_entries(entries)
            failed_this_run.update(failed)
            _record_failures(entries, failed)
            OutboxEntry.objects.filter(
                pk__in=[e.pk for e in entries if e.pk not in failed]
            ).delete()
            done += len(entries) - len(failed)
    if done:
        # sync_objects refreshed the index: every search from now on sees
        # the change, so pages cached under the new version are current.
        bump_version()
    return done


def _sync_entries(entries: list[OutboxEntry]) -> dict[int, str]:
    """entry id → error, for the entries that could not be synced."""
    groups: dict[tuple[str, str], set[int]] = defaultdict(set)
    for entry in entries:
        groups[(entry.app_label, entry.model_name)].add(entry.object_id)
    failed: dict[int, str] = {}
    for (app_label, model_name), ids in groups.items():
        try:
            with transaction.atomic():
                sync_objects(app_label, model_name, sorted(ids))
            continue
        except TransportError:
            raise
        except Exception:  # noqa: BLE001  (one entry's problem; see below)
            logger.warning("Outbox batch failed; syncing one by one.", exc_info=True)
        for object_id in sorted(ids):
            try:
                with transaction.atomic():
                    sync_objects(app_label, model_name, [object_id])
            except TransportError:
                raise
            except Exception as error:  # noqa: BLE001  (recorded on the entry)
                for entry in entries:
                    if (entry.app_label, entry.model_name, entry.object_id) == (
                        app_label,
                        model_name,
                        object_id,
                    ):
                        failed[entry.pk] = f"{type(error).__name__}: {error}"[:2000]
    return failed


def _record_failures(entries: list[OutboxEntry], failed: dict[int, str]) -> None:
    limit = settings.OUTBOX_MAX_ATTEMPTS
    now = timezone.now()
    for entry in entries:
        if entry.pk not in failed:
            continue
        entry.attempts += 1
        entry.last_error = failed[entry.pk]
        if entry.attempts >= limit:
            entry.dead_at = now
            logger.error(
                "Outbox entry %s is a dead letter: %s", entry, entry.last_error
            )
        entry.save(update_fields=["attempts", "last_error", "dead_at"])


@shared_task
def index_objects(app_label: str, model_name: str, ids: list[int]) -> tuple[int, int]:
    """Re-sync the given objects directly (used by commands and imports)."""
    result = sync_objects(app_label, model_name, ids)
    bump_version()
    return result


@shared_task(autoretry_for=(TransportError,), retry_backoff=30, max_retries=3)
def reconcile_search() -> int:
    """Periodic repair of drift between database and index."""
    from .maintenance import reconcile

    if not is_configured():
        return 0
    repaired = sum(len(drift.ids) for drift in reconcile(repair=True))
    if repaired:
        bump_version()
    return repaired


@shared_task
def purge_search_log() -> None:
    """Delete logged searches older than ``SEARCH_LOG_DAYS`` (daily, beat)."""
    cutoff = timezone.now() - timedelta(days=settings.SEARCH_LOG_DAYS)
    # One DELETE statement: QuerySet.delete would load every row to send
    # post_delete, which kb.page_cache listens to for all models.
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {connection.ops.quote_name(SearchLog._meta.db_table)} "  # noqa: S608
            "WHERE created_at < %s",
            [cutoff],
        )
        deleted = cursor.rowcount
    logger.info("Search log: %s searches older than %s deleted.", deleted, cutoff)
