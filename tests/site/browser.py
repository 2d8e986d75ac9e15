"""Headless Chromium from Debian, driven by Playwright (never downloaded)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connections

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"


def missing_tools() -> list[str]:
    problems = []
    if not Path(CHROMIUM).exists():
        problems.append(f"{CHROMIUM} is missing (make browsers)")
    if not AXE.exists():
        problems.append(f"{AXE} is missing (make frontend)")
    return problems


class CspTolerantBrowser:
    """The browser, whose pages let the tests inject axe-core and the text
    spacing style inline although the site's Content-Security-Policy forbids
    inline script and style (requests are still made and seen as before)."""

    def __init__(self, browser) -> None:
        self._browser = browser

    def new_page(self, **options):
        return self._browser.new_page(bypass_csp=True, **options)

    def new_context(self, **options):
        return self._browser.new_context(bypass_csp=True, **options)

    def __getattr__(self, name: str):
        return getattr(self._browser, name)


@contextmanager
def chromium() -> Iterator:
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test's own
    # database calls are synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        try:
            yield CspTolerantBrowser(browser)
        finally:
            browser.close()
            # While Playwright's event loop runs in this thread, asgiref keeps
            # Django's connections in a context variable instead of the
            # thread's storage that the test teardown closes. Closed here, or
            # one stays open and keeps the test database from being dropped
            # at the end of the run.
            connections.close_all()


def serious_violations(page) -> list[dict]:
    """axe-core violations of impact serious or critical on the loaded page."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations']})"
    )
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "nodes": [node["html"][:160] for node in violation["nodes"][:3]],
        }
        for violation in result["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]


def german_page(browser):
    """A fresh page whose browser asks for German, the site's default."""
    return browser.new_page(locale="de-DE")
