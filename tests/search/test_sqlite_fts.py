"""The SQLite fallback (the embedded default of ``make run``) searches with
FTS5 over pre-analysed terms on the shared query analysis: stems, compound
parts, enough of the query's concepts (recall first), named places lift,
title matches first; publishing keeps the table in step.

CI runs on PostgreSQL, so the SQLite engine runs for real in a subprocess:
one SQLite file per module, migrated and filled through ``import_projects``.
"""

from __future__ import annotations

import pytest

from tests.search import sqlite_site

PROJECTS = [
    {
        "external_id": "fts-1",
        "title": "Sprachkurs für Mütter",
        "teaser": "Deutsch lernen, während die Kinder betreut werden.",
        "districts": ["03351"],
        "fields": ["sprache"],
    },
    {
        "external_id": "fts-2",
        "title": "Nachbarschaftstreff Lingen",
        "teaser": "Ein offener Treff im Quartier.",
        "description": "Im Hof steht ein Lastenfahrrad zum Ausleihen bereit.",
        "districts": ["03454"],
        "fields": ["teilhabe"],
    },
    {
        "external_id": "fts-3",
        "title": "Sprachpatenschaft Celle",
        "teaser": "Ehrenamtliche begleiten Neuzugewanderte im Alltag.",
        "districts": ["03351"],
        "fields": ["sprache"],
    },
    {
        "external_id": "fts-4",
        "title": "Interkulturelles Gartenprojekt",
        "teaser": "Gemeinsam gärtnern im Stadtteil.",
        "districts": ["03159"],
        "fields": ["teilhabe"],
    },
    {
        "external_id": "fts-5",
        "title": "Begegnungscafé Peine",
        "teaser": "Kaffee, Kuchen und Gespräche.",
        "description": (
            "Nach dem Vorbild eines Gartenprojekts aus Göttingen haben wir "
            "Beete angelegt; das Gartenprojekt hat uns Saatgut geschenkt. "
            "Dazu kommen Kochabende, Ausflüge und eine Kleiderbörse."
        ),
        "districts": ["03157"],
        "fields": ["teilhabe"],
    },
]

CHANGE = """
import sys
import django
django.setup()
from projects.models import ProjectPage

action, *args = sys.argv[1:]
if action == "empty":
    from django.db import connection
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_project_fts")
else:
    page = ProjectPage.objects.get(external_id=args[0])
    if action == "unpublish":
        page.unpublish()
    elif action == "draft":
        page.title = args[1]
        page.save_revision()
    elif action == "publish":
        page.get_latest_revision().publish()
print("done", ProjectPage.objects.live().count())
"""


def _change(env: dict[str, str], *args: str) -> int:
    """Run a change; returns the number of live projects after it."""
    printed = sqlite_site.run(["-c", CHANGE, *args], env)
    return int(printed.split("done ", 1)[1].split()[0])


@pytest.fixture(scope="module")
def sqlite_env(tmp_path_factory) -> dict[str, str]:
    """A migrated SQLite database with the site skeleton and the projects,
    published by ``import_projects`` (no Elasticsearch, no broker)."""
    return sqlite_site.build(tmp_path_factory.mktemp("sqlite_fts"), PROJECTS)


def test_fts_finds_inflections_text_words_compound_parts_and_any_word(sqlite_env):
    found = sqlite_site.search(
        sqlite_env,
        "Sprachkurse",
        "Lastenfahrräder",
        "Patenschaft",
        "Sprachkurse Zzyzxwort",
        "Zzyzxwort",
    )

    assert {r["backend"] for r in found.values()} == {"database"}
    # The compound's part "Sprach…" finds other language projects too, after.
    assert found["Sprachkurse"]["titles"][0] == "Sprachkurs für Mütter"
    # Only in the description, not in title or teaser.
    assert found["Lastenfahrräder"]["titles"] == ["Nachbarschaftstreff Lingen"]
    assert found["Patenschaft"]["titles"] == ["Sprachpatenschaft Celle"]
    # Recall first: an unknown extra word does not empty the result.
    assert found["Sprachkurse Zzyzxwort"]["titles"][0] == "Sprachkurs für Mütter"
    assert found["Zzyzxwort"]["count"] == 0


def test_a_title_match_ranks_above_a_text_match(sqlite_env):
    found = sqlite_site.search(sqlite_env, "Gartenprojekt", "Gartenprojekt Kochabende")

    assert found["Gartenprojekt"]["titles"] == [
        "Interkulturelles Gartenprojekt",
        "Begegnungscafé Peine",
    ]
    # More of the query's words beat a title match of one of them.
    assert found["Gartenprojekt Kochabende"]["titles"] == [
        "Begegnungscafé Peine",
        "Interkulturelles Gartenprojekt",
    ]


def test_a_named_place_lifts_its_projects_and_a_question_finds(sqlite_env):
    found = sqlite_site.search(
        sqlite_env,
        "Gartenprojekt Peine",
        "Wer macht ein Gartenprojekt?",
        "Flüchtlinge in Peine",
    )

    # The place is understood (district 03157), not matched as a word, and
    # lifts the project there above a title match elsewhere.
    assert found["Gartenprojekt Peine"]["titles"] == [
        "Begegnungscafé Peine",
        "Interkulturelles Gartenprojekt",
    ]
    # A domain-common word beside a place only ranks: the place decides.
    assert found["Flüchtlinge in Peine"]["titles"][0] == "Begegnungscafé Peine"
    # Question words are no concepts: the topic alone decides.
    assert found["Wer macht ein Gartenprojekt?"]["titles"] == [
        "Interkulturelles Gartenprojekt",
        "Begegnungscafé Peine",
    ]


def test_a_hostile_query_is_searched_as_words_without_error(sqlite_env):
    hostile = '" OR * NEAR( ^ AND -"'
    found = sqlite_site.search(sqlite_env, hostile, 'Garten" OR "*', "NEAR(Sprachkurs)")

    assert found[hostile]["count"] == 0
    assert found['Garten" OR "*']["titles"] == [
        "Interkulturelles Gartenprojekt",
        "Begegnungscafé Peine",
    ]
    assert found["NEAR(Sprachkurs)"]["titles"][0] == "Sprachkurs für Mütter"


def test_drafts_stay_out_and_unpublishing_removes_a_project(sqlite_env):
    _change(sqlite_env, "draft", "fts-2", "Kletterwald Lingen")
    assert sqlite_site.search(sqlite_env, "Kletterwald")["Kletterwald"]["count"] == 0

    _change(sqlite_env, "publish", "fts-2")
    found = sqlite_site.search(sqlite_env, "Kletterwald")["Kletterwald"]
    assert found["titles"] == ["Kletterwald Lingen"]

    _change(sqlite_env, "unpublish", "fts-2")
    after = sqlite_site.search(sqlite_env, "Kletterwald", "Lastenfahrrad")
    assert after["Kletterwald"]["count"] == 0
    assert after["Lastenfahrrad"]["count"] == 0


def test_migrate_fills_an_empty_table_next_to_live_projects(sqlite_env):
    _change(sqlite_env, "empty")
    assert sqlite_site.search(sqlite_env, "Sprachkurs")["Sprachkurs"]["count"] == 0

    sqlite_site.run(["manage.py", "migrate", "--noinput", "-v0"], sqlite_env)

    found = sqlite_site.search(sqlite_env, "Sprachkurs")["Sprachkurs"]
    assert found["titles"][0] == "Sprachkurs für Mütter"


def test_rebuild_search_refills_the_table_from_live_projects(sqlite_env):
    live = _change(sqlite_env, "empty")
    assert sqlite_site.search(sqlite_env, "Sprachkurs")["Sprachkurs"]["count"] == 0

    printed = sqlite_site.run(["manage.py", "rebuild_search"], sqlite_env)

    assert f"projects.projectpage: {live} → search_project_fts" in printed
    found = sqlite_site.search(sqlite_env, "Sprachkurs")["Sprachkurs"]
    assert found["titles"][0] == "Sprachkurs für Mütter"
