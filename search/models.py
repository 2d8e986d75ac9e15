"""The search outbox: a durable note that an object must be (re)indexed."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxEntry(models.Model):
    """Written in the same transaction as the change it records, so no update
    is lost when Redis or Elasticsearch is down; the drain task reads the
    object's current state and removes the entry once the index agrees."""

    app_label = models.CharField(max_length=50)
    model_name = models.CharField(max_length=50)
    object_id = models.PositiveBigIntegerField()
    revision_id = models.PositiveBigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["app_label", "model_name", "object_id"])]
        verbose_name = _("Suchindex-Auftrag")
        verbose_name_plural = _("Suchindex-Aufträge")

    def __str__(self) -> str:
        return f"{self.app_label}.{self.model_name} #{self.object_id}"


class SynonymGroup(models.Model):
    """Words that mean the same for people searching (e.g. Geflüchtete,
    Flüchtlinge, Schutzsuchende). Editors maintain these groups; a search for
    one word also finds the others, slightly lower ranked. Changes apply to
    the next search at once, without rebuilding the index."""

    terms = models.TextField(
        _("Begriffe"),
        help_text=_(
            "Gleichbedeutende Begriffe, durch Komma getrennt, "
            "z. B. „Deutschkurs, Sprachkurs“."
        ),
    )
    active = models.BooleanField(_("aktiv"), default=True)

    class Meta:
        ordering = ["terms"]
        verbose_name = _("Synonymgruppe")
        verbose_name_plural = _("Synonymgruppen")

    def __str__(self) -> str:
        return ", ".join(self.term_list())

    def term_list(self) -> list[str]:
        seen: dict[str, str] = {}
        for raw in self.terms.replace("\n", ",").split(","):
            term = " ".join(raw.split())
            if term and term.casefold() not in seen:
                seen[term.casefold()] = term
        return list(seen.values())

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if len(self.term_list()) < 2:
            raise ValidationError(
                {"terms": "Bitte mindestens zwei verschiedene Begriffe angeben."}
            )
