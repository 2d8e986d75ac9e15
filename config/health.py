"""``/healthz`` for the container health checks and the proxy.

The database decides the status (200 or 503): without it nothing works.
Elasticsearch and Redis are reported, not required: search falls back to the
database and the caches degrade to misses, so their outage must not make the
orchestrator restart a web container that still serves pages."""

from __future__ import annotations

import time

import redis
from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from search.client import get_client, is_configured

TIMEOUT = 1.0


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return "down"
    return "ok"


def _elasticsearch() -> str:
    if not is_configured():
        return "not configured"
    try:
        health = get_client().options(request_timeout=TIMEOUT).cluster.health()
    except Exception:  # noqa: BLE001  (any failure is "down", reported only)
        return "down"
    return str(health.get("status", "unknown"))


def _redis() -> str:
    if not settings.REDIS_URL:
        return "not configured"
    try:
        client = redis.Redis.from_url(
            settings.REDIS_URL,
            socket_connect_timeout=TIMEOUT,
            socket_timeout=TIMEOUT,
        )
        client.ping()
    except redis.RedisError:
        return "down"
    return "ok"


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    started = time.monotonic()
    checks = {
        "database": _database(),
        "elasticsearch": _elasticsearch(),
        "redis": _redis(),
    }
    healthy = checks["database"] == "ok"
    return JsonResponse(
        {
            "status": "ok" if healthy else "down",
            **checks,
            "seconds": round(time.monotonic() - started, 3),
        },
        status=200 if healthy else 503,
    )
