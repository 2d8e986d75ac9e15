"""``sitemap.xml``: every live page from Wagtail plus the views outside the tree."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from kb.page_urls import full_page_url, site_root_paths
from kb.taxonomy import District, Region


class PageSitemap(WagtailSitemap):
    """Every live, public page of the request's site, as Wagtail's sitemap
    lists them (location and last publication), from plain rows: Wagtail's
    loads each page as its specific model and resolves its site, which at 10k
    projects is slow. No page type here changes ``get_sitemap_urls``."""

    def items(self):
        pages = self.get_wagtail_site().root_page.get_descendants(inclusive=True)
        return (
            pages.live()
            .public()
            .order_by("path")
            .values_list("url_path", "last_published_at", "latest_revision_created_at")
        )

    def _urls(self, page, protocol, domain) -> list[dict]:
        roots = site_root_paths(self.request)
        urls = [
            {
                "location": full_page_url(url_path, roots, self.request),
                "lastmod": published or revised,
                # Every key the template reads: a missing one costs the
                # template engine a failed attribute search per URL.
                "changefreq": None,
                "priority": None,
                "alternates": (),
            }
            for url_path, published, revised in self.paginator.page(page).object_list
        ]
        last_mods = {url["lastmod"] for url in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


class SiteViewsSitemap(Sitemap):
    """Region, district and statistics pages."""

    changefreq = "weekly"

    def items(self) -> list[str]:
        regions = [
            reverse("region", args=[slug])
            for slug in Region.objects.values_list("slug", flat=True)
        ]
        districts = [
            reverse("district", args=[ags])
            for ags in District.objects.order_by("ags").values_list("ags", flat=True)
        ]
        return [reverse("statistics"), *regions, *districts]

    def location(self, item: str) -> str:
        return item


SITEMAPS = {"pages": PageSitemap, "views": SiteViewsSitemap}
