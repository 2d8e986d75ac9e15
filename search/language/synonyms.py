"""Synonyms from three sources, matched on stems.

1. ``search/data/thesaurus-de.txt``: OpenThesaurus groups filtered to the
   domain (derived by ``scripts/build_language_data.py``);
2. ``search/data/synonyms-domain.txt``: the project's own groups (Asyl,
   UMF, DaZ …);
3. the editors' active ``SynonymGroup`` rows, read through
   ``search.synonyms.load_groups`` (cached, cleared when one is saved).

Editors' groups come first, then the domain file, then the thesaurus.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from .normalise import fold, stem, words
from .resources import data_lines

Key = tuple[str, ...]


def key(term: str) -> Key:
    """A term's stems in order: "Geflüchteten" and "geflüchtete" meet."""
    return tuple(stem(word) for word in words(term))


def _file_groups(name: str) -> list[list[str]]:
    groups = []
    for line in data_lines(name):
        terms = [" ".join(term.split()) for term in line.split(";")]
        terms = [term for term in terms if term]
        if len(terms) >= 2:
            groups.append(terms)
    return groups


@lru_cache(maxsize=1)
def file_groups() -> tuple[tuple[str, ...], ...]:
    """The domain file's groups, then the thesaurus's."""
    groups = _file_groups("synonyms-domain.txt") + _file_groups("thesaurus-de.txt")
    return tuple(tuple(terms) for terms in groups)


@lru_cache(maxsize=1)
def _file_index() -> dict[Key, tuple[int, ...]]:
    index: dict[Key, list[int]] = defaultdict(list)
    for number, terms in enumerate(file_groups()):
        for term in terms:
            if number not in index[key(term)]:
                index[key(term)].append(number)
    return {term_key: tuple(numbers) for term_key, numbers in index.items()}


def editor_groups() -> list[list[str]]:
    from ..synonyms import load_groups

    return load_groups()


def all_groups(editors: bool = True) -> list[list[str]]:
    """Every group, editors' first, for ``search.synonyms.expand``."""
    groups = editor_groups() if editors else []
    return [*groups, *(list(terms) for terms in file_groups())]


def synonyms(term: str, editors: bool = True) -> list[str]:
    """The surface forms that mean the same as ``term`` (a word or phrase),
    without ``term`` itself; editors' words first."""
    term_key = key(term)
    if not term_key:
        return []
    found: list[str] = []
    seen = {fold(term)}
    candidates: list[list[str] | tuple[str, ...]] = []
    if editors:
        candidates += [g for g in editor_groups() if term_key in map(key, g)]
    candidates += [file_groups()[number] for number in _file_index().get(term_key, ())]
    for group in candidates:
        for other in group:
            if fold(other) not in seen and key(other) != term_key:
                seen.add(fold(other))
                found.append(other)
    return found
