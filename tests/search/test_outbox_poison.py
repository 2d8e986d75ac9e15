"""One bad outbox entry no longer stalls the queue (issue #17, part 3): each
failing entry is retried on its own with ``attempts`` and ``last_error``
written, set aside as a dead letter after ``OUTBOX_MAX_ATTEMPTS``, while the
rest keeps draining; editors see dead letters and retry them."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from projects.models import ProjectPage
from search.client import index_alias
from search.models import OutboxEntry
from search.tasks import drain_outbox
from tests.factories.pages import make_project

pytestmark = [pytest.mark.django_db, pytest.mark.services]


@pytest.fixture
def poisoned(es_index, site_tree, settings):
    """A good project and one whose document Elasticsearch refuses (a
    latitude of 200 written past the form's validation), both in the
    outbox."""
    settings.OUTBOX_MAX_ATTEMPTS = 3
    good = make_project(site_tree, title="Gutes Sprachcafé")
    bad = make_project(site_tree, title="Kaputte Koordinaten")
    ProjectPage.objects.filter(pk=bad.pk).update(lat=200.0, lon=10.0)
    assert OutboxEntry.objects.filter(object_id__in=[good.pk, bad.pk]).count() >= 2
    return good, bad


def test_a_refused_document_does_not_stall_the_others(poisoned, es_index):
    good, bad = poisoned

    drain_outbox()

    es_index.indices.refresh(index=index_alias("projects"))
    assert es_index.exists(index=index_alias("projects"), id=str(good.pk))
    assert not OutboxEntry.objects.filter(object_id=good.pk).exists()
    entry = OutboxEntry.objects.get(object_id=bad.pk)
    assert entry.attempts == 1
    assert "BadRequestError" in entry.last_error
    assert entry.dead_at is None


def test_after_the_limit_an_entry_is_a_dead_letter_and_is_skipped(poisoned):
    _good, bad = poisoned
    for _ in range(3):
        drain_outbox()

    entry = OutboxEntry.objects.get(object_id=bad.pk)
    assert entry.attempts == 3
    assert entry.dead_at is not None
    assert drain_outbox() == 0
    assert OutboxEntry.objects.get(object_id=bad.pk).attempts == 3


def test_editors_see_dead_letters_and_retry_them(poisoned, client, es_index):
    _good, bad = poisoned
    for _ in range(3):
        drain_outbox()
    editor = get_user_model().objects.create_superuser(
        "redaktion", "redaktion@example.org", "geheim-und-lang-1"
    )
    client.force_login(editor)

    page = client.get("/admin/suchindex-fehler/")
    assert page.status_code == 200
    assert "Kaputte" not in page.content.decode()  # the entry, not the page
    assert f"projectpage #{bad.pk}" in page.content.decode()

    # Fixed data, then retry: the entry drains and is gone.
    ProjectPage.objects.filter(pk=bad.pk).update(lat=52.6, lon=10.1)
    response = client.post("/admin/suchindex-fehler/")
    assert response.status_code == 302
    entry = OutboxEntry.objects.get(object_id=bad.pk)
    assert (entry.dead_at, entry.attempts) == (None, 0)
    drain_outbox()
    assert not OutboxEntry.objects.filter(object_id=bad.pk).exists()
    es_index.indices.refresh(index=index_alias("projects"))
    assert es_index.exists(index=index_alias("projects"), id=str(bad.pk))


def test_anonymous_visitors_cannot_see_dead_letters(client):
    response = client.get("/admin/suchindex-fehler/")
    assert response.status_code in (302, 403)
