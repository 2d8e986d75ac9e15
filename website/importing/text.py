"""Plain text in files, simple paragraphs of HTML in the database.

Imported text is always escaped, so a file can never inject markup; exported
text keeps paragraphs and line breaks, which makes export -> import stable."""

from __future__ import annotations

import html
import re

from django.utils.html import escape, strip_tags

_BLOCK_END = re.compile(r"</(p|li|h[1-6]|blockquote|ul|ol)\s*>", re.IGNORECASE)
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def text_to_html(text: str) -> str:
    """Paragraphs (separated by an empty line) become ``<p>``; lines ``<br/>``."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "".join(
        "<p>" + "<br/>".join(escape(line.strip()) for line in p.splitlines()) + "</p>"
        for p in paragraphs
    )


def html_to_text(value: str) -> str:
    """The reverse of :func:`text_to_html`, tolerant of lists and headings."""
    if not value:
        return ""
    marked = _BLOCK_END.sub("\n\n", _BREAK.sub("\n", value))
    text = html.unescape(strip_tags(marked))
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        lines = [" ".join(line.split()) for line in block.splitlines()]
        lines = [line for line in lines if line]
        if lines:
            paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)
