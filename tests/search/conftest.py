"""Fixtures for search behaviour: a labelled corpus indexed for real."""

from __future__ import annotations

import pytest
from django.test import override_settings

from search.client import get_client, index_alias
from search.indexing import sync_objects
from tests.search.corpus import build_corpus


@pytest.fixture(scope="module")
def corpus(services, django_db_setup, django_db_blocker):
    """The labelled corpus, published and indexed once per module.

    Building it for each test was slow. Tests using it only read the index; their
    own rows (promotions, synonym groups) live in each test's transaction,
    which is a savepoint inside this module's transaction, so they roll back
    as before. The module's rows roll back and its indices go at the end."""
    from django.db import transaction

    from tests.conftest import _delete_test_indices
    from tests.factories.pages import make_site_tree

    client = get_client()
    atomic = transaction.atomic()
    with django_db_blocker.unblock():
        _delete_test_indices(client)
        atomic.__enter__()
        pages = build_corpus(make_site_tree())
        sync_objects("projects", "projectpage", [p.pk for p in pages.values()])
        client.indices.refresh(index=index_alias("projects"))
    yield pages
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)
        _delete_test_indices(client)


@pytest.fixture
def corpus_index(corpus):
    """The Elasticsearch client for tests that inspect the corpus's index
    (``es_index`` would delete it)."""
    return get_client()


@pytest.fixture(params=["elasticsearch", "database"])
def backend(request):
    """Run the test once against Elasticsearch, once against the fallback."""
    if request.param == "database":
        with override_settings(ELASTICSEARCH_URL=None):
            yield request.param
    else:
        yield request.param


@pytest.fixture
def import_indexed(es_index, tmp_path):
    """Load rows in the import format into an empty site through
    ``import_projects`` and index them: ``import_indexed(rows)``."""
    import io
    import json

    from django.core.management import call_command

    from projects.models import ProjectPage
    from search.indexing import sync_objects

    def load(rows: list[dict]) -> None:
        call_command("setup_site", stdout=io.StringIO())
        path = tmp_path / "projekte.json"
        path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        call_command("import_projects", str(path), stdout=io.StringIO())
        ids = list(ProjectPage.objects.live().values_list("pk", flat=True))
        sync_objects("projects", "projectpage", ids)
        es_index.indices.refresh(index=index_alias("projects"))

    return load
