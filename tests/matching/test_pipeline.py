"""Publishing and unpublishing reach matching through the outbox, the index
and a real Celery worker."""

from __future__ import annotations

import pytest

from matching.models import Match
from tests.waiting import wait_for

from .builders import Spec, build

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.services,
]

CAFE = Spec(
    "sprachcafe-celle",
    "Sprachcafé Celle",
    "Ein offenes Sprachcafé: Geflüchtete üben Deutsch im Gespräch mit Nachbarn.",
    districts=("03351",),
    fields=("sprache",),
    groups=("gefluechtete",),
    tags=("Sprachcafé",),
    needs=(("sprachmittlung", "Dolmetscher für Arabisch beim Erstgespräch"),),
    initiative="agentur-celle",
)
INTERPRETERS = Spec(
    "dolmetscherpool-celle",
    "Dolmetscherpool Celle",
    "Geschulte Sprachmittlerinnen übersetzen bei Behörden, Schulen und Ärzten.",
    districts=("03351",),
    fields=("beratung",),
    groups=("gefluechtete",),
    offers=(("sprachmittlung", "Dolmetscher für Arabisch und Dari"),),
    initiative="dolmetscher-celle",
)


def linked(a, b) -> bool:
    return Match.objects.filter(source=a, target=b, kind="complementary").exists()


def test_publishing_a_partner_links_both_projects(es_index, celery_worker, site_tree):
    cafe = build(site_tree, CAFE)
    interpreters = build(site_tree, INTERPRETERS)

    assert wait_for(lambda: linked(cafe, interpreters) and linked(interpreters, cafe))
    match = Match.objects.get(source=cafe, target=interpreters, kind="complementary")
    reason = next(r for r in match.reasons if r["type"] == "offer_need")
    assert reason["direction"] == "target_offers"


def test_unpublished_project_loses_its_matches(es_index, celery_worker, site_tree):
    cafe = build(site_tree, CAFE)
    interpreters = build(site_tree, INTERPRETERS)
    assert wait_for(lambda: linked(cafe, interpreters))

    interpreters.unpublish()

    assert wait_for(
        lambda: (
            not Match.objects.filter(source=interpreters).exists()
            and not Match.objects.filter(target=interpreters).exists()
        )
    )


def test_hidden_match_does_not_come_back_on_publish(es_index, celery_worker, site_tree):
    cafe = build(site_tree, CAFE)
    interpreters = build(site_tree, INTERPRETERS)
    assert wait_for(lambda: linked(cafe, interpreters))
    Match.objects.filter(source=cafe, target=interpreters).update(state="hidden")

    interpreters.save_revision().publish()

    assert wait_for(
        lambda: Match.objects.filter(source=interpreters, target=cafe).exists()
    )
    states = set(
        Match.objects.filter(source=cafe, target=interpreters).values_list(
            "state", flat=True
        )
    )
    assert states == {"hidden"}
