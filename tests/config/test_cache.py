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


def test_one_client_serves_every_call_and_thread(services, settings):
    """The cache keeps one redis client per pool (Django made one per call);
    shared between threads, it answers each of them correctly."""
    from concurrent.futures import ThreadPoolExecutor

    cache = ResilientRedisCache(settings.REDIS_URL, {"KEY_PREFIX": "npa-test-reuse"})
    client = cache._cache.get_client("a")
    assert cache._cache.get_client("b", write=True) is client
    cache.set_many({f"k{n}": n for n in range(50)}, timeout=60)

    def read(n: int) -> int:
        return cache.get(f"k{n % 50}")

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(read, range(400))) == [n % 50 for n in range(400)]
    cache.delete_many([f"k{n}" for n in range(50)])
