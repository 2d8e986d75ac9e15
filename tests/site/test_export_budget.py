"""An export over its time budget answers 503 with Retry-After, never a 502."""

from __future__ import annotations

import socket
import time

import pytest

from search import breaker

pytestmark = pytest.mark.django_db


@pytest.fixture
def silent_node(settings):
    """A node that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(50)
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{server.getsockname()[1]}"
    settings.ELASTICSEARCH_TIMEOUT = 0.5
    breaker.reset()
    yield
    breaker.reset()
    server.close()


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_an_export_slowed_by_elasticsearch_stops_at_its_budget(
    client, site_content, settings, silent_node, kind
):
    settings.EXPORT_TIME_BUDGET = 0.3
    started = time.monotonic()

    response = client.get(f"/suche/export.{kind}", {"q": "Sprache"})

    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "dauert gerade zu lange" in response.content.decode("unicode_escape")
    assert time.monotonic() - started < 2


def test_an_export_within_its_budget_is_complete(client, site_content, settings):
    settings.EXPORT_TIME_BUDGET = 30
    settings.ELASTICSEARCH_URL = None

    response = client.get("/suche/export.json", {"field": "sprache"})

    assert response.status_code == 200
    assert [row["title"] for row in response.json()] == ["Sprachpatenschaften in Celle"]
