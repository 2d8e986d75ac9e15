"""GET /api/v1/search: shape, facets, filters, bounds and hostile input,
on Elasticsearch and on the database fallback."""

from __future__ import annotations

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

pytestmark = [pytest.mark.django_db, pytest.mark.services]

API = "/api/v1/search"


def facet(data: dict, name: str) -> dict[str, int]:
    return {item["value"]: item["count"] for item in data["facets"][name]}


def test_response_has_the_documented_shape(corpus, backend, client):
    data = client.get(API, {"q": "Sprachpatenschaft"}).json()

    assert set(data) >= {"count", "page", "results", "facets", "suggestion", "backend"}
    assert data["backend"] == backend
    assert set(data["results"][0]) >= {
        "id",
        "slug",
        "url",
        "title",
        "teaser",
        "organisation",
        "districts",
        "fields",
        "highlight",
        "score",
    }
    assert set(data["facets"]) == {
        "region",
        "district",
        "field",
        "target_group",
        "offer",
        "need",
        "status",
        "organisation_type",
        "tag",
    }


def test_a_hit_carries_the_same_fields_on_both_backends(corpus, backend, client):
    page = corpus["patenschaft"]
    data = client.get(API, {"q": "Sprachpatenschaften Heidekreis"}).json()
    hit = next(item for item in data["results"] if item["id"] == page.pk)
    assert hit["slug"] == "patenschaft" and hit["title"] == page.title
    assert hit["url"] == page.url and hit["teaser"] == page.teaser
    assert hit["districts"] == ["Heidekreis"] and hit["fields"] == ["Sprachförderung"]


def test_values_within_a_facet_are_alternatives(corpus, backend, client):
    data = client.get(API, {"district": ["03159", "03355"]}).json()

    assert data["count"] == 4


def test_filters_of_different_facets_must_all_hold(corpus, backend, client):
    data = client.get(API, {"district": ["03159", "03355"], "field": "wohnen"}).json()

    assert [hit["slug"] for hit in data["results"]] == ["wohnen"]


def test_each_facet_counts_with_the_other_filters_only(corpus, backend, client):
    data = client.get(API, {"region": "lueneburg", "field": "sprache"}).json()

    assert data["count"] == 2
    # Regions stay visible as alternatives, counted with the field filter only.
    assert facet(data, "region") == {"lueneburg": 2, "leine-weser": 1}
    # Fields are counted within the region only.
    assert facet(data, "field") == {"sprache": 2, "bildung": 1, "teilhabe": 1}
    # Other facets see both filters.
    assert facet(data, "district") == {"03358": 1, "03355": 1}


def test_facets_carry_labels_and_parameter_values(corpus, backend, client):
    data = client.get(API).json()

    district = {item["value"]: item["label"] for item in data["facets"]["district"]}
    assert district["03358"] == "Heidekreis"
    status = facet(data, "status")
    assert status == {"active": 11, "completed": 1}
    assert (
        facet(data, "organisation_type")
        and sum(facet(data, "organisation_type").values()) == 2
    )
    assert facet(data, "offer")["sprachmittlung"] == 1
    assert facet(data, "need")["raeume"] == 1
    assert facet(data, "tag")["Deutsch"] == 2


def test_organisation_type_filter_finds_the_initiatives_projects(
    corpus, backend, client
):
    value = client.get(API).json()["facets"]["organisation_type"][0]["value"]

    data = client.get(API, {"organisation_type": value}).json()

    assert {hit["slug"] for hit in data["results"]} == {"lotsen", "wohnen"}


def test_tag_and_target_group_filters(corpus, backend, client):
    data = client.get(API, {"tag": "Frauen", "target_group": "frauen"}).json()

    assert {hit["slug"] for hit in data["results"]} == {"muetter", "naehcafe"}


def test_near_filters_by_distance_from_the_district_seat(corpus, backend, client):
    # Lüneburg: Celle (~75 km) is out at 50 km, Lüneburg's own projects are in.
    data = client.get(API, {"near": "03355", "km": "50", "sort": "distance"}).json()

    slugs = [hit["slug"] for hit in data["results"]]
    assert set(slugs[:2]) == {"dolmetscher", "fahrrad"}
    assert "hausaufgaben" not in slugs
    assert "jobs" not in slugs


def test_title_sort_is_alphabetical(corpus, backend, client):
    data = client.get(API, {"sort": "title", "size": "50"}).json()

    titles = [hit["title"] for hit in data["results"]]
    assert titles == sorted(titles, key=str.lower)


def test_page_size_and_window_are_bounded(corpus, backend, client):
    assert client.get(API, {"size": "51"}).status_code == 400
    assert client.get(API, {"size": "50", "page": "200"}).status_code == 200
    assert client.get(API, {"size": "50", "page": "201"}).status_code == 400
    second = client.get(API, {"size": "5", "page": "2"}).json()
    assert second["page"] == 2
    assert len(second["results"]) == 5


@pytest.mark.parametrize(
    "params",
    [
        {"sort": "random"},
        {"sort": "distance"},
        {"near": "Hannover"},
        {"near": "99999"},
        {"km": "-3", "near": "03241"},
        {"page": "0"},
        {"page": str(10**9)},
        {"page": "٣"},
    ],
)
def test_bad_parameters_get_a_german_400(corpus, backend, client, params):
    response = client.get(API, params)

    assert response.status_code == 400
    assert response.json()["error"]


@pytest.mark.parametrize(
    "text",
    [
        "title:(*",
        '"unbalanced quote',
        "Sprach\x00kurs",
        "x" * 10_000,
        "\u202eتعلم اللغة الألمانية\u202c",
        "AND OR NOT ~ * ? \\ / [ ] { } ^ < > ! &&",
        "' OR 1=1; --",
        "%' \\ :*",
        "<script>alert(1)</script>",
    ],
)
def test_hostile_text_never_breaks_the_search(corpus, backend, client, text):
    response = client.get(API, {"q": text, "tag": text, "region": text})

    assert response.status_code in (200, 400)
    page = client.get("/suche/", {"q": text})
    assert page.status_code in (200, 400)
    assert "<script>alert" not in page.content.decode()


def test_promoted_projects_come_first(corpus, backend, client):
    query = Query.get("deutsch")
    SearchPromotion.objects.create(query=query, page=corpus["fahrrad"], sort_order=0)

    data = client.get(API, {"q": "Deutsch"}).json()

    assert data["results"][0]["slug"] == "fahrrad"
    assert [hit["slug"] for hit in data["results"]].count("fahrrad") == 1


def test_database_facets_use_a_bounded_number_of_queries(
    corpus, client, django_assert_max_num_queries, settings
):
    settings.ELASTICSEARCH_URL = None
    client.get(API, {"q": "Deutsch"})  # warm caches (labels, site roots)
    # The text is matched once; count, page, its relations and the facets
    # work on that id set (was 14 with the text search in every facet).
    with django_assert_max_num_queries(12):
        response = client.get(
            API, {"q": "Deutsch", "region": "lueneburg", "tag": "Frauen"}
        )
    assert response.status_code == 200
