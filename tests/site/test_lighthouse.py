"""Lighthouse on the public site (issue #19): home, search with filters, a
project with its lead picture, a region and a district page, mobile profile,
Debian's Chromium. Performance, Accessibility, Best Practices and SEO must
each score at least 95.

scripts/lighthouse.mjs runs the pinned npm ``lighthouse`` with one browser
for all pages. The scores table is printed (``-s``)."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.test.testcases import LiveServerThread
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from kb.models import GoodExampleCollection, GoodExampleItem
from projects.models import ProjectGalleryImage
from tests.site.browser import CHROMIUM
from tests.site.content import add_project, build_site

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
REQUIRE = os.environ.get("REQUIRE_SERVICES") == "1"
ROOT = Path(settings.BASE_DIR)
SCRIPT = ROOT / "scripts" / "lighthouse.mjs"
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "package.json"
FLOOR = 95
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


@pytest.fixture
def tools():
    problems = [
        message
        for path, message in (
            (Path(CHROMIUM), f"{CHROMIUM} is missing (make browsers)"),
            (LIGHTHOUSE, "npm lighthouse is missing (make frontend)"),
        )
        if not path.exists()
    ]
    if problems:
        if REQUIRE:
            pytest.fail("; ".join(problems))
        pytest.skip("; ".join(problems))


COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg")


class Gzip:
    """What Caddy's ``encode gzip`` does in production (Caddyfile): text
    responses go compressed. Without it the 340 kB KERN stylesheet would be
    measured at a size no visitor downloads."""

    def __init__(self, app) -> None:
        self.app = app

    def __call__(self, environ, start_response):
        if "gzip" not in environ.get("HTTP_ACCEPT_ENCODING", ""):
            return self.app(environ, start_response)
        captured = {}

        def capture(status, headers, exc_info=None):
            captured.update(status=status, headers=headers)
            return lambda data: None

        result = self.app(environ, capture)
        try:
            body = b"".join(result)
        finally:
            getattr(result, "close", lambda: None)()
        headers = captured["headers"]
        names = {name.lower(): value for name, value in headers}
        kind = names.get("content-type", "")
        if kind.startswith(COMPRESSIBLE) and "content-encoding" not in names:
            body = gzip.compress(body, 6)
            headers = [
                (name, value)
                for name, value in headers
                if name.lower() != "content-length"
            ] + [
                ("Content-Encoding", "gzip"),
                ("Content-Length", str(len(body))),
                ("Vary", "Accept-Encoding"),
            ]
        start_response(captured["status"], headers)
        return [body]


@pytest.fixture
def server(settings, tmp_path):
    """A live server like production: static files compressed, uploads
    served from a media directory on disk (as the proxy serves them)."""
    settings.ROOT_URLCONF = "tests.site.media_urls"
    settings.MEDIA_ROOT = str(tmp_path)
    # Wagtail keeps renditions in the cache, which outlives the test database
    # (and the files of an earlier run's storage).
    settings.CACHES = {
        **settings.CACHES,
        "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    thread = LiveServerThread("localhost", lambda app: Gzip(StaticFilesHandler(app)))
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://localhost:{thread.port}"
    thread.terminate()


@pytest.fixture
def pages(server, settings) -> dict[str, str]:
    settings.ELASTICSEARCH_URL = None
    content = build_site()
    other = add_project(
        content.project_index, "Jobpaten Braunschweig", ("03101",), ("arbeit",)
    )
    # Pictures on the project page, its cards and the home page's good examples.
    collection = GoodExampleCollection.objects.create(title="Gute Beispiele")
    for order, project in enumerate((content.project, other)):
        image = Image.objects.create(
            title=project.title, file=get_test_image_file(size=(1200, 800))
        )
        ProjectGalleryImage.objects.create(
            page=project, image=image, alt_text="Menschen am Tisch"
        )
        GoodExampleItem.objects.create(
            collection=collection, project=project, sort_order=order
        )
    content.home.good_examples = collection
    content.home.save_revision().publish()
    return {
        "home": "/",
        "search with filters": "/suche/?q=Sprache&field=sprache&region=lueneburg",
        "project": content.project.url,
        "region": "/region/lueneburg/",
        "district": "/landkreis/03351/",
    }


def _table(results: dict[str, dict]) -> str:
    head = "| page | " + " | ".join(CATEGORIES) + " |"
    rule = "|---" * (len(CATEGORIES) + 1) + "|"
    rows = [
        f"| {name} | " + " | ".join(str(result["scores"][c]) for c in CATEGORIES) + " |"
        for name, result in results.items()
    ]
    return "\n".join([head, rule, *rows])


def test_every_page_type_scores_at_least_95_in_each_category(
    tools, server, pages, capsys
):
    urls = {name: server + path for name, path in pages.items()}
    # Pictures are rendered on a page's first view; measure the pages as
    # visitors meet them, with their renditions made.
    for url in urls.values():
        with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310
            assert response.status == 200, url
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    completed = subprocess.run(
        [shutil.which("node") or "node", str(SCRIPT), *urls.values()],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    by_url = json.loads(completed.stdout)
    results = {name: by_url[url] for name, url in urls.items()}
    with capsys.disabled():
        print("\nLighthouse (mobile):\n" + _table(results))
    failures = {
        name: {
            category: (result["scores"][category], result["losses"][category])
            for category in CATEGORIES
            if result["scores"][category] < FLOOR
        }
        for name, result in results.items()
    }
    errors = {
        name: r["runtimeError"] for name, r in results.items() if r["runtimeError"]
    }
    assert errors == {}
    assert {name: f for name, f in failures.items() if f} == {}
