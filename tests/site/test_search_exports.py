"""CSV and JSON export of a search result in the import schema, formula-safe."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.models import ProjectPage
from tests.site.content import add_project
from website.exports import COLUMNS, neutralise, project_rows
from website.importing.export import project_row

pytestmark = pytest.mark.django_db


def _csv_rows(response) -> list[dict]:
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_export_follows_the_search_filters(client, site_content):
    add_project(site_content.project_index, "Jobpaten", ("03101",), ("arbeit",))
    response = client.get("/suche/export.csv?field=sprache")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = _csv_rows(response)
    assert [row["title"] for row in rows] == ["Sprachpatenschaften in Celle"]
    row = rows[0]
    assert list(row) == list(COLUMNS)
    assert row["organisation"] == "Sprachbrücke Celle e. V."
    assert set(row["districts"].split("; ")) == {"03351", "03241"}
    assert row["fields"] == "sprache"
    assert row["needs"] == "Räume am Abend"


def test_csv_cells_that_look_like_formulas_are_neutralised(client, site_content):
    add_project(
        site_content.project_index,
        '=HYPERLINK("http://evil")',
        place="@SUM(A1)",
        contact_name="+49 511",
        contact_phone="-1+1",
    )
    rows = _csv_rows(client.get("/suche/export.csv?q=HYPERLINK"))
    evil = next(row for row in rows if "HYPERLINK" in row["title"])
    assert evil["title"].startswith("'=")
    assert evil["place"] == "'@SUM(A1)"
    # Bulk exports carry no personal contact data (docs/privacy.md).
    assert evil["contact_name"] == evil["contact_phone"] == ""


def test_neutralise_keeps_numbers_and_plain_text():
    assert neutralise("-7.5") == "-7.5"
    assert neutralise("Celle") == "Celle"
    assert neutralise("\tcmd") == "'\tcmd"


def test_json_export_keeps_lists_and_offer_categories(client, site_content):
    response = client.get("/suche/export.json?district=03351")
    data = json.loads(response.content)
    assert [item["title"] for item in data] == ["Sprachpatenschaften in Celle"]
    assert data[0]["offers"] == [
        {"category": "", "text": "Erfahrung mit Patenschaften"}
    ]
    assert data[0]["tags"] == ["Patenschaft"]
    assert data[0]["publish"] is True


def test_export_with_bad_parameters_is_a_400(client, site_content):
    assert client.get("/suche/export.csv?sort=zufall").status_code == 400
    assert client.get("/suche/export.json?sort=zufall").status_code == 400


def _queries(client, url: str) -> int:
    client.get(url)  # warm the per-process caches (site root paths)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_export_queries_do_not_grow_with_the_rows(client, site_content):
    # Projects right below the project index have no initiative; finding that
    # out must not cost a query per row.
    add_project(site_content.project_index, "Fahrradwerkstatt 0", ("03101",))
    few = _queries(client, "/suche/export.csv?q=Fahrradwerkstatt")
    for number in range(1, 25):
        add_project(site_content.project_index, f"Fahrradwerkstatt {number}")
    many = _queries(client, "/suche/export.csv?q=Fahrradwerkstatt")
    rows = _csv_rows(client.get("/suche/export.csv?q=Fahrradwerkstatt"))
    assert len(rows) == 25 and all(row["organisation"] == "" for row in rows)
    assert many == few


def test_export_rows_from_loaded_relations_equal_the_managers(rf, site_content):
    # The download loads relations per batch; the import-schema record must
    # be the one the managers give (the export command's path).
    add_project(site_content.project_index, "Jobpaten", ("03101", "03241"), ("arbeit",))
    projects = list(ProjectPage.objects.live().public().order_by("pk"))
    rows = project_rows(projects, rf.get("/suche/export.csv"))
    assert len(rows) == len(projects) >= 2
    for page, row in zip(projects, rows, strict=True):
        expected = project_row(page, None)
        expected["external_id"] = page.external_id or f"npa-{page.pk}"
        assert {k: v for k, v in row.items() if k != "url"} == expected
        assert row["url"] == page.get_full_url()
    assert any(row["offers"] or row["needs"] for row in rows)
    assert any(len(row["districts"]) == 2 for row in rows)


def test_loaded_relations_are_refused_for_a_draft(site_content):
    draft = ProjectPage.objects.live().first()
    draft.live = False
    with pytest.raises(ValueError):
        project_row(draft, {}, {"districts": {}})


@pytest.mark.parametrize("suffix", ["csv", "json"])
def test_exports_are_rate_limited_per_address(
    client, site_content, settings, clean_rate_limits, suffix
):
    settings.EXPORT_RATE_LIMIT = 2
    url = f"/suche/export.{suffix}?field=sprache"
    assert [client.get(url).status_code for _ in range(2)] == [200, 200]

    refused = client.get(url)

    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"
    text = refused.json()["error"] if suffix == "json" else refused.content.decode()
    assert "zu viele Exporte" in text
    # Another address still gets its export.
    assert client.get(url, REMOTE_ADDR="192.0.2.7").status_code == 200
