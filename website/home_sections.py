"""The home page's sections that read the database: the fields of action with
their project counts, the next events and the call's counter.

Each is one query whose result is kept in Redis under the content version
(``kb.page_cache.versioned_value``). Publishing, unpublishing, moving or
deleting a project, topic page, event or the call, a vocabulary or restriction
change and a confirmed signature (``kb.page_cache.PUBLIC_WHEN``,
``kb.signatures``) replace the version, so the next request reads them afresh.
Time passes without a change: the events are filtered by the clock on every
render, so an event that has begun drops off without a new version.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from wagtail.models import Page

from kb.models import CallPage, EventPage
from kb.page_cache import versioned_value
from kb.page_urls import page_url, site_root_paths
from kb.taxonomy import FieldOfAction
from projects.cards import restricted_paths
from projects.models import ProjectPage
from projects.page_lists import live_pages

from .models.topics import TopicPage

# Events shown, and how many more are kept in case some begin before the
# next change of content.
EVENTS_SHOWN = 3
EVENTS_KEPT = 6


@dataclass(frozen=True)
class FieldTile:
    """A field of action on the home page: its name, the number of live public
    projects in it and where the tile leads (its topic page, else the search
    filtered by it)."""

    slug: str
    name: str
    count: int
    url: str


@dataclass(frozen=True)
class NextEvent:
    title: str
    url: str
    start: dt.datetime
    venue: str


@dataclass(frozen=True)
class CallCounter:
    """The call page's address and title and its confirmed signatures (persons
    and institutions, as the call page counts them)."""

    url: str
    title: str
    signatures: int


def _field_tiles(request: HttpRequest | None) -> list[FieldTile]:
    paths = restricted_paths(request)
    public = live_pages(Page, paths).values("pk")
    links = ProjectPage.fields_of_action.through.objects.filter(
        fieldofaction_id=OuterRef("pk"), projectpage_id__in=public
    )
    count = links.order_by().values("fieldofaction_id").annotate(n=Count("pk"))
    topic = live_pages(TopicPage, paths).filter(field_of_action_id=OuterRef("pk"))
    rows = FieldOfAction.objects.annotate(
        n=Coalesce(Subquery(count.values("n")), 0, output_field=IntegerField()),
        topic_path=Subquery(topic.order_by("path").values("url_path")[:1]),
    ).values_list("slug", "name", "n", "topic_path")
    roots = site_root_paths(request)
    search = reverse("search")
    return [
        FieldTile(
            slug=slug,
            name=name,
            count=n,
            url=(
                page_url(topic_path, roots, request)
                if topic_path
                else f"{search}?{urlencode({'field': slug})}"
            ),
        )
        for slug, name, n, topic_path in rows
    ]


def field_tiles(request: HttpRequest | None = None) -> list[FieldTile]:
    """One tile per field of action, in the vocabulary's order."""
    return versioned_value("home-fields", lambda: _field_tiles(request))


def _upcoming(request: HttpRequest | None, now: dt.datetime) -> list[NextEvent]:
    events = (
        live_pages(EventPage, restricted_paths(request))
        .filter(start__gte=now)
        .order_by("start", "pk")
        .values_list("title", "url_path", "start", "venue")[:EVENTS_KEPT]
    )
    roots = site_root_paths(request)
    return [
        NextEvent(title, page_url(path, roots, request), start, venue)
        for title, path, start, venue in events
    ]


def next_events(
    request: HttpRequest | None = None, now: dt.datetime | None = None
) -> list[NextEvent]:
    """The next ``EVENTS_SHOWN`` live public events that have not begun, by
    start. The stored list holds a few more; only if so many of them have
    begun that it may miss one is it read afresh."""
    now = now or timezone.now()
    kept = versioned_value("home-events", lambda: _upcoming(request, now))
    ahead = [event for event in kept if event.start >= now]
    if len(ahead) < EVENTS_SHOWN and len(kept) == EVENTS_KEPT:
        ahead = _upcoming(request, now)
    return ahead[:EVENTS_SHOWN]


def _call_counter(request: HttpRequest | None) -> CallCounter | None:
    row = (
        live_pages(CallPage, restricted_paths(request))
        .annotate(
            n=Count("signatures", filter=Q(signatures__confirmed_at__isnull=False))
        )
        .order_by("path")
        .values_list("url_path", "title", "n")
        .first()
    )
    if row is None:
        return None
    url_path, title, signatures = row
    return CallCounter(
        page_url(url_path, site_root_paths(request), request), title, signatures
    )


def call_counter(request: HttpRequest | None = None) -> CallCounter | None:
    """The first live public call page and its confirmed signatures; None
    without one."""
    return versioned_value("home-call", lambda: _call_counter(request))
