"""The read-only open-data API and its OpenAPI description."""

from __future__ import annotations

import json

import pytest

from tests.site.content import add_project

pytestmark = pytest.mark.django_db


def test_openapi_description_parses_and_lists_the_endpoints(client, site_content):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    spec = json.loads(response.content)
    assert spec["openapi"].startswith("3.")
    for path in (
        "/api/v1/projects",
        "/api/v1/projects/{project_id}",
        "/api/v1/initiatives",
        "/api/v1/events",
        "/api/v1/vocabularies/districts",
    ):
        assert path in spec["paths"]


def test_projects_filter_by_field_region_district_and_status(client, site_content):
    add_project(site_content.project_index, "Jobpaten", ("03101",), ("arbeit",))
    add_project(
        site_content.project_index, "Geplant", ("03101",), ("arbeit",), status="planned"
    )

    def titles(query: str) -> list[str]:
        data = client.get(f"/api/v1/projects?{query}").json()
        return sorted(item["title"] for item in data["results"])

    assert titles("field=arbeit") == ["Geplant", "Jobpaten"]
    assert titles("region=lueneburg") == ["Sprachpatenschaften in Celle"]
    assert titles("district=03241") == ["Sprachpatenschaften in Celle"]
    assert titles("field=arbeit&status=planned") == ["Geplant"]


def test_a_project_in_two_districts_of_a_region_is_listed_once(client, site_content):
    # Celle and Lüneburg both lie in the region Lüneburg.
    add_project(site_content.project_index, "Zwei Landkreise", ("03351", "03355"))
    data = client.get("/api/v1/projects?region=lueneburg&field=sprache").json()
    titles = [item["title"] for item in data["results"]]
    assert sorted(titles) == ["Sprachpatenschaften in Celle", "Zwei Landkreise"]
    assert data["count"] == 2


def test_projects_are_paginated(client, site_content):
    for number in range(4):
        add_project(site_content.project_index, f"Projekt {number}")
    first = client.get("/api/v1/projects?page_size=2").json()
    third = client.get("/api/v1/projects?page_size=2&page=3").json()
    assert first["count"] == 5 and len(first["results"]) == 2
    assert len(third["results"]) == 1


def test_bad_parameters_get_a_german_400(client, site_content):
    response = client.get("/api/v1/projects?status=irgendwas")
    assert response.status_code == 400
    assert "Stand" in response.json()["detail"]
    assert client.get("/api/v1/projects?page_size=1000").status_code == 400


def test_project_detail_has_offers_needs_tags_and_initiative(client, site_content):
    data = client.get(f"/api/v1/projects/{site_content.project.pk}").json()
    assert data["initiative"] == "Sprachbrücke Celle e. V."
    assert data["offers"] == [{"category": None, "text": "Erfahrung mit Patenschaften"}]
    assert data["tags"] == ["Patenschaft"]
    assert sorted(data["districts"]) == ["03241", "03351"]
    assert client.get("/api/v1/projects/999999").status_code == 404


def test_initiatives_events_and_vocabularies(client, site_content):
    initiatives = client.get("/api/v1/initiatives?district=03351").json()
    assert [i["title"] for i in initiatives["results"]] == ["Sprachbrücke Celle e. V."]
    events = client.get("/api/v1/events?region=lueneburg").json()
    assert events["results"][0]["title"] == "Regionalkonferenz Lüneburg"
    districts = client.get("/api/v1/vocabularies/districts").json()
    assert len(districts) == 45 and {"ags", "lat", "lon", "region"} <= set(districts[0])
    fields = client.get("/api/v1/vocabularies/fields").json()
    assert {"slug": "sprache", "name": "Sprachförderung"} in fields
    assert client.get("/api/v1/vocabularies/unsinn").status_code == 404
