"""Recomputing against the real Elasticsearch: kinds, directions, editors'
decisions, proximity and the quality floor on the labelled set."""

from __future__ import annotations

import pytest

from matching.models import Match
from matching.service import rebuild_all, recompute_for, remove_for

from .labelled import COMPLEMENTARY_PAIRS, NON_MATCHES, SIMILAR_PAIRS
from .quality import measure

pytestmark = [pytest.mark.django_db, pytest.mark.services]


def pair(built, source: str, target: str, kind: str) -> Match | None:
    return Match.objects.filter(
        source_id=built.id(source), target_id=built.id(target), kind=kind
    ).first()


def test_similar_projects_find_each_other_through_more_like_this(labelled):
    recompute_for(labelled.id("sprachcafe-celle"))

    match = pair(labelled, "sprachcafe-celle", "sprachcafe-uelzen", "similar")
    assert match is not None and match.state == "suggested"
    types = {reason["type"] for reason in match.reasons}
    assert {"shared_field", "shared_target_group", "shared_tag"} <= types
    assert pair(labelled, "sprachcafe-uelzen", "sprachcafe-celle", "similar")


def test_need_and_offer_match_in_both_directions(labelled):
    recompute_for(labelled.id("handwerk-praktika-braunschweig"))

    takes = pair(
        labelled,
        "handwerk-praktika-braunschweig",
        "dolmetscher-osnabrueck",
        "complementary",
    )
    gives = pair(
        labelled,
        "handwerk-praktika-braunschweig",
        "jobpaten-braunschweig",
        "complementary",
    )
    assert takes is not None and gives is not None
    take_reason = next(r for r in takes.reasons if r["type"] == "offer_need")
    give_reason = next(r for r in gives.reasons if r["type"] == "offer_need")
    assert take_reason["direction"] == "target_offers"
    assert take_reason["category"] == "sprachmittlung"
    assert give_reason["direction"] == "source_offers"
    assert give_reason["category"] == "praktika_jobs"
    back = pair(
        labelled,
        "jobpaten-braunschweig",
        "handwerk-praktika-braunschweig",
        "complementary",
    )
    assert back is not None
    assert (
        next(r for r in back.reasons if r["type"] == "offer_need")["direction"]
        == "target_offers"
    )


def test_nearer_interpreters_rank_above_farther_ones(labelled):
    recompute_for(labelled.id("sprachcafe-celle"))

    ranked = list(
        Match.objects.filter(
            source_id=labelled.id("sprachcafe-celle"), kind="complementary"
        )
        .order_by("-score")
        .values_list("target_id", flat=True)
    )
    near = labelled.id("dolmetscherpool-celle")
    far = labelled.id("dolmetscher-osnabrueck")
    assert near in ranked and far in ranked
    assert ranked.index(near) < ranked.index(far)


def test_projects_of_one_initiative_never_match(labelled, site_tree):
    from .builders import Spec, build
    from .conftest import index_projects

    sibling = build(
        site_tree,
        Spec(
            "sprachcafe-celle-zwei",
            "Sprachcafé Celle am Abend",
            "Ein Sprachcafé: Geflüchtete üben Deutsch im Gespräch mit Nachbarn.",
            districts=("03351",),
            fields=("sprache", "engagement"),
            groups=("gefluechtete",),
            tags=("Sprachcafé",),
            initiative="freiwilligenagentur-celle",
        ),
    )
    index_projects(labelled_client(), [sibling.pk])
    recompute_for(sibling.pk)

    assert not Match.objects.filter(
        source=sibling, target_id=labelled.id("sprachcafe-celle")
    ).exists()
    assert not Match.objects.filter(source=sibling, target=sibling).exists()
    assert Match.objects.filter(source=sibling).exists()


def labelled_client():
    from search.client import get_client

    return get_client()


def test_hidden_match_stays_hidden_and_confirmed_stays(labelled):
    source = labelled.id("sprachcafe-celle")
    recompute_for(source)
    hidden = pair(labelled, "sprachcafe-celle", "sprachcafe-uelzen", "similar")
    confirmed = pair(labelled, "sprachcafe-celle", "sprachpaten-heidekreis", "similar")
    Match.objects.filter(pk=hidden.pk).update(state="hidden")
    Match.objects.filter(pk=confirmed.pk).update(state="confirmed")

    recompute_for(source)
    rebuild_all()

    hidden.refresh_from_db()
    confirmed.refresh_from_db()
    assert hidden.state == "hidden"
    assert confirmed.state == "confirmed"


def test_removal_keeps_only_hidden_rows(labelled):
    source = labelled.id("sprachcafe-celle")
    recompute_for(source)
    hidden = pair(labelled, "sprachcafe-celle", "sprachcafe-uelzen", "similar")
    Match.objects.filter(pk=hidden.pk).update(state="hidden")

    remove_for([source])

    left = Match.objects.filter(source_id=source) | Match.objects.filter(
        target_id=source
    )
    assert list(left.values_list("state", flat=True)) == ["hidden"]


def test_stale_suggestions_go_when_the_project_changes(labelled):
    source = labelled.id("wohnraumlotsen-lueneburg")
    recompute_for(source)
    assert pair(
        labelled, "wohnraumlotsen-lueneburg", "vermieternetz-lueneburg", "complementary"
    )
    page = labelled["vermieternetz-lueneburg"]
    page.unpublish()

    recompute_for(source)

    assert not pair(
        labelled, "wohnraumlotsen-lueneburg", "vermieternetz-lueneburg", "complementary"
    )


def test_labelled_set_meets_the_quality_floor(labelled):
    written = rebuild_all()

    assert written > 0
    ids = {slug: page.pk for slug, page in labelled.pages.items()}
    quality = measure(ids, SIMILAR_PAIRS, COMPLEMENTARY_PAIRS, NON_MATCHES)
    print(quality, quality.false_pairs)
    assert quality.recall_at_10 >= 0.9
    assert quality.precision_at_5 >= 0.55
    assert quality.false_link_rate <= 0.1


def test_at_most_ten_per_kind_are_kept(labelled):
    rebuild_all()
    for kind in ("similar", "complementary"):
        for source in labelled.pages.values():
            count = Match.objects.filter(source=source, kind=kind).count()
            assert count <= 10
