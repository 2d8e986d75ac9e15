"""`export_projects` writes the import schema; export -> import is lossless."""

from __future__ import annotations

import csv
import json

import pytest
from django.core.management import call_command
from wagtail.models import Page

from projects.models import InitiativePage, ProjectPage
from tests.factories.pages import make_site_tree
from website.importing import KEYS
from website.models import HomePage

from .import_data import GOOD_ROWS
from .test_import_projects import run_import, write_json

pytestmark = pytest.mark.django_db


def clean_database() -> None:
    """Drop every page below the root, as on a fresh installation."""
    for home in HomePage.objects.all():
        home.delete()
    assert Page.objects.filter(depth__gt=2).count() == 0
    make_site_tree()


@pytest.mark.parametrize("suffix", ["json", "csv"])
def test_export_then_import_into_a_clean_database_is_lossless(
    site_tree, tmp_path, suffix
):
    run_import(write_json(tmp_path, GOOD_ROWS))
    first = tmp_path / f"erster.{suffix}"
    call_command("export_projects", str(first))

    clean_database()
    assert not ProjectPage.objects.exists()
    out, err, error = run_import(first)
    assert error is None, err
    second = tmp_path / f"zweiter.{suffix}"
    call_command("export_projects", str(second))

    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")
    assert ProjectPage.objects.count() == len(GOOD_ROWS)
    assert InitiativePage.objects.count() == 1


def test_export_holds_every_key_of_the_schema_with_the_imported_values(
    site_tree, tmp_path
):
    run_import(write_json(tmp_path, GOOD_ROWS))
    path = tmp_path / "export.json"
    plain = tmp_path / "ohne-kontakte.json"

    # A backup keeps contact data only when asked (docs/privacy.md).
    call_command("export_projects", str(path), "--mit-kontaktdaten")
    call_command("export_projects", str(plain))

    without = {row["external_id"]: row for row in json.loads(plain.read_text())}
    assert {
        without["lk-celle-001"][key]
        for key in ("contact_name", "contact_email", "contact_phone")
    } == {""}
    rows = {row["external_id"]: row for row in json.loads(path.read_text())}
    for row in rows.values():
        assert list(row) == list(KEYS)
    cafe = rows["lk-celle-001"]
    original = GOOD_ROWS[0]
    for key in KEYS:
        if key in {"fields", "target_groups", "organisation_type", "needs"}:
            continue
        expected = original[key]
        if isinstance(expected, list) and key != "offers":
            expected = sorted(expected)
        assert cafe[key] == expected, key
    assert cafe["fields"] == ["engagement", "sprache"]
    assert cafe["target_groups"] == ["familien", "gefluechtete"]
    assert cafe["needs"] == [{"category": "sprachmittlung", "text": "Dari"}]
    assert rows["lk-os-002"]["publish"] is False
    assert rows["lk-os-002"]["districts"] == ["03459", "03460"]


def test_csv_export_has_the_schema_as_header(site_tree, tmp_path):
    run_import(write_json(tmp_path, GOOD_ROWS))
    path = tmp_path / "export.csv"

    call_command("export_projects", str(path))

    with path.open(encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert tuple(reader.fieldnames) == KEYS
    cafe = next(row for row in rows if row["external_id"] == "lk-celle-001")
    assert (
        cafe["offers"]
        == "raeume: Gemeinderaum dienstags frei;Erfahrung mit offenen Treffs"
    )
    assert cafe["featured"] == "ja"
