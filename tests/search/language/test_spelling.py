"""Near spellings of words the lexicon does not know (query time only)."""

import pytest

from search.language.spelling import correct


@pytest.mark.parametrize(
    ("word", "corrected"),
    [
        ("Patenschaftsprogram", "patenschaftsprogramm"),
        ("Intergrationslotsen", "integrationslotsen"),
        ("Fahradwerkstatt", "fahrradwerkstatt"),
        ("Kinderbetreung", "kinderbetreuung"),
        ("Dolmetcher", "dolmetscher"),
        ("Willkomenskultur", "willkommenskultur"),
    ],
)
def test_one_edit_in_one_part_is_corrected(word, corrected):
    assert correct(word) == corrected


@pytest.mark.parametrize(
    "word",
    [
        "Integrationslotsen",
        "Hausaufgabenhilfe",
        "Sprachcafé",
        "Kita",
        "DaZ",
        # No nouns, but German words all the same.
        "kostenlos",
        "vermieten",
        "besser",
        "ausbilden",
        # ae/oe/ue for ä/ö/ü.
        "Sprachfoerderung",
        "Gefluechtete",
    ],
)
def test_known_words_and_short_words_stay_as_written(word):
    assert correct(word) is None


def test_a_word_far_from_every_lexicon_word_has_no_correction():
    assert correct("Zzyzxwortqq") is None
