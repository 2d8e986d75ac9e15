"""The meta description of every page: what the editors set (Wagtail's
``search_description`` on the SEO tab), else the page's teaser or
introduction, else a sentence about the site."""

from __future__ import annotations

from django import template
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext

register = template.Library()

MAX_CHARS = 160


def _text(page) -> str:
    for name in ("search_description", "teaser", "intro", "description"):
        value = getattr(page, name, "") or ""
        text = " ".join(strip_tags(str(value)).split())
        if text:
            return text
    return ""


@register.simple_tag
def meta_description(page=None) -> str:
    """At most 160 characters, cut at a word; escaped by the template."""
    text = _text(page) if page is not None else ""
    if not text:
        text = gettext(
            "Gute Beispiele der Integrationsarbeit in Niedersachsen: Projekte, "
            "Ansprechpersonen und Ideen zum Nachmachen aus dem Bündnis "
            "„Niedersachsen packt an“."
        )
    return Truncator(text).chars(MAX_CHARS)
