"""Pure, typed scoring of two projects; every weight lives in ``WEIGHTS``.

A score is a number between 0 and 1 plus a list of reasons (plain dicts that
``matching.explain`` turns into German sentences and the API returns as is).
Nothing here touches the database or Elasticsearch.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from . import text as textsim

SIMILAR = "similar"
COMPLEMENTARY = "complementary"
KINDS = (SIMILAR, COMPLEMENTARY)

Reason = dict[str, object]


@dataclass(frozen=True)
class Weights:
    """All knobs of matching. See docs/matching.md for how to tune them."""

    # Similar: parts add up to 1.
    text: float = 0.40
    shared_field: float = 0.22
    shared_target_group: float = 0.10
    shared_tag: float = 0.10
    proximity: float = 0.18
    # Without a shared field of action, text alone must be this strong and
    # rest on several words (one shared word, "Lotsen", is no shared work).
    similar_text_without_field: float = 0.35
    similar_terms_without_field: int = 3
    # Complementary: base = offer/need + served differently, times proximity.
    offer_need: float = 0.75
    offer_need_text: float = 0.25
    served_differently: float = 0.25
    proximity_floor: float = 0.45
    # Proximity levels: same district > same region > near > statewide > far.
    same_district: float = 1.0
    same_region: float = 0.75
    near: float = 0.55
    near_km: float = 50.0
    statewide: float = 0.35
    far_zero_km: float = 250.0
    # An Elasticsearch more_like_this score s becomes s / (s + saturation).
    es_saturation: float = 6.0
    min_score: Mapping[str, float] = field(
        default_factory=lambda: {SIMILAR: 0.25, COMPLEMENTARY: 0.30}
    )
    top_n: int = 10


WEIGHTS = Weights()


@dataclass(frozen=True)
class OfferNeed:
    category: str | None
    category_label: str
    text: str


@dataclass
class Profile:
    """What matching knows of one published project."""

    id: int
    title: str
    initiative_id: int | None = None
    fields: dict[str, str] = field(default_factory=dict)
    target_groups: dict[str, str] = field(default_factory=dict)
    tags: dict[str, str] = field(default_factory=dict)
    districts: dict[str, str] = field(default_factory=dict)
    regions: dict[str, str] = field(default_factory=dict)
    location: tuple[float, float] | None = None
    statewide: bool = False
    offers: tuple[OfferNeed, ...] = ()
    needs: tuple[OfferNeed, ...] = ()
    text: str = ""
    vector: dict[str, float] = field(default_factory=dict)
    surface: dict[str, str] = field(default_factory=dict)
    # Stem frequencies of ``text``, kept so a cached profile is tokenised once.
    counts: Mapping[str, int] | None = None


@dataclass(frozen=True)
class Scored:
    target_id: int
    kind: str
    score: float
    reasons: list[Reason]


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def proximity(
    source: Profile, target: Profile, weights: Weights = WEIGHTS
) -> tuple[float, list[Reason]]:
    """How close two projects work, as a factor 0–1 with its reasons."""
    reasons: list[Reason] = []
    distance = None
    if source.location and target.location:
        distance = haversine_km(source.location, target.location)
    shared_districts = sorted(source.districts.keys() & target.districts.keys())
    shared_regions = sorted(source.regions.keys() & target.regions.keys())
    if shared_districts:
        ags = shared_districts[0]
        reasons.append(
            {"type": "same_district", "value": ags, "label": source.districts[ags]}
        )
        value = weights.same_district
    elif shared_regions:
        slug = shared_regions[0]
        reasons.append(
            {"type": "same_region", "value": slug, "label": source.regions[slug]}
        )
        value = weights.same_region
    elif distance is not None and distance <= weights.near_km:
        value = weights.near
    elif source.statewide or target.statewide:
        reasons.append({"type": "statewide"})
        value = weights.statewide
    elif distance is not None:
        remaining = max(0.0, 1 - (distance - weights.near_km) / weights.far_zero_km)
        value = weights.statewide * remaining
    else:
        value = 0.0
    if distance is not None and not (source.statewide or target.statewide):
        reasons.append({"type": "distance_km", "value": round(distance)})
    return value, reasons


def _dice(a: Iterable[str], b: Iterable[str]) -> tuple[float, list[str]]:
    left, right = set(a), set(b)
    shared = sorted(left & right)
    if not left or not right:
        return 0.0, shared
    return 2 * len(shared) / (len(left) + len(right)), shared


def text_similarity(source: Profile, target: Profile) -> tuple[float, list[str]]:
    """Cosine of the TF-IDF vectors and the surface words that carry it."""
    value = textsim.cosine(source.vector, target.vector)
    stems = textsim.shared_terms(source.vector, target.vector)
    return value, [source.surface.get(stem, stem) for stem in stems]


def normalise_es_score(score: float, weights: Weights = WEIGHTS) -> float:
    return score / (score + weights.es_saturation) if score > 0 else 0.0


def can_match(source: Profile, target: Profile) -> bool:
    """Never a project with itself, never two projects of one initiative."""
    if source.id == target.id:
        return False
    return source.initiative_id is None or source.initiative_id != (
        target.initiative_id
    )


def score_similar(
    source: Profile,
    target: Profile,
    text_score: float | None = None,
    weights: Weights = WEIGHTS,
) -> Scored | None:
    """Two projects doing comparable work; ``text_score`` overrides the
    Python text similarity (Elasticsearch passes its normalised score)."""
    if not can_match(source, target):
        return None
    fields, shared_fields = _dice(source.fields, target.fields)
    if (
        not shared_fields
        and text_score is not None
        and text_score < weights.similar_text_without_field
    ):
        return None
    if text_score is None:
        text, terms = text_similarity(source, target)
        gate = text
    else:
        text = text_score
        terms = [
            source.surface.get(stem, stem)
            for stem in textsim.shared_terms(source.vector, target.vector)
        ]
        # Without a shared field both measures must agree: more_like_this
        # rates one rare shared word ("Lotsen") highly on a small corpus.
        gate = 0.0 if shared_fields else min(text, text_similarity(source, target)[0])
    if not shared_fields and (
        gate < weights.similar_text_without_field
        or len(terms) < weights.similar_terms_without_field
    ):
        return None
    groups, shared_groups = _dice(source.target_groups, target.target_groups)
    tags, shared_tags = _dice(source.tags, target.tags)
    near, place_reasons = proximity(source, target, weights)
    score = (
        weights.text * text
        + weights.shared_field * fields
        + weights.shared_target_group * groups
        + weights.shared_tag * tags
        + weights.proximity * near
    )
    reasons: list[Reason] = [
        {"type": "shared_field", "value": slug, "label": source.fields[slug]}
        for slug in shared_fields
    ]
    reasons += [
        {"type": "shared_target_group", "value": s, "label": source.target_groups[s]}
        for s in shared_groups
    ]
    reasons += [
        {"type": "shared_tag", "value": s, "label": source.tags[s]} for s in shared_tags
    ]
    if terms and text > 0.05:
        reasons.append({"type": "text", "terms": terms})
    reasons += place_reasons
    return Scored(target.id, SIMILAR, _clamp(score), reasons)


def _offer_need_pairs(
    needs: Iterable[OfferNeed], offers: Iterable[OfferNeed]
) -> tuple[float, OfferNeed, OfferNeed] | None:
    """The best (text similarity, need, offer) among pairs of one category."""
    best = None
    for need in needs:
        for offer in offers:
            if need.category is None or need.category != offer.category:
                continue
            overlap = textsim.jaccard(need.text, offer.text)
            if best is None or overlap > best[0]:
                best = (overlap, need, offer)
    return best


def score_complementary(
    source: Profile, target: Profile, weights: Weights = WEIGHTS
) -> Scored | None:
    """One offers what the other needs (either way), or both serve the same
    people through different fields of action; nearer is better."""
    if not can_match(source, target):
        return None
    reasons: list[Reason] = []
    offer_need = 0.0
    directions = (
        ("target_offers", source.needs, target.offers),
        ("source_offers", target.needs, source.offers),
    )
    for direction, needs, offers in directions:
        best = _offer_need_pairs(needs, offers)
        if best is None:
            continue
        overlap, need, offer = best
        offer_need += weights.offer_need + weights.offer_need_text * overlap
        reasons.append(
            {
                "type": "offer_need",
                "direction": direction,
                "category": need.category,
                "label": need.category_label,
                "need": need.text,
                "offer": offer.text,
            }
        )
    shared_groups = sorted(source.target_groups.keys() & target.target_groups.keys())
    served = 0.0
    if shared_groups and not (source.fields.keys() & target.fields.keys()):
        served = weights.served_differently
        reasons += [
            {
                "type": "shared_target_group",
                "value": slug,
                "label": source.target_groups[slug],
                "different_fields": True,
            }
            for slug in shared_groups
        ]
    if not offer_need and not served:
        return None
    near, place_reasons = proximity(source, target, weights)
    base = min(1.0, offer_need + served)
    score = base * (weights.proximity_floor + (1 - weights.proximity_floor) * near)
    return Scored(target.id, COMPLEMENTARY, _clamp(score), reasons + place_reasons)


def top_matches(
    scored: Iterable[Scored | None], kind: str, weights: Weights = WEIGHTS
) -> list[Scored]:
    """The best ``top_n`` above the kind's minimum, highest first."""
    floor = weights.min_score[kind]
    kept = [s for s in scored if s is not None and s.score >= floor]
    kept.sort(key=lambda s: (-s.score, s.target_id))
    return kept[: weights.top_n]


def _clamp(value: float) -> float:
    return round(max(0.0, min(1.0, value)), 4)
