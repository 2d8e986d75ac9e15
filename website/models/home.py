"""The start page."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from kb import page_cache
from kb.routing import route_by_path
from projects import page_lists
from projects.cards import below_paths, cards_of, restricted_paths
from projects.models import InitiativePage, ProjectPage

from .. import home_sections


class HomePage(Page):
    """The start page: introduces the alliance, shows the editors' collection of
    good examples, featured and newest projects, a few counters, the fields of
    action with their project counts, the next events and the call's counter."""

    intro = RichTextField(
        _("Einleitung"), blank=True, features=["bold", "italic", "link"]
    )
    good_examples = models.ForeignKey(
        "kb.GoodExampleCollection",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Sammlung „Gute Beispiele“"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("good_examples"),
    ]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("Startseite")
        # Moved from kb (website/0001): the table and content type stay.
        db_table = "kb_homepage"

    def route(self, request, path_components):
        if path_components and self.live:
            result = route_by_path(self, request, path_components)
            if result is not None:
                return result
        return super().route(request, path_components)

    @staticmethod
    def _counters(private: Q) -> dict[str, int]:
        types = ContentType.objects.get_for_models(ProjectPage, InitiativePage)
        return (
            Page.objects.live()
            .exclude(private)
            .aggregate(
                projects=Count(
                    "id", filter=Q(content_type=types[ProjectPage]), distinct=True
                ),
                initiatives=Count(
                    "id", filter=Q(content_type=types[InitiativePage]), distinct=True
                ),
                districts=Count("projectpage__districts", distinct=True),
            )
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # One restriction lookup, one query per list (``projects.page_lists``)
        # and one aggregate cached under the content version keep the page
        # within its query budget however many projects there are.
        paths = restricted_paths(request)
        context["counters"] = page_cache.versioned_value(
            "home-counters", lambda: self._counters(below_paths(paths))
        )
        context["featured_cards"] = cards_of(
            page_lists.featured_projects(paths), request
        )
        context["newest_cards"] = cards_of(
            page_lists.newest_projects(paths, 6), request
        )
        context["good_example_cards"], context["good_examples"] = (
            page_lists.good_example_cards(self.good_examples_id, request)
        )
        context["field_tiles"] = home_sections.field_tiles(request)
        context["next_events"] = home_sections.next_events(request)
        context["call_counter"] = home_sections.call_counter(request)
        return context
