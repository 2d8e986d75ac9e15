"""One ``SearchBackend`` interface, three implementations, one fallback policy
(``search.backends.with_fallback``)."""

from __future__ import annotations

import pytest
from django.test import override_settings

from search.backends import (
    SearchBackend,
    autocomplete,
    database,
    elastic,
    with_fallback,
)

pytestmark = pytest.mark.django_db

CLOSED_PORT = "http://127.0.0.1:9"


def test_the_three_backends_implement_the_interface():
    backends = [elastic.BACKEND, database.PostgresBackend(), database.SqliteBackend()]
    for backend in backends:
        assert isinstance(backend.name, str)
        for method in ("search", "result_ids", "autocomplete"):
            assert callable(getattr(backend, method))
    assert database.backend().vendor == "postgresql"
    with override_settings(IS_POSTGRES=False):
        assert database.backend().vendor == "sqlite"


def _name(backend: SearchBackend) -> str:
    return backend.name


def test_elasticsearch_answers_while_it_is_there(services):
    name, backend, limited = with_fallback(_name)
    assert (name, limited) == ("elasticsearch", False)
    assert backend is elastic.BACKEND


def test_the_database_answers_when_elasticsearch_is_down(services, corpus):
    with override_settings(ELASTICSEARCH_URL=CLOSED_PORT, ELASTICSEARCH_TIMEOUT=0.5):
        suggestions, backend = autocomplete("Fahrrad")

        def boom(backend: SearchBackend):
            if backend.name == "elasticsearch":
                return backend.autocomplete("Fahrrad")
            return "fallback"

        answer, used, limited = with_fallback(boom)
    assert backend == "database"
    assert [s["title"] for s in suggestions] == ["Fahrradwerkstatt für alle"]
    assert (answer, used.name, limited) == ("fallback", "database", True)


def test_without_elasticsearch_the_database_is_not_limited(services):
    with override_settings(ELASTICSEARCH_URL=None):
        name, _backend, limited = with_fallback(_name)
    assert (name, limited) == ("database", False)
