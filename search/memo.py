"""In-process copies of what every search reads and editors rarely change:
synonym groups, the glossary, facet labels, district seats, promoted queries.

Each copy belongs to one content version (``kb.page_cache``). Saving or
deleting any source row bumps that version (its model is in
``kb.page_cache.PUBLIC_MODELS``), in whichever process the editor worked, so
every process loads the rows afresh on its next search after the change. Per
search this costs one Redis read per memo instead of a database query; with
Redis down there is no version and every search reads the rows."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from kb.page_cache import current_version

T = TypeVar("T")


class Memo(Generic[T]):
    def __init__(self, load: Callable[[], T]) -> None:
        self._load = load
        self._version: str | None = None
        self._value: T | None = None
        self._lock = threading.Lock()

    def get(self) -> T:
        version = current_version()
        if version is None:
            return self._load()
        with self._lock:
            if self._version != version:
                self._value = self._load()
                self._version = version
            return self._value
