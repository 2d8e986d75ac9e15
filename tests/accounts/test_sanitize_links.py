"""Rich text from public forms keeps only https and mailto links."""

from __future__ import annotations

import pytest

from accounts.sanitize import clean_rich_text


@pytest.mark.parametrize(
    "href",
    [
        "//evil.example/login",
        "http://example.org/",
        "/konto/",
        "javascript:alert(1)",
        "ftp://example.org/",
        "data:text/html,hi",
    ],
)
def test_links_other_than_https_and_mailto_lose_their_target(href):
    cleaned = clean_rich_text(f'<p>Siehe <a href="{href}">hier</a></p>')

    assert "href" not in cleaned
    assert "hier" in cleaned


@pytest.mark.parametrize(
    "href", ["https://example.org/a?b=1", "mailto:info@example.org"]
)
def test_https_and_mailto_links_stay(href):
    cleaned = clean_rich_text(f'<p><a href="{href}">Kontakt</a></p>')

    assert f'href="{href.replace("&", "&amp;")}"' in cleaned
