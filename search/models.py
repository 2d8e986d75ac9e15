"""The search outbox: a durable note that an object must be (re)indexed."""

from __future__ import annotations

from django.db import models


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
        verbose_name = "Suchindex-Auftrag"
        verbose_name_plural = "Suchindex-Aufträge"

    def __str__(self) -> str:
        return f"{self.app_label}.{self.model_name} #{self.object_id}"
