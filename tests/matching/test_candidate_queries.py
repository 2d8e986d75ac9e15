"""What the candidate queries ask Elasticsearch for, and what they leave
out: the wording of an offer ("wir bieten") is no topic, and the terms the
last rebuild found in more than a fifth of the projects are not asked for
by the similar query, in the rebuild and in a recompute alike."""

from __future__ import annotations

import pytest
from django.test import override_settings

from matching import candidates
from matching.models import Match
from matching.profiles import common_terms, load_profiles, vectorise
from matching.service import rebuild_all, recompute_for
from search.client import get_client

from .builders import Spec, build_all
from .conftest import index_projects

pytestmark = [pytest.mark.django_db, pytest.mark.services]

WORDING_SPECS = [
    Spec(
        "fahrdienst-gesucht",
        "Begleitung zu Terminen",
        "Ehrenamtliche begleiten Familien zu Ämtern und Ärzten.",
        districts=("03351",),
        fields=("beratung",),
        initiative="begleit-verein",
        needs=(("", "Wer bietet Fahrdienste an?"),),
    ),
    Spec(
        "hausaufgaben-celle",
        "Hausaufgabenhilfe Celle",
        "Wir bieten Hausaufgabenhilfe für Schulkinder.",
        districts=("03351",),
        fields=("bildung",),
        initiative="schul-verein",
    ),
]


def _complementary(page_id: int) -> set[int]:
    return set(
        Match.objects.filter(source_id=page_id, kind="complementary").values_list(
            "target_id", flat=True
        )
    )


def _check_wording_links_nothing(built) -> None:
    seeker = built.id("fahrdienst-gesucht")
    recompute_for(seeker)
    assert built.id("hausaufgaben-celle") not in _complementary(seeker)


def test_offer_wording_alone_answers_no_need_on_elasticsearch(es_index, site_tree):
    built = build_all(site_tree, WORDING_SPECS)
    index_projects(es_index, [page.pk for page in built.pages.values()])
    _check_wording_links_nothing(built)


@override_settings(ELASTICSEARCH_URL=None)
def test_offer_wording_alone_answers_no_need_on_the_fallback(site_tree):
    built = build_all(site_tree, WORDING_SPECS)
    _check_wording_links_nothing(built)


def test_the_complementary_query_asks_for_what_an_offer_is_about(es_index, site_tree):
    built = build_all(site_tree, WORDING_SPECS)
    profile = load_profiles([built.id("hausaufgaben-celle")])[
        built.id("hausaufgaben-celle")
    ]
    query = candidates.complementary_query(profile)

    asked = [
        clause["match"]["needs_text"]["query"]
        for clause in query["query"]["function_score"]["query"]["bool"]["should"]
        if "needs_text" in clause.get("match", {})
    ]
    assert asked == ["Hausaufgabenhilfe Schulkinder"]


class _SearchSpy:
    """Records the bodies of the multi-searches sent to the real client."""

    def __init__(self, client):
        self.client = client
        self.bodies: list[list[dict]] = []

    def __enter__(self):
        original = self.client.msearch

        def recorded(*args, **kwargs):
            self.bodies.append(kwargs["body"])
            return original(*args, **kwargs)

        self.client.msearch = recorded
        return self

    def __exit__(self, *exc):
        del self.client.msearch


def _similar_terms_asked(bodies: list[list[dict]]) -> set[str]:
    asked = set()
    for body in bodies:
        for query in body[1::2]:
            for clause in query["query"].get("bool", {}).get("should", []):
                if "term" in clause:
                    asked.add(clause["term"]["terms"]["value"])
    return asked


def test_rebuild_and_recompute_leave_the_common_terms_out(labelled):
    pool = load_profiles()
    common = common_terms(vectorise(pool.values()), len(pool))
    assert common, "the labelled projects share some words"
    client = get_client()

    with _SearchSpy(client) as rebuilding:
        rebuild_all(processes=1)
    with _SearchSpy(client) as recomputing:
        recompute_for(labelled.id("sprachcafe-celle"))

    index = candidates.physical_index()
    assert candidates.common_terms(index) == common
    assert _similar_terms_asked(rebuilding.bodies)
    assert not _similar_terms_asked(rebuilding.bodies) & common
    assert _similar_terms_asked(recomputing.bodies)
    assert not _similar_terms_asked(recomputing.bodies) & common
