"""Relaying contact requests by e-mail without revealing the sender.

The recipient gets the message and a signed link to answer on our site; only
after answering does the recipient learn the sender's address (and the sender
receives the answer). Links are signed, so no token table is needed.
"""

from __future__ import annotations

import hashlib
import logging

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils.translation import gettext_noop

logger = logging.getLogger(__name__)

REPLY_SALT = "matching.contact.reply"
OUTCOME_SALT = "matching.contact.outcome"
LINK_MAX_AGE = 90 * 24 * 3600
RATE_LIMIT = 5
RATE_WINDOW = 3600
# The German consent wording is stored with each request (the binding text);
# forms show it translated. gettext_noop only marks it for makemessages.
CONSENT_TEXT = gettext_noop(
    "Ich bin einverstanden, dass meine Nachricht und mein Name an die "
    "Ansprechperson des Projekts weitergeleitet werden. Meine E-Mail-Adresse "
    "wird erst weitergegeben, wenn das Projekt über die Plattform antwortet. "
    "Die Plattform fragt mich später einmal, ob der Kontakt zu einer "
    "Zusammenarbeit geführt hat."
)
RATE_LIMIT_MESSAGE = gettext_noop(
    "Sie haben in der letzten Stunde zu viele Kontaktanfragen gesendet. "
    "Bitte versuchen Sie es später noch einmal."
)


def _key(kind: str, value: str) -> str:
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]
    return f"matching:contact:{kind}:{digest}"


def allow(ip: str, email: str) -> bool:
    """Count one request for the IP and the sender address; False past the limit.

    When the cache is unreachable the limit fails open (logged): CSRF, consent
    and the hidden address still protect the recipient."""
    allowed = True
    for key in (_key("ip", ip or "unknown"), _key("email", email)):
        try:
            cache.add(key, 0, RATE_WINDOW)
            count = cache.incr(key)
        except Exception:  # noqa: BLE001  (any cache failure: fail open)
            logger.warning("Contact rate limit unavailable", exc_info=True)
            return True
        allowed = allowed and count <= RATE_LIMIT
    return allowed


def contact_address(project) -> str:
    """The project's contact e-mail, else its initiative's."""
    if project.contact_email:
        return project.contact_email
    initiative = project.initiative
    return initiative.contact_email if initiative else ""


def reply_token(request_id: int) -> str:
    return signing.dumps(request_id, salt=REPLY_SALT)


def outcome_token(request_id: int) -> str:
    return signing.dumps(request_id, salt=OUTCOME_SALT)


def read_token(token: str, salt: str) -> int | None:
    try:
        return int(signing.loads(token, salt=salt, max_age=LINK_MAX_AGE))
    except (signing.BadSignature, TypeError, ValueError):
        return None


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_request(contact) -> None:
    """The first message: to the project, without the sender's address."""
    target = contact.target
    link = absolute(reverse("matching:reply", args=[reply_token(contact.pk)]))
    about = f" (über Ihr Projekt „{target.title}“)" if target else ""
    source = (
        f"\nGeschrieben auf der Seite von „{contact.source.title}“.\n"
        if (contact.source)
        else ""
    )
    body = (
        f"Guten Tag,\n\n{contact.sender_name} möchte mit Ihnen Kontakt aufnehmen"
        f"{about}:\n\n{contact.message}\n{source}\n"
        f"Antworten: {link}\n\n"
        "Die E-Mail-Adresse der absendenden Person geben wir erst weiter, wenn Sie "
        "über diesen Link antworten.\n\nNiedersachsen packt an – Gute Praxis"
    )
    EmailMessage(
        subject="Kontaktanfrage über „Niedersachsen packt an“",
        body=body,
        to=[contact_address(target)],
    ).send()


def send_reply(contact) -> None:
    """The answer goes to the sender; the recipient now learns the address."""
    recipient = contact_address(contact.target)
    title = contact.target.title if contact.target else "dem Projekt"
    EmailMessage(
        subject=f"Antwort von „{title}“",
        body=(
            f"Guten Tag {contact.sender_name},\n\n„{title}“ hat auf Ihre Anfrage "
            f"geantwortet:\n\n{contact.reply}\n\nSie erreichen das Projekt direkt "
            f"unter {recipient}.\n\nNiedersachsen packt an – Gute Praxis"
        ),
        to=[contact.sender_email],
        reply_to=[recipient] if recipient else None,
    ).send()
    EmailMessage(
        subject="Ihre Antwort wurde weitergeleitet",
        body=(
            f"Guten Tag,\n\nIhre Antwort an {contact.sender_name} wurde "
            f"weitergeleitet. Sie erreichen die Person jetzt direkt unter "
            f"{contact.sender_email}.\n\nNiedersachsen packt an – Gute Praxis"
        ),
        to=[recipient],
        reply_to=[contact.sender_email],
    ).send()


def send_followup(contact) -> None:
    link = absolute(reverse("matching:outcome", args=[outcome_token(contact.pk)]))
    title = contact.target.title if contact.target else "dem Projekt"
    EmailMessage(
        subject="Hat dieser Kontakt zu einer Zusammenarbeit geführt?",
        body=(
            f"Guten Tag {contact.sender_name},\n\nvor einiger Zeit haben Sie über "
            f"unsere Plattform „{title}“ geschrieben. Hat dieser Kontakt zu einer "
            f"Zusammenarbeit geführt? Ein Klick genügt (ja / nein / läuft noch):"
            f"\n\n{link}\n\nDanke! Ihre Antwort zeigt uns, was Vernetzung bewirkt."
            "\n\nNiedersachsen packt an – Gute Praxis"
        ),
        to=[contact.sender_email],
    ).send()
