"""Registering and confirming signatures under the call (double opt-in)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language

from .handoff import queue_on_commit
from .models.alliance import CallPage, Signature
from .page_cache import bump_version
from .tasks import send_signature_confirmation

# What a new submission replaces on a signature that waits for confirmation.
SUBMITTED_FIELDS = ("kind", "name", "organisation", "place", "list_publicly")


def register_signature(call: CallPage, form, request) -> None:
    """Store an unconfirmed signature and send the confirmation link.

    An address that already signed gets no second row: an unconfirmed one takes
    the new submission's data (the first submitter may not have been the owner
    of the address) and the link again, a confirmed one nothing, so the page
    never tells who signed. The row is the record of the mail: if the broker
    is down, the sweeper sends it later."""
    data = form.cleaned_data
    with transaction.atomic():
        signature = (
            Signature.objects.select_for_update()
            .filter(call=call, email__iexact=data["email"])
            .first()
        )
        if signature is not None and signature.confirmed_at:
            return
        if signature is None:
            signature = form.save(commit=False)
            signature.call = call
        else:
            for name in SUBMITTED_FIELDS:
                setattr(signature, name, data.get(name, getattr(signature, name)))
        signature.consent_text = form.consent_text
        signature.consented_at = timezone.now()
        signature.language = (get_language() or "de")[:10]
        signature.confirmation_sent_at = None
        signature.save()
        queue_on_commit(send_signature_confirmation, signature.pk)


def confirm_signature(call: CallPage, token: str, *, commit: bool = True) -> str:
    """ "ask" (valid, not yet confirmed, ``commit`` False), "confirmed",
    "already" or "invalid"."""
    signature = Signature.from_token(token)
    if signature is None or signature.call_id != call.pk:
        return "invalid"
    if signature.confirmed_at:
        return "already"
    if not commit:
        return "ask"
    updated = Signature.objects.filter(pk=signature.pk, confirmed_at=None).update(
        confirmed_at=timezone.now()
    )
    if not updated:
        return "already"
    # The home page and the statistics count confirmed signatures; an update
    # sends no signal for ``kb.page_cache`` to see.
    bump_version()
    return "confirmed"
