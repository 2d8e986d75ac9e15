"""GET /api/v1/projects/<id>/matches"""

from __future__ import annotations

import pytest

from matching.models import Match
from matching.service import recompute_for

pytestmark = [pytest.mark.django_db, pytest.mark.services]


def test_matches_api_returns_projects_reasons_and_german_explanations(labelled, client):
    source = labelled.id("sprachcafe-celle")
    recompute_for(source)

    response = client.get(f"/api/v1/projects/{source}/matches")

    assert response.status_code == 200
    results = response.json()["results"]
    assert {r["kind"] for r in results} == {"similar", "complementary"}
    first = results[0]
    assert set(first) == {"project", "kind", "score", "reasons", "explanation"}
    assert set(first["project"]) == {"id", "title", "url"}
    assert first["project"]["url"].startswith("http")
    assert 0 <= first["score"] <= 1
    assert first["explanation"].startswith("Beide")


def test_kind_filter_and_hidden_matches_are_left_out(labelled, client):
    source = labelled.id("sprachcafe-celle")
    recompute_for(source)
    hidden = Match.objects.filter(source_id=source, kind="complementary").first()
    hidden.state = "hidden"
    hidden.save()

    response = client.get(
        f"/api/v1/projects/{source}/matches", {"kind": "complementary"}
    )

    ids = [r["project"]["id"] for r in response.json()["results"]]
    assert {r["kind"] for r in response.json()["results"]} == {"complementary"}
    assert hidden.target_id not in ids


def test_unknown_kind_is_a_400_with_a_german_message(labelled, client):
    source = labelled.id("sprachcafe-celle")
    response = client.get(f"/api/v1/projects/{source}/matches", {"kind": "beste"})
    assert response.status_code == 400
    assert "Unbekannte Art" in response.json()["error"]


def test_unknown_or_unpublished_project_is_a_404(labelled, client):
    page = labelled["frauentreff-celle"]
    page.unpublish()
    assert client.get(f"/api/v1/projects/{page.pk}/matches").status_code == 404
    assert client.get("/api/v1/projects/999999/matches").status_code == 404
