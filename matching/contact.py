"""Relaying contact requests by e-mail without revealing the sender.

The sender first confirms their address (double opt-in: a link in a mail
opens a page, only its button confirms). Then the recipient gets the message
and a signed link to answer on our site; only after answering does the
recipient learn the sender's address (and the sender receives the answer).
The sender never learns the recipient's address: it is the project's
contact address, which the page shows only with the contact person's consent.
Links are signed, so no token table is needed.
"""

from __future__ import annotations

import hashlib
import logging

from django.core import signing
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils.translation import gettext, gettext_noop

from kb.handoff import mail_headers
from kb.mail_text import SITE_NAME, paragraphs, site_url, written_in

logger = logging.getLogger(__name__)

CONFIRM_SALT = "matching.contact.confirm"
REPLY_SALT = "matching.contact.reply"
OUTCOME_SALT = "matching.contact.outcome"
LINK_MAX_AGE = 90 * 24 * 3600
# The confirmation link; unconfirmed requests are deleted after 30 days
# (accounts.retention).
CONFIRM_MAX_AGE = 7 * 24 * 3600
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
    """The project's contact e-mail; never the initiative's, which is the
    private address of an account (no address: no relay)."""
    return (project.contact_email or "") if project else ""


def confirm_token(request_id: int) -> str:
    return signing.dumps(request_id, salt=CONFIRM_SALT)


def reply_token(request_id: int) -> str:
    return signing.dumps(request_id, salt=REPLY_SALT)


def outcome_token(request_id: int) -> str:
    return signing.dumps(request_id, salt=OUTCOME_SALT)


def read_token(token: str, salt: str) -> int | None:
    max_age = CONFIRM_MAX_AGE if salt == CONFIRM_SALT else LINK_MAX_AGE
    try:
        return int(signing.loads(token, salt=salt, max_age=max_age))
    except (signing.BadSignature, TypeError, ValueError):
        return None


def _body(*parts: str) -> str:
    """The paragraphs of a mail, then the signature, in the active language."""
    return paragraphs(*parts, gettext(SITE_NAME))


def send_confirmation(contact) -> None:
    """The double opt-in mail, to the sender, in the sender's language."""
    link = site_url(reverse("matching:confirm", args=[confirm_token(contact.pk)]))
    with written_in(contact.language):
        EmailMessage(
            subject=gettext("Bitte bestätigen Sie Ihre Kontaktanfrage"),
            body=_body(
                gettext("Guten Tag %(name)s,") % {"name": contact.sender_name},
                gettext(
                    "Sie möchten über unsere Plattform „%(project)s“ schreiben. "
                    "Bitte bestätigen Sie Ihre E-Mail-Adresse, erst dann leiten "
                    "wir Ihre Nachricht weiter:"
                )
                % {"project": _project_title(contact)},
                link,
                gettext(
                    "Der Link ist sieben Tage gültig. Wenn Sie nichts geschrieben "
                    "haben, ignorieren Sie diese E-Mail; die Anfrage wird dann "
                    "nach 30 Tagen gelöscht."
                ),
            ),
            to=[contact.sender_email],
            headers=mail_headers(contact, "confirmation", contact.created_at),
        ).send()


def send_request(contact) -> None:
    """The first message: to the project, without the sender's address.

    Written in the site's default language: nothing tells which language the
    project's contact person reads."""
    with written_in():
        _send_request(contact)


def _send_request(contact) -> None:
    target = contact.target
    link = site_url(reverse("matching:reply", args=[reply_token(contact.pk)]))
    if target:
        opening = gettext(
            "%(name)s möchte mit Ihnen Kontakt aufnehmen (über Ihr Projekt "
            "„%(project)s“):"
        ) % {"name": contact.sender_name, "project": target.title}
    else:
        opening = gettext("%(name)s möchte mit Ihnen Kontakt aufnehmen:") % {
            "name": contact.sender_name
        }
    source = ""
    if contact.source:
        source = gettext("Geschrieben auf der Seite von „%(project)s“.") % {
            "project": contact.source.title
        }
    EmailMessage(
        subject=gettext("Kontaktanfrage über „Niedersachsen packt an“"),
        body=_body(
            gettext("Guten Tag,"),
            opening,
            contact.message,
            source,
            gettext("Antworten: %(link)s") % {"link": link},
            gettext(
                "Die E-Mail-Adresse der absendenden Person geben wir erst weiter, "
                "wenn Sie über diesen Link antworten."
            ),
        ),
        to=[contact_address(target)],
        headers=mail_headers(contact, "request", contact.confirmed_at),
    ).send()


def _project_title(contact) -> str:
    return contact.target.title if contact.target else gettext("dem Projekt")


def send_reply(contact, replier_language: str | None = None) -> None:
    """The answer goes to the sender, in the sender's language, without the
    recipient's address; the recipient now learns the sender's address, in
    the language they answered in."""
    recipient = contact_address(contact.target)
    with written_in(contact.language):
        title = _project_title(contact)
        EmailMessage(
            subject=gettext("Antwort von „%(project)s“") % {"project": title},
            body=_body(
                gettext("Guten Tag %(name)s,") % {"name": contact.sender_name},
                gettext("„%(project)s“ hat auf Ihre Anfrage geantwortet:")
                % {"project": title},
                contact.reply,
                gettext(
                    "Das Projekt hat Ihre E-Mail-Adresse erhalten und kann Ihnen "
                    "direkt schreiben."
                ),
            ),
            to=[contact.sender_email],
            headers=mail_headers(contact, "reply", contact.replied_at),
        ).send()
    with written_in(replier_language):
        EmailMessage(
            subject=gettext("Ihre Antwort wurde weitergeleitet"),
            body=_body(
                gettext("Guten Tag,"),
                gettext(
                    "Ihre Antwort an %(name)s wurde weitergeleitet. Sie erreichen "
                    "die Person jetzt direkt unter %(address)s."
                )
                % {"name": contact.sender_name, "address": contact.sender_email},
            ),
            to=[recipient],
            reply_to=[contact.sender_email],
            headers=mail_headers(contact, "reply-forwarded", contact.replied_at),
        ).send()


def send_followup(contact) -> None:
    link = site_url(reverse("matching:outcome", args=[outcome_token(contact.pk)]))
    with written_in(contact.language):
        EmailMessage(
            subject=gettext("Hat dieser Kontakt zu einer Zusammenarbeit geführt?"),
            body=_body(
                gettext("Guten Tag %(name)s,") % {"name": contact.sender_name},
                gettext(
                    "vor einiger Zeit haben Sie über unsere Plattform „%(project)s“ "
                    "geschrieben. Hat dieser Kontakt zu einer Zusammenarbeit "
                    "geführt? Ein Klick genügt (ja / nein / läuft noch):"
                )
                % {"project": _project_title(contact)},
                link,
                gettext("Danke! Ihre Antwort zeigt uns, was Vernetzung bewirkt."),
            ),
            to=[contact.sender_email],
            headers=mail_headers(contact, "followup", contact.relayed_at),
        ).send()
