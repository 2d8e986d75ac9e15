"""Write the derived language files in search/data/ from Debian packages.

    apt-get install openthesaurus-de-text dict-freedict-eng-deu
    python scripts/build_language_data.py

Reads OpenThesaurus (LGPL-2.1+) and FreeDict English-German (GPL-2+) and keeps
only what touches the integration domain (search/data/domain-seed.txt):

- search/data/thesaurus-de.txt: synonym groups, one per line, ";"-separated;
- search/data/english-de.tsv: english<TAB>german1;german2 ...

The outputs are committed, so running the site or the tests needs neither
package. Run it again after changing the seed or the exclusion list.
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search.language.lexicon import lexicon  # noqa: E402
from search.language.normalise import fold, stem, words  # noqa: E402
from search.language.resources import data_lines  # noqa: E402

DATA = ROOT / "search" / "data"
THESAURUS = Path("/usr/share/openthesaurus-de/openthesaurus.txt")
FREEDICT = Path("/usr/share/dictd/freedict-eng-deu")
MIN_WORD = 4
MAX_GROUP = 10
MAX_TRANSLATIONS = 4
MAIN_FORM = " (Hauptform)"
# English words people type when they search for integration work, kept even
# where no German translation is in the seed vocabulary.
ENGLISH_QUERY_WORDS = [
    "advice",
    "adult",
    "adults",
    "apprentice",
    "apprenticeship",
    "apprenticeships",
    "arrival",
    "asylum",
    "bicycle",
    "bike",
    "care",
    "career",
    "child",
    "childcare",
    "children",
    "church",
    "citizenship",
    "city",
    "class",
    "classes",
    "coaching",
    "community",
    "company",
    "cooking",
    "counselling",
    "counseling",
    "course",
    "courses",
    "culture",
    "daycare",
    "dentist",
    "doctor",
    "education",
    "employer",
    "employers",
    "employment",
    "event",
    "family",
    "families",
    "flat",
    "garden",
    "girl",
    "girls",
    "health",
    "help",
    "helper",
    "helpers",
    "homework",
    "housing",
    "integration",
    "interpreter",
    "interpreters",
    "internship",
    "internships",
    "job",
    "jobs",
    "kindergarten",
    "language",
    "languages",
    "learning",
    "legal",
    "literacy",
    "meeting",
    "mentor",
    "mentoring",
    "mentors",
    "migrant",
    "migrants",
    "mother",
    "mothers",
    "municipality",
    "neighbour",
    "neighbourhood",
    "neighbor",
    "neighborhood",
    "network",
    "parent",
    "parents",
    "refugee",
    "refugees",
    "school",
    "schools",
    "seniors",
    "sewing",
    "sport",
    "sports",
    "student",
    "students",
    "support",
    "teacher",
    "teachers",
    "training",
    "translation",
    "translator",
    "translators",
    "trauma",
    "tutoring",
    "volunteer",
    "volunteers",
    "welcome",
    "woman",
    "women",
    "work",
    "workshop",
    "young",
    "youth",
]
ENTRY_TAGS = re.compile(r"<[^>]*>|\[[^\]]*\]|\([^)]*\)")


def seed_forms() -> frozenset[str]:
    """The folded seed words with every inflected form the lexicon knows."""
    forms = lexicon().forms
    folded = set()
    for word in data_lines("domain-seed.txt"):
        low = word.lower()
        folded.add(fold(low))
        for suffix in ("", "e", "en", "n", "s", "es", "er", "ern", "nen"):
            if low + suffix in forms:
                folded.add(fold(low + suffix))
    return frozenset(folded)


def exclusions() -> tuple[frozenset[str], frozenset[str]]:
    groups, terms = set(), set()
    for line in data_lines("thesaurus-exclude.txt"):
        kind, _, word = line.partition(" ")
        (groups if kind == "group" else terms).add(fold(word.strip()))
    return frozenset(groups), frozenset(terms)


def clean_term(term: str) -> str | None:
    """A usable synonym: a noun or a short noun phrase, no usage labels."""
    term = term.strip().replace(MAIN_FORM, "")
    if not term or any(mark in term for mark in "()[]./…") or "..." in term:
        return None
    parts = term.split()
    if len(parts) > 3 or not term[0].isupper() or len(term) < MIN_WORD:
        return None
    return term


def build_thesaurus(seed: frozenset[str]) -> list[list[str]]:
    drop_groups, drop_terms = exclusions()
    groups: list[list[str]] = []
    for line in THESAURUS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        raw = line.split(";")
        if any(fold(ENTRY_TAGS.sub("", t).strip()) in drop_groups for t in raw):
            continue
        terms: list[str] = []
        for term in raw:
            cleaned = clean_term(term)
            if cleaned and fold(cleaned) not in drop_terms and cleaned not in terms:
                terms.append(cleaned)
        if not 2 <= len(terms) <= MAX_GROUP:
            continue
        if any(fold(term) in seed for term in terms):
            groups.append(terms)
    return sorted(groups, key=lambda terms: fold(terms[0]))


def _b64(text: str) -> int:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    number = 0
    for char in text:
        number = number * 64 + alphabet.index(char)
    return number


def freedict_entries() -> dict[str, list[list[str]]]:
    """English headword → the German translations of each of its entries."""
    with gzip.open(FREEDICT.with_suffix(".dict.dz")) as packed:
        body = packed.read()
    entries: dict[str, list[list[str]]] = {}
    index = FREEDICT.with_suffix(".index").read_text(encoding="utf-8")
    for line in index.splitlines():
        head, offset, length = line.split("\t")
        head = head.strip().lower()
        if not head or head.startswith("the ") or len(head.split()) > 3:
            continue
        if not head.replace(" ", "").isalpha():
            continue
        start = _b64(offset)
        text = body[start : start + _b64(length)].decode("utf-8")
        lines = text.split("\n")
        if len(lines) < 2 or lines[1].startswith(" "):
            continue
        german = []
        for raw in ENTRY_TAGS.sub("", lines[1]).split(","):
            term = " ".join(raw.split())
            term = " ".join(w for w in term.split() if not w.endswith("."))
            if "/" in term or "…" in term:
                continue
            if term and len(term.split()) <= 3 and term[0].isupper():
                german.append(term)
        if german:
            entries.setdefault(head, []).append(german)
    return entries


def touches(term: str, seed: frozenset[str], seed_stems: frozenset[str]) -> bool:
    return any(fold(w) in seed or stem(w) in seed_stems for w in words(term))


def build_english(seed: frozenset[str]) -> list[tuple[str, list[str]]]:
    seed_stems = frozenset(stem(word) for word in data_lines("domain-seed.txt"))
    rows = []
    for english, senses in sorted(freedict_entries().items()):
        domain = [t for sense in senses for t in sense if touches(t, seed, seed_stems)]
        if not domain and english not in ENGLISH_QUERY_WORDS:
            continue
        german: list[str] = []
        for term in domain or senses[0]:
            if term not in german:
                german.append(term)
        rows.append((english, german[:MAX_TRANSLATIONS]))
    return rows


def main() -> None:
    seed = seed_forms()
    groups = build_thesaurus(seed)
    header = (
        "# Derived from OpenThesaurus (openthesaurus.de, Debian openthesaurus-de-text"
        f" {package_version('openthesaurus-de-text')}), LGPL-2.1+,\n"
        "# filtered to the integration domain by scripts/build_language_data.py.\n"
        "# Do not edit: change search/data/domain-seed.txt or thesaurus-exclude.txt\n"
        "# and run the script again. One synonym group per line, ';'-separated.\n"
    )
    (DATA / "thesaurus-de.txt").write_text(
        header + "".join(";".join(terms) + "\n" for terms in groups), encoding="utf-8"
    )
    rows = build_english(seed)
    header = (
        "# Derived from FreeDict English-German (freedict.org, Debian"
        f" dict-freedict-eng-deu {package_version('dict-freedict-eng-deu')}),"
        " GPL-2+,\n"
        "# filtered to the integration domain by scripts/build_language_data.py.\n"
        "# Do not edit: run the script again. english<TAB>german1;german2 ...\n"
    )
    (DATA / "english-de.tsv").write_text(
        header + "".join(f"{en}\t{';'.join(de)}\n" for en, de in rows),
        encoding="utf-8",
    )
    print(f"{len(groups)} synonym groups, {len(rows)} English entries")


def package_version(name: str) -> str:
    import subprocess

    result = subprocess.run(  # noqa: S603 (a fixed command)
        ["dpkg-query", "-W", "-f=${Version}", name],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.strip() or "unknown version"


if __name__ == "__main__":
    main()
