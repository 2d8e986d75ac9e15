"""The slow-Elasticsearch scenario of ``make faults`` in small, for CI: the
same asyncio proxy (scripts/faults/slowproxy.py) holds every request to the
real Elasticsearch for 3 s. Searches fall back within the client time-out,
the breaker opens after three of them, and an export stays within its budget."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from urllib.parse import urlparse

import pytest
from django.conf import settings as django_settings

from scripts.faults.slowproxy import serve
from search import breaker
from search.understanding import understand

pytestmark = pytest.mark.django_db


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def slow_elasticsearch(services, settings):
    port = free_port()
    target = urlparse(django_settings.ELASTICSEARCH_URL).port or 9200
    loop = asyncio.new_event_loop()
    loop.create_task(serve(port, target, 3.0))
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.05)
    # A web process has its language resources loaded when it starts
    # (config/wsgi.py, tests/faults/test_web_warm_up.py); this one too.
    understand("Sprachkurs für Frauen im Landkreis Celle")
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{port}"
    breaker.reset()
    yield
    breaker.reset()
    asyncio.run_coroutine_threadsafe(_cancel_all(), loop).result(timeout=5)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(timeout=5)
    loop.close()


async def _cancel_all() -> None:
    """The server and every open connection, so none outlives the loop."""
    current = asyncio.current_task()
    tasks = [t for t in asyncio.all_tasks() if t is not current]
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


def test_three_searches_wait_once_then_the_breaker_opens(slow_elasticsearch, client):
    seconds = []
    for word in ("Sprachcafé", "Patenschaft", "Fahrrad", "Wohnung") * 3:
        started = time.monotonic()
        response = client.get("/api/v1/search", {"q": word})
        seconds.append(time.monotonic() - started)
        assert response.status_code == 200

    # Each search waits for one time-out at most, and only the breaker's
    # three failures wait at all (make faults measures the p95 under load).
    assert max(seconds) <= django_settings.ELASTICSEARCH_TIMEOUT + 1.0
    failures = getattr(django_settings, "SEARCH_BREAKER_FAILURES", 3)
    assert sum(1 for s in seconds if s > 1.0) == failures
    assert breaker.is_open()


def test_an_export_stays_within_its_budget(slow_elasticsearch, client):
    started = time.monotonic()
    response = client.get("/suche/export.csv", {"q": "Sprachcafé"})

    assert response.status_code == 200
    assert time.monotonic() - started <= django_settings.EXPORT_TIME_BUDGET
