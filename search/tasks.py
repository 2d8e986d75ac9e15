"""Celery tasks that keep the index in step with the database."""

from __future__ import annotations

from collections import defaultdict

from celery import shared_task
from django.db import transaction
from elastic_transport import TransportError

from .client import is_configured
from .indexing import sync_objects
from .models import OutboxEntry

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
