"""The search understands a query beyond its words (Elasticsearch, real
index): places lift and suggest a filter, needs find offers, question and
generic words are not required, compounds split against the lexicon, the
thesaurus and English translation find other words, and a misspelt query is
rescued with a note."""

from __future__ import annotations

import pytest

from search.understanding import minimum_should_match, understand

pytestmark = pytest.mark.django_db

API = "/api/v1/search"


def search(client, text: str) -> dict:
    response = client.get(API, {"q": text})
    assert response.status_code == 200
    return response.json()


def slugs(client, text: str) -> list[str]:
    return [hit["slug"] for hit in search(client, text)["results"]]


def test_a_place_lifts_its_projects_and_is_not_a_text_term(corpus, client):
    data = search(client, "Deutschkurs in Hannover")

    assert data["results"][0]["slug"] == "muetter"
    assert data["places"] == [{"label": "Hannover", "districts": ["03241"]}]
    # Only a place: every project there first, none excluded elsewhere.
    only_place = slugs(client, "Projekte im Emsland")
    assert only_place[0] == "ehrenamt"
    assert len(only_place) > 1


def test_the_search_page_suggests_a_filter_for_the_place(corpus, client):
    page = client.get("/suche/", {"q": "Sprachkurs im Landkreis Celle"})

    html = page.content.decode()
    assert "Nur " in html and "zeigen" in html
    assert "district=03351" in html


def test_a_need_ranks_projects_that_offer_it_first(corpus, client):
    found = slugs(client, "Dolmetscher gesucht")

    # "dolmetscher" offers Sprachmittlung; "behoerden" itself seeks one.
    assert found.index("dolmetscher") < found.index("behoerden")


def test_question_and_generic_words_are_not_required(corpus, client):
    assert slugs(client, "Wer hilft Geflüchteten bei der Wohnungssuche?")[0] == (
        "wohnen"
    )
    assert slugs(client, "Gibt es Projekte mit einem Nähcafé?")[0] == "naehcafe"


def test_a_compound_the_texts_do_not_contain_finds_by_its_lexicon_parts(corpus, client):
    # "Sprachpatenprojekt" is nowhere; its parts meet "Sprachpatenschaften".
    assert "patenschaft" in slugs(client, "Sprachpatenprojekt")


def test_a_thesaurus_synonym_finds_without_any_editor_group(corpus, client):
    # OpenThesaurus: Zweirad ~ Fahrrad (search/data/thesaurus-de.txt).
    assert "fahrrad" in slugs(client, "Zweirad")


def test_an_english_query_is_translated(corpus, client):
    data = search(client, "housing for refugees")

    assert data["translated"]
    assert data["results"][0]["slug"] == "wohnen"


def test_a_misspelt_query_is_rescued_with_a_note(corpus, client):
    data = search(client, "Fahradwerkstat")

    assert data["relaxed"] is True
    assert data["results"][0]["slug"] == "fahrrad"
    page = client.get("/suche/", {"q": "Fahradwerkstat"}).content.decode()
    assert "ähnlicher Schreibweise" in page


def test_one_known_word_is_enough(corpus, client):
    # Recall first: an unknown extra word does not empty the result.
    assert slugs(client, "Nähcafé Quastenflosser")[0] == "naehcafe"
    assert search(client, "Quastenflosser")["count"] == 0


@pytest.mark.parametrize(
    ("clauses", "required"),
    [(0, 0), (1, 1), (2, 1), (3, 1), (4, 1), (5, 1), (6, 2), (9, 3)],
)
def test_the_shared_minimum_should_match_rule(clauses, required):
    assert minimum_should_match(clauses) == required


def test_understanding_separates_places_needs_and_target_groups():
    understood = understand("Wir suchen Dolmetscher für Frauen im Wendland")

    assert understood.need
    assert understood.districts == ("03354",)
    assert "frauen" in understood.target_groups
    assert [c.text for c in understood.concepts] == ["Dolmetscher", "Frauen"]
    assert understood.concepts[0].alternatives  # Sprachmittler, Übersetzer …


def test_a_corrected_word_is_searched_and_shown(corpus, client):
    # "Hausaufgabenhilfe" typed with a double letter missing.
    data = search(client, "Hausaufgabenhife")

    assert data["corrected"] == [
        {"typed": "Hausaufgabenhife", "searched": "Hausaufgabenhilfe"}
    ]
    assert data["results"][0]["slug"] == "hausaufgaben"
    page = client.get("/suche/", {"q": "Hausaufgabenhife"}).content.decode()
    assert "Gesucht auch in dieser Schreibweise: „Hausaufgabenhilfe“" in page


def test_who_else_did_it_is_not_what_is_looked_for():
    # "andere Kommunen" names the peers the asker wants to learn from.
    asked = understand("Wie organisieren andere Kommunen Angebote für Kinder?")
    assert [c.text for c in asked.concepts] == ["Kinder"]
    assert "verwaltung" not in asked.target_groups
    # Without "andere" the municipalities are the topic.
    assert [c.text for c in understand("Projekte für Kommunen").concepts] == [
        "Kommunen"
    ]
