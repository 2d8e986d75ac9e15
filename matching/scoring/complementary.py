"""Complementary partners: one offers what the other needs (either way, by
text or category), or both serve the same people through different fields
of action; nearer is better. The reasons name the concrete need and offer."""

from __future__ import annotations

from functools import lru_cache

from .named import Named, offer_named
from .offers import best_offer_for
from .profile import OfferNeed, Profile, Scored, can_match, clamp
from .proximity import nearness, proximity
from .weights import COMPLEMENTARY, WEIGHTS, Reason, Weights


@lru_cache(maxsize=65536)
def _short(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def score_complementary(
    source: Profile,
    target: Profile,
    weights: Weights = WEIGHTS,
    near: float | None = None,
) -> Scored | None:
    """One offers what the other needs (either way, by text or category), or
    both serve the same people through different fields of action; nearer
    is better. ``near``: the pair's ``nearness`` when already known. The
    reasons are written when asked for."""
    if not can_match(source, target):
        return None
    found: list[tuple[str, OfferNeed | Named, OfferNeed]] = []
    strengths: list[float] = []
    directions = (
        ("target_offers", source, target),
        ("source_offers", target, source),
    )
    for direction, needing, offering in directions:
        best = best_offer_for(needing, offering, weights)
        if best is None:
            best = offer_named(needing, offering, weights)
        if best is None:
            continue
        strength, need, offer = best
        strengths.append(strength)
        found.append((direction, need, offer))
    offer_need = 0.0
    for rank, strength in enumerate(sorted(strengths, reverse=True)):
        share = 1.0 if rank == 0 else weights.second_direction
        offer_need += share * (weights.offer_need + weights.offer_need_text * strength)
    served = 0.0
    if not source.target_groups.keys().isdisjoint(target.target_groups) and (
        source.fields.keys().isdisjoint(target.fields)
    ):
        served = weights.served_differently
    if not offer_need and not served:
        return None
    if near is None:
        near = nearness(source, target, weights)
    base = min(1.0, offer_need + served)
    factor = weights.proximity_floor + (1 - weights.proximity_floor) * near

    def explain() -> list[Reason]:
        reasons: list[Reason] = []
        for direction, need, offer in found:
            category = need.category if need.category == offer.category else None
            reasons.append(
                {
                    "type": "offer_need",
                    "direction": direction,
                    "category": category,
                    "label": need.category_label if category else "",
                    "need": _short(need.text),
                    "offer": _short(offer.text),
                    "implied": offer.implied,
                    # The need is a sentence of the description naming the
                    # offer.
                    "named": need.implied,
                }
            )
        if served:
            shared = sorted(source.target_groups.keys() & target.target_groups)
            reasons += [
                {
                    "type": "shared_target_group",
                    "value": slug,
                    "label": source.target_groups[slug],
                    "different_fields": True,
                }
                for slug in shared
            ]
        return reasons + proximity(source, target, weights, near)[1]

    return Scored(target.id, COMPLEMENTARY, clamp(base * factor), explain)
