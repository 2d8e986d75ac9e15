"""Region and district pages list the projects and events there."""

from __future__ import annotations

import pytest

from tests.site.content import add_project

pytestmark = pytest.mark.django_db


def test_district_page_lists_its_projects_and_the_regions_events(client, site_content):
    add_project(site_content.project_index, "Jobpaten Braunschweig", ("03101",))
    response = client.get("/landkreis/03351/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sprachpatenschaften in Celle" in html
    assert "Jobpaten Braunschweig" not in html
    assert "Regionalkonferenz Lüneburg" in html  # Celle lies in the region Lüneburg


def test_region_page_lists_projects_of_all_its_districts(client, site_content):
    add_project(site_content.project_index, "Jobpaten Braunschweig", ("03101",))
    html = client.get("/region/lueneburg/").content.decode()
    assert "Sprachpatenschaften in Celle" in html
    assert "Jobpaten Braunschweig" not in html
    assert "/landkreis/03351/" in html
    assert "/feeds/region/lueneburg/" in html


@pytest.mark.parametrize("url", ["/landkreis/99999/", "/region/atlantis/"])
def test_unknown_region_or_district_is_a_404(client, site_content, url):
    assert client.get(url).status_code == 404


def test_long_district_lists_are_paginated(client, site_content):
    for number in range(30):
        add_project(site_content.project_index, f"Projekt {number}", ("03101",))
    first = client.get("/landkreis/03101/").content.decode()
    second = client.get("/landkreis/03101/?seite=2").content.decode()
    assert first.count('class="card"') == 24
    assert second.count('class="card"') == 6
    assert "Seite 2 von 2" in second
