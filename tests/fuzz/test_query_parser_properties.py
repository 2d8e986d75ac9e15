"""Whatever a visitor puts into the search URL, the query parser answers with
a query or a ``QueryError`` (shown in German), and the query understanding
with a result: never another exception, never a 500."""

from __future__ import annotations

import string
from dataclasses import replace

import pytest
from django.http import QueryDict
from hypothesis import given
from hypothesis import strategies as st

from search.query import (
    DEFAULT_KM,
    FILTER_KEYS,
    MAX_QUERY_LENGTH,
    MAX_VALUE_LENGTH,
    QueryError,
    SearchQuery,
    clean_text,
    parse_query,
)
from search.understanding import understand

KEYS = ("q", "near", "km", "sort", "size", "page", *FILTER_KEYS, "unknown")
# Digits, German words, umlauts, control and format characters, surrogates
# excluded (a URL cannot carry them once decoded).
TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(string.digits + " -_.,;:+/\\\"'%&?=#*"),
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
    ),
    max_size=300,
)
NUMBERISH = st.one_of(
    st.integers(min_value=-10, max_value=10**8).map(str),
    st.sampled_from(["", "0", "01", "1e3", "١٢", "²", "+5", " 5", "5 ", "0x10"]),
    TEXT,
)
VALUE = st.one_of(
    TEXT,
    NUMBERISH,
    st.sampled_from(
        ["relevance", "distance", "newest", "title", "03241", "3241", "032410"]
    ),
    st.sampled_from(["Sprachcafé", "Landkreis Celle", "sprache", "frauen"]),
)
PARAMS = st.lists(st.tuples(st.sampled_from(KEYS), VALUE), max_size=30)


def query_dict(pairs: list[tuple[str, str]]) -> QueryDict:
    params = QueryDict(mutable=True)
    for key, value in pairs:
        params.appendlist(key, value)
    return params


@given(PARAMS)
def test_any_parameters_give_a_query_or_a_clean_error(pairs):
    try:
        query = parse_query(query_dict(pairs))
    except QueryError as error:
        assert str(error)
        return
    assert isinstance(query, SearchQuery)
    assert len(query.text) <= MAX_QUERY_LENGTH
    assert all(
        0 < len(value) <= MAX_VALUE_LENGTH
        for values in query.filters.values()
        for value in values
    )
    assert query.offset >= 0


@given(PARAMS)
def test_a_parsed_query_survives_its_own_url(pairs):
    """Pager and filter links are built from ``params()``; following one gives
    the same query back (``km`` counts only with ``near``)."""
    try:
        query = parse_query(query_dict(pairs))
    except QueryError:
        return
    again = parse_query(query_dict(query.params(page=query.page)))

    if not query.near:
        query = replace(query, km=DEFAULT_KM)
    assert again == query


@given(TEXT)
def test_cleaned_text_is_printable_bounded_and_stable(raw):
    cleaned = clean_text(raw)

    assert len(cleaned) <= MAX_QUERY_LENGTH
    assert cleaned == cleaned.strip()
    assert all(ch.isprintable() for ch in cleaned)
    assert clean_text(cleaned) == cleaned


@pytest.mark.django_db
@given(TEXT.map(clean_text))
def test_any_query_text_is_understood(text):
    understood = understand(text)

    assert understood.text == text
    assert all(place.districts for place in understood.places)
    assert all(concept.stems for concept in understood.concepts)
