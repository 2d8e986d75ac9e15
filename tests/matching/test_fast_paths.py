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
