"""The result list of the search page, written in Python.

Twenty results with their badges and meta lines took some two hundred template
nodes per page, a millisecond and more of every search. Every value is escaped
with ``html.escape`` (what Django's ``escape`` does) except the highlighted
snippet, which ``search.highlight`` already made safe; the markup is the same
as the template loop's was."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from django import template
from django.urls import reverse
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from ..analytics import LOG_PLACEHOLDER
from ..backends import Hit

register = template.Library()


def _meta(hit: Hit) -> str:
    """Organisation · districts · fields of action, leaving out what is empty."""
    places = ", ".join(hit.districts)
    fields = ", ".join(hit.fields)
    line = (escape(hit.organisation) + " · ") if hit.organisation else ""
    line += escape(places)
    if places and fields:
        line += " · "
    line += escape(fields)
    return f'\n<p class="meta">{line}</p>' if line else ""


def _item(hit: Hit, badge: str, href: str) -> str:
    snippet = conditional_escape(hit.highlight) if hit.highlight else escape(hit.teaser)
    promoted = f' <span class="badge">{badge}</span>' if hit.promoted else ""
    return (
        f'<li>\n<article class="card">\n<h2><a href="{href}">'
        f"{escape(hit.title)}</a>{promoted}</h2>\n<p>{snippet}</p>{_meta(hit)}\n"
        "</article>\n</li>"
    )


def _click_href(base: str, hit: Hit, rank: int) -> str:
    """The link through the click view (search.analytics); the middleware
    puts the visitor's token where the placeholder is."""
    return f"{base}?t={LOG_PLACEHOLDER}&amp;p={int(hit.id)}&amp;r={rank}"


@register.simple_tag
def result_items(hits: Iterable[Hit], track_clicks: bool = False) -> SafeString:
    """One list item with a card per hit, for the page's ``<ol class="results">``;
    with ``track_clicks`` the links go through the click view."""
    badge = escape(gettext("Empfehlung der Redaktion"))
    base = reverse("search-click") if track_clicks else ""
    items = (
        _item(hit, badge, _click_href(base, hit, rank) if base else escape(hit.url))
        for rank, hit in enumerate(hits, start=1)
    )
    # Every interpolated value above is escaped.
    return mark_safe("\n".join(items))  # noqa: S308
