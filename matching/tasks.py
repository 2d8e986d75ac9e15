"""Celery tasks of matching; they take ids, never instances."""

from __future__ import annotations

import logging
from datetime import timedelta

from celery import shared_task
from elastic_transport import TransportError
from elasticsearch import ApiError

from kb.handoff import send_once, sweep
from kb.tasks import MAIL_RETRY
from search.client import get_client, index_alias, is_configured

from . import service

logger = logging.getLogger(__name__)


def _refresh_index() -> None:
    """Make just-indexed projects visible to more_like_this (one refresh per
    task, not per project)."""
    if not is_configured():
        return
    try:
        get_client().indices.refresh(index=index_alias("projects"))
    except (TransportError, ApiError):
        logger.info("Could not refresh the projects index before matching")


@shared_task
def recompute_matches(ids: list[int]) -> int:
    _refresh_index()
    return sum(service.recompute_for(project_id) for project_id in ids)


@shared_task
def remove_matches(ids: list[int]) -> int:
    return service.remove_for(ids)


@shared_task
def rebuild_matches(batch_size: int = 200) -> int:
    _refresh_index()
    # A worker's child scores in its own process (no forking there).
    return service.rebuild_all(batch_size=batch_size, processes=1)


# ---- The contact relay: each mail is owed by a row (kb.handoff) ------------


# No joins in these querysets: ``send_once`` locks the row (FOR UPDATE), and
# a join would lock the project page as well, or fail on an outer join.


def _unconfirmed():
    from .models import ContactRequest

    return ContactRequest.objects.filter(confirmed_at__isnull=True)


def _confirmed():
    """Confirmed requests to a project that still has a contact address."""
    from projects.models import ProjectPage

    from .models import ContactRequest

    addressed = ProjectPage.objects.exclude(contact_email="").values("pk")
    return ContactRequest.objects.filter(
        confirmed_at__isnull=False, target_id__in=addressed
    )


def _answered():
    return _confirmed().filter(relayed_at__isnull=False, replied_at__isnull=False)


@shared_task(**MAIL_RETRY)
def send_contact_confirmation(request_id: int) -> bool:
    """The double opt-in mail to the sender, exactly once."""
    from .contact import send_confirmation

    return send_once(
        _unconfirmed(), request_id, send_confirmation, field="confirmation_sent_at"
    )


@shared_task(**MAIL_RETRY)
def relay_contact_request(request_id: int) -> bool:
    """The message to the project, once the sender confirmed; exactly once."""
    from .contact import send_request

    return send_once(_confirmed(), request_id, send_request, field="relayed_at")


@shared_task(**MAIL_RETRY)
def relay_contact_reply(request_id: int, language: str | None = None) -> bool:
    """The answer to the sender and the address to the project, exactly once.
    ``language``: the one the project answered in (German when the sweeper
    sends it)."""
    from .contact import send_reply

    def send(contact) -> None:
        send_reply(contact, language)

    return send_once(_answered(), request_id, send, field="reply_sent_at")


@shared_task
def sweep_contact_relay() -> dict[str, int]:
    """Send the confirmation mails, relays and replies a broker outage kept
    from being queued; each exactly once (``kb.handoff``)."""
    from .contact import (
        CONFIRM_MAX_AGE,
        LINK_MAX_AGE,
        send_confirmation,
        send_reply,
        send_request,
    )

    return {
        "confirmation": sweep(
            _unconfirmed(),
            send_confirmation,
            created_field="created_at",
            max_age=timedelta(seconds=CONFIRM_MAX_AGE),
            field="confirmation_sent_at",
        ),
        "relay": sweep(
            _confirmed(),
            send_request,
            created_field="confirmed_at",
            max_age=timedelta(seconds=LINK_MAX_AGE),
            field="relayed_at",
        ),
        "reply": sweep(
            _answered(),
            send_reply,
            created_field="replied_at",
            max_age=timedelta(seconds=LINK_MAX_AGE),
            field="reply_sent_at",
        ),
    }


@shared_task
def ask_for_outcomes() -> int:
    """Ask senders, N days after relaying, whether the contact led anywhere;
    only when the project answered (without an answer there is nothing to
    ask about, and the address may be anyone's)."""
    from django.conf import settings
    from django.utils import timezone

    from .contact import send_followup
    from .models import ContactRequest

    days = getattr(settings, "MATCHING_FOLLOWUP_DAYS", 21)
    due = ContactRequest.objects.filter(
        confirmed_at__isnull=False,
        relayed_at__lte=timezone.now() - timedelta(days=days),
        replied_at__isnull=False,
        followup_sent_at__isnull=True,
        outcome="",
    )
    sent = 0
    for pk in list(due.values_list("pk", flat=True)[:200]):
        sent += send_once(due, pk, send_followup, field="followup_sent_at")
    return sent
