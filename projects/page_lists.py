"""The lists of the home, topic, region and district pages and of the
project index, as queries compiled once (``kb.prepared``) per set of restricted paths.

Compiling these querysets took longer than PostgreSQL took to answer them; a
page now only binds its keys. The restricted paths (``projects.cards``) are part of
each query's SQL, so a change of restrictions compiles new ones.
"""

from __future__ import annotations

from functools import lru_cache

from django.db.models import QuerySet
from django.db.models.functions import Now

from kb.models import ArticlePage, EventPage, GoodExampleItem
from kb.prepared import PreparedQuery

from .cards import below_paths
from .models import ProjectPage

CARD_COLUMNS = ("title", "teaser", "url_path")


def _live(model, paths: tuple[str, ...]) -> QuerySet:
    return model.objects.live().exclude(below_paths(paths))


def _projects(paths: tuple[str, ...]) -> QuerySet:
    return _live(ProjectPage, paths)


@lru_cache(maxsize=64)
def featured_projects(paths: tuple[str, ...]) -> PreparedQuery:
    """(title, teaser, url_path) of six featured projects, by title."""

    def build() -> QuerySet:
        featured = _projects(paths).filter(featured=True).order_by("title")
        return featured.values_list(*CARD_COLUMNS)[:6]

    return PreparedQuery(build, kinds=())


@lru_cache(maxsize=64)
def newest_projects(paths: tuple[str, ...], size: int) -> PreparedQuery:
    """(title, teaser, url_path) of the ``size`` newest projects."""

    def build() -> QuerySet:
        newest = _projects(paths).order_by("-first_published_at", "-pk")
        return newest.values_list(*CARD_COLUMNS)[:size]

    return PreparedQuery(build, kinds=())


@lru_cache(maxsize=64)
def field_projects(paths: tuple[str, ...]) -> PreparedQuery:
    """Ids of the twelve newest projects of a field of action (their cards
    come with pictures from ``projects.cards.project_cards``)."""

    def build(field_id: int) -> QuerySet:
        projects = _projects(paths).filter(fields_of_action=field_id)
        newest = projects.order_by("-first_published_at", "-pk")
        return newest.values_list("pk", flat=True)[:12]

    return PreparedQuery(build)


@lru_cache(maxsize=64)
def field_articles(paths: tuple[str, ...]) -> PreparedQuery:
    """Six articles of a field of action, as pages with id, title and path."""

    def build(field_id: int) -> QuerySet:
        articles = _live(ArticlePage, paths).filter(fields_of_action=field_id)
        return articles.only("id", "title", "url_path")[:6]

    return PreparedQuery(build)


@lru_cache(maxsize=64)
def field_events(paths: tuple[str, ...]) -> PreparedQuery:
    """The six latest events linked to projects of a field of action."""

    def build(field_id: int) -> QuerySet:
        linked = EventPage.linked_projects.through.objects.filter(
            projectpage__fields_of_action=field_id
        ).values("eventpage_id")
        events = _live(EventPage, paths).filter(pk__in=linked)
        return events.order_by("-start")[:6]

    return PreparedQuery(build)


@lru_cache(maxsize=64)
def region_events(paths: tuple[str, ...]) -> PreparedQuery:
    """A region's next ten events; upcoming means ``start`` is not before the
    database's ``now()``."""

    def build(region_id: int) -> QuerySet:
        events = _live(EventPage, paths).filter(region_id=region_id, start__gte=Now())
        return events.order_by("start")[:10]

    return PreparedQuery(build)


def _good_examples(collection_id: int) -> QuerySet:
    items = GoodExampleItem.objects.filter(
        collection_id=collection_id, project__live=True
    )
    return items.order_by("sort_order").values_list(
        "project_id", "collection__title", "collection__intro"
    )


# (project id, collection title, collection intro) of a collection's live items.
GOOD_EXAMPLES = PreparedQuery(_good_examples)
