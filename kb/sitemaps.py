"""``sitemap.xml``: every live page from Wagtail plus the views outside the tree."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as PageSitemap

from .taxonomy import District, Region


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
