"""German analysis on the real Elasticsearch: compounds, umlauts, synonyms,
typos and the index settings that production needs."""

from __future__ import annotations

import pytest

from search.analysis import compound_words
from search.client import index_alias
from search.models import SynonymGroup

pytestmark = [pytest.mark.django_db, pytest.mark.services]

API = "/api/v1/search"


def slugs(client, text: str) -> list[str]:
    data = client.get(API, {"q": text}).json()
    assert data["backend"] == "elasticsearch"
    return [hit["slug"] for hit in data["results"]]


def tokens(es, analyzer: str, text: str) -> list[str]:
    result = es.indices.analyze(
        index=index_alias("projects"), analyzer=analyzer, text=text
    )
    return [token["token"] for token in result["tokens"]]


def test_compounds_are_split_into_known_parts(corpus_index):
    assert tokens(corpus_index, "german_text", "Sprachpatenschaft") == [
        "sprachpatenschaft",
        "sprach",
        "pat",
        "patenschaft",
    ]
    assert {"haus", "hausaufgab", "hilf"} <= set(
        tokens(corpus_index, "german_text", "Hausaufgabenhilfe")
    )
    assert "lots" in tokens(corpus_index, "german_text", "Integrationslotse")


def test_stop_words_go_before_umlaut_folding(corpus_index):
    assert tokens(corpus_index, "german_query", "Kurs für Mütter") == ["kurs", "mutt"]


def test_the_word_list_is_inlined_into_the_index_settings(corpus_index):
    settings = corpus_index.indices.get_settings(index=index_alias("projects"))
    analysis = next(iter(settings.values()))["settings"]["index"]["analysis"]
    word_list = analysis["filter"]["german_decompound"]["word_list"]
    assert set(word_list) == set(compound_words())
    assert "word_list_path" not in analysis["filter"]["german_decompound"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sprache", "patenschaft"),
        ("Patenschaft", "patenschaft"),
        ("Hausaufgaben", "hausaufgaben"),
        ("Lotsen", "lotsen"),
        ("Sprachpatenschaft", "patenschaft"),
    ],
)
def test_parts_find_compounds_and_compounds_find_parts(corpus, client, text, expected):
    assert expected in slugs(client, text)


def test_a_compound_finds_by_its_parts_without_the_head_not_by_the_head(corpus, client):
    # The word itself ranks first; "Flüchtlingshilfe" shares only the head.
    assert slugs(client, "Hausaufgabenhilfe") == ["hausaufgaben"]
    # "Elterncafé" finds what is for parents, not any café.
    found = slugs(client, "Elterncafé")
    assert "kita" in found
    assert "naehcafe" not in found


@pytest.mark.parametrize("text", ["Naehcafe", "Nähcafé", "NAEHCAFE"])
def test_umlaut_spellings_match(corpus, client, text):
    assert slugs(client, text)[:1] == ["naehcafe"]


@pytest.mark.parametrize("text", ["Integrationslotzen", "Hausaufgabnhilfe"])
def test_typos_are_tolerated(corpus, client, text):
    assert slugs(client, text)


def test_few_hits_offer_a_suggestion(corpus, client):
    data = client.get(API, {"q": "Fahradwerkstat"}).json()

    assert data["suggestion"] and "Fahrradwerkstatt" in data["suggestion"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sprachkurs", "muetter"),
        ("Kindergarten", "kita"),
        ("Übersetzung", "dolmetscher"),
        ("Arbeit", "jobs"),
        ("Wohnung", "wohnen"),
    ],
)
def test_synonyms_find_projects_using_another_word(corpus, client, text, expected):
    assert expected in slugs(client, text)


def test_a_new_synonym_group_applies_without_reindexing(corpus, client):
    # "Zweirad" is a thesaurus synonym of "Fahrrad"; "Velo" is not.
    assert "fahrrad" not in slugs(client, "Velo")

    SynonymGroup.objects.create(terms="Velo, Fahrrad")

    assert "fahrrad" in slugs(client, "Velo")


def test_exact_word_outranks_a_synonym(corpus, client):
    assert slugs(client, "Freiwilligenarbeit")[0] == "ehrenamt"


def test_unconfirmed_projects_rank_lower(corpus, client):
    # Both Lüneburg projects match "Lüneburg"-free text equally without text;
    # the stale one (last confirmed 2020) comes after the fresh one.
    data = client.get(API, {"district": "03355"}).json()
    assert [hit["slug"] for hit in data["results"]] == ["dolmetscher", "fahrrad"]


def test_highlights_mark_matches_and_escape_the_rest(corpus, client):
    data = client.get(API, {"q": "Beschäftigung"}).json()

    assert "<mark>Beschäftigung</mark>" in data["results"][0]["highlight"]


def test_snippet_marks_the_teaser_and_ignores_offer_texts(corpus, client):
    """Snippets come from the teaser or the description; a match only in an
    offer or need text finds the project and shows its teaser unmarked."""
    data = client.get(API, {"q": "Ämtern"}).json()
    (lotsen,) = [hit for hit in data["results"] if hit["slug"] == "lotsen"]
    assert "zu <mark>Ämtern</mark>" in lotsen["highlight"]

    data = client.get(API, {"q": "Erfahrene Sprachpaten"}).json()
    (paten,) = [hit for hit in data["results"] if hit["slug"] == "patenschaft"]
    assert paten["highlight"] == ""
    assert paten["teaser"].startswith("Ehrenamtliche Paten")
