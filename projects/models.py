"""Project pages: the practice examples initiatives publish."""

from __future__ import annotations

from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from kb.taxonomy import District, FieldOfAction


class ProjectIndexPage(Page):
    """The list of all projects; editors place project pages below it."""

    intro = models.TextField("Einleitung", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["kb.HomePage"]
    subpage_types = ["projects.ProjectPage"]

    class Meta:
        verbose_name = "Projektübersicht"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["projects"] = (
            ProjectPage.objects.child_of(self).live().public().order_by("title")
        )
        return context


class ProjectPage(Page):
    """A practice example: what an initiative does, where, in which field.

    Editors and initiatives fill it in; publishing puts it into search."""

    teaser = models.CharField(
        "Kurzbeschreibung",
        max_length=300,
        help_text="Höchstens 300 Zeichen; erscheint in Suchergebnissen.",
    )
    districts = ParentalManyToManyField(
        District, blank=True, related_name="projects", verbose_name="Landkreise"
    )
    statewide = models.BooleanField("landesweit", default=False)
    fields_of_action = ParentalManyToManyField(
        FieldOfAction, related_name="projects", verbose_name="Handlungsfelder"
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("teaser"),
        MultiFieldPanel(
            [FieldPanel("districts"), FieldPanel("statewide")], heading="Wo?"
        ),
        FieldPanel("fields_of_action"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("teaser")]
    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "Projekt"
        verbose_name_plural = "Projekte"
