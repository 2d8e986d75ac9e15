"""How long personal data is kept (docs/privacy.md), and discarding
accounts whose address was never verified."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from projects.models import InitiativePage

from .models import Invitation

UNVERIFIED_ACCOUNT_DAYS = 30
CONTACT_REQUEST_DAYS = 365
# Contact requests whose sender never confirmed the address (double opt-in).
UNCONFIRMED_CONTACT_DAYS = 30
ACCESS_LOG_DAYS = 90
# Invitations are valid seven days; the row is kept a while for the
# inviter's overview, then goes.
INVITATION_DAYS = 30


@transaction.atomic
def discard_unverified(user) -> None:
    """Delete an account that never verified its address, with the draft
    initiative its sign-up created (nobody else maintains it: an inactive
    account cannot invite)."""
    if user.is_active:
        raise ValueError("Only unverified accounts are discarded.")
    for initiative in InitiativePage.objects.filter(memberships__user=user, live=False):
        if not initiative.memberships.exclude(user=user).exists():
            initiative.delete()
    user.delete()


def purge_unverified_accounts() -> int:
    cutoff = timezone.now() - timedelta(days=UNVERIFIED_ACCOUNT_DAYS)
    users = get_user_model().objects.filter(
        is_active=False, date_joined__lt=cutoff, last_login=None
    )
    count = 0
    for user in users:
        discard_unverified(user)
        count += 1
    return count


def purge_access_logs() -> int:
    """django-axes keeps every login attempt with address and browser."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    cutoff = timezone.now() - timedelta(days=ACCESS_LOG_DAYS)
    deleted = AccessLog.objects.filter(attempt_time__lt=cutoff).delete()[0]
    deleted += AccessFailureLog.objects.filter(attempt_time__lt=cutoff).delete()[0]
    deleted += AccessAttempt.objects.filter(attempt_time__lt=cutoff).delete()[0]
    return deleted


def purge_contact_requests() -> int:
    """Twelve months after the last message of a contact, its people go:
    names, addresses and texts are cleared, the outcome stays for the
    editors' statistics. (Lives here: matching/ is maintained apart.)"""
    from django.db.models import F
    from django.db.models.functions import Coalesce, Greatest

    from matching.models import ContactRequest

    cutoff = timezone.now() - timedelta(days=CONTACT_REQUEST_DAYS)
    last = Greatest(
        F("created_at"),
        Coalesce("relayed_at", "created_at"),
        Coalesce("replied_at", "created_at"),
        Coalesce("followup_sent_at", "created_at"),
        Coalesce("outcome_at", "created_at"),
    )
    return (
        ContactRequest.objects.annotate(last_message=last)
        .filter(last_message__lt=cutoff)
        .exclude(sender_email="", sender_name="", message="", reply="")
        .update(sender_name="", sender_email="", message="", reply="")
    )


def purge_unconfirmed_contact_requests() -> int:
    """Requests never confirmed by their sender were never relayed: they go
    after 30 days."""
    from matching.models import ContactRequest

    cutoff = timezone.now() - timedelta(days=UNCONFIRMED_CONTACT_DAYS)
    return ContactRequest.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()[0]


def purge_invitations() -> int:
    cutoff = timezone.now() - timedelta(days=INVITATION_DAYS)
    return Invitation.objects.filter(created_at__lt=cutoff).delete()[0]


def purge_all() -> dict[str, int]:
    from kb.tasks import purge_unconfirmed_signatures

    return {
        "unverified_accounts": purge_unverified_accounts(),
        "access_logs": purge_access_logs(),
        "invitations": purge_invitations(),
        "contact_requests": purge_contact_requests(),
        "unconfirmed_contact_requests": purge_unconfirmed_contact_requests(),
        "unconfirmed_signatures": purge_unconfirmed_signatures(),
    }
