"""Polling for effects of the real Celery worker (no fixed sleeps in tests)."""

from __future__ import annotations

import time
from collections.abc import Callable


def wait_for(condition: Callable, timeout: float = 15.0):
    """Return the condition's first truthy value, or its last value at timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    return condition()
