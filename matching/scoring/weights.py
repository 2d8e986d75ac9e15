"""The kinds of match and every knob of matching (``WEIGHTS``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

SIMILAR = "similar"
COMPLEMENTARY = "complementary"
KINDS = (SIMILAR, COMPLEMENTARY)

Reason = dict[str, object]


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
