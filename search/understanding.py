"""What a query asks for besides its words: places, needs, target groups and
English; and which of its words carry the topic.

Every engine searches with the result (``Understood``): Elasticsearch, the
PostgreSQL fallback and the SQLite fallback see the same concepts, the same
synonyms and compound parts, and the same places, so they differ only in how
they score.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from .language import analyse_query, fold, split_compound, stem, word_terms, words
from .language.english import looks_english, translation_groups
from .language.resources import DATA_DIR
from .language.spelling import correct
from .language.stopwords import is_noise_stem
from .language.synonyms import key, synonyms

MAX_PLACE_WORDS = 4
MAX_PHRASE_WORDS = 3
MAX_ALTERNATIVES = 6
# Words around a place that belong to it ("im Landkreis Stade", "Raum Hannover").
PLACE_LEADS = frozenset(
    {"im", "in", "aus", "bei", "um", "rund", "nahe", "near", "around", "raum"}
)
PLACE_KINDS = frozenset(
    {"landkreis", "lk", "kreis", "region", "stadt", "gemeinde", "samtgemeinde"}
)
# Place names that are also everyday words: only with a capital and a lead.
AMBIGUOUS_PLACES = frozenset({"leer", "norden", "essen", "weil", "laatzen"})
NEED_WORDS = frozenset(
    fold(word)
    for word in (
        "gesucht",
        "suche",
        "suchen",
        "sucht",
        "brauche",
        "brauchen",
        "braucht",
        "benötigt",
        "benötige",
        "benötigen",
        "fehlt",
        "fehlen",
        "needed",
        "wanted",
    )
)
# Target groups by the words people use for them (matched on stems).
TARGET_GROUP_WORDS = {
    "frauen": ("Frauen", "Frau", "Mütter", "Mutter", "Migrantinnen", "Mädchen"),
    "kinder_jugend": (
        "Kinder",
        "Kind",
        "Jugendliche",
        "Jugend",
        "Schüler",
        "Schülerinnen",
        "Jugendlichen",
    ),
    "umf": ("UMF", "UMA", "unbegleitete", "minderjährige"),
    "familien": ("Familien", "Familie", "Eltern"),
    "aeltere": ("Senioren", "Seniorinnen", "Ältere", "älteren"),
    "behinderung": ("Behinderung", "Behinderungen", "behinderte", "Inklusion"),
    "lsbtiq": ("LSBTIQ", "LGBT", "LGBTQ", "queer", "queere", "schwule", "lesbische"),
    "arbeitgeber": ("Arbeitgeber", "Betriebe", "Betrieb", "Unternehmen", "Firmen"),
    "ehrenamtliche": ("Ehrenamtliche", "Freiwillige"),
    "verwaltung": ("Kommunen", "Kommune", "Verwaltung", "Verwaltungen"),
}
# Words nearly every project of this site contains: they rank, but they do
# not count as a matched concept when the query has other words.
DOMAIN_COMMON = (
    "Geflüchtete",
    "Geflüchteten",
    "Flüchtlinge",
    "Flüchtling",
    "Migranten",
    "Migrantinnen",
    "Migration",
    "Integration",
    "Zugewanderte",
    "Neuzugewanderte",
    "Asylsuchende",
    "Schutzsuchende",
    "Menschen",
)
ENGLISH_PLACES = {"hanover": "Hannover", "brunswick": "Braunschweig"}


@lru_cache(maxsize=1)
def _common_stems() -> frozenset[str]:
    return frozenset(stem(word) for word in DOMAIN_COMMON)


def is_common(concept: Concept) -> bool:
    return len(concept.stems) == 1 and concept.stems[0] in _common_stems()


def is_generic(concept: Concept) -> bool:
    """A compound of domain-common words and noise only
    ("Integrationsprojekte", "Flüchtlingsangebote": every project here is
    one)."""
    return bool(concept.parts) and all(
        any(s in _common_stems() or is_noise_stem(s) for s in part)
        for part in concept.parts
    )


def minimum_should_match(clauses: int) -> int:
    """How many of a query's clauses (one per concept, one for its places) a
    project must satisfy: recall first, so any one of up to four (more
    clauses found rank higher), then a third (long questions). Every engine
    applies this same rule; tuned on the dev split (``eval/``)."""
    if clauses <= 4:
        return min(clauses, 1)
    return clauses // 3


@dataclass(frozen=True)
class Place:
    label: str
    districts: tuple[str, ...]


@dataclass(frozen=True)
class Concept:
    """One topical word (or phrase) of the query and what may stand for it."""

    text: str
    stems: tuple[str, ...]
    """The word's stems (a phrase: every word's); all of them must occur."""
    parts: tuple[tuple[str, ...], ...]
    """Per compound part its stem and derivation bases; every part must
    occur, by one of its stems."""
    alternatives: tuple[tuple[str, ...], ...]
    """Each synonym's stems; all of one synonym's stems must occur."""
    synonyms: tuple[str, ...] = ()
    """The synonyms as written (for highlighting)."""
    typed: str | None = None
    """The word as typed when ``text`` is its correction."""


@dataclass(frozen=True)
class Understood:
    text: str
    concepts: tuple[Concept, ...] = ()
    places: tuple[Place, ...] = ()
    need: bool = False
    target_groups: tuple[str, ...] = ()
    translated: str | None = None
    any_word: bool = False
    """The zero-result rescue: one matched concept is enough."""

    @property
    def required(self) -> tuple[Concept, ...]:
        """The concepts that count towards ``minimum_should_match``: all but
        the domain-common ones, unless the query has nothing else."""
        if self.any_word:
            return self.concepts
        specific = tuple(
            c for c in self.concepts if not is_common(c) and not is_generic(c)
        )
        if specific:
            return specific
        if self.places:
            # "Integrationsprojekte im Emsland": the compound still finds the
            # projects beyond the place (statewide ones) that the place ranks.
            return tuple(c for c in self.concepts if is_generic(c))
        return self.concepts

    @property
    def optional(self) -> tuple[Concept, ...]:
        """Concepts that only rank (the domain-common ones beside others)."""
        required = self.required
        return tuple(c for c in self.concepts if c not in required)

    @property
    def topic(self) -> str:
        """The topical words as the user wrote them (or as translated)."""
        return " ".join(concept.text for concept in self.concepts)

    @property
    def corrections(self) -> tuple[tuple[str, str], ...]:
        """(as typed, as searched) of every corrected word."""
        return tuple((c.typed, c.text) for c in self.concepts if c.typed)

    @property
    def required_topic(self) -> str:
        """The topical words without the domain-common ones beside them."""
        return " ".join(concept.text for concept in self.required) or self.topic

    @property
    def districts(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a for p in self.places for a in p.districts))


def place_names() -> list[tuple[str, tuple[str, ...]]]:
    """(name, district keys) of every place: the towns and areas of
    ``search/data/places-niedersachsen.tsv``, then the districts and their
    seats from the regions file."""
    names: list[tuple[str, tuple[str, ...]]] = []
    path = DATA_DIR / "places-niedersachsen.tsv"
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            if not line.strip() or line.startswith("#"):
                continue
            name, keys, *_ = line.split("\t")
            names.append((name, tuple(k.strip() for k in keys.split(",") if k.strip())))
    regions = json.loads(
        (Path(settings.BASE_DIR) / "kb/data/regions-niedersachsen.json").read_text(
            encoding="utf-8"
        )
    )
    for region in regions["regions"]:
        for district in region["districts"]:
            names.append((district["name"], (district["ags"],)))
            names.append((district["seat"], (district["ags"],)))
    return names


@lru_cache(maxsize=1)
def gazetteer() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Folded name words → district keys (``place_names``; the first entry
    of a name wins)."""
    names: dict[tuple[str, ...], tuple[str, ...]] = {}
    for name, keys in place_names():
        folded = tuple(fold(word) for word in words(name))
        if folded and folded not in names:
            names[folded] = keys
    return names


def _find_places(tokens: list[str]) -> tuple[list[Place], set[int]]:
    """Places in the query and the positions of every word that belongs to
    them (kinds such as "Landkreis" and leads such as "im" included)."""
    names = gazetteer()
    places: list[Place] = []
    used: set[int] = set()
    position = 0
    while position < len(tokens):
        found = None
        for size in range(min(MAX_PLACE_WORDS, len(tokens) - position), 0, -1):
            span = tokens[position : position + size]
            folded = tuple(fold(ENGLISH_PLACES.get(w.lower(), w)) for w in span)
            if folded in names and _plausible(tokens, position, size):
                found = (size, names[folded])
                break
        if found is None:
            position += 1
            continue
        size, keys = found
        span = range(position, position + size)
        places.append(Place(" ".join(tokens[i] for i in span), keys))
        used.update(span)
        before = position - 1
        while before >= 0 and fold(tokens[before]) in PLACE_LEADS | PLACE_KINDS:
            used.add(before)
            before -= 1
        position += size
    return places, used


def _plausible(tokens: list[str], position: int, size: int) -> bool:
    word = tokens[position]
    if size > 1 or fold(word) not in AMBIGUOUS_PLACES:
        return True
    lead = fold(tokens[position - 1]) if position else ""
    return word[:1].isupper() and lead in PLACE_LEADS | PLACE_KINDS


@lru_cache(maxsize=1)
def _target_group_stems() -> dict[str, str]:
    return {
        stem(word): slug for slug, forms in TARGET_GROUP_WORDS.items() for word in forms
    }


def _alternatives(
    text: str, own: tuple[str, ...]
) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]:
    """(each synonym's stems, the synonyms as written)."""
    found: list[tuple[str, ...]] = []
    written: list[str] = []
    for synonym in synonyms(text):
        stems = key(synonym)
        if stems and stems != own and stems not in found:
            found.append(stems)
            written.append(synonym)
        if len(found) >= MAX_ALTERNATIVES:
            break
    return tuple(found), tuple(written)


def _parts(word: str) -> tuple[tuple[str, ...], ...]:
    parts = split_compound(word)
    return tuple(word_terms(part) for part in parts) if len(parts) > 1 else ()


def _concepts(tokens: list[str]) -> list[Concept]:
    """Topical words, a phrase where the phrase has synonyms of its own
    ("Deutsch als Zweitsprache" ↔ "DaZ")."""
    concepts: list[Concept] = []
    position = 0
    while position < len(tokens):
        for size in range(min(MAX_PHRASE_WORDS, len(tokens) - position), 1, -1):
            phrase = " ".join(tokens[position : position + size])
            alternatives, written = _alternatives(phrase, key(phrase))
            if alternatives:
                concepts.append(Concept(phrase, key(phrase), (), alternatives, written))
                position += size
                break
        else:
            concepts.append(_word_concept(tokens[position]))
            position += 1
    return concepts


def _word_concept(text: str) -> Concept:
    """One word; a misspelt one ("Fahradwerkstatt") stands for its
    correction, with the correction's parts and synonyms, and for itself as
    an alternative (a name the lexicon does not know)."""
    (word,) = analyse_query(text)
    corrected = correct(word.text)
    if not corrected:
        alternatives, written = _alternatives(word.text, (word.stem,))
        return Concept(
            word.text, (word.stem,), _parts(word.text), alternatives, written
        )
    if word.text[:1].isupper():
        corrected = corrected[:1].upper() + corrected[1:]
    own = word_terms(corrected)[:1]
    alternatives, written = _alternatives(corrected, own)
    alternatives = ((word.stem,), *alternatives)[:MAX_ALTERNATIVES]
    written = (word.text, *written)[: len(alternatives)]
    return Concept(
        corrected, own, _parts(corrected), alternatives, written, typed=word.text
    )


OTHERS = frozenset({"andere", "anderen", "anderer", "anderes"})


def _asks_about_others(tokens: list[str], position: int) -> bool:
    """The word after "andere" names who else did it ("Wie organisieren
    andere Kommunen …"), not what the asker looks for."""
    return position > 0 and fold(tokens[position - 1]) in OTHERS


def understand(text: str) -> Understood:
    """Not cached as a whole: the editors' synonyms and glossary apply to the
    next search (their own loaders cache and clear on save)."""
    groups = translation_groups(text) if looks_english(text) else None
    translated = " ".join(" ".join(group) for group in groups) if groups else None
    # One concept per English word: its first German term, the others its
    # alternatives ("housing" → Wohnung, or Wohnraum).
    tokens = words(" ".join(group[0] for group in groups)) if groups else words(text)
    places, used = _find_places(tokens)
    need = False
    target_groups: list[str] = []
    topical: list[str] = []
    group_stems = _target_group_stems()
    for position, word in enumerate(tokens):
        if position in used:
            continue
        if fold(word) in NEED_WORDS:
            need = True
            continue
        (analysed,) = analyse_query(word)
        if analysed.noise or _asks_about_others(tokens, position):
            continue
        slug = group_stems.get(analysed.stem)
        if slug and slug not in target_groups:
            target_groups.append(slug)
        topical.append(word)
    concepts = _concepts(topical)
    if groups:
        concepts = _with_translations(concepts, groups)
    return Understood(
        text=text,
        concepts=tuple(concepts),
        places=tuple(places),
        need=need,
        target_groups=tuple(target_groups),
        translated=translated,
    )


def _with_translations(
    concepts: list[Concept], groups: list[tuple[str, ...]]
) -> list[Concept]:
    """The other German terms of a translated word join its concept as
    alternatives."""
    others = {fold(group[0]): group[1:] for group in groups if len(group) > 1}
    out = []
    for concept in concepts:
        extra = [
            (key(term), term)
            for term in others.get(fold(concept.text), ())
            if key(term) and key(term) != concept.stems
        ]
        alternatives = tuple(
            dict.fromkeys((*(k for k, _ in extra), *concept.alternatives))
        )
        written = (*(t for _, t in extra), *concept.synonyms)
        out.append(
            replace(
                concept,
                alternatives=alternatives[:MAX_ALTERNATIVES],
                synonyms=written[:MAX_ALTERNATIVES],
            )
        )
    return out
