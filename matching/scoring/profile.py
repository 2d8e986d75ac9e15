"""What scoring reads of a project (``Profile``, its offers and needs) and
what it returns (``Scored``): plain data, no database, no Elasticsearch."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from .weights import Reason


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


def can_match(source: Profile, target: Profile) -> bool:
    """Never a project with itself, never two projects of one initiative."""
    if source.id == target.id:
        return False
    return source.initiative_id is None or source.initiative_id != (
        target.initiative_id
    )


def clamp(value: float) -> float:
    """A score as stored: 0–1, four decimals."""
    return round(max(0.0, min(1.0, value)), 4)
