"""With Redis unreachable, the cache answers like an empty cache instead of
raising, so saves and page views keep working; counters still raise."""

from __future__ import annotations

import pytest
from redis.exceptions import ConnectionError as RedisConnectionError

from config.cache import ResilientRedisCache
from tests.conftest import UNREACHABLE_REDIS


@pytest.fixture
def unreachable_cache() -> ResilientRedisCache:
    return ResilientRedisCache(
        UNREACHABLE_REDIS,
        {"OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}},
    )


def test_reads_are_misses_and_writes_are_skipped(unreachable_cache, caplog):
    assert unreachable_cache.get("footer", "fallback") == "fallback"
    assert unreachable_cache.get_many(["a", "b"]) == {}
    assert unreachable_cache.add("a", 1) is False
    unreachable_cache.set("a", 1)
    unreachable_cache.delete("a")
    unreachable_cache.delete_many(["a", "b"])
    assert "Redis cache unreachable" in caplog.text


def test_counters_still_raise_so_callers_choose_how_to_fail(unreachable_cache):
    with pytest.raises(RedisConnectionError):
        unreachable_cache.incr("hits")
