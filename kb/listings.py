"""The project listings of the region and district pages, page by page.

A listing page needs two things: the 24 newest projects of the page and the
number of all of them (for "Seite 3 von 158" and the count above the list).
The page's ids come from a ``LIMIT`` query, which PostgreSQL answers by walking
the publication-date index (``kb/0006``) backwards until the page is full. The
counts of every region and district come from one aggregate per content version
(``kb.route_cache``), which any publish, unpublish or restriction change
replaces; without a snapshot (Redis down, or the test settings) the listing
counts its own rows.
"""

from __future__ import annotations

from collections.abc import Callable

from django.apps import apps
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from wagtail.models import Page

from .cards import private_q


def _links():
    # Looked up by name: kb sits below projects in the dependency order.
    return apps.get_model("projects", "ProjectPage").districts.through.objects


def live_projects(request: HttpRequest, **district_filter) -> QuerySet:
    """Live public projects linked to the districts matching the filter, as
    plain page rows (the project table adds nothing to an id-and-date sort)."""
    links = _links().filter(**district_filter)
    return (
        Page.objects.live()
        .exclude(private_q(request))
        .filter(pk__in=links.values("projectpage_id"))
    )


def listing_counts(request: HttpRequest) -> dict[str, dict[int, int]]:
    """Live public projects per region and per district id (two queries)."""
    public = Page.objects.live().exclude(private_q(request)).values("pk")
    links = _links().filter(projectpage_id__in=public)

    def per(key: str) -> dict[int, int]:
        rows = links.values(key).annotate(n=Count("projectpage_id", distinct=True))
        return {row[key]: row["n"] for row in rows.order_by()}

    return {"region": per("district__region_id"), "district": per("district_id")}


class ProjectListing:
    """Newest-first project ids for ``django.core.paginator.Paginator``: its
    count from the content version's snapshot when there is one, its pages
    from one ``LIMIT`` query each."""

    def __init__(self, queryset: QuerySet, count: Callable[[], int]):
        self._ids = queryset.order_by("-first_published_at", "-pk").values_list(
            "pk", flat=True
        )
        self._count = count

    def count(self) -> int:
        return self._count()

    def __getitem__(self, index: slice) -> list[int]:
        return list(self._ids[index])


def project_listing(request: HttpRequest, scope: str, pk: int) -> ProjectListing:
    """The listing of the region (``scope="region"``) or district with ``pk``."""
    lookup = "district__region_id" if scope == "region" else "district_id"
    queryset = live_projects(request, **{lookup: pk})
    snapshot = getattr(request, "route_snapshot", None)

    def count() -> int:
        if snapshot is None:
            return queryset.count()
        counts = snapshot.value("listing-counts", lambda: listing_counts(request))
        return counts[scope].get(pk, 0)

    return ProjectListing(queryset, count)
