"""Complementary partners found from free text alone (no categories), in
both directions, on Elasticsearch and on the fallback; reasons name the
need and the offer, and similar reasons name no places or organisations."""

from __future__ import annotations

import pytest
from django.test import override_settings

from matching.models import Match
from matching.service import recompute_for

from .builders import Spec, build_all
from .conftest import index_projects

pytestmark = [pytest.mark.django_db, pytest.mark.services]

SPECS = [
    Spec(
        "gesundheitslotsen-celle",
        "Gesundheitslotsen Celle",
        "Ehrenamtliche begleiten Familien zu Arztterminen und in Kliniken.",
        districts=("03351",),
        fields=("gesundheit",),
        initiative="lotsen-verein",
        needs=(("", "Dolmetscher für Arztbesuche auf Arabisch und Dari"),),
    ),
    Spec(
        "sprachmittlerpool-goettingen",
        "Sprachmittlerpool Göttingen",
        "Geschulte Sprachmittlerinnen übersetzen bei Beratung und Behörden.",
        districts=("03159",),
        fields=("sprache",),
        initiative="pool-verein",
        offers=(("", "Dolmetscher für Arabisch und Dari bei Arztbesuchen"),),
        needs=(("", "Räume für Schulungen der Sprachmittlerinnen"),),
    ),
    Spec(
        "fahrradwerkstatt-hameln",
        "Fahrradwerkstatt Hameln",
        "Gemeinsam reparieren Nachbarn gespendete Fahrräder.",
        districts=("03252",),
        fields=("teilhabe",),
        initiative="rad-verein",
        offers=(("", "Reparierte Fahrräder für Neuankommende"),),
    ),
]


def _partners(page_id: int) -> set[int]:
    return set(
        Match.objects.filter(source_id=page_id, kind="complementary").values_list(
            "target_id", flat=True
        )
    )


def _check_both_directions(built) -> None:
    seeker = built.id("gesundheitslotsen-celle")
    helper = built.id("sprachmittlerpool-goettingen")
    recompute_for(seeker)
    assert helper in _partners(seeker)
    assert seeker in _partners(helper)
    assert built.id("fahrradwerkstatt-hameln") not in _partners(seeker)
    match = Match.objects.get(source_id=seeker, target_id=helper, kind="complementary")
    reason = next(r for r in match.reasons if r["type"] == "offer_need")
    assert reason["direction"] == "target_offers"
    assert "Arztbesuche" in reason["need"]
    assert "Dolmetscher" in reason["offer"]


def test_need_finds_an_offer_by_text_on_elasticsearch(es_index, site_tree):
    built = build_all(site_tree, SPECS)
    index_projects(es_index, [page.pk for page in built.pages.values()])
    _check_both_directions(built)


@override_settings(ELASTICSEARCH_URL=None)
def test_need_finds_an_offer_by_text_on_the_fallback(site_tree):
    built = build_all(site_tree, SPECS)
    _check_both_directions(built)


@override_settings(ELASTICSEARCH_URL=None)
def test_offer_finds_the_need_it_answers(site_tree):
    built = build_all(site_tree, SPECS)
    helper = built.id("sprachmittlerpool-goettingen")
    recompute_for(helper)
    match = Match.objects.get(
        source_id=helper,
        target_id=built.id("gesundheitslotsen-celle"),
        kind="complementary",
    )
    reason = next(r for r in match.reasons if r["type"] == "offer_need")
    assert reason["direction"] == "source_offers"


PLACE_SPECS = [
    Spec(
        "sprachpaten-celle",
        "Sprachpaten Celle",
        "Der Kirchenkreis Celle vermittelt in Celle und Wietze Sprachpaten, "
        "die mit Geflüchteten Deutsch üben, Vokabeln lernen und Gespräche führen.",
        districts=("03351",),
        fields=("sprache",),
        initiative="kirchenkreis-celle",
        approach="Sprachpaten treffen sich in Celle zum Lesen, Vokabeln und "
        "Gesprächen; Deutsch üben im Alltag.",
    ),
    Spec(
        "deutsch-tandem-celle",
        "Deutsch-Tandem",
        "Im Landkreis Celle üben Tandems aus Einheimischen und Geflüchteten "
        "Deutsch: Vokabeln lernen, Gespräche führen, gemeinsam lesen.",
        districts=("03351",),
        fields=("sprache",),
        initiative="kirchenkreis-celle-land",
        approach="Kirchenkreis-Ehrenamtliche aus Celle und Wietze leiten die "
        "Tandems; Deutsch üben mit Vokabeln und Gesprächen.",
    ),
]


@override_settings(ELASTICSEARCH_URL=None)
def test_similar_reasons_name_no_places_or_organisations(site_tree):
    built = build_all(site_tree, PLACE_SPECS)
    recompute_for(built.id("sprachpaten-celle"))
    match = Match.objects.get(
        source_id=built.id("sprachpaten-celle"),
        target_id=built.id("deutsch-tandem-celle"),
        kind="similar",
    )
    terms = [
        str(term).lower()
        for reason in match.reasons
        if reason["type"] == "text"
        for term in reason["terms"]
    ]
    assert terms, match.reasons
    assert not {"celle", "wietze", "kirchenkreis", "landkreis"} & set(terms)
