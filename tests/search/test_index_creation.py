"""The first writes of several processes at once create one index."""

from __future__ import annotations

import threading

import pytest

from search.client import get_client
from search.indexing import document_for, ensure_index

pytestmark = pytest.mark.services

WRITERS = 8


def test_concurrent_first_writes_share_one_write_index(es_index):
    document_class = document_for("projects", "projectpage")
    alias = document_class._index._name
    start = threading.Barrier(WRITERS)
    results: list[str] = []
    errors: list[BaseException] = []

    def first_write():
        start.wait()
        try:
            results.append(ensure_index(document_class))
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=first_write) for _ in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert results == [alias] * WRITERS
    client = get_client()
    behind_alias = list(client.indices.get_alias(name=alias))
    assert len(behind_alias) == 1
    # No index was left behind by the processes that lost the race.
    assert list(client.indices.get(index=f"{alias}-*")) == behind_alias
    # Writing through the alias works.
    client.index(index=alias, id="1", document={"title": "Sprachcafé"})
    client.indices.refresh(index=alias)
    assert client.get(index=alias, id="1")["_source"]["title"] == "Sprachcafé"
