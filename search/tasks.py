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
    """Sync every object named in the outbox; entries go only after success."""
    if not is_configured():
        return 0
    done = 0
    while True:
        with transaction.atomic():
            entries = list(
                OutboxEntry.objects.select_for_update(skip_locked=True).order_by("id")[
                    :BATCH_SIZE
                ]
            )
            if not entries:
                return done
            groups: dict[tuple[str, str], dict[int, int]] = defaultdict(dict)
            for entry in entries:
                versions = groups[(entry.app_label, entry.model_name)]
                versions[entry.object_id] = max(
                    versions.get(entry.object_id) or 0, entry.revision_id or 0
                )
            # A TransportError leaves this block, rolls back and keeps the
            # entries for the retry or the periodic drain.
            for (app_label, model_name), versions in groups.items():
                sync_objects(app_label, model_name, list(versions), versions)
            OutboxEntry.objects.filter(pk__in=[e.pk for e in entries]).delete()
            done += len(entries)


@shared_task
def index_objects(app_label: str, model_name: str, ids: list[int]) -> tuple[int, int]:
    """Re-sync the given objects directly (used by commands and imports)."""
    return sync_objects(app_label, model_name, ids, {})


@shared_task(autoretry_for=(TransportError,), retry_backoff=30, max_retries=3)
def reconcile_search() -> int:
    """Periodic repair of drift between database and index."""
    from .maintenance import reconcile

    if not is_configured():
        return 0
    return sum(len(drift.ids) for drift in reconcile(repair=True))


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
    # Nothing returned: kb.page_cache makes every page stale when a
    # search.tasks task returns a result, and no page shows this log.
