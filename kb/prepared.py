"""Named queries run by their keys: the definition of a query the site runs
on every page (routing, a project's lists and matches, the fallback's facets)
in one place.

Until issue #17 this compiled each query to SQL once per process through
private ORM attributes; Django now compiles it on every call, which keeps the
page budget and needs no private attribute.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import DEFAULT_DB_ALIAS
from django.db.models import Model, QuerySet


class PreparedQuery:
    """``build(*keys)`` returns the queryset. ``kinds`` and ``unused_keys``
    were the compiler's (key types, keys a query may leave out); they are
    accepted so that callers need no change, and no longer used."""

    def __init__(
        self,
        build: Callable[..., QuerySet],
        kinds: tuple[type, ...] = (int,),
        unused_keys: bool = False,
    ):
        self.build = build
        self.kinds = kinds
        self.unused_keys = unused_keys

    def rows(self, *keys, using: str = DEFAULT_DB_ALIAS) -> list[tuple]:
        """The rows of a ``values_list`` queryset, as tuples (also when it is
        ``flat``)."""
        return [
            tuple(row) if isinstance(row, tuple) else (row,)
            for row in self.build(*keys).using(using)
        ]

    def instances(self, *keys, using: str = DEFAULT_DB_ALIAS) -> list[Model]:
        """Model instances, as iterating the queryset gives them."""
        return list(self.build(*keys).using(using))
