"""German sentences from structured reasons, so people can check a match.

Written from the point of view of the project page the match is shown on:
"Sie" is that project, "dieses Projekt" the suggested one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

Reason = dict[str, object]


def _join(items: Sequence[str]) -> str:
    items = [str(item) for item in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " und " + items[-1]


def in_place(label: str) -> str:
    """'im Landkreis Celle', 'in der Region Hannover', 'in Braunschweig'."""
    if label.startswith("Landkreis "):
        return f"im {label}"
    if label.startswith("Region "):
        return f"in der {label}"
    return f"in {label}"


def _of(reasons: Iterable[Reason], kind: str) -> list[Reason]:
    return [reason for reason in reasons if reason.get("type") == kind]


def _place(reasons: list[Reason]) -> str:
    district = _of(reasons, "same_district")
    if district:
        return in_place(str(district[0]["label"]))
    region = _of(reasons, "same_region")
    if region:
        return f"in der Region {region[0]['label']}"
    return ""


def _distance(reasons: list[Reason]) -> str:
    distance = _of(reasons, "distance_km")
    if not distance:
        return ""
    km = int(distance[0]["value"])  # type: ignore[arg-type]
    return "ganz in der Nähe" if km < 2 else f"{km} km entfernt"


def explain(reasons: list[Reason]) -> str:
    """One short paragraph of German sentences for a match's reasons."""
    sentences: list[str] = []
    place = _place(reasons)
    fields = [str(r["label"]) for r in _of(reasons, "shared_field")]
    if fields:
        noun = "im Handlungsfeld" if len(fields) == 1 else "in den Handlungsfeldern"
        sentences.append(
            " ".join(filter(None, ["Beide arbeiten", noun, _join(fields), place])) + "."
        )
    elif place:
        sentences.append(f"Beide sind {place} aktiv.")
    groups = [r for r in _of(reasons, "shared_target_group")]
    plain_groups = [str(r["label"]) for r in groups if not r.get("different_fields")]
    other_way = [str(r["label"]) for r in groups if r.get("different_fields")]
    if plain_groups:
        sentences.append(f"Beide richten sich an: {_join(plain_groups)}.")
    if other_way:
        sentences.append(
            f"Beide erreichen {_join(other_way)} – über verschiedene Handlungsfelder."
        )
    for reason in _of(reasons, "offer_need"):
        label = reason.get("label") or "Unterstützung"
        if reason.get("direction") == "target_offers":
            sentences.append(
                f"Sie suchen {label} – dieses Projekt bietet das an: "
                f"„{reason['offer']}“."
            )
        else:
            sentences.append(
                f"Dieses Projekt sucht {label} – Sie bieten das an: „{reason['need']}“."
            )
    tags = [str(r["label"]) for r in _of(reasons, "shared_tag")]
    if tags:
        sentences.append(f"Gemeinsame Schlagwörter: {_join(tags)}.")
    for reason in _of(reasons, "text"):
        terms = [str(term) for term in reason.get("terms", [])][:5]  # type: ignore[union-attr]
        if terms:
            sentences.append(
                f"Ähnliche Begriffe in den Beschreibungen: {_join(terms)}."
            )
    if _of(reasons, "statewide"):
        sentences.append("Eines der beiden Projekte arbeitet landesweit.")
    distance = _distance(reasons)
    if distance and sentences:
        sentences[-1] = f"{sentences[-1][:-1]} ({distance})."
    elif distance:
        sentences.append(f"{distance[0].upper()}{distance[1:]}.")
    return " ".join(sentences)
