"""Synonyms from the thesaurus, the domain file and the editors' groups."""

import pytest

from search.language import stem
from search.language.synonyms import all_groups, synonyms
from search.models import SynonymGroup
from search.understanding import understand


def test_thesaurus_links_interpreters_and_language_mediators():
    assert "Sprachmittler" in synonyms("Dolmetscher", editors=False)
    assert "Dolmetscher" in synonyms("Sprachmittler", editors=False)


def test_refugee_words_meet_across_inflections():
    assert "Geflüchtete" in synonyms("Flüchtlinge", editors=False)
    assert "Flüchtlinge" in synonyms("Geflüchteten", editors=False)
    assert "Asylsuchende" in synonyms("FLUECHTLINGE", editors=False)


def test_domain_file_expands_abbreviations():
    assert "Deutsch als Zweitsprache" in synonyms("DaZ", editors=False)
    assert "DaZ" in synonyms("Deutsch als Zweitsprache", editors=False)
    assert "Kindertagesstätte" in synonyms("Kita", editors=False)


def test_a_word_is_not_its_own_synonym():
    found = synonyms("Kita", editors=False)
    assert "Kita" not in found
    assert len(found) == len(set(found))


def test_filtered_senses_stay_out():
    assert "Schraubenmutter" not in synonyms("Mutter", editors=False)
    assert "Asylant" not in synonyms("Flüchtling", editors=False)


def test_vocational_training_is_not_schoolroom_teaching():
    # OpenThesaurus also files Ausbildung under Unterricht/Belehrung/Lektion;
    # here Ausbildung is vocational training, and those words would pull in
    # every German class.
    found = synonyms("Ausbildung", editors=False)
    assert "Lehre" in found
    assert not {"Unterricht", "Belehrung", "Lektion"} & set(found)


def test_training_for_volunteers_has_its_domain_words():
    assert "Qualifizierung" in synonyms("Fortbildung", editors=False)
    assert "Schulung" in synonyms("Qualifizierung", editors=False)


def test_unknown_word_has_no_synonyms():
    assert synonyms("Zyxwvut", editors=False) == []


@pytest.mark.django_db
def test_editor_groups_come_first():
    SynonymGroup.objects.create(terms="Dolmetscher, Kulturmittler")
    found = synonyms("Dolmetscher")
    # "Interpreter" comes from the thesaurus only.
    assert found.index("Kulturmittler") < found.index("Interpreter")
    assert "Sprachmittler" in found


@pytest.mark.django_db
def test_inactive_editor_groups_are_ignored():
    SynonymGroup.objects.create(terms="Dolmetscher, Kulturmittler", active=False)
    assert "Kulturmittler" not in synonyms("Dolmetscher")


@pytest.mark.django_db
def test_query_expansion_with_all_groups_uses_the_thesaurus():
    assert any("Dolmetscher" in group for group in all_groups())
    (concept,) = understand("Sprachmittler gesucht").concepts
    assert (stem("Dolmetscher"),) in concept.alternatives
