"""Who may maintain which initiative, and what they agreed to."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Membership(models.Model):
    """A person who maintains an initiative's profile and projects.

    Editors see memberships in the Django admin only when they must hand a
    profile to someone else; initiatives add members by invitation."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("Person"),
    )
    initiative = models.ForeignKey(
        "projects.InitiativePage",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("Initiative"),
    )
    created_at = models.DateTimeField(_("Mitglied seit"), auto_now_add=True)

    class Meta:
        verbose_name = _("Mitgliedschaft")
        verbose_name_plural = _("Mitgliedschaften")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "initiative"], name="one_membership_per_initiative"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.initiative_id}"


class Consent(models.Model):
    """The exact text a person agreed to at sign-up, and when."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="consents",
        verbose_name=_("Person"),
    )
    document = models.CharField(_("Dokument"), max_length=40)
    version = models.CharField(_("Fassung"), max_length=20)
    text = models.TextField(_("Wortlaut"))
    accepted_at = models.DateTimeField(_("Zugestimmt am"))

    class Meta:
        verbose_name = _("Einwilligung")
        verbose_name_plural = _("Einwilligungen")

    def __str__(self) -> str:
        return f"{self.document} {self.version}"


class InitiativeCollection(models.Model):
    """The Wagtail image collection that holds one initiative's uploads."""

    initiative = models.OneToOneField(
        "projects.InitiativePage",
        on_delete=models.CASCADE,
        related_name="image_collection",
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection", on_delete=models.CASCADE, related_name="+"
    )

    def __str__(self) -> str:
        return str(self.collection_id)


class ReconfirmationReminder(models.Model):
    """When a project's owners were last asked to confirm it is still current."""

    page = models.ForeignKey(
        "projects.ProjectPage", on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["page", "sent_at"])]

    def __str__(self) -> str:
        return f"{self.page_id} {self.sent_at:%Y-%m-%d}"


class MailLanguage(models.Model):
    """The language a member last used on the site. Mails to members that no
    visit triggers (the editors' decision, the yearly reminder) are written
    in it; members without one get German (``LANGUAGE_CODE``)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="mail_language",
        verbose_name=_("Person"),
    )
    language = models.CharField(_("Sprache"), max_length=8, choices=settings.LANGUAGES)
    updated_at = models.DateTimeField(_("Geändert"), auto_now=True)

    class Meta:
        verbose_name = _("E-Mail-Sprache")
        verbose_name_plural = _("E-Mail-Sprachen")

    def __str__(self) -> str:
        return f"{self.user} – {self.language}"


class Verification(models.Model):
    """The verification mail an inactive account is owed; the row is the
    record, so a broker outage delays the mail and never loses it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="verification",
        verbose_name=_("Person"),
    )
    language = models.CharField(_("Sprache"), max_length=10, default="de")
    requested_at = models.DateTimeField(_("Angefordert am"), default=timezone.now)
    sent_at = models.DateTimeField(_("Gesendet am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Bestätigungsmail")
        verbose_name_plural = _("Bestätigungsmails")

    def __str__(self) -> str:
        return str(self.user)


class Invitation(models.Model):
    """An invitation to maintain an initiative: single use, revocable by the
    initiative's members, valid while its inviter is still a member."""

    initiative = models.ForeignKey(
        "projects.InitiativePage",
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("Initiative"),
    )
    email = models.EmailField(_("E-Mail-Adresse"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="invitations_sent",
        verbose_name=_("Eingeladen von"),
    )
    language = models.CharField(_("Sprache"), max_length=10, default="de")
    created_at = models.DateTimeField(_("Eingeladen am"), default=timezone.now)
    sent_at = models.DateTimeField(_("Gesendet am"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("Angenommen am"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("Zurückgezogen am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Einladung")
        verbose_name_plural = _("Einladungen")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} – {self.initiative_id}"


class ModerationNotice(models.Model):
    """The editors' decision on a page, owed to the initiative's members."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    approved = models.BooleanField()
    comment = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Mitteilung der Redaktion")
        verbose_name_plural = _("Mitteilungen der Redaktion")

    def __str__(self) -> str:
        return f"{self.page_id} {'+' if self.approved else '-'}"
