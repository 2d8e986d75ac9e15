"""Project cards for the listings (home, topic, region and district pages).

A card needs a title, teaser, URL and two short term lists. Loading them as
plain values (no page objects, no ``.specific``, no per-card URL resolution
through Wagtail's site lookup) keeps a listing at three queries and a few
milliseconds however many projects it shows."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.apps import apps
from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from wagtail.models import PageViewRestriction

from .page_urls import page_url, site_root_paths

RESTRICTED_CACHE_SECONDS = 3600


@dataclass
class Card:
    url: str
    title: str
    teaser: str
    districts: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)


def _project_model():
    # Looked up by name: kb sits below projects in the dependency order.
    return apps.get_model("projects", "ProjectPage")


def private_q(request: HttpRequest | None = None) -> Q:
    """Wagtail's ``private_q`` (pages below a view restriction), with the
    restricted paths of the content version, which every page or restriction
    change replaces: from the process's copy (``kb.route_cache``) when the
    request has one, else one Redis read, instead of a query per ``.public()``
    list."""
    snapshot = getattr(request, "route_snapshot", None)
    if snapshot is not None:
        paths = snapshot.restricted_paths()
    else:
        paths = _cached_restricted_paths()
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return condition


def _cached_restricted_paths() -> list[str]:
    from .page_cache import current_version

    version = current_version()
    key = f"npa:restricted-paths:{version}"
    paths = cache.get(key) if version else None
    if paths is None:
        paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
        if version:
            cache.set(key, paths, RESTRICTED_CACHE_SECONDS)
    return paths


def cards_of(queryset: QuerySet, request: HttpRequest | None = None) -> list[Card]:
    """Cards without term lists straight from a sliced page queryset (1 query)."""
    roots = site_root_paths(request)
    return [
        Card(url=page_url(path, roots, request), title=title, teaser=teaser)
        for title, teaser, path in queryset.values_list("title", "teaser", "url_path")
    ]


def ordered_ids(queryset: QuerySet) -> list[int]:
    """Ids of the projects of ``queryset``, newest first, all of them.

    Without a LIMIT PostgreSQL sorts the few thousand matching rows instead of
    walking the publication-date index of all projects backwards until enough
    of a small district's projects turn up; only the ids travel (parsing
    thousands of timestamps in Python cost more than the query). The queryset
    must not repeat rows (filter with ``pk__in`` a subquery, not a join)."""
    return list(
        queryset.order_by("-first_published_at", "-pk").values_list("pk", flat=True)
    )


def project_cards(
    ids: list[int], request: HttpRequest | None = None, terms: bool = True
) -> list[Card]:
    """Cards for the projects ``ids``, in that order (1 query, 3 with terms)."""
    cards = cards_by_id(ids, request, terms)
    return [cards[pk] for pk in ids if pk in cards]


def cards_by_id(
    ids: list[int], request: HttpRequest | None = None, terms: bool = True
) -> dict[int, Card]:
    if not ids:
        return {}
    model = _project_model()
    rows = model.objects.filter(pk__in=ids).values_list(
        "pk", "title", "teaser", "url_path"
    )
    roots = site_root_paths(request)
    cards = {
        pk: Card(url=page_url(path, roots, request), title=title, teaser=teaser)
        for pk, title, teaser, path in rows
    }
    if terms:
        districts = (
            model.districts.through.objects.filter(projectpage_id__in=ids)
            .order_by("district__name")
            .values_list("projectpage_id", "district__name", "district__kind")
        )
        for pk, name, kind in districts:
            label = f"Landkreis {name}" if kind == "Landkreis" else name
            cards[pk].districts.append(label)
        fields = (
            model.fields_of_action.through.objects.filter(projectpage_id__in=ids)
            .order_by("fieldofaction__sort_order", "fieldofaction__name")
            .values_list("projectpage_id", "fieldofaction__name")
        )
        for pk, name in fields:
            cards[pk].fields.append(name)
    return cards
