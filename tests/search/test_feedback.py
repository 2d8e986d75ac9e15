"""Pseudo-relevance feedback on Elasticsearch: the vocabulary of the best
matches ranks the other matches, and never adds a result."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.http import QueryDict

from search.backends import feedback
from search.backends.feedback import select
from search.query import parse_query

pytestmark = pytest.mark.django_db

WORKSHOP = "Geflüchtete reparieren mit Ehrenamtlichen Räder, tauschen Ersatzteile"
WORKSHOP += " und lernen Werkzeug und Schlauch kennen."
TOPICS = [
    "Sprachcafé",
    "Hausaufgabenhilfe",
    "Nähwerkstatt",
    "Kochabend",
    "Theatergruppe",
    "Gartenprojekt",
    "Laufgruppe",
    "Computerkurs",
    "Schachclub",
    "Chorprojekt",
    "Lesepaten",
    "Mädchentreff",
    "Bewerbungstraining",
    "Elterncafé",
    "Fußballteam",
    "Malwerkstatt",
    "Wohnungslotsen",
    "Jobpaten",
    "Radiogruppe",
    "Kleiderkammer",
]


def _rows() -> list[dict]:
    rows = [
        {
            "external_id": f"bike-{n}",
            "title": f"Fahrradwerkstatt {town}",
            "teaser": WORKSHOP,
            "districts": ["03454"],
            "fields": ["teilhabe"],
        }
        for n, town in enumerate(("Lingen", "Meppen", "Papenburg"))
    ]
    rows += [
        {
            "external_id": "mentions-bikes",
            "title": "Offener Treff Haren",
            "teaser": "Im Treff gibt es eine kleine Fahrradwerkstatt für alle.",
            "description": "Dort werden Räder repariert, Ersatzteile getauscht, "
            "Werkzeug und Schlauch verliehen.",
            "districts": ["03454"],
            "fields": ["teilhabe"],
        },
        {
            "external_id": "mentions-party",
            "title": "Offener Treff Emsbüren",
            "teaser": "Im Treff gibt es eine Fahrradwerkstatt für alle.",
            "description": "Dort wird gefeiert, gegrillt, gesungen und getanzt.",
            "districts": ["03454"],
            "fields": ["teilhabe"],
        },
        {
            "external_id": "tools-only",
            "title": "Werkzeugverleih Lathen",
            "teaser": "Ersatzteile, Werkzeug und Schlauch zum Ausleihen.",
            "districts": ["03454"],
            "fields": ["teilhabe"],
        },
    ]
    rows += [
        {
            "external_id": f"other-{n}",
            "title": f"{topic} Nordhorn",
            "teaser": f"Ein {topic} für Neuzugewanderte und Alteingesessene.",
            "districts": ["03456"],
            "fields": ["teilhabe"],
        }
        for n, topic in enumerate(TOPICS)
    ]
    return rows


@pytest.fixture
def workshops(import_indexed):
    import_indexed(_rows())


def _search(text: str):
    return _search_params({"q": text})


def _search_params(params: dict):
    from search.backends import run_search

    return run_search(parse_query(QueryDict(urlencode(params))))


def test_terms_shared_by_the_best_matches_are_chosen_and_weighed():
    documents = [
        {"fahrrad": (3, 4), "ersatzteil": (2, 3), "werkzeug": (1, 3), "kind": (1, 30)},
        {"fahrrad": (2, 4), "ersatzteil": (1, 3), "sommerfest": (4, 1)},
        {"ersatzteil": (1, 3), "werkzeug": (1, 3), "kind": (2, 30)},
    ]
    chosen = dict(select(documents, projects=100, known={"fahrrad"}))
    # "fahrrad" is the query's own word, "sommerfest" is in one document
    # only, "kind" is in 30 % of all projects (more than a fifth).
    assert set(chosen) == {"ersatzteil", "werkzeug"}
    assert chosen["ersatzteil"] == 1.0
    assert 0 < chosen["werkzeug"] < 1.0


def test_no_feedback_without_terms_the_best_matches_share():
    documents = [{"sommerfest": (1, 1)}, {"grill": (1, 1)}]
    assert select(documents, projects=100, known=set()) == ()


def test_the_vocabulary_of_the_best_matches_lifts_a_match(workshops):
    result = _search("Fahrradwerkstatt")
    titles = [hit.title for hit in result.hits]
    assert result.backend == "elasticsearch"
    assert titles.index("Offener Treff Haren") < titles.index("Offener Treff Emsbüren")


def test_without_feedback_the_two_matches_rank_the_other_way(workshops, monkeypatch):
    # The control: the two treffs differ only by what the lift reads.
    monkeypatch.setattr(feedback, "WEIGHT", 0.0)
    titles = [hit.title for hit in _search("Fahrradwerkstatt").hits]
    assert titles.index("Offener Treff Emsbüren") < titles.index("Offener Treff Haren")


def test_feedback_never_adds_a_result(workshops):
    result = _search("Fahrradwerkstatt")
    titles = {hit.title for hit in result.hits}
    # The tool library shares every feedback term but not the query's word.
    assert "Werkzeugverleih Lathen" not in titles
    assert result.count == 5 == len(titles)


def test_place_names_and_stop_words_are_never_feedback_terms():
    from search.backends.feedback import known_terms, unfit_terms
    from search.understanding import understand

    unfit = unfit_terms()
    # Places rank by the place clause, not by words the best matches share.
    assert {"hannov", "luneburg", "wolfenbuttel", "nicht", "durch"} <= unfit
    assert not {"fahrrad", "ersatzteil", "sprachkur"} & unfit
    known = known_terms(understand("Jobmesse"))
    documents = [
        {"luneburg": (2, 3), "zeitarbeit": (1, 3), "nicht": (2, 9)},
        {"luneburg": (1, 3), "zeitarbeit": (2, 3), "nicht": (1, 9)},
    ]
    assert select(documents, projects=100, known=known) == (("zeitarbeit", 1.0),)


def test_feedback_reorders_only_the_window_of_the_query_as_typed(
    workshops, monkeypatch
):
    # With a window of four, the first pass's best four are the three
    # workshops and Emsbüren (which outranks Haren without feedback); Haren
    # is fifth, so the terms it shares with the best three cannot lift it
    # onto a page of four, though it is still counted.
    from search.backends import es_requests

    monkeypatch.setattr(es_requests, "RESCORE_WINDOW", 4)
    result = _search_params({"q": "Fahrradwerkstatt", "size": "4"})
    titles = [hit.title for hit in result.hits]
    assert "Offener Treff Emsbüren" in titles
    assert "Offener Treff Haren" not in titles
    assert result.count == 5


def test_export_ids_follow_pages_beyond_the_window(workshops, monkeypatch):
    # A page that reaches past the first page's window has a window of its
    # own; the export asks for it as the page does.
    from search.backends import es_requests, result_ids

    monkeypatch.setattr(es_requests, "RESCORE_WINDOW", 2)
    paged = [
        hit.id
        for page in range(1, 6)
        for hit in _search_params(
            {"q": "Fahrradwerkstatt", "size": "1", "page": str(page)}
        ).hits
    ]
    query = parse_query(QueryDict("q=Fahrradwerkstatt&size=1"))
    assert len(paged) == 5
    assert result_ids(query, limit=5) == paged
