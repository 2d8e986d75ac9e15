"""Compound splitting against the german-nouns lexicon."""

import pytest

from search.language import index_terms, split_compound
from search.language.resources import data_lines


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("Sprachpatenschaft", ("sprach", "patenschaft")),
        ("Sprachpatenprojekt", ("sprach", "paten", "projekt")),
        ("Arbeitsmarkt", ("arbeit", "markt")),
        ("Migrationsberatung", ("migration", "beratung")),
        ("Ausländerbehörde", ("ausländer", "behörde")),
        ("Kleiderkammer", ("kleider", "kammer")),
        ("Gemeinschaftsunterkunft", ("gemeinschaft", "unterkunft")),
        ("Schuldnerberatung", ("schuldner", "beratung")),
        ("Traumatherapie", ("trauma", "therapie")),
        ("Sprachmittlerinnen", ("sprach", "mittler")),
    ],
)
def test_compound_splits_into_lexicon_parts(word, parts):
    assert split_compound(word) == parts


def test_lexicon_splits_what_the_domain_list_cannot():
    domain = set(data_lines("compounds-de.txt"))
    for word in ("Kleiderkammer", "Traumatherapie", "Schuldnerberatung"):
        parts = split_compound(word)
        assert parts
        assert not set(parts) <= domain


@pytest.mark.parametrize(
    "word",
    [
        "Integration",
        "Generation",
        "Nachbarschaft",
        "Patenschaften",
        "Unterstützung",
        "Dolmetscherinnen",
        "Beratung",
        "Haus",
        "Kita",
    ],
)
def test_words_that_are_no_compounds_stay_whole(word):
    assert split_compound(word) == ()


def test_parts_are_lowercase_and_not_short():
    for word in ("Hausaufgabenhilfe", "Fahrradwerkstatt", "Begegnungscafé"):
        parts = split_compound(word)
        assert parts
        assert all(part == part.lower() and len(part) >= 3 for part in parts)


def test_related_compounds_share_stems():
    shared = set(index_terms("Sprachpatenschaft")) & set(
        index_terms("Sprachpatenprojekt")
    )
    assert {"sprach", "pat"} <= shared


def test_umlaut_and_case_do_not_change_the_split():
    assert split_compound("FRAUENCAFÉ") == split_compound("Frauencafé") != ()
