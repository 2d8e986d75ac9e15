"""E-mails to initiatives and the periodic reconfirmation reminder."""

from __future__ import annotations

from celery import shared_task
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from kb.mail_text import SITE_NAME, paragraphs, site_url, written_in

MAIL_RETRY = {"autoretry_for": (OSError,), "retry_backoff": True, "max_retries": 5}


def one_line(value: str) -> str:
    """Titles in subjects: never a CR or LF (header injection)."""
    return " ".join(str(value).split())[:150]


@shared_task(**MAIL_RETRY)
def send_verification(user_id: int, url: str, language: str | None = None) -> None:
    """In the language of the sign-up form (tasks queued before it was passed
    write German)."""
    user = get_user_model().objects.filter(pk=user_id, is_active=False).first()
    if user is None:
        return
    with written_in(language):
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
    with written_in(language):
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
    """To the initiative's members, each in the language they read."""
    from wagtail.models import Page

    from .languages import recipients_by_language

    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return
    page = page.specific
    initiative = page if page.specific_class.__name__ == "InitiativePage" else None
    initiative = initiative or page.get_parent()
    title = one_line(page.draft_title or page.title)
    for language, recipients in recipients_by_language(initiative.pk).items():
        with written_in(language):
            subject, body = _moderation_mail(title, approved, comment)
        send_mail(subject, body, None, recipients)


def _moderation_mail(title: str, approved: bool, comment: str) -> tuple[str, str]:
    if approved:
        subject = gettext("Freigegeben: %(title)s") % {"title": title}
        decision = gettext(
            "die Redaktion hat „%(title)s“ geprüft und veröffentlicht."
        ) % {"title": title}
    else:
        subject = gettext("Bitte überarbeiten: %(title)s") % {"title": title}
        decision = gettext(
            "die Redaktion hat „%(title)s“ geprüft und bittet um Überarbeitung, "
            "bevor es veröffentlicht wird."
        ) % {"title": title}
    note = gettext("Anmerkung der Redaktion:") + "\n" + comment if comment else ""
    dashboard = gettext("Zu Ihren Seiten: %(url)s") % {
        "url": site_url(reverse("accounts:dashboard"))
    }
    body = paragraphs(gettext("Guten Tag,"), decision, note, dashboard)
    return subject, body + "\n"


@shared_task
def send_reconfirmation_reminders() -> int:
    """Ask owners of projects unconfirmed for 12 months to confirm them;
    at most one reminder per project every 30 days."""
    from datetime import timedelta

    from django.db.models import Q

    from projects.models import ProjectPage

    from .freshness import due_before
    from .languages import recipients_by_language
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
        groups = recipients_by_language(page.get_parent().pk)
        if not groups:
            continue
        confirmed = page.last_confirmed.isoformat() if page.last_confirmed else ""
        token = reconfirm_token(page.pk, confirmed)
        url = site_url(reverse("accounts:reconfirm", args=[token]))
        for language, recipients in groups.items():
            with written_in(language):
                subject, body = _reminder_mail(one_line(page.title), url)
            send_mail(subject, body, None, recipients)
        ReconfirmationReminder.objects.create(page=page)
        sent += 1
    return sent


def _reminder_mail(title: str, url: str) -> tuple[str, str]:
    subject = gettext("Ist „%(title)s“ noch aktuell?") % {"title": title}
    question = gettext(
        "seit über einem Jahr hat niemand das Projekt „%(title)s“ bestätigt. "
        "Wenn die Angaben noch stimmen, genügt ein Klick (der Link gilt 30 Tage):"
    ) % {"title": title}
    edit = gettext(
        "Wenn sich etwas geändert hat, bearbeiten Sie das Projekt bitte in "
        "Ihrem Bereich: %(url)s"
    ) % {"url": site_url(reverse("accounts:dashboard"))}
    body = paragraphs(gettext("Guten Tag,"), question, url, edit)
    return subject, body + "\n"
