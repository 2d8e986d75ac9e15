"""How close two projects work: a factor 0–1 and the reasons that say so."""

from __future__ import annotations

from kb.geo import distance_km

from .profile import Profile
from .weights import WEIGHTS, Reason, Weights


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
