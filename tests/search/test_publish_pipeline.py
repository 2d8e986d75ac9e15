"""Publishing reaches Elasticsearch through the outbox and a real worker."""

from __future__ import annotations

import pytest
from django.db import transaction

from search.client import index_alias
from search.models import OutboxEntry
from tests.factories.pages import make_project
from tests.waiting import wait_for

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.services,
]


def indexed_ids(client) -> set[int]:
    alias = index_alias("projects")
    if not client.indices.exists_alias(name=alias):
        return set()
    client.indices.refresh(index=alias)
    hits = client.search(index=alias, size=100, query={"match_all": {}})["hits"]["hits"]
    return {int(hit["_id"]) for hit in hits}


def test_published_project_is_found_through_the_real_worker(
    es_index, celery_worker, site_tree, client
):
    project = make_project(site_tree, title="Sprachpatenschaften im Heidekreis")

    assert wait_for(lambda: project.pk in indexed_ids(es_index))
    response = client.get("/suche/", {"q": "Sprachpatenschaften"})
    assert response.status_code == 200
    assert "Sprachpatenschaften im Heidekreis" in response.content.decode()
    assert response.context["result"].backend == "elasticsearch"
    assert wait_for(lambda: not OutboxEntry.objects.exists())


def test_unpublished_project_leaves_the_index(
    es_index, celery_worker, site_tree, client
):
    project = make_project(site_tree, title="Nähcafé Wolfsburg", districts=("03103",))
    assert wait_for(lambda: project.pk in indexed_ids(es_index))

    project.unpublish()

    assert wait_for(lambda: project.pk not in indexed_ids(es_index))
    response = client.get("/suche/", {"q": "Nähcafé"})
    assert "Nähcafé Wolfsburg" not in response.content.decode()


def test_saving_a_draft_does_not_touch_the_index(es_index, celery_worker, site_tree):
    published = make_project(site_tree, title="Veröffentlichtes Projekt")
    draft = make_project(site_tree, title="Entwurf Projekt", publish=False)
    assert wait_for(lambda: published.pk in indexed_ids(es_index))

    draft.title = "Entwurf mit Änderung"
    draft.save_revision()

    assert not OutboxEntry.objects.filter(object_id=draft.pk).exists()
    assert draft.pk not in indexed_ids(es_index)


def test_outbox_row_is_written_in_the_publishing_transaction(es_index, site_tree):
    with transaction.atomic():
        project = make_project(site_tree, title="Transaktionsprojekt")
        assert OutboxEntry.objects.filter(object_id=project.pk).exists()
        transaction.set_rollback(True)
    assert not OutboxEntry.objects.filter(object_id=project.pk).exists()


def test_deleted_project_leaves_the_index(es_index, celery_worker, site_tree):
    project = make_project(site_tree, title="Gelöschtes Projekt")
    assert wait_for(lambda: project.pk in indexed_ids(es_index))
    project_id = project.pk

    project.delete()

    assert wait_for(lambda: project_id not in indexed_ids(es_index))
