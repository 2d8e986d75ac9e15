"""`import_projects` reads JSON and CSV, reports bad rows and keeps good ones."""

from __future__ import annotations

import copy
import csv
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from projects.models import InitiativePage, ProjectIndexPage, ProjectPage
from search.models import OutboxEntry

from .import_data import GOOD_ROWS

pytestmark = pytest.mark.django_db


def write_json(tmp_path: Path, rows: list[dict], name: str = "projekte.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return path


def run_import(path: Path, *args: str) -> tuple[str, str, CommandError | None]:
    from io import StringIO

    out, err = StringIO(), StringIO()
    error = None
    try:
        call_command("import_projects", str(path), *args, stdout=out, stderr=err)
    except CommandError as exc:
        error = exc
    return out.getvalue(), err.getvalue(), error


def test_good_json_creates_projects_under_their_initiatives(site_tree, tmp_path):
    out, err, error = run_import(write_json(tmp_path, GOOD_ROWS))

    assert error is None, err
    assert "3 Projekte neu" in out
    cafe = ProjectPage.objects.get(external_id="lk-celle-001")
    initiative = cafe.get_parent().specific
    assert isinstance(initiative, InitiativePage)
    assert initiative.title == "Freundeskreis Asyl Celle"
    assert initiative.organisation_type.name == "Verein / Initiative"
    assert cafe.live and cafe.featured
    assert {f.slug for f in cafe.fields_of_action.all()} == {"sprache", "engagement"}
    assert {t.slug for t in cafe.target_groups.all()} == {"gefluechtete", "familien"}
    assert [o.category.slug if o.category else "" for o in cafe.offers.all()] == [
        "raeume",
        "",
    ]
    assert cafe.needs.get().category.slug == "sprachmittlung"
    assert set(cafe.tags.names()) == {"Sprachcafé", "Begegnung"}
    assert cafe.approach == "<p>Offener Treff, feste Zeit.<br/>Keine Anmeldung.</p>"
    assert cafe.description[0].block_type == "text"


def test_projects_without_organisation_go_under_the_project_index(site_tree, tmp_path):
    run_import(write_json(tmp_path, GOOD_ROWS))

    statewide = ProjectPage.objects.get(external_id="nds-003")

    assert statewide.get_parent().specific_class is ProjectIndexPage
    assert statewide.statewide and statewide.status == "planned"


def test_publish_false_leaves_a_draft_and_district_names_resolve(site_tree, tmp_path):
    run_import(write_json(tmp_path, GOOD_ROWS))

    draft = ProjectPage.objects.get(external_id="lk-os-002")

    assert not draft.live
    latest = draft.get_latest_revision_as_object()
    assert sorted(d.ags for d in latest.districts.all()) == ["03459", "03460"]
    assert latest.status == "active"


def test_published_imports_go_through_the_search_outbox(site_tree, tmp_path):
    run_import(write_json(tmp_path, GOOD_ROWS))

    live_ids = set(ProjectPage.objects.live().values_list("pk", flat=True))
    recorded = set(
        OutboxEntry.objects.filter(model_name="projectpage").values_list(
            "object_id", flat=True
        )
    )
    assert live_ids and live_ids <= recorded


def test_good_csv_with_plain_offer_texts(site_tree, tmp_path):
    path = tmp_path / "projekte.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(
            handle,
            fieldnames=[
                "external_id",
                "title",
                "teaser",
                "districts",
                "fields",
                "offers",
                "needs",
                "tags",
                "featured",
            ],
        )
        writer.writeheader()
        writer.writerow(
            {
                "external_id": "csv-1",
                "title": "Fahrradwerkstatt Gifhorn",
                "teaser": "Gebrauchte Räder für Geflüchtete, gemeinsam repariert.",
                "districts": "03151;Wolfsburg",
                "fields": "teilhabe;kultur_sport",
                "offers": "Reparaturkurse;mobilitaet: Leihräder",
                "needs": "Werkzeugspenden",
                "tags": "Fahrrad; Werkstatt",
                "featured": "ja",
            }
        )

    out, err, error = run_import(path)

    assert error is None, err
    project = ProjectPage.objects.get(external_id="csv-1")
    assert sorted(d.ags for d in project.districts.all()) == ["03103", "03151"]
    offers = [(o.category_source, o.text) for o in project.offers.all()]
    # A plain text gets its category from the text (issue #16); a named one
    # is the person's.
    assert offers == [("inferred", "Reparaturkurse"), ("person", "Leihräder")]
    assert project.offers.get(text="Leihräder").category.slug == "mobilitaet"
    assert project.needs.get().text == "Werkzeugspenden"
    assert set(project.tags.names()) == {"Fahrrad", "Werkstatt"}
    assert project.featured is True


def broken_rows() -> list[dict]:
    good = copy.deepcopy(GOOD_ROWS[0])
    return [
        {**good, "external_id": "ok-1"},
        {**good, "external_id": "bad-district", "districts": ["Atlantis"]},
        {**good, "external_id": "bad-field", "fields": ["Raumfahrt"]},
        {**good, "external_id": "no-title", "title": "  "},
        {**good, "external_id": "bad-date", "start_date": "01.03.2024"},
        {**good, "external_id": "bad-mail", "contact_email": "anna(at)example"},
        {**good, "external_id": "ok-2", "title": "Zweites Sprachcafé"},
    ]


def test_broken_rows_are_reported_with_row_and_field_while_valid_rows_import(
    site_tree, tmp_path
):
    out, err, error = run_import(write_json(tmp_path, broken_rows()))

    assert error is not None
    assert "5 Zeilen wurden nicht importiert" in str(error)
    assert "Zeile 2, Feld „districts“: Landkreis „Atlantis“ ist unbekannt" in err
    assert "Zeile 3, Feld „fields“: Handlungsfeld „Raumfahrt“ ist unbekannt" in err
    assert "Zeile 4, Feld „title“: Der Titel fehlt." in err
    assert "Zeile 5, Feld „start_date“: „01.03.2024“ ist kein Datum" in err
    assert "Zeile 6, Feld „contact_email“" in err
    assert set(ProjectPage.objects.values_list("external_id", flat=True)) == {
        "ok-1",
        "ok-2",
    }
    assert "2 Projekte neu" in out and "5 Zeilen fehlerhaft" in out


def test_csv_errors_name_the_line_in_the_file(site_tree, tmp_path):
    path = tmp_path / "projekte.csv"
    path.write_text(
        "title,teaser,districts,fields,lat,lon,status,website\n"
        "Gut,Text,03351,sprache,,,,\n"
        "Schlecht,Text,03351,sprache,95,10,fertig,ftp://x\n",
        encoding="utf-8",
    )

    out, err, error = run_import(path)

    assert error is not None
    assert "Zeile 3, Feld „lat“: 95.0 liegt nicht zwischen -90 und 90." in err
    assert "Zeile 3, Feld „status“" in err
    assert "Zeile 3, Feld „website“" in err
    assert ProjectPage.objects.filter(title="Gut").exists()


def test_teaser_longer_than_300_characters_is_rejected(site_tree, tmp_path):
    row = {**GOOD_ROWS[2], "teaser": "x" * 301}

    _, err, error = run_import(write_json(tmp_path, [row]))

    assert error is not None
    assert "Zeile 1, Feld „teaser“: Der Text ist 301 Zeichen lang" in err


def test_ambiguous_district_name_asks_for_the_key(site_tree, tmp_path):
    row = {**GOOD_ROWS[2], "statewide": False, "districts": ["Osnabrück"]}

    _, err, _ = run_import(write_json(tmp_path, [row]))

    assert "mehrdeutig: 03404 (kreisfreie Stadt), 03459 (Landkreis)" in err


def test_reimport_updates_instead_of_duplicating(site_tree, tmp_path):
    run_import(write_json(tmp_path, GOOD_ROWS))
    changed = copy.deepcopy(GOOD_ROWS)
    changed[0]["teaser"] = "Neuer Kurztext."
    changed[0]["tags"] = ["Sprachcafé"]
    changed[0]["offers"] = []

    out, err, error = run_import(write_json(tmp_path, changed, "zwei.json"))

    assert error is None, err
    assert "0 Projekte neu, 3 aktualisiert, 0 Initiativen neu" in out
    assert ProjectPage.objects.count() == 3
    assert InitiativePage.objects.count() == 1
    cafe = ProjectPage.objects.get(external_id="lk-celle-001")
    assert cafe.teaser == "Neuer Kurztext."
    assert list(cafe.tags.names()) == ["Sprachcafé"]
    assert not cafe.offers.exists()


def test_reimport_moves_a_project_to_its_new_organisation(site_tree, tmp_path):
    run_import(write_json(tmp_path, GOOD_ROWS[:1]))
    moved = {**GOOD_ROWS[0], "organisation": "Caritas Celle"}

    run_import(write_json(tmp_path, [moved], "zwei.json"))

    cafe = ProjectPage.objects.get(external_id="lk-celle-001")
    assert cafe.get_parent().title == "Caritas Celle"


def test_dry_run_changes_nothing(site_tree, tmp_path):
    pages_before = ProjectPage.objects.count()

    out, err, error = run_import(write_json(tmp_path, GOOD_ROWS), "--dry-run")

    assert error is None, err
    assert out.startswith("Probelauf (nichts gespeichert): 3 Zeilen gelesen, 3")
    assert ProjectPage.objects.count() == pages_before
    assert not InitiativePage.objects.exists()
    assert not OutboxEntry.objects.exists()


def test_dry_run_still_reports_bad_rows(site_tree, tmp_path):
    _, err, error = run_import(write_json(tmp_path, broken_rows()), "--dry-run")

    assert error is not None
    assert "Zeile 2, Feld „districts“" in err
    assert not ProjectPage.objects.exists()


def test_unreadable_file_stops_with_a_message(site_tree, tmp_path):
    path = tmp_path / "kaputt.json"
    path.write_text("{nicht json", encoding="utf-8")

    with pytest.raises(CommandError, match="Kein gültiges JSON"):
        call_command("import_projects", str(path))
    with pytest.raises(CommandError, match="nur .json- und .csv-Dateien"):
        call_command("import_projects", str(tmp_path / "daten.xlsx"))


def test_rows_that_are_not_objects_are_reported(site_tree, tmp_path):
    _, err, error = run_import(write_json(tmp_path, ["nur Text", GOOD_ROWS[2]]))

    assert "Zeile 1: Der Eintrag ist kein Objekt" in err
    assert ProjectPage.objects.filter(external_id="nds-003").exists()


@pytest.mark.parametrize("language", ["de", "en"])
def test_german_status_words_import_whatever_the_ui_language(language):
    from django.utils.translation import override

    from website.importing.rows import RowChecker

    with override(language):
        assert RowChecker._status("geplant") == "planned"
        assert RowChecker._status("Laufend") == "active"
        with pytest.raises(ValueError, match="kein gültiger Stand"):
            RowChecker._status("planned-ish")
