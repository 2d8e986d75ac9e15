"""Screenshots of home, filtered search, a project page, the district
with the most projects, the filters and the footer, desktop (1280 px) and
mobile (390 px), from the demo content in Debian's Chromium.

Home, search, project and district are their first 2,000 px on the desktop
and 1,900 px on a phone; the filters are the column beside the results on the
desktop and the opened dialog on a phone; the footer is the footer alone.

``SCREENSHOTS_DIR=docs/screenshots pytest tests/benchmarks/test_screenshots.py``
refreshes the committed images; without it they go to a temporary folder and
only their size is checked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db.models import Count
from wagtail.models import Site

from kb.taxonomy import District
from projects.models import ProjectPage
from tests.site.browser import chromium, missing_tools

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
WIDTHS = {"desktop": (1280, 900), "mobile": (390, 844)}
MAX_BYTES = 200_000
# Long pages are cut at these heights (the first screens tell the design).
HEIGHTS = {"desktop": 2000, "mobile": 1900}
LONG_PAGES = ("home", "search", "project", "district")
SEARCH = "/suche/?field=sprache&region=leine-weser"


def _filters(page, device: str, path: Path) -> None:
    """The filters: opened in their dialog on a phone, beside the results on a
    desktop, with two more of their disclosures open."""
    if device == "mobile":
        page.click("[data-filter-open]")
        page.wait_for_selector("dialog[open]")
        page.screenshot(path=str(path))
        return
    column = page.locator("[data-filter-home]")
    closed = column.locator("details:not([open]) > summary")
    for summary in closed.all()[:2]:
        summary.click()
    top = column.evaluate("e => e.getBoundingClientRect().top + window.scrollY")
    width, height = page.viewport_size["width"], page.viewport_size["height"]
    clip = {"x": 0, "y": max(top - 16, 0), "width": width, "height": height}
    page.screenshot(path=str(path), full_page=True, clip=clip)


def _shrink(path: Path) -> None:
    """256 colours, as most screenshots of a flat design need: about a third
    of the bytes."""
    from PIL import Image

    with Image.open(path) as shot:
        small = shot.convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


def test_screenshots_of_the_main_pages(live_server, settings, tmp_path):
    assert missing_tools() == []
    settings.ELASTICSEARCH_URL = None
    # Pictures of the demo content are served as the proxy serves them.
    settings.ROOT_URLCONF = "tests.site.media_urls"
    # Wagtail keeps renditions in the cache, which outlives the test database
    # (and the in-memory files of an earlier run).
    settings.CACHES = {
        **settings.CACHES,
        "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    call_command("load_demo", verbosity=0)
    target = Path(os.environ.get("SCREENSHOTS_DIR") or tmp_path)
    project = ProjectPage.objects.live().filter(good_example=True).first()
    project = project or ProjectPage.objects.live().first()
    root = Site.objects.get(is_default_site=True).root_page.url_path
    district = (
        District.objects.annotate(n=Count("projects")).order_by("-n", "name").first()
    )
    pages = {
        "home": "/",
        "search": SEARCH,
        "project": "/" + project.url_path[len(root) :],
        "district": f"/landkreis/{district.ags}/",
        "filters": SEARCH,
        "footer": "/",
    }
    with chromium() as browser:
        for device, (width, height) in WIDTHS.items():
            page = browser.new_page(
                locale="de-DE", viewport={"width": width, "height": height}
            )
            for name, url in pages.items():
                page.goto(live_server.url + url)
                # Lazy pictures below the fold load once scrolled to.
                page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
                page.wait_for_load_state("networkidle")
                page.evaluate("window.scrollTo(0, 0)")
                path = target / f"{name}-{device}.png"
                if name == "filters":
                    _filters(page, device, path)
                elif name == "footer":
                    page.locator("footer").first.screenshot(path=str(path))
                elif name not in LONG_PAGES:
                    page.screenshot(path=str(path))
                else:
                    full = page.evaluate("document.documentElement.scrollHeight")
                    clip = {"x": 0, "y": 0, "width": width}
                    clip["height"] = min(full, HEIGHTS[device])
                    page.screenshot(path=str(path), full_page=True, clip=clip)
                _shrink(path)
                assert path.stat().st_size < MAX_BYTES, path
