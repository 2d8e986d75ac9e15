"""The German noun lexicon behind compound splitting.

Read lazily, once per process, from the ``german-nouns`` package (about
100,000 nouns with all their inflected forms, compiled from Wiktionary; CC BY-SA
4.0). Only the first two CSV columns and the form columns are kept, as sets of
lowercase strings, so loading takes about half a second and no derived copy of
the lexicon has to live in this repository. The project's own word parts
(``search/data/compounds-de.txt``) are added on top.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from german_nouns.config import CSV_FILE_PATH

from .resources import data_lines

# Names, abbreviations and letters are nouns in Wiktionary but never parts of
# the compounds people search for; "Ina" or "Erz" would cut words apart.
SKIPPED_KINDS = frozenset(
    {
        "Abkürzung",
        "Buchstabe",
        "Eigenname",
        "Familienname",
        "Nachname",
        "Ortsnamengrundwort",
        "Straßenname",
        "Symbol",
        "Toponym",
        "Vorname",
        "Wortverbindung",
        "Affix",
        "Suffix",
        "Gebundenes Lexem",
    }
)
MIN_LEXICON_PART = 4
FORM_COLUMNS_START = 7


@dataclass(frozen=True, eq=False)
class Lexicon:
    forms: frozenset[str]
    """Every inflected form of every noun: any part, also the last."""
    heads: frozenset[str]
    """Forms that only occur before another part: "sprach" (Sprache),
    "wohn" (Wohnen)."""
    domain: frozenset[str]
    """The project's own parts; only these may be shorter than four letters."""


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw_forms: set[str] = set()
    heads: set[str] = set()
    text = CSV_FILE_PATH.read_text(encoding="utf-8")
    for line in text.split("\n")[1:]:
        # csv only for the lines that need it: twice as fast as csv for all.
        row = next(csv.reader([line])) if '"' in line else line.split(",")
        if len(row) <= FORM_COLUMNS_START or not SKIPPED_KINDS.isdisjoint(
            row[1].split(",")
        ):
            continue
        raw_forms.update(row[FORM_COLUMNS_START:])
        raw_forms.add(row[0])
        head = _head(row[0].lower(), row[2:FORM_COLUMNS_START])
        if head and head.isalpha():
            heads.add(head)
    forms = {
        form.lower()
        for form in raw_forms
        if len(form) >= MIN_LEXICON_PART and form.isalpha()
    }
    domain = {word.lower() for word in data_lines("compounds-de.txt")}
    return Lexicon(
        frozenset(forms | domain), frozenset(heads | domain), frozenset(domain)
    )


def _head(lemma: str, genera: list[str]) -> str | None:
    """The form a noun takes before another part when it drops its ending:
    Sprache → Sprachkurs, Schule → Schulweg, (das) Wohnen → Wohnprojekt."""
    if lemma.endswith("e") and len(lemma) > MIN_LEXICON_PART:
        return lemma[:-1]
    if lemma.endswith("en") and "n" in genera and len(lemma) > MIN_LEXICON_PART + 1:
        return lemma[:-2]
    return None
