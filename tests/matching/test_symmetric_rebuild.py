"""The full rebuild offers every kept pair to the partner's list: a pair
Elasticsearch finds from one side only ends up in both lists, and a pair an
editor hid never comes back that way. Against the real services."""

from __future__ import annotations

import pytest
from django.db import connection
from django.utils import timezone

from matching import candidates, store, symmetric
from matching.models import Match
from matching.profiles import common_terms, load_profiles, vectorise
from matching.service import rebuild_all

from .builders import Spec, build_all
from .conftest import index_projects

pytestmark = [pytest.mark.django_db, pytest.mark.services]

OFFER = "Anerkennungsberatung für ausländische Berufsabschlüsse"

# The counselling service lists the offer; the course only names it. The
# counselling's query (its listed offer against others' texts) finds the
# course; the course lists nothing and its words are either its own or in
# more than five projects (common: left out of the similar query), so its
# queries never name the counselling service.
SPECS = [
    Spec(
        "anerkennung-beratung",
        "Beratungsstelle Anerkennung",
        "Wir begleiten Zugewanderte durch das Verfahren.",
        districts=("03241",),
        fields=("arbeit",),
        offers=(("", OFFER),),
        initiative="beratungsverein",
    ),
    Spec(
        "kurs-vorbereitung",
        "Vorbereitungskurs Hannover",
        f"Die Anmeldung zur {OFFER} wird im Kurs vorbereitet.",
        districts=("03241",),
        initiative="kursverein",
    ),
] + [
    Spec(
        f"bericht-{n}",
        f"Bericht {n}",
        f"Ein Bericht über {OFFER} und Gartenarbeit in Gruppe {n}.",
        districts=("03351",),
        fields=("wohnen",),
        initiative=f"garten-{n}",
    )
    for n in range(6)
]


def _pair(built, source: str, target: str) -> Match | None:
    return Match.objects.filter(
        source_id=built.id(source), target_id=built.id(target), kind="complementary"
    ).first()


@pytest.fixture
def one_sided(es_index, site_tree):
    built = build_all(site_tree, SPECS)
    index_projects(es_index, [page.pk for page in built.pages.values()])
    pool = load_profiles()
    common = common_terms(vectorise(pool.values()), len(pool))
    course, counselling = (
        built.id("kurs-vorbereitung"),
        built.id("anerkennung-beratung"),
    )
    found = candidates.from_elasticsearch([pool[course], pool[counselling]], common)
    assert counselling not in found[course].ids
    assert course in found[counselling].ids
    return built


def test_a_pair_found_from_one_side_is_in_both_lists(one_sided):
    rebuild_all()

    found = _pair(one_sided, "anerkennung-beratung", "kurs-vorbereitung")
    offered = _pair(one_sided, "kurs-vorbereitung", "anerkennung-beratung")
    assert found is not None and offered is not None
    assert offered.state == Match.State.SUGGESTED
    # Scored from the course's side: it is the one whose text names the offer.
    reason = next(r for r in offered.reasons if r["type"] == "offer_need")
    assert reason["direction"] == "target_offers"
    assert reason["offer"] == OFFER


def test_a_hidden_pair_does_not_come_back_from_the_other_side(one_sided):
    rebuild_all()
    found = _pair(one_sided, "anerkennung-beratung", "kurs-vorbereitung")
    # An editor said no while only the finding side's row existed.
    _pair(one_sided, "kurs-vorbereitung", "anerkennung-beratung").delete()
    Match.objects.filter(pk=found.pk).update(state=Match.State.HIDDEN)

    rebuild_all()

    found.refresh_from_db()
    assert found.state == Match.State.HIDDEN
    assert _pair(one_sided, "kurs-vorbereitung", "anerkennung-beratung") is None


def test_reverse_rows_push_out_only_the_weakest_suggestions(site_tree):
    built = build_all(
        site_tree,
        [Spec(f"projekt-{n}", f"Projekt {n}", "Kurzer Text.") for n in range(13)],
    )
    owner, *others = [built.id(f"projekt-{n}") for n in range(13)]
    now = timezone.now()
    rows = [
        Match(source_id=owner, target_id=target, kind="similar", score=0.5 + n / 100)
        for n, target in enumerate(others[:10])
    ]
    rows.append(
        Match(
            source_id=owner,
            target_id=others[10],
            kind="similar",
            score=0.3,
            state=Match.State.CONFIRMED,
        )
    )
    Match.objects.bulk_create(rows)

    lists = symmetric.Lists(store.decided())
    lists.add(
        [
            store.Row(r.source_id, r.target_id, r.kind, r.score, [])
            for r in rows
            if r.state == Match.State.SUGGESTED
        ],
        [owner],
    )
    # Two projects keep the owner in their lists: one is offered to the
    # owner's list, the other is a row an editor confirmed there already.
    offers = lists.add(
        [
            store.Row(others[11], owner, "similar", 0.9, []),
            store.Row(others[10], owner, "similar", 0.95, []),
        ],
        [others[11], others[10]],
    )
    assert offers == [(owner, others[11], "similar")]

    added, doomed = lists.admit([store.Row(owner, others[11], "similar", 0.9, [])])
    store.save_reverse(added, doomed, now, connection)

    kept = dict(Match.objects.filter(source_id=owner).values_list("target_id", "state"))
    # The weakest suggestion went; the confirmed row stays below it and
    # keeps its score (a decided row is not offered again).
    assert others[0] not in kept
    assert kept[others[11]] == Match.State.SUGGESTED
    assert kept[others[10]] == Match.State.CONFIRMED
    assert len(kept) == 11
    assert Match.objects.get(source_id=owner, target_id=others[10]).score == 0.3
