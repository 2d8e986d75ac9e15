"""The fast paths of recomputing: cached profiles per document version, a
fixed number of queries per recompute, editors' decisions through the
one-statement writes."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from matching import cache as profile_cache
from matching.models import Match
from matching.service import rebuild_all, recompute_for

pytestmark = [pytest.mark.django_db, pytest.mark.services]


def test_recompute_after_a_rebuild_needs_three_queries(labelled):
    rebuild_all()
    source = labelled.id("wohnraumlotsen-lueneburg")

    with CaptureQueriesContext(connection) as captured:
        recompute_for(source)

    # Liveness of the candidates, one read of the affected lists, one write.
    assert len(captured.captured_queries) == 3
    assert Match.objects.filter(
        source_id=source,
        target_id=labelled.id("vermieternetz-lueneburg"),
        kind="complementary",
    ).exists()


def test_cached_profile_is_reused_until_the_document_version_changes(labelled):
    project = labelled["sprachcafe-celle"]
    profile_cache.clear_local()
    profile_cache.profiles_at({project.pk: "test-index:1"})
    Page.objects.filter(pk=project.pk).update(title="Neuer Titel")

    with CaptureQueriesContext(connection) as captured:
        same = profile_cache.profiles_at({project.pk: "test-index:1"})
    newer = profile_cache.profiles_at({project.pk: "test-index:2"})

    assert len(captured.captured_queries) == 0
    assert same[project.pk].title == "Sprachcafé Celle"
    assert newer[project.pk].title == "Neuer Titel"


def test_trimmed_reverse_lists_keep_confirmed_and_hidden_rows(labelled):
    rebuild_all()
    source = labelled.id("sprachcafe-celle")
    rows = Match.objects.filter(source_id=source, kind="similar").order_by("score")
    confirmed, hidden = rows[0], rows[1]
    Match.objects.filter(pk=confirmed.pk).update(state="confirmed")
    Match.objects.filter(pk=hidden.pk).update(state="hidden")

    for page in labelled.pages.values():
        recompute_for(page.pk)

    assert Match.objects.get(pk=confirmed.pk).state == "confirmed"
    assert Match.objects.get(pk=hidden.pk).state == "hidden"
    visible = Match.objects.filter(source_id=source, kind="similar").exclude(
        state="hidden"
    )
    assert visible.count() <= 10


def _stored() -> list[tuple]:
    rows = Match.objects.values_list("source_id", "target_id", "kind", "score", "state")
    return sorted(rows)


def test_a_rebuild_in_two_processes_writes_what_one_process_writes(labelled):
    rebuild_all(processes=1)
    one = _stored()
    hidden = Match.objects.filter(kind="similar").order_by("pk").first()
    Match.objects.filter(pk=hidden.pk).update(state="hidden")

    rebuild_all(batch_size=5, processes=2)

    assert one
    two = _stored()
    assert len(two) == len(one)
    assert {r[:4] for r in two} == {r[:4] for r in one}
    assert Match.objects.get(pk=hidden.pk).state == "hidden"


def test_small_rebuilds_and_worker_children_score_in_one_process(monkeypatch):
    from matching import rebuild

    assert rebuild.scoring_processes(50) == 1
    assert rebuild.scoring_processes(50, requested=2) == 2

    class Daemonic:
        daemon = True

    monkeypatch.setattr(rebuild.multiprocessing, "current_process", Daemonic)
    assert rebuild.scoring_processes(10_000) == 1
