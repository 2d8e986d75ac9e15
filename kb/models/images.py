"""The editors' decision on a picture an initiative member uploaded."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImageModeration(models.Model):
    """A member's upload waits here until an editor approves it.

    Public pages show an image only when it has no row (editors uploaded it
    in the admin) or its row is approved (``kb.images``). Editors decide
    under Bilder → Bildfreigabe; members see the state in their image list."""

    class State(models.TextChoices):
        PENDING = "pending", _("Wartet auf Freigabe")
        APPROVED = "approved", _("Freigegeben")
        REJECTED = "rejected", _("Abgelehnt")

    image = models.OneToOneField(
        "wagtailimages.Image",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="moderation",
        verbose_name=_("Bild"),
    )
    state = models.CharField(
        _("Status"),
        max_length=10,
        choices=State.choices,
        default=State.PENDING,
        db_index=True,
    )
    uploaded_at = models.DateTimeField(_("Hochgeladen am"), auto_now_add=True)
    decided_at = models.DateTimeField(_("Entschieden am"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Entschieden von"),
    )

    class Meta:
        verbose_name = _("Bildfreigabe")
        verbose_name_plural = _("Bildfreigaben")
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return f"{self.image} ({self.get_state_display()})"
