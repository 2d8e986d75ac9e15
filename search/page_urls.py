"""Page URLs for a batch of documents without a page instance each.

Follows ``Page.get_url_parts``: the site whose root path starts the page's
``url_path``, the rest of the path through the ``wagtail_serve`` URL pattern;
relative with one site, absolute with several."""

from __future__ import annotations

from urllib.parse import quote

from django.urls import reverse
from django.utils.http import RFC3986_SUBDELIMS
from wagtail.models import Site

_SAFE = RFC3986_SUBDELIMS + "/~:@"


class PageUrls:
    def __init__(self) -> None:
        self._roots = Site.get_site_root_paths()
        # ``wagtail_serve`` with an empty path: where the page tree is mounted.
        self._mount = reverse("wagtail_serve", args=("",))

    def url(self, url_path: str) -> str:
        for root in self._roots:
            if url_path.startswith(root.root_path):
                # Quoted as ``reverse`` quotes (non-ASCII slugs).
                rest = quote(url_path[len(root.root_path) :], safe=_SAFE)
                relative = self._mount + rest
                return relative if len(self._roots) == 1 else root.root_url + relative
        return ""
