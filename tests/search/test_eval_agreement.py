"""The agreement measures of two blind graders (pure functions)."""

import math
import random

from eval.agreement import as_ranking, copy_scores, grade_pairs, kappa


def test_identical_grades_agree_fully():
    grades = {"q1": {"a": 2, "b": 2, "c": 1}, "q2": {"d": 1}}
    ndcg, recall, n = copy_scores(grades, grades)
    assert (ndcg, recall, n) == (1.0, 1.0, 2)
    pairs = grade_pairs(grades, grades, ["a", "b", "c", "d", "e"], binary=False)
    assert kappa(pairs) == 1.0


def test_a_grader_who_finds_something_else_scores_zero():
    first = {"q1": {"a": 2}}
    second = {"q1": {"b": 2}}
    assert copy_scores(second, first)[:2] == (0.0, 0.0)
    pairs = grade_pairs(first, second, ["a", "b", "c", "d"], binary=True)
    # Observed 2 of 4 agree, expected (3*3 + 1*1) / 16: kappa below zero.
    assert math.isclose(kappa(pairs), (0.5 - 10 / 16) / (1 - 10 / 16))


def test_grade_two_ranks_before_grade_one_and_ties_are_shuffled():
    grades = {"a": 1, "b": 2, "c": 2, "d": 0}
    orders = {tuple(as_ranking(grades, random.Random(seed))) for seed in range(20)}
    assert all(order[2] == "a" and set(order[:2]) == {"b", "c"} for order in orders)
    assert len(orders) == 2


def test_queries_only_one_grader_saw_are_left_out():
    first = {"q1": {"a": 2, "b": 1}, "q2": {"b": 2}, "q3": {}}
    second = {"q1": {"a": 1, "b": 2}, "q3": {"c": 2}}
    ndcg, recall, n = copy_scores(second, first)
    assert n == 1 and recall == 1.0
    # The second grader's order (b, a) against the frozen one (a, b).
    ideal = 3 + 1 / math.log2(3)
    assert math.isclose(ndcg, (1 + 3 / math.log2(3)) / ideal)
