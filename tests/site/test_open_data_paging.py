"""The open-data API's paging is bounded: a huge page is a 400, never a 500."""

from __future__ import annotations

import pytest

from website.api.events import MAX_OFFSET


@pytest.mark.parametrize(
    "path", ["/api/v1/projects", "/api/v1/initiatives", "/api/v1/events"]
)
@pytest.mark.parametrize("page", [10**12, 10**19, 10**30])
def test_a_huge_page_gets_a_german_400(client, site_content, path, page):
    response = client.get(f"{path}?page={page}&page_size=100")

    assert response.status_code == 400
    assert "Einträge" in response.json()["detail"]


def test_the_last_page_within_the_bound_still_answers(client, site_content):
    last = MAX_OFFSET // 100

    response = client.get(f"/api/v1/projects?page={last}&page_size=100")

    assert response.status_code == 200
    assert response.json()["results"] == []


def test_the_first_page_beyond_the_bound_is_refused(client, site_content):
    beyond = MAX_OFFSET // 100 + 1

    response = client.get(f"/api/v1/projects?page={beyond}&page_size=100")

    assert response.status_code == 400
