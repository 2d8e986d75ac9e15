"""Screenshots of home, filtered search with map, and a project page, desktop
(1280 px) and mobile (390 px), from the demo content in Debian's Chromium.
The search is the whole page on the desktop (filters, chips, results, map) and
its first 1,900 px on a phone (filters, chips, first results).

``SCREENSHOTS_DIR=docs/screenshots pytest tests/benchmarks/test_screenshots.py``
refreshes the committed images; without it they go to a temporary folder and
only their size is checked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Site

from projects.models import ProjectPage
from tests.site.browser import chromium, missing_tools

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
WIDTHS = {"desktop": (1280, 900), "mobile": (390, 844)}
MAX_BYTES = 200_000
SEARCH_MOBILE_HEIGHT = 1900


def test_screenshots_of_the_main_pages(live_server, settings, tmp_path):
    assert missing_tools() == []
    settings.ELASTICSEARCH_URL = None
    call_command("load_demo", verbosity=0)
    target = Path(os.environ.get("SCREENSHOTS_DIR") or tmp_path)
    project = ProjectPage.objects.live().filter(good_example=True).first()
    project = project or ProjectPage.objects.live().first()
    root = Site.objects.get(is_default_site=True).root_page.url_path
    pages = {
        "home": "/",
        "search": "/suche/?field=sprache&region=leine-weser",
        "project": "/" + project.url_path[len(root) :],
    }
    with chromium() as browser:
        for device, (width, height) in WIDTHS.items():
            page = browser.new_page(
                locale="de-DE", viewport={"width": width, "height": height}
            )
            for name, url in pages.items():
                page.goto(live_server.url + url)
                path = target / f"{name}-{device}.png"
                if name != "search":
                    page.screenshot(path=str(path))
                elif device == "desktop":
                    page.screenshot(path=str(path), full_page=True)
                else:
                    clip = {"x": 0, "y": 0, "width": width}
                    clip["height"] = SEARCH_MOBILE_HEIGHT
                    page.screenshot(path=str(path), full_page=True, clip=clip)
                assert path.stat().st_size < MAX_BYTES, path
