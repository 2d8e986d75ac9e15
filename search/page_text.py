"""Searchable text of a page's fields, read from their stored form.

Rendering a StreamField through its block templates and stripping the HTML
again with an HTML parser took a third of a rebuild; the stored JSON and the
rich text's HTML already hold every word."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

_TAG = re.compile(r"<[^>]*>")
# Which plain-text parts of each body block are words a visitor reads. Images
# count with their caption, videos with their title; downloads are linked files.
_BLOCK_TEXT = {
    "image": ("caption",),
    "quote": ("quote", "source"),
    "video": ("title",),
}


def html_text(value: str | None) -> str:
    """The words of a rich text fragment, tags replaced by spaces."""
    if not value:
        return ""
    return " ".join(html.unescape(_TAG.sub(" ", value)).split())


def _plain(value) -> str:
    return " ".join(str(value or "").split())


def _block_words(block_type: str, value) -> Iterable[str]:
    if block_type == "text":
        yield html_text(value)
        return
    if block_type == "key_facts":
        for item in (value or {}).get("facts", []):
            fact = item.get("value", item) if isinstance(item, dict) else {}
            yield _plain(fact.get("label"))
            yield _plain(fact.get("value"))
        return
    for key in _BLOCK_TEXT.get(block_type, ()):
        yield _plain((value or {}).get(key))


def stream_text(stream) -> str:
    """The words of a body StreamField: a StreamValue or its raw block list."""
    raw = getattr(stream, "raw_data", stream) or []
    words = []
    for block in raw:
        words.extend(w for w in _block_words(block["type"], block["value"]) if w)
    return " ".join(words)
