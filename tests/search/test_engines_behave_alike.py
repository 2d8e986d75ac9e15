"""One behaviour suite, three engines: Elasticsearch, the PostgreSQL fallback
and the SQLite fallback (FTS5) answer the same queries the same way, because
the same query analysis (search.understanding) drives all of them.

Elasticsearch and PostgreSQL run in this process on the test database; the
SQLite engine runs for real in a subprocess on its own file (CI runs on
PostgreSQL). The corpus goes in through ``import_projects`` everywhere."""

from __future__ import annotations

import io
import json
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from django.http import QueryDict
from django.test import override_settings

from tests.search import sqlite_site

pytestmark = pytest.mark.django_db

ENGINES = ("elasticsearch", "postgresql", "sqlite")

ROWS = [
    {
        "external_id": "alike-1",
        "title": "Sprachkurs für Mütter",
        "teaser": "Deutsch lernen, während die Kinder betreut werden.",
        "districts": ["03351"],
        "fields": ["sprache"],
        "target_groups": ["frauen"],
        "offers": [{"category": "", "text": "Kinderbetreuung während des Kurses"}],
    },
    {
        "external_id": "alike-2",
        "title": "Dolmetscherpool Lüneburg",
        "teaser": "Ehrenamtliche Sprachmittler begleiten zu Ärzten und Ämtern.",
        "districts": ["03355"],
        "fields": ["beratung"],
        "offers": [{"category": "", "text": "Sprachmittlung in Arabisch und Dari"}],
    },
    {
        "external_id": "alike-3",
        "title": "Flüchtlingshilfe Wolfsburg",
        "teaser": "Begleitung zu Behörden und Ärzten.",
        "districts": ["03103"],
        "fields": ["beratung"],
        "needs": [{"category": "", "text": "Dolmetscher für Arztbesuche"}],
    },
    {
        "external_id": "alike-4",
        "title": "Sprachpatenschaft Celle",
        "teaser": "Ehrenamtliche begleiten Neuzugewanderte im Alltag.",
        "districts": ["03351"],
        "fields": ["sprache"],
    },
    {
        "external_id": "alike-5",
        "title": "Wohnungsbörse Göttingen",
        "teaser": "Vermieter und Wohnungssuchende finden zueinander.",
        "districts": ["03159"],
        "fields": ["wohnen"],
    },
    {
        "external_id": "alike-6",
        "title": "Fahrradwerkstatt Lingen",
        "teaser": "Gemeinsam Räder reparieren und Mobilität gewinnen.",
        "districts": ["03454"],
        "fields": ["teilhabe"],
    },
    {
        "external_id": "alike-7",
        "title": "Begegnungscafé Peine",
        "teaser": "Kaffee, Kuchen und Gespräche für Alteingesessene und Neue.",
        "districts": ["03157"],
        "fields": ["teilhabe"],
    },
    {
        "external_id": "alike-8",
        "title": "Ausbildungsbegleitung Lüneburg",
        "teaser": "Ehrenamtliche begleiten Geflüchtete durch die Ausbildung.",
        "districts": ["03355"],
        "fields": ["arbeit"],
    },
    {
        "external_id": "alike-9",
        "title": "Willkommenslotsen Niedersachsen",
        "teaser": "Landesweite Beratung von Betrieben zur Ausbildung Geflüchteter.",
        "statewide": True,
        "fields": ["arbeit"],
    },
]
HOSTILE = '" OR * NEAR( ^ AND -"'
QUERIES = [
    "Sprachkurse",
    "Patenschaft",
    "Sprachpatenprojekt",
    "Übersetzer",
    "Zweirad",
    "Wer hilft bei der Wohnungssuche?",
    "Ehrenamtliche in Celle",
    "Fahrradwerkstatt im Emsland",
    "Ausbildung im Landkreis Goslar",
    "Dolmetscher gesucht",
    "Patenschaftsprogram",
    "bike repair",
    "Sprachkurse Zzyzxwort",
    "Zzyzxwort Neuzugewanderte",
    "Zzyzxwort",
    HOSTILE,
]


def _sqlite_answers(folder: Path) -> dict[str, dict]:
    return sqlite_site.search(sqlite_site.build(folder, ROWS), *QUERIES)


def _answers() -> dict[str, dict]:
    from search.backends import run_search
    from search.query import parse_query

    out = {}
    for text in QUERIES:
        result = run_search(parse_query(QueryDict(urlencode({"q": text}))))
        out[text] = {
            "backend": result.backend,
            "count": result.count,
            "titles": [hit.title for hit in result.hits],
        }
    return out


@pytest.fixture(scope="module")
def answers(services, django_db_setup, django_db_blocker, tmp_path_factory):
    """Every engine's answers to every query, computed once."""
    from django.db import transaction

    from projects.models import ProjectPage
    from search.client import get_client, index_alias
    from search.indexing import sync_objects
    from tests.conftest import _delete_test_indices

    client = get_client()
    atomic = transaction.atomic()
    with django_db_blocker.unblock():
        _delete_test_indices(client)
        atomic.__enter__()
        try:
            call_command("setup_site", stdout=io.StringIO())
            path = tmp_path_factory.mktemp("alike") / "projekte.json"
            path.write_text(json.dumps(ROWS, ensure_ascii=False), encoding="utf-8")
            call_command("import_projects", str(path), stdout=io.StringIO())
            ids = list(ProjectPage.objects.live().values_list("pk", flat=True))
            sync_objects("projects", "projectpage", ids)
            client.indices.refresh(index=index_alias("projects"))
            found = {"elasticsearch": _answers()}
            with override_settings(ELASTICSEARCH_URL=None):
                found["postgresql"] = _answers()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            _delete_test_indices(client)
    found["sqlite"] = _sqlite_answers(tmp_path_factory.mktemp("alike_sqlite"))
    return found


def _first(answers: dict, engine: str, text: str) -> str | None:
    titles = answers[engine][text]["titles"]
    return titles[0] if titles else None


@pytest.mark.parametrize("engine", ENGINES)
def test_each_engine_is_the_one_asked(answers, engine):
    backends = {answer["backend"] for answer in answers[engine].values()}
    assert backends == {"elasticsearch" if engine == "elasticsearch" else "database"}


@pytest.mark.parametrize("engine", ENGINES)
def test_stems_compound_parts_and_lexicon_splits(answers, engine):
    assert _first(answers, engine, "Sprachkurse") == "Sprachkurs für Mütter"
    assert "Sprachpatenschaft Celle" in answers[engine]["Patenschaft"]["titles"]
    assert (
        "Sprachpatenschaft Celle" in (answers[engine]["Sprachpatenprojekt"]["titles"])
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_a_compound_with_a_misspelt_part_finds_by_its_correction(answers, engine):
    # "Programm" typed with one m: no lexicon split covers the word and no
    # text has it, but one edit gives "Patenschaft" + "Programm".
    titles = answers[engine]["Patenschaftsprogram"]["titles"]
    assert titles[:1] == ["Sprachpatenschaft Celle"]


@pytest.mark.parametrize("engine", ENGINES)
def test_domain_and_thesaurus_synonyms(answers, engine):
    assert "Dolmetscherpool Lüneburg" in answers[engine]["Übersetzer"]["titles"]
    assert "Fahrradwerkstatt Lingen" in answers[engine]["Zweirad"]["titles"]


@pytest.mark.parametrize("engine", ENGINES)
def test_question_words_are_not_required(answers, engine):
    assert _first(answers, engine, "Wer hilft bei der Wohnungssuche?") == (
        "Wohnungsbörse Göttingen"
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_places_lift_their_projects(answers, engine):
    assert _first(answers, engine, "Ehrenamtliche in Celle") == (
        "Sprachpatenschaft Celle"
    )
    assert _first(answers, engine, "Fahrradwerkstatt im Emsland") == (
        "Fahrradwerkstatt Lingen"
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_statewide_work_ranks_above_work_elsewhere_for_a_place(answers, engine):
    # Nothing in Goslar: what serves all of Lower Saxony serves Goslar too,
    # a project in Lüneburg does not; it is still found.
    titles = answers[engine]["Ausbildung im Landkreis Goslar"]["titles"]
    assert titles[:2] == [
        "Willkommenslotsen Niedersachsen",
        "Ausbildungsbegleitung Lüneburg",
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_need_ranks_the_offer_above_the_same_need(answers, engine):
    titles = answers[engine]["Dolmetscher gesucht"]["titles"]
    assert "Dolmetscherpool Lüneburg" in titles
    if "Flüchtlingshilfe Wolfsburg" in titles:
        assert titles.index("Dolmetscherpool Lüneburg") < titles.index(
            "Flüchtlingshilfe Wolfsburg"
        )


@pytest.mark.parametrize("engine", ENGINES)
def test_english_is_translated(answers, engine):
    assert _first(answers, engine, "bike repair") == "Fahrradwerkstatt Lingen"


@pytest.mark.parametrize("engine", ENGINES)
def test_one_known_word_is_enough_and_nonsense_finds_nothing(answers, engine):
    assert _first(answers, engine, "Sprachkurse Zzyzxwort") == ("Sprachkurs für Mütter")
    # The only known word is one nearly every project has: it still finds.
    assert _first(answers, engine, "Zzyzxwort Neuzugewanderte") == (
        "Sprachpatenschaft Celle"
    )
    assert answers[engine]["Zzyzxwort"]["count"] == 0
    assert answers[engine][HOSTILE]["count"] == 0
