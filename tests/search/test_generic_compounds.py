"""A compound of domain-common words and noise ("Integrationsprojekte",
"Flüchtlingsangebote") is weighed down beside the query's other words, like
"Integration" and "Projekte" written apart: every project here is one. With
only a place beside it, it still counts (docs/search.md, session 16)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import override_settings

from search.understanding import understand

pytestmark = pytest.mark.django_db

ROWS = [
    {
        "external_id": "seniors",
        "title": "Integrationsprojekt für ukrainische Seniorinnen und Senioren",
        "teaser": "Das Integrationsprojekt lädt ukrainische Seniorinnen und "
        "Senioren zum Kaffee ein.",
        "description": "Ein Integrationsprojekt der Kirchengemeinde.",
        "districts": ["03241"],
        "fields": ["teilhabe"],
        "target_groups": ["aeltere"],
    },
    {
        "external_id": "children",
        "title": "Nachmittagsgruppe für ukrainische Kinder",
        "teaser": "Ukrainische Kinder spielen, basteln und lernen Deutsch.",
        "description": "Die Kinder aus der Ukraine treffen sich zweimal pro Woche.",
        "districts": ["03241"],
        "fields": ["bildung"],
        "target_groups": ["kinder_jugend"],
    },
    {
        "external_id": "statewide",
        "title": "Landesweites Integrationsprojekt Ausbildung",
        "teaser": "Begleitung von Geflüchteten in die Ausbildung.",
        "statewide": True,
        "districts": [],
        "fields": ["arbeit"],
    },
    {
        "external_id": "emsland",
        "title": "Frauentreff Werlte",
        "teaser": "Ein offener Treff für Frauen im Emsland.",
        "districts": ["03454"],
        "fields": ["teilhabe"],
    },
]


# Others, so that the compound is rare and "Kinder" is not.
ROWS += [
    {
        "external_id": f"other-{n}",
        "title": f"{topic} für Kinder in Nordhorn",
        "teaser": f"Ein {topic} für Kinder, Eltern und Nachbarn.",
        "districts": ["03456"],
        "fields": ["kultur_sport"],
    }
    for n, topic in enumerate(
        ("Kochabend", "Theatergruppe", "Gartenprojekt", "Schachclub", "Chorprojekt")
    )
]


def test_the_generic_compound_is_not_required_beside_specific_words():
    understood = understand("Integrationsprojekte für ukrainische Kinder")

    assert [c.text for c in understood.required] == ["ukrainische", "Kinder"]
    assert "Integrationsprojekte" in [c.text for c in understood.optional]
    # A compound with a specific part stays required.
    assert [c.text for c in understand("Integrationskurs Kinder").required] == [
        "Integrationskurs",
        "Kinder",
    ]


def test_with_only_a_place_the_generic_compound_still_counts():
    understood = understand("Integrationsprojekte im Emsland")

    assert [c.text for c in understood.required] == ["Integrationsprojekte"]
    assert understood.districts == ("03454",)


@pytest.mark.parametrize("engine", ["elasticsearch", "database"])
def test_what_the_query_specifies_ranks_first(import_indexed, engine, client):
    import_indexed(ROWS)
    url = None if engine == "database" else settings.ELASTICSEARCH_URL

    def found(text: str) -> list[str]:
        with override_settings(ELASTICSEARCH_URL=url):
            response = client.get("/api/v1/search", {"q": text})
        assert response.status_code == 200
        return [hit["slug"] for hit in response.json()["results"]]

    assert found("Integrationsprojekte für ukrainische Kinder")[0] == (
        "nachmittagsgruppe-fur-ukrainische-kinder"
    )
    # The place's project, and beyond the place the compound's.
    place = found("Integrationsprojekte im Emsland")
    assert {"frauentreff-werlte", "landesweites-integrationsprojekt-ausbildung"} <= (
        set(place)
    )
