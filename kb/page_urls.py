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
# Our own request attribute: Wagtail's cache of the same list is private.
ROOT_PATHS_ATTRIBUTE = "npa_site_root_paths"


def site_root_paths(request: HttpRequest | None = None) -> list:
    """Wagtail's site root paths, read from its cache once per request."""
    if request is None:
        return Site.get_site_root_paths()
    cached = getattr(request, ROOT_PATHS_ATTRIBUTE, None)
    if cached is None:
        cached = Site.get_site_root_paths()
        setattr(request, ROOT_PATHS_ATTRIBUTE, cached)
    return cached


def _below_one_root(url_path: str, roots: list) -> tuple | None:
    """(site root, the quoted rest of the path) when exactly one site root
    holds the page; None when Wagtail has to decide."""
    matching = [root for root in roots if url_path.startswith(root.root_path)]
    if len(matching) != 1:
        return None
    root = matching[0]
    return root, quote(url_path[len(root.root_path) :], safe=_SAFE)


def page_url(url_path: str, roots: list, request: HttpRequest | None = None) -> str:
    """The page's URL as ``pageurl`` gives it."""
    found = _below_one_root(url_path, roots)
    if found is not None:
        return "/" + found[1]
    return Page(url_path=url_path).get_url(request) or ""


def full_page_url(
    url_path: str, roots: list, request: HttpRequest | None = None
) -> str:
    """The page's absolute URL as ``get_full_url`` gives it."""
    found = _below_one_root(url_path, roots)
    if found is not None:
        root, rest = found
        return root.root_url + "/" + rest
    return Page(url_path=url_path).get_full_url(request) or ""
