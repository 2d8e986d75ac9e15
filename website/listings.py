"""The project listings of the region and district pages, page by page.

A listing page needs two things: the 24 newest projects of the page and the
number of all of them (for "Seite 3 von 158" and the count above the list).
The page's ids come from a ``LIMIT`` query, which PostgreSQL answers by walking
the publication-date index (``kb/0006``) backwards until the page is full. The
counts of every region and district come from one aggregate kept in Redis under
the content version (``kb.page_cache.versioned_value``), which any publish,
unpublish or restriction change replaces.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Count, QuerySet
from django.http import HttpRequest
from wagtail.models import Page

from kb.page_cache import versioned_value
from projects.cards import below_paths, private_q, restricted_paths
from projects.models import ProjectPage

# The link column a listing's scope filters on.
SCOPES = {"region": "district__region_id", "district": "district_id"}


def _links():
    return ProjectPage.districts.through.objects


def live_projects(paths: tuple[str, ...], scope: str, pk: int) -> QuerySet:
    """Live projects of the region or district ``pk``, none at or below the
    restricted ``paths``, as plain page rows (the project table adds nothing
    to an id-and-date sort)."""
    links = _links().filter(**{SCOPES[scope]: pk})
    return (
        Page.objects.live()
        .exclude(below_paths(paths))
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
    count from the counts of the content version, its pages from one
    ``LIMIT`` query each."""

    def __init__(
        self, scope: str, pk: int, paths: tuple[str, ...], count: Callable[[], int]
    ):
        self.scope, self.pk, self.paths = scope, pk, paths
        self._count = count

    def count(self) -> int:
        return self._count()

    def __getitem__(self, index: slice) -> list[int]:
        if index.stop <= index.start:
            return []  # the empty first page of an empty listing
        projects = live_projects(self.paths, self.scope, self.pk)
        ordered = projects.order_by("-first_published_at", "-pk")
        return list(ordered.values_list("pk", flat=True)[index.start : index.stop])


def project_listing(request: HttpRequest, scope: str, pk: int) -> ProjectListing:
    """The listing of the region (``scope="region"``) or district with ``pk``."""
    paths = restricted_paths(request)

    def count() -> int:
        counts = versioned_value("listing-counts", lambda: listing_counts(request))
        return counts[scope].get(pk, 0)

    return ProjectListing(scope, pk, paths, count)
