"""Every public page sends a Content-Security-Policy and needs no inline
script or style to work under it."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.urls import reverse

EXECUTABLE_TYPES = {"", "text/javascript", "module", "application/javascript"}


class InlineFinder(HTMLParser):
    """Inline script, event handler attributes and style attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._in_inline_script = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name, _ in attrs:
            if name.startswith("on") or name == "style":
                self.found.append(f"<{tag} {name}=…>")
        if tag == "style":
            self.found.append("<style>")
        if tag == "script" and not values.get("src"):
            kind = (values.get("type") or "").lower()
            self._in_inline_script = kind in EXECUTABLE_TYPES

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_inline_script = False

    def handle_data(self, data):
        if self._in_inline_script and data.strip():
            self.found.append(f"<script>{data.strip()[:40]}")


def _inline(html: str) -> list[str]:
    finder = InlineFinder()
    finder.feed(html)
    found = finder.found
    found += [
        f"javascript: link {chunk[:30]}"
        for chunk in html.split('href="')[1:]
        if chunk.lower().startswith("javascript:")
    ]
    return found


def _public_urls(site_content) -> list[str]:
    urls = [page.url for page in site_content.pages().values()]
    return urls + [
        reverse("search") + "?q=Sprache",
        reverse("statistics"),
        reverse("accounts:signup"),
        reverse("accounts:login"),
    ]


def test_public_pages_send_a_policy_without_inline_script(client, site_content):
    for url in _public_urls(site_content):
        response = client.get(url)
        assert response.status_code == 200, url
        policy = response.get("Content-Security-Policy", "")
        directives = dict(
            (part.split(" ", 1) + [""])[:2] for part in policy.split("; ") if part
        )

        assert directives.get("script-src") == "'self'", url
        assert directives.get("style-src") == "'self'", url
        assert directives.get("object-src") == "'none'", url
        assert directives.get("frame-ancestors") == "'none'", url
        assert "unsafe-inline" not in policy, url


@pytest.mark.parametrize("logged_in", [False, True])
def test_public_pages_contain_no_inline_script_or_style(
    client, site_content, django_user_model, logged_in
):
    if logged_in:
        user = django_user_model.objects.create_superuser(
            "chef", "chef@example.org", "x"
        )
        client.force_login(user)
    for url in _public_urls(site_content):
        html = client.get(url).content.decode()

        assert _inline(html) == [], url


def test_the_policy_allows_the_configured_map_tiles(client, site_content):
    policy = client.get(reverse("search") + "?q=Sprache")["Content-Security-Policy"]

    assert "img-src 'self' data: https://tile.openstreetmap.org" in policy


def test_the_wagtail_admin_keeps_its_own_inline_script(client, site_content):
    response = client.get("/admin/login/")

    assert "Content-Security-Policy" not in response
