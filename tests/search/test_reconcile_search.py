"""reconcile_search: missing, stale and orphaned documents are found and fixed."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from search.client import index_alias
from search.indexing import sync_objects
from tests.factories.pages import make_project

pytestmark = [pytest.mark.django_db, pytest.mark.services]


def test_drift_is_reported_and_repaired(es_index, site_tree, capsys):
    kept = make_project(site_tree, title="Bleibt")
    stale = make_project(site_tree, title="Veraltet")
    missing = make_project(site_tree, title="Fehlt")
    sync_objects("projects", "projectpage", [kept.pk, stale.pk])
    alias = index_alias("projects")
    es_index.index(
        index=alias,
        id="999999",
        document={"title": "Verwaist"},
        version=1,
        version_type="external",
    )
    stale.title = "Neue Fassung"
    stale.save_revision().publish()
    es_index.indices.refresh(index=alias)

    call_command("reconcile_search", "--report-only")
    assert "projects.projectpage: 1 missing, 1 stale, 1 orphaned" in (
        capsys.readouterr().out
    )

    call_command("reconcile_search")
    capsys.readouterr()
    es_index.indices.refresh(index=alias)
    call_command("reconcile_search", "--report-only")
    assert "projects.projectpage: 0 missing, 0 stale, 0 orphaned" in (
        capsys.readouterr().out
    )
    assert es_index.get(index=alias, id=str(missing.pk))["found"]


def test_a_hand_edited_document_is_found_by_its_hash_and_healed(
    es_index, site_tree, capsys
):
    """Drift the live revision cannot show: the stored document says
    something else than the database would (a missed dependent, a manual
    edit), with the right revision and version."""
    project = make_project(site_tree, title="Fahrradwerkstatt", teaser="Reparieren")
    sync_objects("projects", "projectpage", [project.pk])
    alias = index_alias("projects")
    current = es_index.get(index=alias, id=str(project.pk))
    es_index.index(
        index=alias,
        id=str(project.pk),
        document={**current["_source"], "teaser": "Etwas anderes"},
        version=current["_version"],
        version_type="external_gte",
        refresh=True,
    )

    call_command("reconcile_search", "--report-only")
    assert "projects.projectpage: 0 missing, 1 stale, 0 orphaned" in (
        capsys.readouterr().out
    )
    call_command("reconcile_search")
    es_index.indices.refresh(index=alias)
    assert es_index.get(index=alias, id=str(project.pk))["_source"]["teaser"] == (
        "Reparieren"
    )
    capsys.readouterr()
    call_command("reconcile_search", "--report-only")
    assert "projects.projectpage: 0 missing, 0 stale, 0 orphaned" in (
        capsys.readouterr().out
    )


def test_drain_and_rebuild_write_documents_of_the_same_hash(es_index, site_tree):
    """The outbox drain prepares page instances, a rebuild bare rows: both
    must hash alike, or reconcile would see drift after every rebuild."""
    from search.documents import ProjectDocument
    from search.maintenance import rebuild, reconcile

    projects = [make_project(site_tree, title=f"Projekt {n}") for n in range(3)]
    sync_objects("projects", "projectpage", [p.pk for p in projects])
    alias = index_alias("projects")
    es_index.indices.refresh(index=alias)
    drained = {
        hit["_id"]: hit["_source"]["content_hash"]
        for hit in es_index.search(index=alias, size=10)["hits"]["hits"]
    }
    assert not any(drift.ids for drift in reconcile())

    rebuild(ProjectDocument)
    rebuilt = {
        hit["_id"]: hit["_source"]["content_hash"]
        for hit in es_index.search(index=alias, size=10)["hits"]["hits"]
    }
    assert rebuilt == drained and len(rebuilt) == 3
    assert not any(drift.ids for drift in reconcile())
