"""The database fallback's text match and ranking on PostgreSQL: the project
text's tsvector is a stored column (search migration 0006), kept by
PostgreSQL on every write, and a title match ranks first."""

from __future__ import annotations

import pytest
from django.db import connection

from search.backends import Context
from search.backends.database import search
from search.query import SearchQuery
from tests.factories.pages import make_project

pytestmark = [pytest.mark.django_db, pytest.mark.services]


def _titles(text: str) -> list[str]:
    return [hit.title for hit in search(SearchQuery(text=text), Context()).hits]


def test_a_published_edit_of_the_text_is_what_the_fallback_finds(site_tree):
    project = make_project(site_tree, title="Nachbarschaftstreff Uelzen")
    project.goals = "<p>Wir bauen eine Fahrradwerkstatt auf.</p>"
    project.save_revision().publish()
    assert _titles("Fahrradwerkstatt") == ["Nachbarschaftstreff Uelzen"]

    project.refresh_from_db()
    project.goals = "<p>Wir gründen einen Nähtreff.</p>"
    project.save_revision().publish()

    assert _titles("Fahrradwerkstatt") == []
    assert _titles("Nähtreff") == ["Nachbarschaftstreff Uelzen"]


def test_a_title_match_ranks_above_matches_in_the_text(site_tree):
    for number in range(3):
        make_project(
            site_tree,
            title=f"Begegnungsort {number}",
            teaser="Hier gibt es auch eine Kleiderkammer für alle im Stadtteil.",
        )
    make_project(site_tree, title="Kleiderkammer Nienburg", teaser="Offen dienstags.")

    assert _titles("Kleiderkammer")[0] == "Kleiderkammer Nienburg"


def test_the_stored_vector_is_what_the_index_covers():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'search_project_vector'"
        )
        (definition,) = cursor.fetchone()
        cursor.execute(
            "SELECT is_generated FROM information_schema.columns WHERE "
            "table_name = 'projects_projectpage' AND column_name = 'search_vector'"
        )
        (generated,) = cursor.fetchone()

    assert "gin (search_vector)" in definition
    assert generated == "ALWAYS"
