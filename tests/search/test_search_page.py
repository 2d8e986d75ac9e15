"""/suche/: the server-rendered page without JavaScript; quality floor."""

from __future__ import annotations

import pytest

from tests.search.corpus import LABELLED_QUERIES, ndcg_at_10, recall_at_10

pytestmark = [pytest.mark.django_db, pytest.mark.services]

# Floors guard against regressions of the labelled fixture set (measured:
# Elasticsearch ~0.97 / 1.0, database ~0.8 / 0.8).
FLOORS = {"elasticsearch": (0.9, 0.9), "database": (0.6, 0.6)}


def test_page_shows_facets_chips_and_sort_as_a_get_form(corpus, client):
    html = client.get("/suche/", {"q": "Deutsch", "region": "lueneburg"}).content
    html = html.decode()

    assert html.count("<h1") == 1
    assert '<form role="search" method="get"' in html
    assert "<summary>Region</summary>" in html
    # A facet with a selection is open; the others stay closed.
    assert '<details class="facet" open>\n<summary>Region</summary>' in html
    assert '<details class="facet">\n<summary>Handlungsfeld</summary>' in html
    assert 'name="region" value="lueneburg" checked' in html
    assert "Region: Lüneburg" in html  # removable chip
    assert 'href="?q=Deutsch"' in html
    assert '<select id="sort" name="sort">' in html


def test_page_highlights_without_letting_markup_through(corpus, client):
    html = client.get("/suche/", {"q": "Beschäftigung"}).content.decode()

    assert "<mark>Beschäftigung</mark>" in html


def test_empty_results_offer_to_drop_a_filter(corpus, client):
    response = client.get("/suche/", {"q": "Fahrradwerkstatt", "region": "weser-ems"})

    html = response.content.decode()
    assert "Keine Treffer" in html
    assert "Ohne „Region: Weser-Ems“ suchen" in html


def test_database_fallback_says_results_are_limited(corpus, client, settings):
    settings.ELASTICSEARCH_URL = None

    html = client.get("/suche/", {"q": "Sprachpatenschaft"}).content.decode()

    assert "Ergebnisse eingeschränkt" in html
    assert "Sprachpatenschaften im Heidekreis" in html


def test_bad_parameter_shows_a_message_with_400(corpus, client):
    response = client.get("/suche/", {"sort": "random"})

    assert response.status_code == 400
    assert "Sortierung" in response.content.decode()


def test_labelled_queries_stay_above_the_quality_floor(corpus, backend, client):
    keys = {page.pk: key for key, page in corpus.items()}
    ndcg = recall = 0.0
    for text, relevant in LABELLED_QUERIES.items():
        data = client.get("/api/v1/search", {"q": text}).json()
        ranked = [keys.get(hit["id"], "") for hit in data["results"]]
        ndcg += ndcg_at_10(ranked, relevant)
        recall += recall_at_10(ranked, relevant)
    ndcg /= len(LABELLED_QUERIES)
    recall /= len(LABELLED_QUERIES)
    print(f"{backend}: nDCG@10={ndcg:.3f} recall@10={recall:.3f}")
    assert (ndcg, recall) >= FLOORS[backend]
    assert ndcg >= FLOORS[backend][0] and recall >= FLOORS[backend][1]
