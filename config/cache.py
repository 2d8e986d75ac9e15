"""A Redis cache that degrades to cache misses when Redis is unreachable.

Caches here only speed things up (footer links, counters, district seats), so a
Redis outage must never turn a save or a page view into an error. Counters
(``incr``/``decr``) still raise: their callers (rate limits) decide themselves
how to fail, see ``kb.antispam``.
"""

from __future__ import annotations

import logging
from functools import wraps

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
UNAVAILABLE = (RedisConnectionError, RedisTimeoutError)


def _degrading(method_name: str, fallback):
    method = getattr(RedisCache, method_name)

    @wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except UNAVAILABLE:
            logger.warning("Redis cache unreachable; %s skipped.", method_name)
            return fallback() if callable(fallback) else fallback

    return wrapper


class ResilientRedisCache(RedisCache):
    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except UNAVAILABLE:
            logger.warning("Redis cache unreachable; get skipped.")
            return default

    get_many = _degrading("get_many", dict)
    has_key = _degrading("has_key", False)
    add = _degrading("add", False)
    set = _degrading("set", None)
    set_many = _degrading("set_many", list)
    touch = _degrading("touch", False)
    delete = _degrading("delete", False)
    delete_many = _degrading("delete_many", None)
    clear = _degrading("clear", None)
