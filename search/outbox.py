"""Recording changes in the outbox and asking a worker to drain it."""

from __future__ import annotations

import logging

from django.db import transaction

from .client import is_configured
from .documents import DOCUMENTS
from .models import OutboxEntry

logger = logging.getLogger(__name__)


def is_indexed(instance) -> bool:
    meta = instance._meta
    return (meta.app_label, meta.model_name) in DOCUMENTS


def record(instance) -> OutboxEntry | None:
    """Note in the current transaction that ``instance`` must be re-synced."""
    if not is_configured() or not is_indexed(instance):
        return None
    instance = getattr(instance, "specific", instance)
    entry = OutboxEntry.objects.create(
        app_label=instance._meta.app_label,
        model_name=instance._meta.model_name,
        object_id=instance.pk,
        revision_id=getattr(instance, "latest_revision_id", None),
    )
    transaction.on_commit(schedule_drain)
    return entry


def schedule_drain() -> None:
    """Queue a drain; if the broker is down the periodic drain catches up."""
    from .tasks import drain_outbox

    try:
        drain_outbox.apply_async(retry=False)
    except Exception:  # noqa: BLE001  (any broker failure must not break a save)
        logger.warning(
            "Could not queue the search outbox drain; beat will retry.", exc_info=True
        )
