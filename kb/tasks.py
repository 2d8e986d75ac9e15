"""Mail tasks of the knowledge base."""

from __future__ import annotations

from celery import shared_task
from django.core.mail import send_mail


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_signature_confirmation(signature_id: int, confirm_url: str) -> None:
    from .models.alliance import Signature

    signature = Signature.objects.filter(pk=signature_id).first()
    if signature is None or signature.confirmed_at:
        return
    send_mail(
        "Bitte bestätigen Sie Ihre Unterschrift unter den Aufruf",
        (
            f"Guten Tag {signature.name},\n\n"
            "vielen Dank, dass Sie den Aufruf „Niedersachsen packt an“ unterstützen.\n"
            "Bitte bestätigen Sie Ihre Unterschrift innerhalb von sieben Tagen:\n\n"
            f"{confirm_url}\n\n"
            "Wenn Sie nicht unterschrieben haben, ignorieren Sie diese Nachricht; "
            "dann wird nichts veröffentlicht.\n"
        ),
        None,
        [signature.email],
    )
