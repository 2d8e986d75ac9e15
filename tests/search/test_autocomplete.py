"""GET /api/v1/autocomplete: title prefixes, on both backends."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.services]


def test_title_prefix_suggests_projects(corpus, backend, client):
    data = client.get("/api/v1/autocomplete", {"q": "Sprachpa"}).json()

    assert data["backend"] == backend
    assert [s["title"] for s in data["suggestions"]] == [
        "Sprachpatenschaften im Heidekreis"
    ]


def test_second_word_prefix_suggests_too(corpus, backend, client):
    data = client.get("/api/v1/autocomplete", {"q": "Hausaufgabenhilfe fü"}).json()

    assert data["suggestions"][0]["title"].startswith("Hausaufgabenhilfe")


def test_short_or_hostile_input_gives_no_error(corpus, backend, client):
    for text in ["", "a", "\x00\x00", "(*", "x" * 10_000]:
        response = client.get("/api/v1/autocomplete", {"q": text})
        assert response.status_code == 200
