"""E-mails to initiatives, their sweeper, the periodic reconfirmation reminder
and the retention job.

Each mail is owed by a row (verification, invitation, moderation notice); the
task queued at commit and the sweeper send it exactly once (``kb.handoff``)."""

from __future__ import annotations

from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage, send_mail
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from kb.handoff import mail_headers, send_once, sweep
from kb.mail_text import SITE_NAME, paragraphs, site_url, written_in
from kb.tasks import MAIL_RETRY


def one_line(value: str) -> str:
    """Titles in subjects: never a CR or LF (header injection)."""
    return " ".join(str(value).split())[:150]


# ---- Verification ----------------------------------------------------------


def _verifications():
    from .models import Verification

    return Verification.objects.filter(user__is_active=False).select_related("user")


@shared_task(**MAIL_RETRY)
def send_verification(user_id: int, *_legacy) -> bool:
    """The verification link, in the language of the sign-up form; sent once
    per request (``accounts.models.Verification``)."""
    return send_once(_verifications(), user_id, _send_verification)


def _send_verification(verification) -> None:
    from .tokens import verification_token

    user = verification.user
    url = site_url(
        reverse("accounts:verify", args=[verification_token(user.pk, user.email)])
    )
    with written_in(verification.language):
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
    EmailMessage(
        subject,
        body + "\n",
        to=[user.email],
        headers=mail_headers(verification, "verification", verification.requested_at),
    ).send()


# ---- Invitations -----------------------------------------------------------


def _invitations():
    from .models import Invitation

    return Invitation.objects.filter(accepted_at=None, revoked_at=None).select_related(
        "initiative", "invited_by"
    )


@shared_task(**MAIL_RETRY)
def send_invitation(invitation_id: int) -> bool:
    """In the inviting member's language: the invitee's is not known yet."""
    return send_once(_invitations(), invitation_id, _send_invitation)


def _send_invitation(invitation) -> None:
    from .tokens import invitation_token

    title = one_line(invitation.initiative.title)
    inviter = invitation.invited_by.first_name or invitation.invited_by.email
    url = site_url(reverse("accounts:accept", args=[invitation_token(invitation.pk)]))
    with written_in(invitation.language):
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
    EmailMessage(
        subject,
        body + "\n",
        to=[invitation.email],
        headers=mail_headers(invitation, "invitation", invitation.created_at),
    ).send()


# ---- The editors' decision ---------------------------------------------------


def _notices():
    from .models import ModerationNotice

    return ModerationNotice.objects.all()


@shared_task(**MAIL_RETRY)
def send_moderation_result(notice_id: int) -> bool:
    """To the initiative's members, each in the language they read."""
    return send_once(_notices(), notice_id, _send_moderation_result)


def _send_moderation_result(notice) -> None:
    from wagtail.models import Page

    from .languages import recipients_by_language

    page = Page.objects.filter(pk=notice.page_id).first()
    if page is None:
        return
    page = page.specific
    initiative = page if page.specific_class.__name__ == "InitiativePage" else None
    initiative = initiative or page.get_parent()
    title = one_line(page.draft_title or page.title)
    for language, recipients in recipients_by_language(initiative.pk).items():
        with written_in(language):
            subject, body = _moderation_mail(title, notice.approved, notice.comment)
        # One mail per language: each its own Message-ID, the same on a retry.
        EmailMessage(
            subject,
            body,
            to=recipients,
            headers=mail_headers(notice, f"moderation:{language}", notice.created_at),
        ).send()


@shared_task
def sweep_unsent_mails() -> dict[str, int]:
    """Send the verification, invitation and moderation mails a broker outage
    kept from being queued; each exactly once (``kb.handoff``)."""
    from .tokens import INVITE_MAX_AGE

    verify_age = timedelta(seconds=settings.ACCOUNTS_VERIFY_MAX_AGE)
    return {
        "verification": sweep(
            _verifications(),
            _send_verification,
            created_field="requested_at",
            max_age=verify_age,
        ),
        "invitation": sweep(
            _invitations(),
            _send_invitation,
            created_field="created_at",
            max_age=timedelta(seconds=INVITE_MAX_AGE),
        ),
        "moderation": sweep(
            _notices(),
            _send_moderation_result,
            created_field="created_at",
            max_age=timedelta(days=7),
        ),
    }


@shared_task
def purge_expired_personal_data() -> dict[str, int]:
    """The retention periods of docs/privacy.md (``accounts.retention``)."""
    from . import retention

    return retention.purge_all()


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
