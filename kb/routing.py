"""Resolve deep page URLs in a fixed number of queries.

Wagtail walks the tree one level at a time (two queries per level), so a
project page three levels down costs eight queries before it renders. Looking
the page up by its ``url_path`` costs two, whatever the depth, and brings the
parent page along for the breadcrumb and the initiative link."""

from __future__ import annotations

from django.http import HttpRequest
from wagtail.models import Page

PARENT_ATTRIBUTE = "_npa_parent_page"


def route_by_path(root: Page, request: HttpRequest, components: list[str]):
    """The route result for ``components`` below ``root``, or None to let
    Wagtail walk the tree (sub-routes of routable pages, drafts, unknown paths)."""
    path = root.url_path + "/".join(components) + "/"
    parent_path = root.url_path + "/".join(components[:-1]) + "/"
    rows = {
        page.url_path: page
        # The slug filter lets PostgreSQL use an index; url_path has none.
        for page in Page.objects.filter(
            slug__in=components[-2:], url_path__in=[path, parent_path], live=True
        )
    }
    page = rows.get(path)
    if page is None:
        return None
    setattr(request, PARENT_ATTRIBUTE, rows.get(parent_path))
    return page.specific.route(request, [])


def cached_parent(request: HttpRequest | None, page: Page) -> Page | None:
    """The parent row fetched while routing, if it belongs to this page."""
    parent = getattr(request, PARENT_ATTRIBUTE, None)
    if parent is not None and page.path.startswith(parent.path):
        return parent
    return None
