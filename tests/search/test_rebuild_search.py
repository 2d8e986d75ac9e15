"""rebuild_search: a new index behind the alias, nothing lost meanwhile."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from search.client import index_alias
from search.documents import ProjectDocument
from search.maintenance import rebuild
from search.tasks import drain_outbox
from tests.factories.pages import make_project

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.services,
]


def indexed(es) -> dict[int, int]:
    """id → the live revision each document was made from."""
    alias = index_alias("projects")
    es.indices.refresh(index=alias)
    hits = es.search(index=alias, size=500)["hits"]["hits"]
    return {int(hit["_id"]): hit["_source"]["live_revision"] for hit in hits}


def test_rebuild_under_concurrent_publishing_loses_nothing(es_index, site_tree):
    first = [make_project(site_tree, title=f"Sprachcafé {n}") for n in range(6)]
    drain_outbox.apply().get()
    old_index = set(es_index.indices.get_alias(name=index_alias("projects")))
    published: list = []
    counts: list[int] = []

    def publish_and_search() -> None:
        # Readers still see the old index, never an empty one.
        es_index.indices.refresh(index=index_alias("projects"))
        counts.append(es_index.count(index=index_alias("projects"))["count"])
        project = make_project(site_tree, title=f"Während des Umbaus {len(published)}")
        published.append(project)
        changed = first[len(published)]
        changed.title = f"Geändert {len(published)}"
        changed.save_revision().publish()
        drain_outbox.apply().get()

    physical, _ = rebuild(ProjectDocument, batch_size=2, after_batch=publish_and_search)
    drain_outbox.apply().get()

    assert counts and min(counts) >= 6
    assert set(es_index.indices.get_alias(name=index_alias("projects"))) == {physical}
    assert not es_index.indices.exists(index=",".join(old_index))
    from projects.models import ProjectPage

    expected = dict(ProjectPage.objects.live().values_list("pk", "live_revision_id"))
    assert indexed(es_index) == expected
    assert len(expected) == 6 + len(published)


def test_command_accepts_a_batch_size(es_index, site_tree, capsys):
    make_project(site_tree, title="Stadtteilmütter")
    call_command("rebuild_search", "--batch-size", "1")

    assert "projects.projectpage: 1" in capsys.readouterr().out
    assert len(indexed(es_index)) == 1


def test_pages_the_drain_wrote_meanwhile_count_as_loaded(es_index, site_tree):
    pages = [make_project(site_tree, title=f"Lernwerkstatt {n}") for n in range(2)]

    # The drain writes both pages to the building index meanwhile; the second
    # batch reads later, so its newer version writes the same state again.
    physical, loaded = rebuild(
        ProjectDocument, batch_size=1, after_batch=lambda: drain_outbox.apply().get()
    )

    assert loaded == 2
    assert indexed(es_index) == {p.pk: p.live_revision_id for p in pages}
