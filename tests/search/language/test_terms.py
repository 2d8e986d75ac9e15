"""Stop words, query noise and the terms the engines index and query."""

import pytest

from search.language import (
    QUERY_NOISE,
    STOP_WORDS,
    analyse_query,
    index_terms,
    is_noise,
    query_terms,
    stem,
)


def test_stop_list_is_the_german_function_words():
    assert {"und", "der", "die", "für", "mit", "nicht"} <= STOP_WORDS
    assert "frauen" not in STOP_WORDS


@pytest.mark.parametrize(
    "word", ["Wer", "wie", "Welche", "gibt", "Projekte", "Projekten", "Angeboten"]
)
def test_question_and_generic_words_are_noise(word):
    assert is_noise(word)


@pytest.mark.parametrize(
    "word", ["Geflüchtete", "Wohnung", "Frauen", "Sprachkurs", "Ausbildung", "Kita"]
)
def test_content_words_are_not_noise(word):
    assert not is_noise(word)


def test_noise_matches_umlaut_spellings():
    assert "unterstützung" in QUERY_NOISE
    assert is_noise("UNTERSTUETZUNG")


def test_analysed_question_marks_only_the_noise():
    analysed = analyse_query("Wer unterstützt Geflüchtete bei der Wohnungssuche?")
    noise = [word.text for word in analysed if word.noise]
    content = [word.text for word in analysed if not word.noise]
    assert noise == ["Wer", "unterstützt", "bei", "der"]
    assert content == ["Geflüchtete", "Wohnungssuche"]
    assert stem("Wohnung") in analysed[-1].part_stems


def test_query_terms_drop_stop_words_and_add_part_stems():
    terms = query_terms("Hilfe bei der Wohnungssuche")
    assert stem("der") not in terms and "bei" not in terms
    assert terms[0] == stem("Hilfe")
    assert {stem("Wohnung"), stem("Suche")} <= set(terms)
    assert len(terms) == len(set(terms))


def test_query_of_stop_words_only_keeps_them():
    assert query_terms("und wir sind") == [stem("und"), stem("wir"), stem("sind")]


def test_index_terms_keep_word_order_and_add_parts_after_each_word():
    assert index_terms("Lernpatenschaft Kita") == [
        stem("Lernpatenschaft"),
        stem("lern"),
        stem("Patenschaft"),
        stem("Paten"),
        stem("Kita"),
    ]


def test_feminine_forms_index_their_masculine_base():
    assert stem("Dolmetscher") in index_terms("Dolmetscherinnen")
