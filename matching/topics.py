"""Topical terms: what two projects' texts may share to count as shared work.

Built on the search's German analysis (``search.language``: Snowball stems,
compound parts, stop and noise words, synonyms), so matching and search read
words alike. Left out, because sharing them says nothing about the work:
place names (the gazetteer of districts, seats and towns, the regions),
the words of a project's own organisation name, and words nearly every
project uses (``GENERIC``). Words too common in the corpus are dropped later,
by idf (``matching.profiles.vectorise``).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from search.language import fold, is_noise, stem, word_terms, words
from search.language.synonyms import synonyms

MIN_LENGTH = 3
# Words (folded) nearly every project of the alliance uses, plus the words
# organisation names are made of: neither is shared work.
_GENERIC = """projekt projekte initiative integration integrationsarbeit
    geflüchtete geflüchteter flüchtlinge flüchtling flüchtlingshilfe menschen
    angebot angebote angeboten niedersachsen niedersächsisch niedersächsische
    landkreis landkreises stadt städte gemeinde region regionen kreis
    gemeinsam unterstützung unterstützen hilfe helfen woche wöchentlich jahr
    jahre jahren seit rund neu neue neuen gibt geht immer teil zudem dabei
    verein vereins kirchenkreis kirchengemeinde diakonie diakonisches werk
    caritas caritasverband awo drk kreisverband stiftung gmbh ggmbh
    ortsverband landesverband bezirksverband netzwerk evangelisch katholisch
    lutherisch luth deutschen deutsche land grundlage etwa viele vielen"""
GENERIC = frozenset(fold(word) for word in _GENERIC.split())
# The verbs that say that something is offered (``search.offers``' markers:
# "wir bieten", "stellt … zur Verfügung", "vermittelt"), not what: every
# implied offer holds one, so as a term one would let any offer cover a need
# worded "bieten …" and make every project share a word. The nouns
# ("Vermittlung", "Verleih") stay: they name the work.
_OFFER_WORDING = """bieten bietet biete bietest anbieten anbietet verfügung
    vermitteln vermittelt verleihen verleiht"""
OFFER_WORDING = frozenset(fold(word) for word in _OFFER_WORDING.split())
# Words that tell when, how much or how a report goes on, not what a project
# does: numbers, months and weekdays, times, linking adverbs, the verbs of a
# news report, prizes and money. They stay in the texts (measured on the
# evaluation corpus, leaving them out of the vectors cost as much as it
# gained) but are never named as a reason; compared by folded word and by
# stem, so "startete" and "starteten" both go.
_NOT_TOPICAL = """eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf
    zwanzig dreißig hundert tausend erste ersten erster zweite zweiten dritte
    beide beiden mehrere einzelne weitere weiterer weiteren
    januar februar märz april mai juni juli august september oktober
    november dezember montag dienstag mittwoch donnerstag freitag samstag
    sonntag montags dienstags mittwochs donnerstags freitags samstags
    sonntags uhr stunde stunden wochen monat monaten tage tagen zweimal
    einmal jährlich vormittags nachmittags abends abend abenden heute
    inzwischen später zunächst anschließend erstmals seitdem damals bisher
    bereits beginn ende lange früh sowie statt meist zusätzlich neben
    außerdem deshalb oft kaum knapp zugleich insgesamt jeweils hinzu daraus
    hervor fast teils gut besonders direkt einfach möglich stark schwer
    denen darunter kamen kam kommen startete erhielt erhalten stand standen
    entstand gab fanden fand lief ging stellte setzt sollen wurde wurden
    begannen nahmen besuchte half lebten zählen gehört gehören gehörte
    stammen bringt bringen lassen geben steht stehen mussten preis
    integrationspreis preisträger preisträgern sonderpreis jury dotiert
    ausgezeichnet euro finanziert gefördert motto"""
NOT_TOPICAL = frozenset(fold(word) for word in _NOT_TOPICAL.split())
NOT_TOPICAL_STEMS = frozenset(stem(word) for word in _NOT_TOPICAL.split())


@lru_cache(maxsize=1)
def place_stems() -> frozenset[str]:
    """Stems and folded forms of every place-name word: districts, seats,
    towns of the gazetteer and the four regions."""
    from search.understanding import gazetteer

    names: set[str] = set()
    for folded_words in gazetteer():
        names.update(folded_words)
    regions = json.loads(
        (Path(settings.BASE_DIR) / "kb/data/regions-niedersachsen.json").read_text(
            encoding="utf-8"
        )
    )
    for region in regions["regions"]:
        names.update(fold(word) for word in words(region["name"]))
    names = {name for name in names if len(name) >= MIN_LENGTH}
    return frozenset(names | {stem(name) for name in names})


def nameable(word: str) -> bool:
    """Whether a text's word may be named as a shared word."""
    return fold(word) not in NOT_TOPICAL and stem(word) not in NOT_TOPICAL_STEMS


@lru_cache(maxsize=65536)
def _word(word: str) -> tuple[str, ...]:
    """The word's topical terms (stem first, then parts), or ``()``."""
    folded = fold(word)
    if len(word) < MIN_LENGTH or word.isdigit() or folded in GENERIC:
        return ()
    if is_noise(word):
        return ()
    places = place_stems()
    terms = word_terms(word)
    if folded in places or terms[0] in places:
        return ()
    parts = tuple(
        t for t in terms[1:] if len(t) >= 4 and t not in places and t not in GENERIC
    )
    return (terms[0], *parts)


def organisation_stems(name: str) -> frozenset[str]:
    return frozenset(term for word in words(name) for term in word_terms(word))


def term_counts(
    text: str, excluded: Iterable[str] = ()
) -> tuple[Counter[str], dict[str, str]]:
    """Term frequencies (word stems and compound parts) and, per word stem,
    the first surface form (reasons name words, never bare parts)."""
    skip = frozenset(excluded)
    counts: Counter[str] = Counter()
    surface: dict[str, str] = {}
    for word in words(text):
        terms = _word(word)
        if not terms or terms[0] in skip:
            continue
        counts[terms[0]] += 1
        surface.setdefault(terms[0], word)
        for part in terms[1:]:
            if part not in skip:
                counts[part] += 1
    return counts, surface


@lru_cache(maxsize=65536)
def _synonym_terms(word: str) -> tuple[str, ...]:
    found: list[str] = []
    for other in synonyms(word, editors=False)[:6]:
        for part in words(other):
            terms = _word(part)
            if terms:
                found.append(terms[0])
    return tuple(found)


def related_terms(text: str, held: Iterable[str]) -> dict[str, int]:
    """Synonyms of the text's topical words that the text does not hold
    itself, once each."""
    held = frozenset(held)
    related: dict[str, int] = {}
    for word in set(words(text)):
        if not _word(word):
            continue
        for term in _synonym_terms(word):
            if term not in held:
                related[term] = 1
    return related


def _content_word(word: str) -> tuple[str, ...]:
    """``_word`` without the offer wording: what an offer or need is about."""
    return () if fold(word) in OFFER_WORDING else _word(word)


@lru_cache(maxsize=65536)
def content_words(text: str) -> str:
    """The words of an offer or need that say what it is about (no offer
    wording, places, generic or noise words), as a query string."""
    return " ".join(word for word in words(text) if _content_word(word))


@lru_cache(maxsize=65536)
def short_terms(text: str, expand: bool = False) -> frozenset[str]:
    """The topical terms of an offer or a need; ``expand`` adds synonyms
    (a need is asked like a search query)."""
    terms: set[str] = set()
    for word in words(text):
        found = _content_word(word)
        terms.update(found)
        if expand and found:
            terms.update(_synonym_terms(word))
    return frozenset(terms)


@lru_cache(maxsize=65536)
def term_groups(text: str, expand: bool = False) -> tuple[frozenset[str], ...]:
    """Per topical word of a short text its terms (stem, parts and, with
    ``expand``, synonyms): a word counts as covered when any of them is."""
    groups: list[frozenset[str]] = []
    for word in words(text):
        found = _content_word(word)
        if not found:
            continue
        extra = _synonym_terms(word) if expand else ()
        group = frozenset((*found, *extra))
        if group not in groups:
            groups.append(group)
    return tuple(groups)
