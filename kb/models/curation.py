"""Curated, ordered collections of good examples for home and topic pages."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.snippets.models import register_snippet


@register_snippet
class GoodExampleCollection(ClusterableModel):
    """An ordered list of projects ("Gute Beispiele") an editor puts together
    and places on the home page or a topic page."""

    title = models.CharField(_("Titel"), max_length=120)
    intro = models.TextField(_("Einleitung"), blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("intro"),
        InlinePanel("items", label=_("Projekt"), heading=_("Projekte")),
    ]

    class Meta:
        verbose_name = _("Sammlung „Gute Beispiele“")
        verbose_name_plural = _("Sammlungen „Gute Beispiele“")

    def __str__(self) -> str:
        return self.title

    def live_projects(self):
        return [
            item.project.specific
            for item in self.items.select_related("project")
            if item.project.live
        ]


class GoodExampleItem(Orderable):
    collection = ParentalKey(
        GoodExampleCollection, on_delete=models.CASCADE, related_name="items"
    )
    project = models.ForeignKey(
        "projects.ProjectPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("Projekt"),
    )

    panels = [FieldPanel("project")]
