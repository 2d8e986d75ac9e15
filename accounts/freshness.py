"""How current a project profile is: confirmed, due for confirmation, stale."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

REMIND_AFTER = timedelta(days=365)
STALE_AFTER = timedelta(days=456)  # about 15 months

FRESH, DUE, STALE = "fresh", "due", "stale"


def reference_date(page) -> date | None:
    """The last confirmation, else the first publication."""
    if page.last_confirmed:
        return page.last_confirmed
    published = page.first_published_at
    return timezone.localdate(published) if published else None


def freshness(page, today: date | None = None) -> str:
    today = today or timezone.localdate()
    confirmed = reference_date(page)
    if confirmed is None:
        return FRESH
    age = today - confirmed
    if age > STALE_AFTER:
        return STALE
    if age > REMIND_AFTER:
        return DUE
    return FRESH


def stale_before(today: date | None = None) -> date:
    return (today or timezone.localdate()) - STALE_AFTER


def due_before(today: date | None = None) -> date:
    return (today or timezone.localdate()) - REMIND_AFTER
