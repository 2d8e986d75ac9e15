"""Queries in a script the search cannot read: a hint in the asker's language.

The search understands German and English (``english.py``). A newcomer who
types Arabic, Dari/Farsi, Ukrainian or Russian finds nothing; the page then
says so in those languages, with a German or English word to try. The hints
are fixed sentences, each shown with its language and writing direction
(WCAG 3.1.2, language of parts).
"""

from __future__ import annotations

from dataclasses import dataclass

ARABIC_SCRIPT = range(0x0600, 0x0700)
CYRILLIC = range(0x0400, 0x0500)
# Letters only Ukrainian writes among the Cyrillic languages asked for here.
UKRAINIAN_LETTERS = frozenset("іїєґІЇЄҐ")
# And the letters only Russian writes.
RUSSIAN_LETTERS = frozenset("ыэъЫЭЪ")


@dataclass(frozen=True)
class Hint:
    language: str
    direction: str
    text: str


HINTS = {
    "ar": Hint(
        "ar",
        "rtl",
        "يفهم البحث اللغتين الألمانية والإنجليزية. جرّب كلمة بالألمانية أو "
        "بالإنجليزية، مثلاً: Deutschkurs أو language course.",
    ),
    "fa": Hint(
        "fa",
        "rtl",
        "جستجو زبان‌های آلمانی و انگلیسی را می‌فهمد. یک واژه به آلمانی یا "
        "انگلیسی امتحان کنید، برای مثال: Deutschkurs یا language course.",
    ),
    "uk": Hint(
        "uk",
        "ltr",
        "Пошук розуміє німецьку та англійську мови. Спробуйте слово німецькою "
        "або англійською, наприклад: Deutschkurs або language course.",
    ),
    "ru": Hint(
        "ru",
        "ltr",
        "Поиск понимает немецкий и английский языки. Попробуйте слово на "
        "немецком или английском, например: Deutschkurs или language course.",
    ),
}


def script_hints(text: str) -> list[Hint]:
    """The hints for a query written mostly in Arabic or Cyrillic script:
    Arabic and Dari/Farsi for the one, Ukrainian and Russian for the other
    (Ukrainian first when its own letters occur)."""
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return []
    arabic = sum(ord(char) in ARABIC_SCRIPT for char in letters)
    cyrillic = sum(ord(char) in CYRILLIC for char in letters)
    if arabic * 2 > len(letters):
        return [HINTS["ar"], HINTS["fa"]]
    if cyrillic * 2 > len(letters):
        chars = set(text)
        if RUSSIAN_LETTERS & chars and not UKRAINIAN_LETTERS & chars:
            return [HINTS["ru"], HINTS["uk"]]
        return [HINTS["uk"], HINTS["ru"]]
    return []
