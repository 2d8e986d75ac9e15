"""Named offers: a listed offer that the other project's description
names ("die Anmeldung bei der Anerkennungsberatung wird vorbereitet"),
though that project does not offer it itself; real needs are rarely
listed."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from .. import topics
from .offers import coverage, covered, weighted_groups
from .profile import OfferNeed, Profile, listed_offer_terms
from .weights import Weights

_SENTENCE = re.compile(r"(?<=[.!?])\s+")


@lru_cache(maxsize=4096)
def sentence_terms(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each sentence of a project's text with its topical terms (cached: a
    rebuild asks for the same texts again and again)."""
    return tuple(
        (part, frozenset(topics.term_counts(part)[0]))
        for part in _SENTENCE.split(text)
        if part.strip()
    )


def offer_named(
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
        weighted = weighted_groups(offering, offer)
        strength = covered(weighted, held) * weights.offer_named
        if strength < weights.offer_need_text_min or (
            best is not None and strength <= best[0]
        ):
            continue
        own = listed_offer_terms(needing)
        if own and covered(weighted, own) >= weights.offer_named_own_max:
            continue
        groups = offer.groups or tuple(frozenset([term]) for term in offer.terms)
        best = (strength, offer, groups)
    if best is None:
        return None
    strength, offer, groups = best
    return strength, Named(needing.text, groups, idf), offer


@dataclass(frozen=True)
class Named:
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
        return naming_sentence(self.text_of, self.groups, self.idf).text


def naming_sentence(
    text: str, groups: tuple[frozenset[str], ...], idf: Mapping[str, float]
) -> OfferNeed:
    """The sentence of ``text`` that holds most of the offer's words."""
    best_text, best_value = "", -1.0
    for sentence, terms in sentence_terms(text):
        value = coverage(groups, terms, idf)
        if value > best_value:
            best_text, best_value = sentence, value
    return OfferNeed(None, "", best_text, implied=True)
