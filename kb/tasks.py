"""Mail tasks of the knowledge base."""

from __future__ import annotations

from celery import shared_task
from django.core.mail import send_mail
from django.utils.translation import gettext

from .mail_text import paragraphs, written_in


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_signature_confirmation(
    signature_id: int, confirm_url: str, language: str | None = None
) -> None:
    """The double opt-in mail, in the language the supporter signed in
    (tasks queued before it was passed write German)."""
    from .models.alliance import Signature

    signature = Signature.objects.filter(pk=signature_id).first()
    if signature is None or signature.confirmed_at:
        return
    with written_in(language):
        body = paragraphs(
            gettext("Guten Tag %(name)s,") % {"name": signature.name},
            gettext(
                "vielen Dank, dass Sie den Aufruf „Niedersachsen packt an“ "
                "unterstützen. Bitte bestätigen Sie Ihre Unterschrift "
                "innerhalb von sieben Tagen:"
            ),
            confirm_url,
            gettext(
                "Wenn Sie nicht unterschrieben haben, ignorieren Sie diese "
                "Nachricht; dann wird nichts veröffentlicht."
            ),
        )
        subject = gettext("Bitte bestätigen Sie Ihre Unterschrift unter den Aufruf")
    send_mail(subject, body + "\n", None, [signature.email])
