"""RSS and Atom feeds of newly published projects: all, per field of action,
per region."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from kb.taxonomy import FieldOfAction, Region
from projects.models import ProjectPage

FEED_LENGTH = 30


class NewProjectsFeed(Feed):
    """The newest projects of the whole platform."""

    title = "Niedersachsen packt an – neue Projekte"
    description = "Neu veröffentlichte gute Beispiele der Integrationsarbeit."
    language = "de"

    def get_object(self, request: HttpRequest, *args, **kwargs):
        self.request = request
        return None

    def link(self, obj=None) -> str:
        return reverse("search")

    def projects(self, obj) -> QuerySet:
        return ProjectPage.objects.live().public()

    def items(self, obj=None) -> QuerySet:
        return (
            self.projects(obj)
            .distinct()
            .only("id", "title", "teaser", "url_path", "first_published_at")
            .order_by("-first_published_at", "-id")[:FEED_LENGTH]
        )

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        return item.teaser

    def item_link(self, item) -> str:
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_guid(self, item) -> str:
        return f"projekt-{item.pk}"

    item_guid_is_permalink = False


class FieldFeed(NewProjectsFeed):
    def get_object(self, request: HttpRequest, slug: str):
        self.request = request
        return get_object_or_404(FieldOfAction, slug=slug)

    def title(self, obj) -> str:
        return f"Neue Projekte im Handlungsfeld {obj.name}"

    def link(self, obj) -> str:
        return f"{reverse('search')}?field={obj.slug}"

    def projects(self, obj) -> QuerySet:
        return super().projects(obj).filter(fields_of_action=obj)


class RegionFeed(NewProjectsFeed):
    def get_object(self, request: HttpRequest, slug: str):
        self.request = request
        return get_object_or_404(Region, slug=slug)

    def title(self, obj) -> str:
        return f"Neue Projekte in der Region {obj.name}"

    def link(self, obj) -> str:
        return reverse("region", args=[obj.slug])

    def projects(self, obj) -> QuerySet:
        return super().projects(obj).filter(districts__region=obj)


class NewProjectsAtom(NewProjectsFeed):
    feed_type = Atom1Feed
    subtitle = NewProjectsFeed.description


class FieldAtom(FieldFeed):
    feed_type = Atom1Feed
    subtitle = NewProjectsFeed.description


class RegionAtom(RegionFeed):
    feed_type = Atom1Feed
    subtitle = NewProjectsFeed.description
