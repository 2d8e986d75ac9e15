"""Elasticsearch down while publishing: the page saves, the outbox keeps the
update, and the index catches up once Elasticsearch is back."""

from __future__ import annotations

import pytest
from django.test import override_settings
from elasticsearch import ConflictError

from search.client import index_alias
from search.indexing import document_for, ensure_index, sync_objects
from search.models import OutboxEntry
from search.tasks import drain_outbox
from tests.conftest import wait_for_shared_worker
from tests.factories.pages import make_project

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.services,
]

UNREACHABLE = "http://127.0.0.1:9"


def test_publishing_while_elasticsearch_is_down_loses_nothing(
    es_index, site_tree, client
):
    with override_settings(ELASTICSEARCH_URL=UNREACHABLE):
        project = make_project(site_tree, title="Ausfallsicheres Sprachcafé")
        assert project.live
        assert OutboxEntry.objects.filter(object_id=project.pk).exists()
        response = client.get("/suche/", {"q": "Sprachcafé"})
        assert response.status_code == 200
        assert response.context["result"].backend == "database"
        assert "eingeschränkt" in response.content.decode()

    # The publish also queued a drain for the shared worker, which retried
    # against the unreachable node and may still hold the entry.
    wait_for_shared_worker()
    drain_outbox.apply().get()

    assert not OutboxEntry.objects.exists()
    es_index.indices.refresh(index=index_alias("projects"))
    assert es_index.exists(index=index_alias("projects"), id=str(project.pk))


def test_stale_write_cannot_overwrite_a_newer_revision(es_index, site_tree):
    project = make_project(site_tree, title="Erste Fassung")
    project.title = "Zweite Fassung"
    project.save_revision().publish()
    project.refresh_from_db()
    sync_objects("projects", "projectpage", [project.pk])
    alias = ensure_index(document_for("projects", "projectpage"))

    indexed = es_index.get(index=alias, id=str(project.pk))
    stale_version = indexed["_version"] - 1
    with pytest.raises(ConflictError):
        es_index.index(
            index=alias,
            id=str(project.pk),
            document={"title": "Erste Fassung"},
            version=stale_version,
            version_type="external",
        )
    assert es_index.get(index=alias, id=str(project.pk))["_source"]["title"] == (
        "Zweite Fassung"
    )
