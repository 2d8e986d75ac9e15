"""Needs a project implies by what it helps people search for
("Unterstützung bei der Wohnungssuche", "Suche nach einem Praktikum"):
partners who offer that thing are complementary, on Elasticsearch and on
the fallback, and the reason quotes where the project says so."""

from __future__ import annotations

import pytest
from django.test import override_settings

from matching.models import Match
from matching.profiles import searched_for
from matching.service import recompute_for

from .builders import Spec, build_all
from .conftest import index_projects

pytestmark = [pytest.mark.django_db, pytest.mark.services]

SPECS = [
    Spec(
        "wohnungslotsen-verden",
        "Wohnungslotsen Verden",
        "Ehrenamtliche begleiten Familien im Alltag.",
        districts=("03361",),
        fields=("wohnen",),
        initiative="lotsen-verden",
        offers=(("", "Unterstützung bei der Wohnungssuche"),),
    ),
    Spec(
        "vermieterbuero-achim",
        "Vermieterbüro Achim",
        "Private Vermieter melden freie Wohnungen.",
        districts=("03361",),
        fields=("wohnen",),
        initiative="vermieter-achim",
        offers=(("", "Freie Wohnungen von privaten Vermietern"),),
    ),
    Spec(
        "chor-achim",
        "Chor der Kulturen",
        "Wir singen Lieder aus vielen Ländern.",
        districts=("03361",),
        fields=("teilhabe",),
        initiative="chor-verein",
        offers=(("", "Gemeinsames Singen im Chor"),),
    ),
]


def test_what_people_search_for_is_read_from_compounds_and_phrases():
    assert searched_for("Hilfe bei der Ausbildungsplatzsuche") == ["Ausbildungsplatz"]
    assert searched_for("Begleitung bei der Suche nach einem Praktikum.") == [
        "einem Praktikum"
    ]
    assert searched_for("Wir suchen Ehrenamtliche") == []


def _check(built) -> None:
    seeker = built.id("wohnungslotsen-verden")
    landlord = built.id("vermieterbuero-achim")
    recompute_for(seeker)
    match = Match.objects.get(
        source_id=seeker, target_id=landlord, kind="complementary"
    )
    reason = next(r for r in match.reasons if r["type"] == "offer_need")
    assert reason["direction"] == "target_offers"
    assert "Wohnungssuche" in reason["need"]
    assert "Wohnungen" in reason["offer"]
    assert Match.objects.filter(
        source_id=landlord, target_id=seeker, kind="complementary"
    ).exists()
    assert not Match.objects.filter(
        source_id=seeker, target_id=built.id("chor-achim"), kind="complementary"
    ).exists()


def test_a_searched_thing_finds_its_offer_on_elasticsearch(es_index, site_tree):
    built = build_all(site_tree, SPECS)
    index_projects(es_index, [page.pk for page in built.pages.values()])
    _check(built)


@override_settings(ELASTICSEARCH_URL=None)
def test_a_searched_thing_finds_its_offer_on_the_fallback(site_tree):
    built = build_all(site_tree, SPECS)
    _check(built)
