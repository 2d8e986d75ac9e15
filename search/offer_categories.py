"""Sorting offers and needs written as free text into the 14 categories.

A transparent classifier: every category has its name plus the keywords
editors keep in the category snippet; a keyword counts when the text holds
its stem, one of its compound parts ("Fahrradwerkstatt" holds "Fahrrad") or
one of its synonyms (the search's thesaurus). The category with the most
keyword weight wins; the confidence says how clearly it won. A category a
person chose is never replaced.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from kb.taxonomy import OfferNeedCategory
from projects.models.project import CategorySource

from .language import is_noise, stem, word_terms, words
from .language.synonyms import synonyms

# Below this confidence the text says too little; the item stays uncategorised.
MIN_CONFIDENCE = 0.3
# A keyword met only through a compound part or a synonym weighs less than
# the word itself.
WEIGHT_WORD = 1.0
WEIGHT_PART = 0.6
WEIGHT_SYNONYM = 0.5


@dataclass(frozen=True)
class Guess:
    slug: str
    confidence: float
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class _Keyword:
    text: str
    # Per word its stems in singular and plural: Snowball stems "Deutschkurs"
    # and "Deutschkurse" differently.
    stems: tuple[frozenset[str], ...]
    synonym_stems: frozenset[tuple[frozenset[str], ...]]


INFLECTIONS = ("", "e", "en", "n", "s", "er")


def _stems(phrase: str) -> tuple[frozenset[str], ...]:
    return tuple(
        frozenset(stem(word + ending) for ending in INFLECTIONS)
        for word in words(phrase)
        if not is_noise(word)
    )


def _keyword(text: str) -> _Keyword | None:
    stems = _stems(text)
    if not stems:
        return None
    alternatives = frozenset(s for s in map(_stems, synonyms(text, editors=False)) if s)
    return _Keyword(text, stems, alternatives)


def split_keywords(value: str) -> list[str]:
    return [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]


@lru_cache(maxsize=4)
def _compiled(vocabulary: tuple[tuple[str, str, str], ...]) -> dict:
    compiled = {}
    for slug, name, keywords in vocabulary:
        phrases = [name, *split_keywords(keywords)]
        compiled[slug] = [k for k in map(_keyword, phrases) if k is not None]
    return compiled


def vocabulary() -> tuple[tuple[str, str, str], ...]:
    """(slug, name, keywords) of every category, as editors keep them."""
    rows = OfferNeedCategory.objects.order_by("sort_order", "pk")
    return tuple(rows.values_list("slug", "name", "keywords"))


def _text_terms(text: str) -> tuple[set[str], set[str]]:
    """The text's word stems, and the stems of compound parts and bases."""
    whole: set[str] = set()
    parts: set[str] = set()
    for word in words(text):
        if is_noise(word):
            continue
        first, *rest = word_terms(word)
        whole.add(first)
        parts.update(rest)
    return whole, parts - whole


def _held(stems: tuple[frozenset[str], ...], terms: set[str]) -> tuple[str, ...]:
    """The text's stems that hold every word of a keyword, or ``()``."""
    found = []
    for variants in stems:
        hit = sorted(variants & terms)
        if not hit:
            return ()
        found.append(hit[0])
    return tuple(found)


def _evidence(
    keyword: _Keyword, whole: set[str], parts: set[str]
) -> tuple[float, tuple[str, ...]]:
    """How strongly the text holds the keyword, and through which stems."""
    held = _held(keyword.stems, whole)
    if held:
        return WEIGHT_WORD, held
    held = _held(keyword.stems, whole | parts)
    if held:
        return WEIGHT_PART, held
    for alternative in keyword.synonym_stems:
        held = _held(alternative, whole)
        if held:
            return WEIGHT_SYNONYM, held
    return 0.0, ()


def classify(
    text: str, categories: tuple[tuple[str, str, str], ...] | None = None
) -> Guess | None:
    """The best category for ``text`` with its confidence, or ``None``.

    Confidence = the winner's share of all keyword weight, damped when the
    winner rests on little evidence (one weak keyword is a guess)."""
    compiled = _compiled(categories if categories is not None else vocabulary())
    whole, parts = _text_terms(text)
    if not whole:
        return None
    scores: list[tuple[float, str, tuple[str, ...]]] = []
    for slug, keywords in compiled.items():
        # Each of the text's words counts once per category, however many
        # keywords (or their synonyms) it meets.
        by_stems: dict[tuple[str, ...], tuple[float, str]] = {}
        for keyword in keywords:
            weight, stems = _evidence(keyword, whole, parts)
            if weight and weight > by_stems.get(stems, (0.0, ""))[0]:
                by_stems[stems] = (weight, keyword.text)
        if by_stems:
            total = sum(weight for weight, _ in by_stems.values())
            names = tuple(name for _, name in by_stems.values())
            scores.append((total, slug, names))
    if not scores:
        return None
    scores.sort(key=lambda item: (-item[0], item[1]))
    best, slug, keywords = scores[0]
    share = best / sum(score for score, _, _ in scores)
    evidence = 1 - 0.5 ** (best / WEIGHT_WORD)
    confidence = round(min(1.0, share * (0.25 + evidence)), 3)
    if confidence < MIN_CONFIDENCE:
        return None
    return Guess(slug, confidence, keywords)


def infer(items: Iterable, categories=None) -> int:
    """Fill the category of offers/needs (model instances, saved or not)
    that no person categorised; returns how many changed. Never touches a
    category a person chose."""
    categories = categories if categories is not None else vocabulary()
    by_slug = None
    changed = 0
    for item in items:
        if item.category_source == CategorySource.PERSON:
            continue
        if item.category_id is not None and not item.category_source:
            # Chosen before anyone marked it: a person's choice.
            item.category_source = CategorySource.PERSON
            changed += 1
            continue
        guess = classify(item.text, categories)
        slug = guess.slug if guess else None
        confidence = guess.confidence if guess else None
        current = item.category.slug if item.category_id else None
        if current == slug and item.category_confidence == confidence:
            continue
        if by_slug is None:
            by_slug = {c.slug: c for c in OfferNeedCategory.objects.all()}
        item.category = by_slug.get(slug) if slug else None
        item.category_source = CategorySource.INFERRED if slug else ""
        item.category_confidence = confidence
        changed += 1
    return changed


def mark_choices(forms: Iterable) -> None:
    """After a person edited offers/needs in a formset: a category they set
    or changed is theirs; an untouched inferred one stays a suggestion; a
    cleared one stays empty (their choice, too)."""
    for form in forms:
        item = form.instance
        if not getattr(form, "cleaned_data", None):
            continue
        if "category" in form.changed_data:
            item.category_source = CategorySource.PERSON
            item.category_confidence = None
