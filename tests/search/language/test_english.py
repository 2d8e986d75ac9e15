"""English queries: detection and translation with FreeDict and the glossary."""

import pytest

from search.language import english
from search.language.english import looks_english, translate_english
from search.models import GlossaryEntry


@pytest.fixture
def no_glossary(monkeypatch):
    """Pure units: the dictionary file only, no database."""
    monkeypatch.setattr(english, "glossary", dict)


@pytest.mark.parametrize(
    "text", ["help for refugee women", "language course for mothers", "homework help"]
)
def test_english_queries_are_recognised(no_glossary, text):
    assert looks_english(text)


@pytest.mark.parametrize(
    "text",
    ["Job Café", "Team", "Deutschkurs für Frauen", "Sprachcafé Hannover", ""],
)
def test_german_queries_are_not_english(no_glossary, text):
    assert not looks_english(text)


def test_help_for_refugee_women_becomes_german(no_glossary):
    german = translate_english("help for refugee women").split()
    assert "Frauen" in german and "Hilfe" in german
    assert {"Flüchtling", "Flüchtlinge", "Geflüchtete"} & set(german)
    assert "for" not in german


def test_unknown_words_are_kept(no_glossary):
    assert translate_english("volunteers Hannover").split()[-1] == "Hannover"


def test_nothing_to_translate_gives_none(no_glossary):
    assert translate_english("Hannover Celle") is None


@pytest.mark.django_db
def test_seeded_glossary_translates_phrases_first():
    german = translate_english("job fair refugees")
    assert german.startswith("Jobmesse Berufsmesse")
    assert "Geflüchtete" in german
    assert looks_english("job fair refugees")


@pytest.mark.django_db
def test_editors_glossary_entry_applies():
    GlossaryEntry.objects.create(english="welcome dinner", german="Willkommensessen")
    assert translate_english("welcome dinner Celle") == "Willkommensessen Celle"


@pytest.mark.django_db
def test_inactive_glossary_entry_is_ignored():
    GlossaryEntry.objects.filter(english="job fair").update(active=False)
    german = translate_english("job fair")
    assert german is None or "Jobmesse" not in german


@pytest.mark.django_db
def test_everyday_words_are_in_the_seeded_glossary():
    # FreeDict, filtered to the domain, has no "free", "hospital" or "men".
    german = translate_english("free German lessons for men at the hospital")
    assert {"kostenlos", "Männer", "Krankenhaus"} <= set(german.split())


@pytest.mark.django_db
def test_a_translated_word_is_one_concept_with_its_alternatives():
    from search.language.synonyms import key
    from search.understanding import understand

    understood = understand("housing for refugees")
    housing = understood.concepts[0]
    assert housing.text == "Wohnung"
    assert key("Wohnraum") in housing.alternatives
    assert "Wohnraum" not in [c.text for c in understood.concepts]
