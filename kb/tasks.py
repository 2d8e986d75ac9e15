"""Mail tasks of the knowledge base, their sweeper and the retention of
unconfirmed signatures."""

from __future__ import annotations

from datetime import timedelta

from celery import shared_task
from django.core.mail import EmailMessage
from django.utils import timezone
from django.utils.translation import gettext

from .handoff import mail_headers, send_once, sweep
from .mail_text import paragraphs, written_in

MAIL_RETRY = {
    "autoretry_for": (OSError,),
    "retry_backoff": True,
    "retry_backoff_max": 600,
    "retry_jitter": True,
    "max_retries": 5,
}
# Links in the confirmation mail stay valid this long (SIGNATURE_MAX_AGE).
CONFIRMATION_DAYS = 7
# Unconfirmed signatures are deleted after this many days (docs/privacy.md).
UNCONFIRMED_SIGNATURE_DAYS = 30


def _signatures():
    from .models.alliance import Signature

    return Signature.objects.filter(confirmed_at=None).select_related("call")


@shared_task(**MAIL_RETRY)
def send_signature_confirmation(
    signature_id: int, confirm_url: str | None = None, language: str | None = None
) -> bool:
    """The double opt-in mail, in the language the supporter signed in; sent
    once per submission (the link is built from the row; the other arguments
    are those of tasks queued before the row carried them)."""
    return send_once(
        _signatures(), signature_id, _send_confirmation, field="confirmation_sent_at"
    )


def _send_confirmation(signature) -> None:
    with written_in(signature.language):
        body = paragraphs(
            gettext("Guten Tag %(name)s,") % {"name": signature.name},
            gettext(
                "vielen Dank, dass Sie den Aufruf „Niedersachsen packt an“ "
                "unterstützen. Bitte bestätigen Sie Ihre Unterschrift "
                "innerhalb von sieben Tagen:"
            ),
            signature.confirm_url(),
            gettext(
                "Wenn Sie nicht unterschrieben haben, ignorieren Sie diese "
                "Nachricht; dann wird nichts veröffentlicht."
            ),
        )
        subject = gettext("Bitte bestätigen Sie Ihre Unterschrift unter den Aufruf")
    EmailMessage(
        subject,
        body + "\n",
        to=[signature.email],
        headers=mail_headers(signature, "confirmation", signature.consented_at),
    ).send()


@shared_task
def sweep_signature_confirmations() -> int:
    """Send the confirmation mails a broker outage kept from being queued."""
    return sweep(
        _signatures(),
        _send_confirmation,
        created_field="consented_at",
        max_age=timedelta(days=CONFIRMATION_DAYS),
        field="confirmation_sent_at",
    )


@shared_task
def purge_unconfirmed_signatures() -> int:
    """Delete signatures nobody confirmed within the retention period."""
    from .models.alliance import Signature

    cutoff = timezone.now() - timedelta(days=UNCONFIRMED_SIGNATURE_DAYS)
    deleted, _ = Signature.objects.filter(
        confirmed_at=None, consented_at__lt=cutoff
    ).delete()
    return deleted
