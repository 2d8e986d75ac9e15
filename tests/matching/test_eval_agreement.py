"""The matching agreement measures of two blind labellers (pure functions)."""

import random

from eval.agreement import copy_scores
from eval.matching_agreement import averaged, second_as_ranked

LABELS = {
    "similar": [{"id": "s01", "seed": "a", "similar": {"b": 2, "c": 1}}],
    "complementary": [{"id": "c01", "needs": "d", "offers": "e"}],
    "traps": [{"id": "t01", "a": "a", "b": "f"}],
}


def test_similar_recall_counts_the_frozen_members_in_the_other_ten():
    frozen = {"s01": {"b": 2, "c": 1}, "s02": {"d": 1}}
    second = {"s01": {"b": 2, "x": 2}, "s03": {"e": 2}}
    # s01: b of {b, c}; s02 and s03 are not held by both.
    assert copy_scores(second, frozen)[1] == 0.5
    assert copy_scores(frozen, frozen)[1] == 1.0


def test_the_second_lists_are_measured_like_the_matchers():
    similar = {"s01": {"seed": "a", "similar": {"c": 1, "b": 2}}}
    complementary = {"d": [{"partner": "x"}, {"partner": "e"}], "e": []}
    ranked = second_as_ranked(similar, complementary, random.Random(1))
    assert ranked[("a", "similar")] == ["b", "c"]
    assert ranked[("d", "complementary")] == ["x", "e"]
    figures = averaged(similar, complementary, LABELS)
    assert figures["similar_recall_at_10"] == 1.0
    # d finds e; e's empty list misses d.
    assert figures["complementary_recall_at_10"] == 0.5
    # a: 2 of 2; d: 1 of 2; e: nothing shown counts 0.
    assert figures["precision_at_5"] == round((1 + 0.5 + 0) / 3, 3)
    assert figures["trap_false_link_rate"] == 0.0
