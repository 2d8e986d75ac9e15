"""Pieces of the plain-text e-mails every app sends."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext_noop, override

# The platform's name in mails, translated where it is used.
SITE_NAME = gettext_noop("Niedersachsen packt an – Gute Praxis")


def written_in(language: str | None = None) -> override:
    """Translation for a mail: the reader's language, else the site's default
    (tasks queued before a language was passed, readers nobody knows)."""
    return override(language or settings.LANGUAGE_CODE)


def paragraphs(*parts: str) -> str:
    """A mail body: the non-empty parts, separated by blank lines."""
    return "\n\n".join(part for part in parts if part)


def site_url(path: str) -> str:
    """An absolute link to a path of the site, for a mail."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
