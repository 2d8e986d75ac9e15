"""Small in-process caches for what every search reads and editors rarely
change: synonym groups, facet labels, district seats, promoted queries.

Saving or deleting one of the source rows clears the cache in this process
(``search.signals``); other processes pick the change up after ``ttl``
seconds at the latest. This keeps the database queries per search constant
and near zero."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")
DEFAULT_TTL = 60.0
_ALL: list[Memo] = []


class Memo(Generic[T]):
    def __init__(self, load: Callable[[], T], ttl: float = DEFAULT_TTL) -> None:
        self._load = load
        self._ttl = ttl
        self._value: T | None = None
        self._at = 0.0
        self._lock = threading.Lock()
        _ALL.append(self)

    def get(self) -> T:
        with self._lock:
            now = time.monotonic()
            if self._value is None or now - self._at >= self._ttl:
                self._value = self._load()
                self._at = now
            return self._value

    def clear(self) -> None:
        with self._lock:
            self._value = None


def clear_all(*args, **kwargs) -> None:
    """Signal receiver as well: any argument is ignored."""
    for memo in _ALL:
        memo.clear()
