"""Similar projects: comparable work by topical text, fields of action,
target groups, tags and offers; proximity only breaks ties."""

from __future__ import annotations

from collections.abc import Mapping

from .. import text as textsim
from .. import topics
from .profile import Profile, Scored, can_match, clamp, listed_offer_terms
from .proximity import nearness, proximity
from .weights import SIMILAR, WEIGHTS, Reason, Weights


def dice_value(left: Mapping[str, str], right: Mapping[str, str]) -> float:
    if not left or not right:
        return 0.0
    shared = len(left.keys() & right.keys())
    return 2 * shared / (len(left) + len(right)) if shared else 0.0


def _reason_terms(source: Profile, target: Profile, limit: int = 5) -> list[str]:
    """Surface words that carry the text similarity: topical only (places,
    organisation names and generic words never enter a vector), not too
    common, and whole words of both texts."""
    stems = textsim.shared_terms(source.vector, target.vector, limit=limit * 4)
    kept = [
        source.surface[stem]
        for stem in stems
        if stem in source.surface
        and stem in target.surface
        and stem not in source.common
        and stem not in target.common
        and topics.nameable(source.surface[stem])
    ]
    return kept[:limit]


def text_similarity(source: Profile, target: Profile) -> tuple[float, list[str]]:
    """Cosine of the TF-IDF vectors and the surface words that carry it."""
    value = textsim.cosine(source.vector, target.vector)
    return value, _reason_terms(source, target)


def normalise_es_score(score: float, weights: Weights = WEIGHTS) -> float:
    return score / (score + weights.es_saturation) if score > 0 else 0.0


def _offer_overlap(source: Profile, target: Profile) -> float:
    """How alike the two projects' offers are (both give the same)."""
    left = listed_offer_terms(source)
    right = listed_offer_terms(target)
    if not left or not right:
        return 0.0
    return len(left & right) / min(len(left), len(right))


def score_similar(
    source: Profile,
    target: Profile,
    text_score: float | None = None,
    weights: Weights = WEIGHTS,
    near: float | None = None,
) -> Scored | None:
    """Two projects doing comparable work. Text, fields, target groups, tags
    and offers make a pair similar; proximity only breaks ties (two projects
    in one district are no shared work). ``text_score`` (Elasticsearch's
    normalised score) is accepted for compatibility; the Python cosine over
    topical terms decides on both paths, so they agree. ``near``: the pair's
    ``nearness`` when already known. The reasons are written when asked for."""
    if not can_match(source, target):
        return None
    text = textsim.cosine(source.vector, target.vector)
    if text < weights.similar_text_min:
        return None
    fields = dice_value(source.fields, target.fields)
    terms = None
    if not fields:
        if text < weights.similar_text_without_field:
            return None
        terms = _reason_terms(source, target)
        if len(terms) < weights.similar_terms_without_field:
            return None
    if near is None:
        near = nearness(source, target, weights)
    score = (
        weights.text * min(1.0, text / weights.text_full)
        + weights.shared_field * fields
        + weights.shared_target_group
        * dice_value(source.target_groups, target.target_groups)
        + weights.shared_tag * dice_value(source.tags, target.tags)
        + weights.shared_offers * _offer_overlap(source, target)
        + weights.proximity * near
    )

    def explain() -> list[Reason]:
        shared_fields = sorted(source.fields.keys() & target.fields.keys())
        shared_groups = sorted(source.target_groups.keys() & target.target_groups)
        shared_tags = sorted(source.tags.keys() & target.tags.keys())
        words = _reason_terms(source, target) if terms is None else terms
        reasons: list[Reason] = [
            {"type": "shared_field", "value": slug, "label": source.fields[slug]}
            for slug in shared_fields
        ]
        groups = source.target_groups
        reasons += [
            {"type": "shared_target_group", "value": s, "label": groups[s]}
            for s in shared_groups
        ]
        reasons += [
            {"type": "shared_tag", "value": s, "label": source.tags[s]}
            for s in shared_tags
        ]
        if words:
            reasons.append({"type": "text", "terms": words})
        return reasons + proximity(source, target, weights, near)[1]

    return Scored(target.id, SIMILAR, clamp(score), explain)
