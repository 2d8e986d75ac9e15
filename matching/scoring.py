"""Pure, typed scoring of two projects; every weight lives in ``WEIGHTS``.

A score is a number between 0 and 1 plus a list of reasons (plain dicts that
``matching.explain`` turns into German sentences and the API returns as is).
Nothing here touches the database or Elasticsearch.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from kb.geo import distance_km

from . import text as textsim
from . import topics

SIMILAR = "similar"
COMPLEMENTARY = "complementary"
KINDS = (SIMILAR, COMPLEMENTARY)

Reason = dict[str, object]

_SENTENCE = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class Weights:
    """All knobs of matching. See docs/matching.md for how to tune them."""

    # Similar: topical parts add up to 1; proximity only breaks ties.
    text: float = 0.50
    shared_field: float = 0.20
    shared_target_group: float = 0.10
    shared_tag: float = 0.10
    shared_offers: float = 0.10
    proximity: float = 0.03
    # A cosine of this much counts as fully similar text.
    text_full: float = 0.40
    # Text must carry the pair: below this cosine no shared field helps.
    similar_text_min: float = 0.06
    # Without a shared field of action, text alone must be this strong and
    # rest on several words (one shared word, "Lotsen", is no shared work).
    similar_text_without_field: float = 0.35
    similar_terms_without_field: int = 3
    # Complementary: per direction offer_need + offer_need_text · strength;
    # the stronger direction counts fully, the other ``second_direction``.
    offer_need: float = 0.5
    offer_need_text: float = 0.5
    second_direction: float = 0.25
    # A need and an offer match by text from this overlap on (idf-weighted,
    # mostly how much of the need the offer covers) ...
    offer_need_text_min: float = 0.40
    # ... or by a shared category with at least this overlap; a category two
    # people chose needs no overlap (it is their statement).
    offer_need_category_text_min: float = 0.12
    offer_need_category_bonus: float = 0.25
    # A listed offer the other project's description names ("die Anmeldung
    # bei der Anerkennungsberatung wird vorbereitet") though that project
    # offers no such thing itself: its coverage counts this much ...
    offer_named: float = 0.75
    # ... unless the other's own offers hold this share of it (then both do
    # the same work: similar, not complementary).
    offer_named_own_max: float = 0.5
    # Serving the same people through other fields of action only breaks
    # ties; alone it stays below the floor.
    served_differently: float = 0.1
    # Nearer partners rank higher; a far one keeps 60 % of its score.
    proximity_floor: float = 0.60
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
        default_factory=lambda: {SIMILAR: 0.25, COMPLEMENTARY: 0.50}
    )
    top_n: int = 10


WEIGHTS = Weights()


@dataclass(frozen=True)
class OfferNeed:
    category: str | None
    category_label: str
    text: str
    # Topical terms of ``text`` (``matching.topics``); a need's include
    # synonyms, as a search query would.
    terms: frozenset[str] = frozenset()
    # Stated in the description ("wir bieten …"), not listed as an offer.
    implied: bool = False
    # The category was chosen by a person (not inferred from the text).
    by_person: bool = True
    # Per topical word its terms (``matching.topics.term_groups``); the first
    # term of each is the word's stem.
    groups: tuple[frozenset[str], ...] = ()
    # Every term of ``terms`` and ``groups`` (set once): an offer holding
    # none of them covers nothing, without weighing each word.
    reach: frozenset[str] = field(default=frozenset(), compare=False, repr=False)

    def __post_init__(self):
        reach = self.terms.union(*self.groups) if self.groups else self.terms
        object.__setattr__(self, "reach", frozenset(reach))


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
    # Synonyms (the search's thesaurus) of its words that the text does not
    # hold: they join the similarity vector once each, so "Fußball" and
    # "Sport" meet; never named as a reason (no surface word).
    related: Mapping[str, int] | None = None
    organisation: str = ""
    # Set by ``vectorise``: idf of the offer/need terms, and the terms too
    # common in the corpus to be named as a reason.
    term_weights: dict[str, float] = field(default_factory=dict)
    common: frozenset[str] = frozenset()
    # The terms of the listed offers (not implied ones), set on first use.
    listed_offer_terms: frozenset[str] | None = None
    # Per offer/need (by id) its word groups with their idf weights and the
    # weights' sum: set on first use, reset with ``term_weights``.
    weighted: dict[int, tuple[tuple[tuple[frozenset[str], float], ...], float]] = field(
        default_factory=dict
    )


def listed_offer_terms(profile: Profile) -> frozenset[str]:
    terms = profile.listed_offer_terms
    if terms is None:
        terms = frozenset().union(*(o.terms for o in profile.offers if not o.implied))
        profile.listed_offer_terms = terms
    return terms


@dataclass(frozen=True)
class Scored:
    """A score and its reasons; ``explained`` is the list of reasons or a
    function that writes it when first asked for (a rebuild scores hundreds
    of thousands of pairs and keeps ten per project)."""

    target_id: int
    kind: str
    score: float
    explained: list[Reason] | Callable[[], list[Reason]] = field(
        default_factory=list, repr=False, compare=False
    )

    @cached_property
    def reasons(self) -> list[Reason]:
        explained = self.explained
        return explained() if callable(explained) else explained


def nearness(source: Profile, target: Profile, weights: Weights = WEIGHTS) -> float:
    """How close two projects work, as a factor 0–1 (``proximity`` gives the
    reasons too)."""
    if not source.districts.keys().isdisjoint(target.districts):
        return weights.same_district
    if not source.regions.keys().isdisjoint(target.regions):
        return weights.same_region
    distance = None
    if source.location and target.location:
        distance = distance_km(source.location, target.location)
    if distance is not None and distance <= weights.near_km:
        return weights.near
    if source.statewide or target.statewide:
        return weights.statewide
    if distance is not None:
        remaining = max(0.0, 1 - (distance - weights.near_km) / weights.far_zero_km)
        return weights.statewide * remaining
    return 0.0


def proximity(
    source: Profile,
    target: Profile,
    weights: Weights = WEIGHTS,
    near: float | None = None,
) -> tuple[float, list[Reason]]:
    """How close two projects work, as a factor 0–1 with its reasons;
    ``near`` is their ``nearness`` when already known."""
    value = nearness(source, target, weights) if near is None else near
    distance = None
    if source.location and target.location:
        distance = distance_km(source.location, target.location)
    reasons: list[Reason] = []
    shared_districts = sorted(source.districts.keys() & target.districts.keys())
    shared_regions = sorted(source.regions.keys() & target.regions.keys())
    if shared_districts:
        ags = shared_districts[0]
        reasons.append(
            {"type": "same_district", "value": ags, "label": source.districts[ags]}
        )
    elif shared_regions:
        slug = shared_regions[0]
        reasons.append(
            {"type": "same_region", "value": slug, "label": source.regions[slug]}
        )
    elif distance is not None and distance <= weights.near_km:
        pass
    elif source.statewide or target.statewide:
        reasons.append({"type": "statewide"})
    if distance is not None and not (source.statewide or target.statewide):
        reasons.append({"type": "distance_km", "value": round(distance)})
    return value, reasons


def _dice(a: Iterable[str], b: Iterable[str]) -> tuple[float, list[str]]:
    left, right = set(a), set(b)
    shared = sorted(left & right)
    if not left or not right:
        return 0.0, shared
    return 2 * len(shared) / (len(left) + len(right)), shared


def _dice_value(left: Mapping[str, str], right: Mapping[str, str]) -> float:
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


def can_match(source: Profile, target: Profile) -> bool:
    """Never a project with itself, never two projects of one initiative."""
    if source.id == target.id:
        return False
    return source.initiative_id is None or source.initiative_id != (
        target.initiative_id
    )


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
    fields = _dice_value(source.fields, target.fields)
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
        * _dice_value(source.target_groups, target.target_groups)
        + weights.shared_tag * _dice_value(source.tags, target.tags)
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

    return Scored(target.id, SIMILAR, _clamp(score), explain)


def _coverage(
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
        text = _coverage(groups, offer.terms, need_idf)
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


def _weighted_groups(
    profile: Profile, item: OfferNeed
) -> tuple[tuple[tuple[frozenset[str], float], ...], float]:
    """The item's word groups weighted by its profile's idf (as
    ``_coverage`` weighs them), computed once per profile and vectorising."""
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


def _covered(
    weighted: tuple[tuple[tuple[frozenset[str], float], ...], float],
    held: Collection[str],
) -> float:
    """``_coverage`` over groups weighted beforehand."""
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


def _best_offer_for(
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
                    weighted = _weighted_groups(needing, need)
                text = _covered(weighted, offer.terms)
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


@lru_cache(maxsize=4096)
def _sentence_terms(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each sentence of a project's text with its topical terms (cached: a
    rebuild asks for the same texts again and again)."""
    return tuple(
        (part, frozenset(topics.term_counts(part)[0]))
        for part in _SENTENCE.split(text)
        if part.strip()
    )


def _offer_named(
    needing: Profile, offering: Profile, weights: Weights
) -> tuple[float, OfferNeed, OfferNeed] | None:
    """A listed offer the needing project's text names though it does not
    offer it itself: the best (strength, need, offer), the need being the
    sentence that names it."""
    if weights.offer_named <= 0 or not needing.counts:
        return None
    idf = offering.term_weights
    held = needing.counts.keys()
    best = None
    for offer in offering.offers:
        if offer.implied or not offer.terms or held.isdisjoint(offer.reach):
            continue
        weighted = _weighted_groups(offering, offer)
        strength = _covered(weighted, held) * weights.offer_named
        if strength < weights.offer_need_text_min or (
            best is not None and strength <= best[0]
        ):
            continue
        own = listed_offer_terms(needing)
        if own and _covered(weighted, own) >= weights.offer_named_own_max:
            continue
        groups = offer.groups or tuple(frozenset([term]) for term in offer.terms)
        best = (strength, offer, groups)
    if best is None:
        return None
    strength, offer, groups = best
    return strength, _Named(needing.text, groups, idf), offer


@dataclass(frozen=True)
class _Named:
    """The need of a named offer: the sentence of the needing project's text
    that names it, found when the reason is written."""

    text_of: str
    groups: tuple[frozenset[str], ...]
    idf: Mapping[str, float]
    category: None = None
    category_label: str = ""
    implied: bool = True

    @property
    def text(self) -> str:
        return _naming_sentence(self.text_of, self.groups, self.idf).text


def _naming_sentence(
    text: str, groups: tuple[frozenset[str], ...], idf: Mapping[str, float]
) -> OfferNeed:
    """The sentence of ``text`` that holds most of the offer's words."""
    best_text, best_value = "", -1.0
    for sentence, terms in _sentence_terms(text):
        value = _coverage(groups, terms, idf)
        if value > best_value:
            best_text, best_value = sentence, value
    return OfferNeed(None, "", best_text, implied=True)


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
    found: list[tuple[str, OfferNeed | _Named, OfferNeed]] = []
    strengths: list[float] = []
    directions = (
        ("target_offers", source, target),
        ("source_offers", target, source),
    )
    for direction, needing, offering in directions:
        best = _best_offer_for(needing, offering, weights)
        if best is None:
            best = _offer_named(needing, offering, weights)
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

    return Scored(target.id, COMPLEMENTARY, _clamp(base * factor), explain)


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
