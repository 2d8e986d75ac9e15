"""Explained links between projects and the contact requests they lead to."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Match(models.Model):
    """A suggested link from one project to another, with reasons.

    Editors confirm good links (they stay) or hide bad ones (they never come
    back); everything else is recomputed when a project is published."""

    class Kind(models.TextChoices):
        SIMILAR = "similar", _("Ähnliches Projekt")
        COMPLEMENTARY = "complementary", _("Passender Partner")

    class State(models.TextChoices):
        SUGGESTED = "suggested", _("vorgeschlagen")
        CONFIRMED = "confirmed", _("bestätigt")
        HIDDEN = "hidden", _("ausgeblendet")

    source = models.ForeignKey(
        "projects.ProjectPage",
        on_delete=models.CASCADE,
        related_name="matches_out",
        verbose_name=_("Projekt"),
    )
    target = models.ForeignKey(
        "projects.ProjectPage",
        on_delete=models.CASCADE,
        related_name="matches_in",
        verbose_name=_("Vorgeschlagenes Projekt"),
    )
    kind = models.CharField(_("Art"), max_length=16, choices=Kind.choices)
    score = models.FloatField(
        "Wert", validators=[MinValueValidator(0.0), MaxValueValidator(1.0)]
    )
    reasons = models.JSONField(_("Gründe"), default=list, blank=True)
    computed_at = models.DateTimeField(_("Berechnet am"), default=timezone.now)
    state = models.CharField(
        "Status", max_length=12, choices=State.choices, default=State.SUGGESTED
    )
    state_changed_at = models.DateTimeField(
        _("Status geändert am"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("Treffer")
        verbose_name_plural = _("Treffer")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target", "kind"], name="match_unique_pair_kind"
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=0.0) & models.Q(score__lte=1.0),
                name="match_score_between_0_and_1",
            ),
            models.CheckConstraint(
                condition=~models.Q(source=models.F("target")),
                name="match_not_self",
            ),
        ]
        indexes = [models.Index(fields=["source", "kind", "-score"])]

    def __str__(self) -> str:
        return f"{self.source_id} → {self.target_id} ({self.kind}, {self.score:.2f})"


class ContactRequest(models.Model):
    """A message relayed from a visitor to a project's contact person.

    The sender's address stays hidden until the recipient answers through the
    platform; editors see how many contacts led to a collaboration."""

    class Outcome(models.TextChoices):
        YES = "yes", _("ja")
        NO = "no", _("nein")
        ONGOING = "ongoing", _("läuft noch")

    match = models.ForeignKey(
        Match,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact_requests",
    )
    source = models.ForeignKey(
        "projects.ProjectPage",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("Von Projektseite"),
    )
    target = models.ForeignKey(
        "projects.ProjectPage",
        on_delete=models.SET_NULL,
        null=True,
        related_name="contact_requests",
        verbose_name=_("An Projekt"),
    )
    sender_name = models.CharField(_("Name"), max_length=120)
    sender_email = models.EmailField(_("E-Mail"))
    message = models.TextField(_("Nachricht"), max_length=4000)
    consent_text = models.TextField(_("Einwilligungstext"))
    consent_at = models.DateTimeField(_("Eingewilligt am"))
    # The sender's site language: the answer and the follow-up question are
    # written in it.
    language = models.CharField(
        _("Sprache"), max_length=10, default="de", editable=False
    )
    created_at = models.DateTimeField(default=timezone.now)
    # Double opt-in: nothing is relayed before the sender confirms the
    # address (the link in the confirmation mail, then a POST).
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(_("Bestätigt am"), null=True, blank=True)
    relayed_at = models.DateTimeField(null=True, blank=True)
    reply = models.TextField(_("Antwort"), blank=True)
    replied_at = models.DateTimeField(null=True, blank=True)
    reply_sent_at = models.DateTimeField(null=True, blank=True)
    followup_sent_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(
        "Ergebnis", max_length=10, choices=Outcome.choices, blank=True
    )
    outcome_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Kontaktanfrage")
        verbose_name_plural = _("Kontaktanfragen")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Kontaktanfrage #{self.pk}"
