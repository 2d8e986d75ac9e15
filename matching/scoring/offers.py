"""How well an offer answers a need: the share of the need's words
(idf-weighted; stems, compound parts and synonyms count) the offer holds,
with a shared category as a boost."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from .profile import OfferNeed, Profile
from .weights import WEIGHTS, Weights


def coverage(
    groups: tuple[frozenset[str], ...],
    terms: Collection[str],
    idf: Mapping[str, float],
) -> float:
    """Share of the need's words (idf-weighted) the other text holds."""
    if isinstance(terms, dict):
        held = terms.keys()
    elif isinstance(terms, (set, frozenset)):
        held = terms
    else:
        held = set(terms)
    total = covered = 0.0
    for group in groups:
        weight = 0.0
        for term in group:
            value = idf.get(term, 0.0)
            if value > weight:
                weight = value
        weight = weight or 1.0
        total += weight
        if not held.isdisjoint(group):
            covered += weight
    return covered / total if total else 0.0


def offer_need_strength(
    need: OfferNeed,
    offer: OfferNeed,
    need_idf: Mapping[str, float],
    offer_idf: Mapping[str, float],
    weights: Weights = WEIGHTS,
) -> float | None:
    """How well an offer answers a need (0–1), or ``None`` when it does not:
    how much of the need's words the offer holds (idf-weighted, synonyms
    count). A shared category is a boost, not a requirement; alone it counts
    only when people chose both categories."""
    if offer.terms and not need.reach.isdisjoint(offer.terms):
        groups = need.groups or tuple(frozenset([term]) for term in need.terms)
        text = coverage(groups, offer.terms, need_idf)
    else:
        text = 0.0
    same_category = need.category is not None and need.category == offer.category
    by_category = same_category and (
        text >= weights.offer_need_category_text_min
        or (need.by_person and offer.by_person)
    )
    if text < weights.offer_need_text_min and not by_category:
        return None
    bonus = weights.offer_need_category_bonus if same_category else 0.0
    return min(1.0, text + bonus)


def weighted_groups(
    profile: Profile, item: OfferNeed
) -> tuple[tuple[tuple[frozenset[str], float], ...], float]:
    """The item's word groups weighted by its profile's idf (as
    ``coverage`` weighs them), computed once per profile and vectorising."""
    found = profile.weighted.get(id(item))
    if found is None:
        idf = profile.term_weights
        groups = item.groups or tuple(frozenset([term]) for term in item.terms)
        pairs = tuple(
            (group, max((idf.get(term, 0.0) for term in group), default=0.0) or 1.0)
            for group in groups
        )
        found = (pairs, sum(weight for _, weight in pairs))
        profile.weighted[id(item)] = found
    return found


def covered(
    weighted: tuple[tuple[tuple[frozenset[str], float], ...], float],
    held: Collection[str],
) -> float:
    """``coverage`` over groups weighted beforehand."""
    pairs, total = weighted
    if not total:
        return 0.0
    covered = 0.0
    for group, weight in pairs:
        # A dict's keys answer membership per group term; two sets pick the
        # smaller side themselves.
        if not held.isdisjoint(group):
            covered += weight
    return covered / total


def best_offer_for(
    needing: Profile, offering: Profile, weights: Weights
) -> tuple[float, OfferNeed, OfferNeed] | None:
    """The best (strength, need, offer) among all pairs of the needing
    project's needs and the offering one's offers; the same as
    ``offer_need_strength`` for each pair, with the need's weights computed
    once."""
    best = None
    offers = offering.offers
    for need in needing.needs:
        weighted = None
        for offer in offers:
            same_category = (
                need.category is not None and need.category == offer.category
            )
            if offer.terms and not need.reach.isdisjoint(offer.terms):
                if weighted is None:
                    weighted = weighted_groups(needing, need)
                text = covered(weighted, offer.terms)
            elif same_category:
                text = 0.0
            else:
                continue
            by_category = same_category and (
                text >= weights.offer_need_category_text_min
                or (need.by_person and offer.by_person)
            )
            if text < weights.offer_need_text_min and not by_category:
                continue
            bonus = weights.offer_need_category_bonus if same_category else 0.0
            strength = min(1.0, text + bonus)
            if best is None or strength > best[0]:
                best = (strength, need, offer)
    return best
