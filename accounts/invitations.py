"""Invitations as rows: single use, revocable, capped per member, and valid
only while the inviting person still maintains the initiative."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from kb.handoff import queue_on_commit

from .models import Invitation, Membership
from .tasks import send_invitation
from .tokens import INVITE_MAX_AGE, read_invitation

# Open invitations one member may have at a time (docs/accounts.md).
MAX_OPEN_PER_MEMBER = 10


def open_invitations():
    cutoff = timezone.now() - timedelta(seconds=INVITE_MAX_AGE)
    return Invitation.objects.filter(
        accepted_at=None, revoked_at=None, created_at__gte=cutoff
    )


def may_invite(user) -> bool:
    return open_invitations().filter(invited_by=user).count() < MAX_OPEN_PER_MEMBER


@transaction.atomic
def invite(initiative, email: str, inviter, language: str | None) -> Invitation:
    """A new row for the address (an open one for it is replaced) and its
    mail, queued after the commit; the sweeper sends it if the broker is down."""
    open_invitations().filter(initiative=initiative, email__iexact=email).update(
        revoked_at=timezone.now()
    )
    invitation = Invitation.objects.create(
        initiative=initiative,
        email=email,
        invited_by=inviter,
        language=(language or "de")[:10],
    )
    queue_on_commit(send_invitation, invitation.pk)
    return invitation


def revoke(invitation: Invitation) -> None:
    Invitation.objects.filter(pk=invitation.pk, accepted_at=None).update(
        revoked_at=timezone.now()
    )


def usable(token: str, *, lock: bool = False) -> Invitation | None:
    """The open invitation a link names, if its inviter is still a member."""
    invitation_id = read_invitation(token)
    if invitation_id is None:
        return None
    rows = open_invitations().select_related("initiative", "invited_by")
    if lock:
        rows = rows.select_for_update(of=("self",))
    invitation = rows.filter(pk=invitation_id).first()
    if invitation is None or not invitation.invited_by.is_active:
        return None
    inviter_is_member = Membership.objects.filter(
        user=invitation.invited_by, initiative=invitation.initiative
    ).exists()
    return invitation if inviter_is_member else None


def mark_accepted(invitation: Invitation) -> None:
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
