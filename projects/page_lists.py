"""The lists of the home, topic, region and district pages and of the
project index: one query each, without the restricted parts of the tree
(``projects.cards.restricted_paths``)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.db.models.functions import Now

from kb.models import ArticlePage, EventPage, GoodExampleItem

from .cards import Card, below_paths, cards_by_id
from .models import ProjectPage

CARD_COLUMNS = ("title", "teaser", "url_path")


def live_pages(model, paths: tuple[str, ...]) -> QuerySet:
    """Live pages of ``model`` outside the restricted ``paths``."""
    return model.objects.live().exclude(below_paths(paths))


def _projects(paths: tuple[str, ...]) -> QuerySet:
    return live_pages(ProjectPage, paths)


def featured_projects(paths: tuple[str, ...]) -> list[tuple]:
    """(title, teaser, url_path) of six featured projects, by title."""
    featured = _projects(paths).filter(featured=True).order_by("title")
    return list(featured.values_list(*CARD_COLUMNS)[:6])


def newest_projects(paths: tuple[str, ...], size: int) -> list[tuple]:
    """(title, teaser, url_path) of the ``size`` newest projects."""
    newest = _projects(paths).order_by("-first_published_at", "-pk")
    return list(newest.values_list(*CARD_COLUMNS)[:size])


def field_projects(paths: tuple[str, ...], field_id: int) -> list[int]:
    """Ids of the twelve newest projects of a field of action (their cards
    come with pictures from ``projects.cards.project_cards``)."""
    projects = _projects(paths).filter(fields_of_action=field_id)
    newest = projects.order_by("-first_published_at", "-pk")
    return list(newest.values_list("pk", flat=True)[:12])


def field_articles(paths: tuple[str, ...], field_id: int) -> list[ArticlePage]:
    """Six articles of a field of action, as pages with id, title and path."""
    articles = live_pages(ArticlePage, paths).filter(fields_of_action=field_id)
    return list(articles.only("id", "title", "url_path")[:6])


def field_events(paths: tuple[str, ...], field_id: int) -> list[EventPage]:
    """The six latest events linked to projects of a field of action."""
    linked = EventPage.linked_projects.through.objects.filter(
        projectpage__fields_of_action=field_id
    ).values("eventpage_id")
    events = live_pages(EventPage, paths).filter(pk__in=linked)
    return list(events.order_by("-start")[:6])


def region_events(paths: tuple[str, ...], region_id: int) -> list[EventPage]:
    """A region's next ten events; upcoming means ``start`` is not before the
    database's ``now()``."""
    events = live_pages(EventPage, paths).filter(region_id=region_id, start__gte=Now())
    return list(events.order_by("start")[:10])


def good_examples(collection_id: int) -> list[tuple]:
    """(project id, collection title, collection intro) of a collection's
    live items."""
    items = GoodExampleItem.objects.filter(
        collection_id=collection_id, project__live=True
    )
    return list(
        items.order_by("sort_order").values_list(
            "project_id", "collection__title", "collection__intro"
        )
    )


def good_example_cards(
    collection_id: int | None, request
) -> tuple[list[Card], dict[str, str] | None]:
    """The cards (with pictures) of a good-examples collection's live items,
    and the collection's title and intro; no cards and None without one."""
    items = good_examples(collection_id) if collection_id else []
    ids = [project_id for project_id, _title, _intro in items]
    cards = cards_by_id(ids, request, terms=False, pictures=True)
    header = {"title": items[0][1], "intro": items[0][2]} if items else None
    return [cards[pk] for pk in ids if pk in cards], header
