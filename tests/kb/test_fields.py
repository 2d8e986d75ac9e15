"""Shared model fields."""

from kb.fields import WebsiteField


def test_website_without_scheme_is_read_as_https():
    field = WebsiteField(blank=True).formfield()
    assert field.clean("freundeskreis-celle.example.org") == (
        "https://freundeskreis-celle.example.org"
    )


def test_website_keeps_an_explicit_http_scheme():
    field = WebsiteField(blank=True).formfield()
    assert field.clean("http://example.org") == "http://example.org"
