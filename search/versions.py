"""Monotonic external versions for the search index (``IndexVersion``)."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F

from .models import IndexVersion


def next_version() -> int:
    """A version higher than every one handed out before. Take it before
    reading the state it will carry: the row stays locked until the caller's
    transaction ends, so a later reader always gets a higher version."""
    with transaction.atomic():
        updated = IndexVersion.objects.filter(pk=1).update(value=F("value") + 1)
        if not updated:
            IndexVersion.objects.get_or_create(pk=1, defaults={"value": 1})
            IndexVersion.objects.filter(pk=1).update(value=F("value") + 1)
        return IndexVersion.objects.values_list("value", flat=True).get(pk=1)
