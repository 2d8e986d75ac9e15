"""Signals other apps (matching) use to follow the index without search
importing them."""

from django.dispatch import Signal

# Sent by the outbox drain after documents were written or removed.
# Arguments: ``model`` (the model class) and ``ids`` (list of primary keys).
documents_indexed = Signal()
documents_removed = Signal()

# Sent by the search page when a search finds nothing; each receiver returns a
# list of links to suggest instead (the site's topic pages, ``website``).
# Arguments: ``request`` and ``query`` (the parsed ``SearchQuery``).
empty_result = Signal()
