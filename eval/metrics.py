"""Ranking measures over graded relevance (0 not, 1 partly, 2 fully relevant)."""

from __future__ import annotations

import math
from collections.abc import Sequence

K = 10


def dcg(gains: Sequence[int]) -> float:
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains))


def ndcg_at(ranked: Sequence[str], grades: dict[str, int], k: int = K) -> float:
    """nDCG@k; the ideal ranking orders every graded project by its grade."""
    ideal = dcg(sorted(grades.values(), reverse=True)[:k])
    if ideal == 0:
        raise ValueError("a query without relevant projects has no nDCG")
    return dcg([grades.get(item, 0) for item in ranked[:k]]) / ideal


def recall_at(ranked: Sequence[str], grades: dict[str, int], k: int = K) -> float:
    """Relevant projects (grade ≥ 1) in the top k, out of as many as fit in k:
    a query with 25 relevant projects is fully served by ten of them."""
    relevant = {item for item, grade in grades.items() if grade > 0}
    if not relevant:
        raise ValueError("a query without relevant projects has no recall")
    found = len(relevant.intersection(ranked[:k]))
    return found / min(k, len(relevant))


def precision_at(ranked: Sequence[str], relevant: set[str], k: int) -> float:
    return len(relevant.intersection(ranked[:k])) / k


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else float("nan")
