"""A query in Arabic or Cyrillic script finds nothing here (the search reads
German and English); the page says so in the asker's languages, each marked
with its language and direction."""

from __future__ import annotations

import pytest

from search.language.scripts import script_hints

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "languages"),
    [
        ("دروس اللغة الألمانية مجانا", ["ar", "fa"]),
        ("کلاس زبان آلمانی رایگان", ["ar", "fa"]),
        ("безкоштовні курси німецької мови", ["uk", "ru"]),
        ("бесплатные курсы немецкого языка", ["ru", "uk"]),
        ("Deutschkurs", []),
        ("free German course", []),
        ("Deutschkurs دروس", []),  # mostly Latin: no hint
        ("2024", []),
    ],
)
def test_the_script_decides_the_hints(text, languages):
    assert [hint.language for hint in script_hints(text)] == languages


def test_the_empty_page_shows_the_hints_with_language_and_direction(es_index, client):
    response = client.get("/suche/", {"q": "مساعدة في البحث عن سكن"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Die Suche versteht Deutsch und Englisch." in html
    assert '<p lang="ar" dir="rtl">يفهم البحث' in html
    assert '<p lang="fa" dir="rtl">' in html
    # A German query without hits gets no such hint.
    html = client.get("/suche/", {"q": "Zeppelinwerft"}).content.decode()
    assert 'dir="rtl"' not in html
    assert "Die Suche versteht Deutsch und Englisch." not in html
