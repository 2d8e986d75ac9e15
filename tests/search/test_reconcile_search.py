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
    sync_objects("projects", "projectpage", [kept.pk, stale.pk], {})
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
