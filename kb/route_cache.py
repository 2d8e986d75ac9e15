"""Per-process copies of the rows every page request reads before it renders.

Wagtail looks up the site, its root page and every view restriction of the
page and its ancestors on each request: five queries that return the same
handful of rows until an editor changes a site, a page or a restriction. This
module keeps those rows, and a few small site-wide values such as the footer
links, the vocabularies and the project count of every region and district
(``kb.listings``), in memory under the content version of ``kb.page_cache``,
which any such change replaces, so the next request after a change reads them
afresh. No page and no page's own content is kept here; the only markup is the
site-wide header and footer (``kb.templatetags.fragment_tags``).

``RouteCacheMiddleware.process_view`` fills the attribute Wagtail reads first
(``request._wagtail_site``) for every public GET, and for pages served by
Wagtail's ``serve`` view hands the page the restrictions that apply to it.
Without a content version (Redis down, or ``ROUTE_CACHE`` off, as in the test
settings, whose rolled-back databases would leave stale rows here), Wagtail
does its usual lookups.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.views import serve as wagtail_serve

from .page_cache import current_version


@dataclass
class Snapshot:
    version: str
    sites: dict[tuple[str, int], Site | None] = field(default_factory=dict)
    # (restrictions, whether any alias page exists), read on first use.
    restriction_rows: tuple[list[PageViewRestriction], bool] | None = None
    values: dict[str, Any] = field(default_factory=dict)

    def value(self, name: str, load: Callable[[], Any]) -> Any:
        """A small site-wide value (footer links, site root paths) of this
        content version, loaded on first use."""
        if name not in self.values:
            self.values[name] = load()
        return self.values[name]

    def site_for(self, request: HttpRequest) -> Site | None:
        hostname = split_domain_port(request._get_raw_host())[0]
        key = (hostname, request.get_port())
        if key in self.sites:
            return self.sites[key]
        site = Site._find_for_request(request)
        if site is not None:
            # Load the root page with its specific fields once, for routing.
            site.root_page.specific  # noqa: B018
        if len(self.sites) < MAX_HOSTS:
            self.sites[key] = site
        return site

    def restricted_paths(self) -> list[str]:
        """Tree paths of every restricted page (listings leave out what is below)."""
        restrictions, _aliases = self._restriction_rows()
        return [restriction.page.path for restriction in restrictions]

    def _restriction_rows(self) -> tuple[list[PageViewRestriction], bool]:
        if self.restriction_rows is None:
            self.restriction_rows = (
                list(PageViewRestriction.objects.select_related("page").order_by("pk")),
                Page.objects.filter(alias_of__isnull=False).exists(),
            )
        return self.restriction_rows

    def restrictions_for(self, page: Page) -> list[PageViewRestriction] | None:
        """The restrictions on the page and its ancestors; None when aliases
        exist, whose restrictions come from their source pages."""
        restrictions, has_aliases = self._restriction_rows()
        if has_aliases:
            return None
        return [r for r in restrictions if page.path.startswith(r.page.path)]


# Host and port pairs remembered per version; ALLOWED_HOSTS already limits them.
MAX_HOSTS = 64
# The admin and the accounts area look sites up as Wagtail does.
SKIPPED_PREFIXES = ("/admin/", "/konto/", "/static/", "/dokumente/")
_lock = threading.Lock()
_snapshot: Snapshot | None = None


def request_value(request: HttpRequest | None, name: str, load: Callable[[], Any]):
    """A small site-wide value (a vocabulary, the footer links) from the
    request's snapshot of the content version, or loaded afresh without one."""
    snapshot = getattr(request, "route_snapshot", None)
    return load() if snapshot is None else snapshot.value(name, load)


def snapshot(request: HttpRequest) -> Snapshot | None:
    """The rows of the current content version, or None to leave Wagtail alone."""
    global _snapshot
    if not getattr(settings, "ROUTE_CACHE", False):
        return None
    version = getattr(request, "content_version", None) or current_version()
    if version is None:
        return None
    with _lock:
        if _snapshot is None or _snapshot.version != version:
            _snapshot = Snapshot(version)
        return _snapshot


class RouteCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method not in ("GET", "HEAD") or request.path.startswith(
            SKIPPED_PREFIXES
        ):
            return None
        current = snapshot(request)
        if current is None:
            return None
        # Every public view may ask Wagtail for the site and the site root
        # paths (page URLs, settings); Wagtail reads both from the request.
        request._wagtail_site = current.site_for(request)
        request._wagtail_cached_site_root_paths = current.value(
            "site-root-paths", Site.get_site_root_paths
        )
        request.route_snapshot = current
        if view_func is not wagtail_serve:
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        route = Page.route_for_request(request, path)
        if route is not None:
            restrictions = current.restrictions_for(route[0])
            if restrictions is not None:
                # Wagtail's check_view_restrictions hook asks the page itself.
                route[0].get_view_restrictions = lambda: restrictions
        return None
