"""``{% load freshness %}{% freshness_badge page %}`` on project pages."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext

from ..freshness import STALE, freshness

register = template.Library()


@register.simple_tag
def freshness_badge(page) -> str:
    """Says "Aktualität ungeprüft" when nobody confirmed the page for 15 months."""
    if freshness(page) != STALE:
        return ""
    return format_html(
        '<p class="freshness freshness--stale">{}</p>',
        gettext(
            "Aktualität ungeprüft – die Initiative hat die Angaben seit über "
            "15 Monaten nicht bestätigt."
        ),
    )


@register.filter
def freshness_state(page) -> str:
    return freshness(page)
