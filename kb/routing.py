"""Resolve deep page URLs in a fixed number of queries.

Wagtail walks the tree one level at a time (two queries per level), so a
project page three levels down costs eight queries before it renders. Looking
the page up by its ``url_path`` costs two, whatever the depth, and brings the
parent page along for the breadcrumb and the initiative link."""

from __future__ import annotations

from django.http import HttpRequest
from wagtail.models import Page

PARENT_ATTRIBUTE = "_npa_parent_page"


def _route_rows(slug: str, parent_slug: str, path: str, parent_path: str):
    # The slug filter lets PostgreSQL use an index; url_path has none.
    return Page.objects.filter(
        slug__in=[slug, parent_slug], url_path__in=[path, parent_path], live=True
    )


def _specific_page(page: Page) -> Page:
    """The page as its own type, in one query."""
    model = page.specific_class
    if model is None or model is Page:
        return page.specific
    return model.objects.filter(pk=page.pk).first() or page.specific


def route_by_path(root: Page, request: HttpRequest, components: list[str]):
    """The route result for ``components`` below ``root``, or None to let
    Wagtail walk the tree (sub-routes of routable pages, drafts, unknown paths)."""
    path = root.url_path + "/".join(components) + "/"
    parent_path = root.url_path + "/".join(components[:-1]) + "/"
    rows = {
        page.url_path: page
        for page in _route_rows(
            components[-1],
            components[-2] if len(components) > 1 else root.slug,
            path,
            parent_path,
        )
    }
    page = rows.get(path)
    if page is None:
        return None
    setattr(request, PARENT_ATTRIBUTE, rows.get(parent_path))
    return _specific_page(page).route(request, [])


def cached_parent(request: HttpRequest | None, page: Page) -> Page | None:
    """The parent row fetched while routing, if it belongs to this page."""
    parent = getattr(request, PARENT_ATTRIBUTE, None)
    if parent is not None and page.path.startswith(parent.path):
        return parent
    return None
