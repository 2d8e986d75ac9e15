"""A circuit breaker in front of Elasticsearch.

Each search waits up to ``ELASTICSEARCH_TIMEOUT`` for a cluster that is down
or slow before it falls back to the database. After
``SEARCH_BREAKER_FAILURES`` failures or time-outs within
``SEARCH_BREAKER_WINDOW`` seconds the breaker opens: for
``SEARCH_BREAKER_OPEN_SECONDS`` nobody asks Elasticsearch, every search goes
straight to the fallback. The first search after that tries again.

The state lives in Django's cache (Redis), per cluster URL, not per
process: gunicorn's workers and Celery share it, so a slow cluster costs three
waits in all rather than three per worker, and an export's page requests stop
at once. A Redis that is down answers "closed" (``config.cache`` turns its
errors into misses), so the breaker fails open to plain time-outs, never to a
search that cannot run.
"""

from __future__ import annotations

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from elastic_transport import TransportError
from elasticsearch import ApiError

from .client import is_configured

logger = logging.getLogger(__name__)


def _key(name: str) -> str:
    """Per cluster: failures of one URL say nothing about another."""
    url = hashlib.sha256(str(settings.ELASTICSEARCH_URL).encode()).hexdigest()[:16]
    return f"search:breaker:{url}:{name}"


def _setting(name: str, default: float) -> float:
    return getattr(settings, name, default)


def is_open() -> bool:
    until = cache.get(_key("open-until"))
    return until is not None and until > time.time()


def use_elasticsearch() -> bool:
    """Elasticsearch is configured and the breaker lets requests through."""
    return is_configured() and not is_open()


def counts(error: Exception) -> bool:
    """Unavailability, not a request Elasticsearch rejected as malformed."""
    if isinstance(error, ApiError):
        return error.meta.status >= 500 or error.meta.status == 429
    return isinstance(error, TransportError)


def record_failure(error: Exception) -> None:
    if not counts(error):
        return
    window = int(_setting("SEARCH_BREAKER_WINDOW", 30))
    try:
        cache.add(_key("failures"), 0, timeout=window)
        failures = cache.incr(_key("failures"))
    except Exception:  # noqa: BLE001  (no shared state: plain time-outs)
        return
    if failures >= _setting("SEARCH_BREAKER_FAILURES", 3):
        seconds = _setting("SEARCH_BREAKER_OPEN_SECONDS", 30)
        cache.set(_key("open-until"), time.time() + seconds, timeout=int(seconds) + 1)
        cache.delete(_key("failures"))
        logger.warning(
            "Elasticsearch failed %s times; searching the database for %s s.",
            failures,
            seconds,
        )


def reset() -> None:
    cache.delete_many([_key("failures"), _key("open-until")])
