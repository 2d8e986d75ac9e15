"""Handing mail work to Celery without depending on the broker.

The database row is the record of what must be sent; the task queued after the
commit only sends it sooner. When the broker is down the hand-off is logged and
dropped, the request still succeeds, and a sweeper in Celery beat sends the row
later. ``send_once`` locks the row, so the task and the sweeper never send the
same mail twice.

Each mail a row owes carries a Message-ID fixed by the row (``message_id``):
every attempt sends the same one, so when a worker dies after the server
accepted a mail but before the row was marked sent, the receiving server (and
the reader's client) can recognise the repeat as the same message."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

logger = logging.getLogger(__name__)


def sweep_grace() -> timedelta:
    """Rows younger than this belong to the task queued at commit; the sweeper
    leaves them alone so it does not race a healthy hand-off."""
    return timedelta(seconds=settings.MAIL_SWEEP_GRACE_SECONDS)


def message_id(row: models.Model, mail: str, owed_since: datetime | None) -> str:
    """The Message-ID of the mail ``mail`` that ``row`` owes since
    ``owed_since`` (the time the row was written, or re-requested: a new
    request is a new mail and gets a new ID, else a server that already saw
    the ID could drop it as a duplicate).

    Derived, not stored: the same row, mail and time give the same ID on
    every attempt, with no column or migration per mail. Keyed with the
    SECRET_KEY, so the header reveals no row ids or counts."""
    stamp = f"{owed_since.timestamp():.6f}" if owed_since else ""
    seed = f"{row._meta.label_lower}:{row.pk}:{mail}:{stamp}"
    mac = salted_hmac("kb.handoff.message_id", seed, algorithm="sha256")
    digest = mac.hexdigest()[:32]
    domain = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"
    return f"<{digest}@{domain}>"


def mail_headers(row: models.Model, mail: str, owed_since: datetime | None):
    """The headers of an owed mail: its stable Message-ID."""
    return {"Message-ID": message_id(row, mail, owed_since)}


def queue(task, *args) -> bool:
    """Queue ``task`` now; False (and a warning) when the broker is down."""
    try:
        task.apply_async(args, retry=False)
    except Exception:  # noqa: BLE001  (any broker failure must not answer 5xx)
        logger.warning("Could not queue %s%r; beat sends it later.", task.name, args)
        return False
    return True


def queue_on_commit(task, *args) -> None:
    transaction.on_commit(lambda: queue(task, *args))


def send_once(
    queryset: models.QuerySet,
    pk: int,
    send: Callable[[models.Model], None],
    *,
    field: str = "sent_at",
) -> bool:
    """Send the unsent row ``pk`` and mark it sent, in one locked transaction.

    A row another worker holds is skipped: that worker is sending it. When
    ``send`` raises, the row stays unsent for the retry or the next sweep."""
    with transaction.atomic():
        row = (
            queryset.select_for_update(skip_locked=True)
            .filter(pk=pk, **{field: None})
            .first()
        )
        if row is None:
            return False
        send(row)
        setattr(row, field, timezone.now())
        row.save(update_fields=[field])
    return True


def sweep(
    queryset: models.QuerySet,
    send: Callable[[models.Model], None],
    *,
    created_field: str,
    max_age: timedelta,
    field: str = "sent_at",
) -> int:
    """Send every unsent row older than ``sweep_grace()`` and younger than
    ``max_age`` (older links would have expired); returns how many."""
    now = timezone.now()
    pending = queryset.filter(
        **{
            field: None,
            f"{created_field}__lt": now - sweep_grace(),
            f"{created_field}__gte": now - max_age,
        },
    ).values_list("pk", flat=True)
    sent = 0
    for pk in list(pending):
        try:
            sent += send_once(queryset, pk, send, field=field)
        except OSError:
            logger.warning("Sweeper could not send %s %s", queryset.model, pk)
    return sent
