"""Registering and confirming signatures under the call (double opt-in)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language

from .models.alliance import CallPage, Signature
from .tasks import send_signature_confirmation


def register_signature(call: CallPage, form, request) -> None:
    """Store an unconfirmed signature and send the confirmation link.

    An address that already signed gets no second row: unconfirmed ones get the
    link again, confirmed ones nothing, so the page never tells who signed."""
    data = form.cleaned_data
    with transaction.atomic():
        signature = Signature.objects.filter(
            call=call, email__iexact=data["email"]
        ).first()
        if signature is not None and signature.confirmed_at:
            return
        if signature is None:
            signature = form.save(commit=False)
            signature.call = call
        signature.consent_text = form.consent_text
        signature.consented_at = timezone.now()
        signature.save()
        confirm_url = request.build_absolute_uri(
            call.url + call.reverse_subpage("confirm", args=[signature.make_token()])
        )
        language = get_language()
        transaction.on_commit(
            lambda: send_signature_confirmation.delay(
                signature.pk, confirm_url, language
            )
        )


def confirm_signature(call: CallPage, token: str) -> str:
    signature = Signature.from_token(token)
    if signature is None or signature.call_id != call.pk:
        return "invalid"
    if signature.confirmed_at:
        return "already"
    signature.confirmed_at = timezone.now()
    signature.save(update_fields=["confirmed_at"])
    return "confirmed"
