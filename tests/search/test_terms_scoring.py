"""How the pre-analysed terms fields score on Elasticsearch: a project that
is about a concept (names it again and again in a longer profile) ranks
above one that mentions it once in a short profile (BM25 k1 2.5, b 0.4 on
the ``terms`` fields; docs/search.md, session 15)."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.http import QueryDict

from search.client import index_alias

pytestmark = pytest.mark.django_db

ABOUT = (
    "Die Fahrradwerkstatt öffnet jeden Samstag im Hof des Stadtteilhauses. "
    "In der Fahrradwerkstatt reparieren Geflüchtete und Nachbarn gemeinsam "
    "gespendete Räder, tauschen Erfahrungen aus und lernen dabei Deutsch. "
    "Wer ein Rad braucht, bekommt es gegen eine kleine Spende. Die "
    "Fahrradwerkstatt verleiht außerdem Anhänger, Helme und Schlösser an "
    "Familien, die neu in der Stadt sind, und bietet einmal im Monat einen "
    "Kurs zu Verkehrsregeln an. Ehrenamtliche Mechanikerinnen und Mechaniker "
    "aus dem Viertel leiten die Reparaturen an, Jugendliche aus der "
    "Nachbarschaft helfen beim Sortieren der Ersatzteile, und im Sommer "
    "führt eine gemeinsame Radtour durch den Landkreis zu Seen, Höfen und "
    "Museen der Umgebung."
)
OTHERS = ("Kochabend", "Theatergruppe", "Gartenprojekt", "Schachclub", "Chorprojekt")


def _rows() -> list[dict]:
    rows = [
        {
            "external_id": "about-bikes",
            "title": "Treffpunkt Uelzen",
            "teaser": "Ein offener Treffpunkt für alle im Stadtteil.",
            "description": ABOUT,
            "districts": ["03360"],
            "fields": ["teilhabe"],
        },
        {
            "external_id": "mentions-bikes",
            "title": "Offener Treff Celle",
            "teaser": "Ein offener Treff für alle in der Altstadt.",
            "description": "Im Treff gibt es auch eine Fahrradwerkstatt.",
            "districts": ["03351"],
            "fields": ["teilhabe"],
        },
    ]
    rows += [
        {
            "external_id": f"other-{n}",
            "title": f"{topic} Nordhorn",
            "teaser": f"Ein {topic} für Neuzugewanderte und Alteingesessene.",
            "districts": ["03456"],
            "fields": ["teilhabe"],
        }
        for n, topic in enumerate(OTHERS)
    ]
    return rows


@pytest.fixture
def workshops(import_indexed):
    import_indexed(_rows())


def _titles(text: str) -> list[str]:
    from search.backends import run_search
    from search.query import parse_query

    result = run_search(parse_query(QueryDict(urlencode({"q": text}))))
    assert result.backend == "elasticsearch"
    return [hit.title for hit in result.hits]


def test_a_project_about_the_concept_ranks_above_a_passing_mention(workshops):
    titles = _titles("Fahrradwerkstatt")
    assert titles == ["Treffpunkt Uelzen", "Offener Treff Celle"]


def test_the_terms_fields_use_the_tuned_similarity(workshops, es_index):
    mapping = es_index.indices.get_mapping(index=index_alias("projects"))
    (index,) = mapping.values()
    properties = index["mappings"]["properties"]
    for field in ("terms_title", "terms_lead", "terms", "terms_offers"):
        assert properties[field]["similarity"] == "terms_bm25"
    settings = es_index.indices.get_settings(index=index_alias("projects"))
    (index_settings,) = settings.values()
    similarity = index_settings["settings"]["index"]["similarity"]["terms_bm25"]
    assert (similarity["k1"], similarity["b"]) == ("2.5", "0.4")
