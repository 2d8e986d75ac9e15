"""Fixtures of the hardening tests: clean rate-limit counters in the real Redis."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _clean_limits(clean_rate_limits):
    """Every test starts with clean counters (they outlast a test in Redis)."""
