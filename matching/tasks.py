"""Celery tasks of matching; they take ids, never instances."""

from __future__ import annotations

import logging

from celery import shared_task
from elastic_transport import TransportError
from elasticsearch import ApiError

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
    return service.rebuild_all(batch_size=batch_size)


@shared_task
def relay_contact_request(request_id: int) -> bool:
    from django.utils import timezone

    from .contact import send_request
    from .models import ContactRequest

    contact = (
        ContactRequest.objects.select_related("target", "source")
        .filter(pk=request_id, relayed_at__isnull=True)
        .first()
    )
    if contact is None or contact.target is None:
        return False
    send_request(contact)
    ContactRequest.objects.filter(pk=request_id).update(relayed_at=timezone.now())
    return True


@shared_task
def relay_contact_reply(request_id: int, language: str | None = None) -> bool:
    """``language``: the one the project answered in (tasks queued before it
    was passed write German)."""
    from .contact import send_reply
    from .models import ContactRequest

    contact = ContactRequest.objects.select_related("target").filter(pk=request_id)
    contact = contact.first()
    if contact is None or contact.target is None or not contact.reply:
        return False
    send_reply(contact, language)
    return True


@shared_task
def ask_for_outcomes() -> int:
    """Ask senders, N days after relaying, whether the contact led anywhere."""
    from datetime import timedelta

    from django.conf import settings
    from django.utils import timezone

    from .contact import send_followup
    from .models import ContactRequest

    days = getattr(settings, "MATCHING_FOLLOWUP_DAYS", 21)
    due = ContactRequest.objects.select_related("target").filter(
        relayed_at__lte=timezone.now() - timedelta(days=days),
        followup_sent_at__isnull=True,
        outcome="",
    )
    sent = 0
    for contact in due[:200]:
        send_followup(contact)
        ContactRequest.objects.filter(pk=contact.pk).update(
            followup_sent_at=timezone.now()
        )
        sent += 1
    return sent
