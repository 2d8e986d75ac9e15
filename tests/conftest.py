"""Shared fixtures: the real services, a real Celery worker, a clean index."""

from __future__ import annotations

import os
import threading

import pytest
import redis
from django.conf import settings

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"


def _service_problems() -> list[str]:
    problems = []
    if not settings.IS_POSTGRES:
        problems.append("DATABASE_URL does not point to PostgreSQL")
    if not settings.REDIS_URL:
        problems.append("REDIS_URL is not set")
    else:
        try:
            redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2).ping()
        except redis.RedisError as exc:
            problems.append(f"Redis at {settings.REDIS_URL} does not answer: {exc}")
    if not settings.ELASTICSEARCH_URL:
        problems.append("ELASTICSEARCH_URL is not set")
    else:
        from search.client import get_client

        if not get_client().ping():
            problems.append(
                f"Elasticsearch at {settings.ELASTICSEARCH_URL} does not answer"
            )
    return problems


@pytest.fixture(scope="session")
def services() -> None:
    """The real PostgreSQL, Redis and Elasticsearch; in CI their absence fails."""
    problems = _service_problems()
    if problems and REQUIRE_SERVICES:
        pytest.fail("REQUIRE_SERVICES=1 but: " + "; ".join(problems))
    if problems:
        pytest.skip(
            "services missing (set REQUIRE_SERVICES=1 to fail): " + "; ".join(problems)
        )


@pytest.fixture
def es_index(services):
    """A clean set of test indices before and after the test."""
    from search.client import get_client

    client = get_client()
    _delete_test_indices(client)
    yield client
    _delete_test_indices(client)


def _delete_test_indices(client) -> None:
    # Wildcard deletes are refused by default (destructive_requires_name).
    pattern = f"{settings.SEARCH_INDEX_PREFIX}-*"
    names = list(client.indices.get(index=pattern, allow_no_indices=True))
    if names:
        client.indices.delete(index=",".join(names))


@pytest.fixture
def clean_rate_limits(services):
    """Rate-limit counters live in the real Redis; start the test at zero."""
    client = redis.Redis.from_url(settings.REDIS_URL)
    for key in client.scan_iter(match="*antispam:*"):
        client.delete(key)
    yield


UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"


@pytest.fixture
def redis_down(settings):
    """Django's cache points at a Redis nobody listens on (short timeouts)."""
    settings.CACHES = {
        "default": {
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": UNREACHABLE_REDIS,
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }


@pytest.fixture
def eager_tasks():
    """Celery tasks run inline (mail lands in ``mail.outbox`` at once); with
    REDIS_URL set they would otherwise go to the broker."""
    from config.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


class _InFlight:
    """Counts tasks the in-process worker has received but not yet finished."""

    def __init__(self) -> None:
        self.count = 0
        self._lock = threading.Lock()

    def add(self, step: int) -> None:
        with self._lock:
            self.count += step


_in_flight = _InFlight()
# The running shared worker's app, once a test has started it.
_started: list = []


@pytest.fixture(scope="session")
def _worker_session(services, django_db_setup, django_db_blocker):
    """A real Celery worker thread consuming from the real Redis."""
    from celery import signals
    from celery.contrib.testing.worker import start_worker

    from config.celery import app

    def in_worker() -> bool:
        # Tasks a test runs eagerly (``apply()``) run in the main thread and
        # send task_postrun too; they are neither counted nor disconnected.
        return threading.current_thread() is not threading.main_thread()

    def received(**_kwargs) -> None:
        if in_worker():
            _in_flight.add(1)

    def finished(**_kwargs) -> None:
        if not in_worker():
            return
        # The worker thread's own connections; left open, they keep the test
        # database busy when pytest-django drops it at the end of the run.
        from django.db import connections

        connections.close_all()
        _in_flight.add(-1)

    signals.task_received.connect(received, weak=False)
    signals.task_postrun.connect(finished, weak=False)
    signals.task_rejected.connect(finished, weak=False)
    signals.task_revoked.connect(finished, weak=False)
    app.conf.task_always_eager = False
    with django_db_blocker.unblock():
        app.control.purge()
        with start_worker(
            app, pool="solo", perform_ping_check=False, shutdown_timeout=10
        ):
            _started.append(app)
            yield app
            _started.clear()


@pytest.fixture
def celery_worker(_worker_session):
    """The shared worker (``_idle_worker_after_each_test`` waits for it)."""
    return _worker_session


@pytest.fixture(autouse=True)
def _idle_worker_after_each_test(_django_db_marker):
    """Once the shared worker runs, every test ends only when it is idle.

    Any test that commits (``transaction=True``) can hand the worker a task,
    a retry included, even without asking for ``celery_worker``; a task still
    running when the test's database is flushed holds row locks, and the
    flush's TRUNCATE deadlocks against it. Requesting pytest-django's marker
    fixture makes this teardown run before the flush."""
    yield
    if _started:
        _wait_until_idle(_started[0])


def wait_for_shared_worker() -> None:
    """Return once the shared worker (if it runs) has no task in hand: a test
    that drains the outbox itself must not race a retry the worker holds."""
    if _started:
        _wait_until_idle(_started[0])


def _wait_until_idle(app, timeout: float = 30.0) -> None:
    """Idle: nothing received and unfinished, nothing queued, for 0.3 s after
    any activity (50 ms when nothing was going on at all)."""
    import time

    queue = app.conf.task_default_queue
    deadline = time.monotonic() + timeout
    quiet_since = None
    settle = 0.05
    with app.connection_for_write() as conn:
        client = conn.default_channel.client
        while time.monotonic() < deadline:
            busy = _in_flight.count > 0 or client.llen(queue) > 0
            if busy:
                quiet_since = None
                settle = 0.3
            elif quiet_since is None:
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since >= settle:
                return
            time.sleep(0.05)
    pytest.fail(f"Celery worker still busy after {timeout:.0f} s")


@pytest.fixture(autouse=True)
def _fresh_content_version():
    """Every test starts under a new content version (``kb.page_cache``): the
    caches are on, as in production, and a test's rolled-back rows must not
    reach the next test through a page, a small value or a search memo kept
    under the version it ended with."""
    from kb.page_cache import clear_page_cache

    clear_page_cache()


@pytest.fixture(autouse=True)
def _default_language_after_each_test():
    """A request in English leaves English active in the thread (Django's
    LocaleMiddleware activates, nothing deactivates); the next test must start
    in the site's language, as every real request does."""
    yield
    from django.utils import translation

    translation.deactivate()


EDITOR_PASSWORD = "Lange-Passphrase-42"


@pytest.fixture
def editor_user(django_user_model):
    """A member of the editors' group "Redaktion" ("redaktion",
    ``EDITOR_PASSWORD``): what editors may do in the admin, no superuser."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        "redaktion", "redaktion@example.org", EDITOR_PASSWORD
    )
    user.groups.add(Group.objects.get(name="Redaktion"))
    return user


@pytest.fixture
def site_tree(db):
    """Home page and project index, as ``load_demo`` builds them, without projects."""
    from tests.factories.pages import make_site_tree

    return make_site_tree()
