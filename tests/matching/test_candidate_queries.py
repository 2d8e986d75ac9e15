"""What the candidate queries ask Elasticsearch for, and what they leave
out: the wording of an offer ("wir bieten") is no topic, and the terms the
last rebuild found in more than a fifth of the projects are not asked for
by the similar query, in the rebuild and in a recompute alike. The shared
fields of action and target groups re-rank the similar query's best text
matches (a rescore); they find no candidate of their own."""

from __future__ import annotations

import pytest
from django.test import override_settings

from matching import candidates
from matching.models import Match
from matching.profiles import common_terms, load_profiles, vectorise
from matching.scoring.profile import Profile
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


REPAIR = "Ehrenamtliche reparieren Fahrräder in der Fahrradwerkstatt am Bahnhof."
LIFT_SPECS = [
    Spec(
        "werkstatt-nord",
        "Fahrradwerkstatt Nord",
        REPAIR,
        districts=("03351",),
        fields=("teilhabe",),
        groups=("familien",),
        initiative="rad-nord",
    ),
    Spec(
        "werkstatt-sued",
        "Fahrradwerkstatt Süd",
        REPAIR,
        districts=("03351",),
        fields=("teilhabe",),
        groups=("familien",),
        initiative="rad-sued",
    ),
    Spec(
        "werkstatt-west",
        "Fahrradwerkstatt West",
        REPAIR,
        districts=("03351",),
        fields=("arbeit",),
        groups=("frauen",),
        initiative="rad-west",
    ),
    Spec(
        "sprachkurs-ost",
        "Sprachkurs Ost",
        "Deutschkurse für Mütter mit Kinderbetreuung.",
        districts=("03351",),
        fields=("teilhabe",),
        groups=("familien",),
        initiative="kurs-ost",
    ),
]


def test_shared_fields_and_groups_rerank_the_best_text_matches(es_index, site_tree):
    built = build_all(site_tree, LIFT_SPECS)
    index_projects(es_index, [page.pk for page in built.pages.values()])
    source = built.id("werkstatt-nord")
    found = candidates.from_elasticsearch(list(load_profiles([source]).values()))
    scores = found[source].text_scores

    # The same text: the shared field and target group put it first.
    assert scores[built.id("werkstatt-sued")] > scores[built.id("werkstatt-west")]
    # A shared field and target group without a shared term find nothing.
    assert built.id("sprachkurs-ost") not in scores


def _profile(**kwargs) -> Profile:
    defaults = {
        "id": 1,
        "title": "Fahrradwerkstatt",
        "counts": {"fahrrad": 2, "werkstatt": 1},
        "related": {},
    }
    return Profile(**{**defaults, **kwargs})


def test_the_similar_query_lifts_shared_fields_in_a_rescore():
    profile = _profile(fields={"teilhabe": "Teilhabe"}, target_groups={"familien": "F"})
    body = candidates.similar_query(profile)

    asked = body["query"]["bool"]["should"]
    assert asked and all("term" in clause for clause in asked)
    lifts = body["rescore"]["query"]["rescore_query"]["bool"]["should"]
    assert [next(iter(c["constant_score"]["filter"]["terms"])) for c in lifts] == [
        "fields_of_action",
        "target_groups",
    ]
    assert body["rescore"]["window_size"] > body["size"]


def test_without_topical_terms_the_similar_query_asks_for_shared_fields():
    profile = _profile(counts={}, fields={"teilhabe": "Teilhabe"})
    body = candidates.similar_query(profile)

    assert "rescore" not in body
    (clause,) = body["query"]["bool"]["should"]
    assert clause["constant_score"]["filter"]["terms"] == {
        "fields_of_action": ["teilhabe"]
    }
