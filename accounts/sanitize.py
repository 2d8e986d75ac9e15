"""Making text from public forms safe to store as rich text or plain text."""

from __future__ import annotations

import re

import nh3
from django.core.exceptions import ValidationError
from django.utils.html import linebreaks
from django.utils.translation import gettext

ALLOWED_TAGS = {"p", "br", "b", "strong", "i", "em", "ul", "ol", "li", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"https", "mailto"}
# nh3 keeps links without a scheme (relative and protocol-relative "//host"),
# which could point anywhere; only absolute https and mailto links remain.
LINK_PREFIXES = ("https://", "mailto:")
CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")
ALLOWED_TAG = re.compile(
    r"<\s*/?\s*(?:" + "|".join(sorted(ALLOWED_TAGS)) + r")\b", re.IGNORECASE
)


def clean_rich_text(value: str) -> str:
    """Plain text becomes escaped paragraphs; text with some of the allowed
    tags is treated as HTML and keeps only those.

    Scripts, event handlers, styles and ``javascript:`` links are removed, so
    nothing active is ever stored."""
    value = (value or "").strip()
    if not value:
        return ""
    if not ALLOWED_TAG.search(value):
        return linebreaks(value, autoescape=True)
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
        strip_comments=True,
        attribute_filter=_only_absolute_links,
    ).strip()


def _only_absolute_links(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href":
        return value if value.strip().lower().startswith(LINK_PREFIXES) else None
    return value


def validate_single_line(value: str) -> None:
    """Names and titles end up in e-mail headers: no CR, LF or other controls."""
    if value and CONTROL_CHARS.search(value):
        raise ValidationError(
            gettext("Bitte ohne Zeilenumbrüche oder Steuerzeichen eingeben."),
            code="control_characters",
        )
