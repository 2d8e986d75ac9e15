"""Which scored partners a project's list keeps."""

from __future__ import annotations

from collections.abc import Iterable

from .profile import Scored
from .weights import WEIGHTS, Weights


def top_matches(
    scored: Iterable[Scored | None], kind: str, weights: Weights = WEIGHTS
) -> list[Scored]:
    """The best ``top_n`` above the kind's minimum, highest first."""
    floor = weights.min_score[kind]
    kept = [s for s in scored if s is not None and s.score >= floor]
    kept.sort(key=lambda s: (-s.score, s.target_id))
    return kept[: weights.top_n]
