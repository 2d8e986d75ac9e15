"""The German twins of the English evaluation queries (pure functions)."""

from eval.report import check_floors, summarise, twin_gap
from eval.run import load_grades, load_queries


def test_each_english_query_has_a_german_twin_graded_like_it():
    queries = load_queries("all")
    grades = load_grades()
    english = [q for q in queries if q["lang"] == "en"]
    twins = {q["id"]: q for q in queries if q["kind"] == "german_twin"}
    assert len(english) >= 12 and len(twins) == len(english)
    for query in english:
        twin = twins[f"{query['id']}-de"]
        assert twin["lang"] == "de" and twin["split"] == query["split"]
        assert twin["text"] != query["text"]
        assert grades[twin["id"]] == grades[query["id"]]


def test_twins_stay_out_of_the_totals_and_the_gap_has_a_floor():
    queries = [
        {"id": "e", "text": "job fair", "kind": "english", "lang": "en", "split": "x"},
    ]
    queries.append(
        {"id": "e-de", "text": "Jobmesse", "kind": "german_twin", "lang": "de"}
    )
    grades = {"e": {"a": 2}, "e-de": {"a": 2}}
    ranked = {
        "e": {"ranked": ["b", "a"], "count": 2},
        "e-de": {"ranked": ["a"], "count": 1},
    }
    summary = summarise(queries, grades, ranked)
    assert summary["queries"] == 1  # the English query only
    gap = twin_gap(summary)
    assert round(gap, 3) == round(1 - 1 / 1.585, 3)  # twin 1.0, English at rank 2
    assert check_floors({"site": summary}, {"site": {"twin_gap_max": 0.5}}) == []
    assert check_floors({"site": summary}, {"site": {"twin_gap_max": 0.3}})
