"""Page URLs from the stored ``url_path``, without a page object each.

Listings and the search documents need hundreds of URLs at once; Wagtail's
``pageurl`` / ``get_url`` looks up the site and calls ``reverse`` per page.
With one matching site root the URL is the rest of the ``url_path`` below it,
quoted as ``reverse`` quotes it (non-ASCII slugs); only when several sites
could serve the page does Wagtail decide. The page tree is mounted at the root
of the URL configuration (``config/urls.py``).
"""

from __future__ import annotations

from urllib.parse import quote

from django.http import HttpRequest
from django.utils.http import RFC3986_SUBDELIMS
from wagtail.models import Page, Site

_SAFE = RFC3986_SUBDELIMS + "/~:@"


def site_root_paths(request: HttpRequest | None = None) -> list:
    """Wagtail's site root paths, read from its cache once per request."""
    if request is not None:
        cached = getattr(request, "_wagtail_cached_site_root_paths", None)
        if cached is None:
            cached = request._wagtail_cached_site_root_paths = (
                Site.get_site_root_paths()
            )
        return cached
    return Site.get_site_root_paths()


def page_url(url_path: str, roots: list, request: HttpRequest | None = None) -> str:
    """The page's URL as ``pageurl`` gives it."""
    matching = [root for root in roots if url_path.startswith(root.root_path)]
    if len(matching) == 1:
        return "/" + quote(url_path[len(matching[0].root_path) :], safe=_SAFE)
    return Page(url_path=url_path).get_url(request) or ""


def full_page_url(
    url_path: str, roots: list, request: HttpRequest | None = None
) -> str:
    """The page's absolute URL as ``get_full_url`` gives it."""
    matching = [root for root in roots if url_path.startswith(root.root_path)]
    if len(matching) == 1:
        relative = quote(url_path[len(matching[0].root_path) :], safe=_SAFE)
        return matching[0].root_url + "/" + relative
    return Page(url_path=url_path).get_full_url(request) or ""
