"""The Elasticsearch circuit breaker, against a node that fails for real.

A local TCP listener stands in for a broken cluster: it counts every
connection the Elasticsearch client opens and then either hangs up at once
or never answers (a time-out). No client is mocked."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from search import breaker
from search.backends import result_ids, run_search
from search.query import SearchQuery


class BrokenNode:
    def __init__(self, hang: bool) -> None:
        self.hang = hang
        self.connections = 0
        self._held: list[socket.socket] = []
        self._server = socket.socket()
        self._server.bind(("127.0.0.1", 0))
        self._server.listen(50)
        self._server.settimeout(0.1)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.getsockname()[1]}"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            self.connections += 1
            if self.hang:
                self._held.append(conn)
            else:
                conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        for conn in self._held:
            conn.close()
        self._server.close()


@pytest.fixture(params=[False, True], ids=["refusing", "hanging"])
def broken_node(request, settings, db, services) -> Iterator[BrokenNode]:
    node = BrokenNode(hang=request.param)
    settings.ELASTICSEARCH_URL = node.url
    settings.ELASTICSEARCH_TIMEOUT = 0.3
    settings.SEARCH_BREAKER_FAILURES = 3
    settings.SEARCH_BREAKER_WINDOW = 30
    settings.SEARCH_BREAKER_OPEN_SECONDS = 30
    breaker.reset()
    yield node
    breaker.reset()
    node.close()


def _search() -> tuple[object, float]:
    started = time.monotonic()
    result = run_search(SearchQuery(text="Sprachcafé"))
    return result, time.monotonic() - started


def test_three_failures_open_the_breaker_and_the_next_calls_skip_elasticsearch(
    broken_node, client
):
    for _ in range(3):
        result, _ = _search()
        assert result.backend == "database"
    tried = broken_node.connections
    assert tried >= 3

    result, seconds = _search()
    ids = result_ids(SearchQuery(text="Sprachcafé"), 50)
    autocomplete = client.get("/api/v1/autocomplete", {"q": "Spra"}).json()
    export = client.get("/suche/export.json", {"q": "Sprachcafé"})

    assert broken_node.connections == tried
    assert result.backend == "database"
    assert result.limited is True
    assert seconds < 0.3
    assert ids == []
    assert autocomplete["backend"] == "database"
    assert export.status_code == 200


def test_two_failures_leave_the_breaker_closed(broken_node):
    for _ in range(2):
        _search()
    tried = broken_node.connections

    _search()

    assert broken_node.connections > tried


def test_after_the_open_period_elasticsearch_is_tried_again(broken_node, settings):
    settings.SEARCH_BREAKER_OPEN_SECONDS = 1
    for _ in range(3):
        _search()
    tried = broken_node.connections
    _search()
    assert broken_node.connections == tried

    time.sleep(1.1)
    _search()

    assert broken_node.connections > tried


def test_the_breaker_is_kept_per_cluster(broken_node, settings):
    for _ in range(3):
        _search()
    assert breaker.is_open()

    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"

    assert not breaker.is_open()
