"""E-mails to initiatives and the periodic reconfirmation reminder."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, override

from kb.mail_text import SITE_NAME, paragraphs, site_url

MAIL_RETRY = {"autoretry_for": (OSError,), "retry_backoff": True, "max_retries": 5}


def one_line(value: str) -> str:
    """Titles in subjects: never a CR or LF (header injection)."""
    return " ".join(str(value).split())[:150]


def member_emails(initiative_id: int) -> list[str]:
    from .models import Membership

    return list(
        Membership.objects.filter(
            initiative_id=initiative_id, user__is_active=True
        ).values_list("user__email", flat=True)
    )


@shared_task(**MAIL_RETRY)
def send_verification(user_id: int, url: str, language: str | None = None) -> None:
    """In the language of the sign-up form (tasks queued before it was passed
    write German)."""
    user = get_user_model().objects.filter(pk=user_id, is_active=False).first()
    if user is None:
        return
    with override(language or settings.LANGUAGE_CODE):
        subject = gettext("Bitte bestätigen Sie Ihre E-Mail-Adresse")
        body = paragraphs(
            gettext("Guten Tag %(name)s,") % {"name": one_line(user.first_name)},
            gettext(
                "vielen Dank für die Anmeldung Ihrer Initiative bei „%(site)s“. "
                "Bitte bestätigen Sie Ihre E-Mail-Adresse innerhalb von drei "
                "Tagen:"
            )
            % {"site": gettext(SITE_NAME)},
            url,
            gettext(
                "Wenn Sie sich nicht angemeldet haben, ignorieren Sie diese Nachricht."
            ),
        )
    send_mail(subject, body + "\n", None, [user.email])


@shared_task(**MAIL_RETRY)
def send_invitation(
    email: str,
    initiative_title: str,
    inviter: str,
    url: str,
    language: str | None = None,
) -> None:
    """In the inviting member's language: the invitee's is not known yet."""
    title = one_line(initiative_title)
    with override(language or settings.LANGUAGE_CODE):
        subject = gettext("Einladung: %(initiative)s") % {"initiative": title}
        body = paragraphs(
            gettext("Guten Tag,"),
            gettext(
                "%(inviter)s lädt Sie ein, das Profil der Initiative "
                "„%(initiative)s“ auf „%(site)s“ mitzupflegen. Der Link gilt "
                "sieben Tage:"
            )
            % {
                "inviter": one_line(inviter),
                "initiative": title,
                "site": gettext(SITE_NAME),
            },
            url,
        )
    send_mail(subject, body + "\n", None, [email])


@shared_task(**MAIL_RETRY)
def send_moderation_result(page_id: int, approved: bool, comment: str) -> None:
    from wagtail.models import Page

    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return
    page = page.specific
    initiative = page if page.specific_class.__name__ == "InitiativePage" else None
    initiative = initiative or page.get_parent()
    recipients = member_emails(initiative.pk)
    if not recipients:
        return
    title = one_line(page.draft_title or page.title)
    if approved:
        subject = f"Freigegeben: {title}"
        body = (
            f"Guten Tag,\n\ndie Redaktion hat „{title}“ geprüft und veröffentlicht.\n"
        )
    else:
        subject = f"Bitte überarbeiten: {title}"
        body = (
            f"Guten Tag,\n\ndie Redaktion hat „{title}“ geprüft und bittet um "
            "Überarbeitung, bevor es veröffentlicht wird.\n"
        )
    if comment:
        body += f"\nAnmerkung der Redaktion:\n{comment}\n"
    body += f"\nZu Ihren Seiten: {site_url(reverse('accounts:dashboard'))}\n"
    send_mail(subject, body, None, recipients)


@shared_task
def send_reconfirmation_reminders() -> int:
    """Ask owners of projects unconfirmed for 12 months to confirm them;
    at most one reminder per project every 30 days."""
    from datetime import timedelta

    from django.db.models import Q

    from projects.models import ProjectPage

    from .freshness import due_before
    from .models import ReconfirmationReminder
    from .tokens import reconfirm_token

    cutoff = due_before()
    recent = timezone.now() - timedelta(days=30)
    reminded = ReconfirmationReminder.objects.filter(sent_at__gte=recent).values(
        "page_id"
    )
    pages = (
        ProjectPage.objects.live()
        .filter(
            Q(last_confirmed__lt=cutoff)
            | Q(last_confirmed=None, first_published_at__date__lt=cutoff)
        )
        .exclude(pk__in=reminded)
    )
    sent = 0
    for page in pages:
        parent = page.get_parent()
        recipients = member_emails(parent.pk)
        if not recipients:
            continue
        confirmed = page.last_confirmed.isoformat() if page.last_confirmed else ""
        token = reconfirm_token(page.pk, confirmed)
        url = site_url(reverse("accounts:reconfirm", args=[token]))
        send_mail(
            f"Ist „{one_line(page.title)}“ noch aktuell?",
            (
                "Guten Tag,\n\n"
                "seit über einem Jahr hat niemand das Projekt "
                f"„{one_line(page.title)}“ bestätigt. Wenn die Angaben noch "
                "stimmen, genügt ein Klick (der Link gilt 30 Tage):\n\n"
                f"{url}\n\n"
                "Wenn sich etwas geändert hat, bearbeiten Sie das Projekt bitte in "
                f"Ihrem Bereich: {site_url(reverse('accounts:dashboard'))}\n"
            ),
            None,
            recipients,
        )
        ReconfirmationReminder.objects.create(page=page)
        sent += 1
    return sent
