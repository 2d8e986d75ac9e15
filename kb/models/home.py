"""The start page."""

from __future__ import annotations

from django.apps import apps
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The start page: introduces the alliance, shows the editors' collection of
    good examples, featured and newest projects and a few counters."""

    intro = RichTextField("Einleitung", blank=True, features=["bold", "italic", "link"])
    good_examples = models.ForeignKey(
        "kb.GoodExampleCollection",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Sammlung „Gute Beispiele“",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("good_examples"),
    ]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = "Startseite"

    def get_context(self, request, *args, **kwargs):
        # Looked up by name: kb sits below projects in the dependency order.
        project_model = apps.get_model("projects", "ProjectPage")
        initiative_model = apps.get_model("projects", "InitiativePage")
        context = super().get_context(request, *args, **kwargs)
        live = project_model.objects.live().public()
        context["counters"] = {
            "projects": live.count(),
            "initiatives": initiative_model.objects.live().public().count(),
            "districts": live.values("districts")
            .exclude(districts=None)
            .distinct()
            .count(),
        }
        context["featured_projects"] = live.filter(featured=True).order_by("title")[:6]
        context["newest_projects"] = live.order_by("-first_published_at")[:6]
        return context
