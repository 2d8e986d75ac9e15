"""The PostgreSQL fallback on the shared query analysis: the table of
pre-analysed terms (``search_project_terms``) follows publishing like the
index does, and the search matches and ranks from ``search.understanding``
(compound parts, synonyms, question words, places, needs) with the same
minimum-should-match rule as Elasticsearch."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from projects.models import ProjectNeed, ProjectOffer
from search import db_terms
from search.backends import run_search
from search.query import parse_query
from tests.factories.pages import make_project

pytestmark = [pytest.mark.django_db, pytest.mark.services]

CELLE, GOETTINGEN = "03351", "03159"


@pytest.fixture(autouse=True)
def database_only(settings):
    settings.ELASTICSEARCH_URL = None


def _titles(text: str) -> list[str]:
    query = parse_query(QueryDict(urlencode({"q": text})))
    result = run_search(query)
    assert result.backend == "database"
    return [hit.title for hit in result.hits]


def _rows() -> dict[int, tuple[set[str], set[str], set[str]]]:
    """Page id → the lexemes of title, body and offers."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT page_id, tsvector_to_array(title), tsvector_to_array(body), "
            "tsvector_to_array(offers) FROM search_project_terms"
        )
        return {pk: tuple(set(terms) for terms in rest) for pk, *rest in cursor}


def _empty_table() -> None:
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_project_terms")


def test_the_table_follows_publish_draft_unpublish_and_delete(site_tree):
    project = make_project(site_tree, title="Sprachpatenschaft Celle")
    assert "sprachpatenschaft" in _rows()[project.pk][0]

    project.title = "Kletterwald Celle"
    project.save_revision()
    assert "sprachpatenschaft" in _rows()[project.pk][0]  # a draft changes nothing

    project.get_latest_revision().publish()
    title_terms = _rows()[project.pk][0]
    assert "kletterwald" in title_terms
    assert "sprachpatenschaft" not in title_terms

    project.refresh_from_db()
    project.unpublish()
    assert project.pk not in _rows()

    other = make_project(site_tree, title="Nähcafé Uelzen")
    assert other.pk in _rows()
    other.delete()
    assert other.pk not in _rows()


def test_rows_hold_the_documents_terms_of_title_body_and_offers(site_tree):
    project = make_project(
        site_tree,
        title="Nachbarschaftstreff",
        teaser="Wir bieten Übersetzungen bei Behördengängen an.",
    )
    ProjectNeed.objects.create(page=project, text="Räume für Sprachkurse")
    project.save_revision().publish()

    title, body, offers = _rows()[project.pk]
    assert "nachbarschaftstreff" in title
    # Body: title, teaser and needs, with compound parts.
    assert {"nachbarschaftstreff", "behordengang", "raum", "sprach"} <= body
    # Offers: the stated and the implied ones, not the needs.
    assert "ubersetz" in offers
    assert "raum" not in offers


def test_rebuild_and_migrate_refill_an_emptied_table(site_tree):
    first = make_project(site_tree, title="Sprachcafé Celle")
    second = make_project(site_tree, title="Fahrradwerkstatt Celle")
    expected = _rows()
    _empty_table()
    assert _titles("Fahrradwerkstatt") == []

    call_command("rebuild_search")
    assert _rows() == expected

    _empty_table()
    db_terms.fill_if_empty(apps.get_app_config("search"))
    assert set(_rows()) == {first.pk, second.pk}
    assert _titles("Fahrradwerkstatt") == ["Fahrradwerkstatt Celle"]


def test_a_compound_part_finds_the_compound(site_tree):
    make_project(site_tree, title="Sprachpatenschaft Celle", teaser="Tandems.")
    make_project(site_tree, title="Fahrradwerkstatt Celle", teaser="Reparieren.")

    assert _titles("Patenschaft") == ["Sprachpatenschaft Celle"]


def test_a_thesaurus_synonym_finds(site_tree):
    make_project(
        site_tree,
        title="Sprachmittler-Pool Celle",
        teaser="Sprachmittler begleiten zu Ärzten.",
    )
    make_project(site_tree, title="Fahrradwerkstatt Celle", teaser="Reparieren.")

    assert _titles("Dolmetscher") == ["Sprachmittler-Pool Celle"]


def test_a_question_with_extra_words_finds(site_tree):
    make_project(
        site_tree,
        title="Wohnungslotsen",
        teaser="Ehrenamtliche helfen Geflüchteten bei der Wohnungssuche.",
    )
    make_project(site_tree, title="Fahrradwerkstatt Celle", teaser="Reparieren.")

    assert _titles("Wer hilft bei der Wohnungssuche?") == ["Wohnungslotsen"]


def test_a_named_place_lifts_its_projects(site_tree):
    # Celle first, so the newest-first tie-break alone would put it last.
    make_project(site_tree, title="Sprachcafé am Markt", districts=(CELLE,))
    make_project(site_tree, title="Sprachcafé im Quartier", districts=(GOETTINGEN,))
    make_project(
        site_tree,
        title="Fahrradwerkstatt",
        teaser="Reparieren.",
        districts=(CELLE,),
    )

    # One concept and the place: one of the two clauses is enough, and the
    # place weighs more than one concept (as on Elasticsearch).
    assert _titles("Sprachcafé Celle") == [
        "Sprachcafé am Markt",
        "Fahrradwerkstatt",
        "Sprachcafé im Quartier",
    ]
    assert _titles("Sprachcafé")[0] == "Sprachcafé im Quartier"
    # A domain-common word beside a place only ranks: the place decides.
    assert set(_titles("Flüchtlinge in Celle")) == {
        "Sprachcafé am Markt",
        "Fahrradwerkstatt",
    }


def test_a_need_lifts_projects_that_offer_it(site_tree):
    # The offering project first, so the tie-break alone would put it last.
    offering = make_project(site_tree, title="Treffpunkt Nord", teaser="Offen.")
    ProjectOffer.objects.create(page=offering, text="Übersetzer für Arabisch")
    offering.save_revision().publish()
    seeking = make_project(site_tree, title="Treffpunkt Süd", teaser="Offen.")
    ProjectNeed.objects.create(page=seeking, text="Übersetzer für Arabisch")
    seeking.save_revision().publish()

    assert _titles("Übersetzer gesucht") == ["Treffpunkt Nord", "Treffpunkt Süd"]
    assert _titles("Übersetzer") == ["Treffpunkt Süd", "Treffpunkt Nord"]


@pytest.mark.parametrize(
    "text",
    [
        '" OR * NEAR( ^ AND -"',
        "'; DROP TABLE search_project_terms; --",
        "a:* & !b | (c <-> d)",
        "Zzyzx\\' '' \\\\ :*",
        "Sprachpatenschaft' | !",
    ],
)
def test_a_hostile_string_is_searched_as_words(site_tree, text):
    make_project(site_tree, title="Sprachpatenschaft Celle", teaser="Tandems.")

    titles = _titles(text)

    assert titles == (["Sprachpatenschaft Celle"] if "Sprach" in text else [])
    assert len(_rows()) == 1


def test_the_number_of_queries_does_not_grow_with_the_query(site_tree):
    for number in range(3):
        make_project(site_tree, title=f"Sprachkurs für Mütter {number}")
    simple = parse_query(QueryDict("q=Sprachkurs"))
    rich = parse_query(
        QueryDict("q=Sprachkurs+für+Mütter+Dolmetscher+gesucht+in+Celle")
    )
    counts = []
    for query in (simple, rich, simple, rich):
        with CaptureQueriesContext(connection) as captured:
            result = run_search(query)
        assert result.backend == "database" and result.count == 3
        counts.append(len(captured))

    assert counts[2] == counts[3]
    assert counts[3] <= 6
