"""Highlighted snippets that are safe to render as HTML.

Elasticsearch marks matches with private-use characters that user input and
page text never carry (``clean_text`` drops them); everything is escaped and
only then are the markers turned into ``<mark>``.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

PRE = "\ue000"
POST = "\ue001"


def render_highlight(fragment: str) -> SafeString:
    escaped = escape(fragment)
    return mark_safe(  # noqa: S308  (escaped above; only our markers become tags)
        escaped.replace(PRE, "<mark>").replace(POST, "</mark>")
    )
