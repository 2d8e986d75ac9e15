"""Per-address limits on search, autocomplete and the open-data API."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from config.settings import base
from kb.throttle import matching_rule


def _limits(path_rule: dict) -> list[dict]:
    return [{**path_rule, "per_ip": 3, "window": 60}]


@pytest.mark.parametrize(
    ("rule", "url"),
    [
        ({"prefix": "/suche/", "scope": "search"}, "/suche/?q=Sprache"),
        ({"path": "/api/v1/search", "scope": "search-api"}, "/api/v1/search?q=x"),
        (
            {"path": "/api/v1/autocomplete", "scope": "autocomplete"},
            "/api/v1/autocomplete?q=Spr",
        ),
        ({"prefix": "/api/v1/", "scope": "open-data"}, "/api/v1/projects"),
    ],
)
def test_the_request_over_the_limit_gets_a_429_in_german(
    client, site_tree, settings, rule, url
):
    settings.ELASTICSEARCH_URL = None
    settings.REQUEST_RATE_LIMITS = _limits(rule)

    answers = [client.get(url) for _ in range(4)]

    assert [a.status_code for a in answers[:3]] == [200, 200, 200]
    assert answers[3].status_code == 429
    assert answers[3]["Retry-After"] == "60"
    assert "zu viele Anfragen" in answers[3].content.decode("unicode_escape")


def test_addresses_behind_the_proxy_have_limits_of_their_own(
    client, site_tree, settings
):
    settings.ELASTICSEARCH_URL = None
    settings.TRUSTED_PROXY_COUNT = 1
    settings.REQUEST_RATE_LIMITS = _limits({"prefix": "/api/v1/", "scope": "api"})

    def get(visitor):
        return client.get(
            "/api/v1/projects", REMOTE_ADDR="172.18.0.5", HTTP_X_FORWARDED_FOR=visitor
        )

    first = [get("203.0.113.1").status_code for _ in range(4)]
    second = get("203.0.113.2").status_code

    assert first == [200, 200, 200, 429]
    assert second == 200


def test_the_default_limits_cover_search_and_the_apis(settings):
    settings.REQUEST_RATE_LIMITS = base.REQUEST_RATE_LIMITS
    urls = ("/suche/", "/api/v1/search", "/api/v1/autocomplete", "/api/v1/events")

    scopes = {url: matching_rule(RequestFactory().get(url))["scope"] for url in urls}

    assert scopes == {
        "/suche/": "search",
        "/api/v1/search": "search-api",
        "/api/v1/autocomplete": "autocomplete",
        "/api/v1/events": "open-data",
    }
