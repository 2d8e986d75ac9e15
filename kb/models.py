"""Pages of the site foundation; vocabulary snippets live in ``kb.taxonomy``."""

from __future__ import annotations

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from .taxonomy import (  # noqa: F401  (models must be importable from kb.models)
    District,
    FieldOfAction,
    OfferNeedCategory,
    OrganisationType,
    Region,
    TargetGroup,
)


class HomePage(Page):
    """The start page: introduces the alliance and leads to projects and search.

    Editors write the introduction; featured and newest projects are listed
    automatically."""

    intro = RichTextField("Einleitung", blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = "Startseite"

    def get_context(self, request, *args, **kwargs):
        from projects.models import ProjectPage

        context = super().get_context(request, *args, **kwargs)
        live = ProjectPage.objects.live().public()
        context["project_count"] = live.count()
        context["newest_projects"] = live.order_by("-first_published_at")[:6]
        return context
