"""Recording changes in the outbox and asking a worker to drain it."""

from __future__ import annotations

import logging

from django.db import transaction

from . import db_terms
from .client import is_configured
from .dependents import Targets, affected
from .models import OutboxEntry

logger = logging.getLogger(__name__)
PROJECTS = ("projects", "projectpage")


def record(instance) -> int:
    """Note in the current transaction that every document ``instance``
    affects (``search.dependents``) must be re-synced. Returns the number of
    outbox entries written."""
    return record_targets(affected(instance))


def record_targets(targets: Targets) -> int:
    """Outbox entries for these documents, and the database fallback's terms
    of these projects rewritten, both in the current transaction: the
    fallback and Elasticsearch follow the same list."""
    if targets.get(PROJECTS):
        db_terms.sync(sorted(targets[PROJECTS]))
    if not is_configured():
        return 0
    entries = [
        OutboxEntry(app_label=app_label, model_name=model_name, object_id=object_id)
        for (app_label, model_name), ids in sorted(targets.items())
        for object_id in sorted(ids)
    ]
    if not entries:
        return 0
    OutboxEntry.objects.bulk_create(entries)
    transaction.on_commit(schedule_drain)
    return len(entries)


def schedule_drain() -> None:
    """Queue a drain; if the broker is down the periodic drain catches up."""
    from .tasks import drain_outbox

    try:
        drain_outbox.apply_async(retry=False)
    except Exception:  # noqa: BLE001  (any broker failure must not break a save)
        logger.warning(
            "Could not queue the search outbox drain; beat will retry.", exc_info=True
        )
