"""The editors' ``SynonymGroup`` snippets, kept per content version
(``search.memo``).

Synonyms are applied on the query side (``search.language.synonyms``, used by
``search.understanding``), so an editor's change applies to the next search
without reloading analyzers or reindexing, on every engine alike.
"""

from __future__ import annotations

from .memo import Memo
from .models import SynonymGroup


def _load_groups() -> list[list[str]]:
    return [
        group.term_list()
        for group in SynonymGroup.objects.filter(active=True).only("terms")
    ]


_groups = Memo(_load_groups)


def load_groups() -> list[list[str]]:
    """The active groups of the current content version."""
    return _groups.get()
