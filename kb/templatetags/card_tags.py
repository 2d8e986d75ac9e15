"""The project cards of the listings, written in Python.

A listing shows up to 24 cards; as a template loop each card cost about as
much as a database query. ``format_html`` escapes every value as the template
did, and the markup is the same."""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from ..cards import Card

register = template.Library()


def _meta(card: Card) -> SafeString | str:
    if not (card.districts or card.fields):
        return ""
    separator = " · " if card.districts and card.fields else ""
    return format_html(
        '\n<p class="meta">{}{}{}</p>',
        ", ".join(card.districts),
        separator,
        ", ".join(card.fields),
    )


@register.simple_tag
def card_items(cards: list[Card], level: int = 3) -> SafeString:
    """One list item with an article per card; headings at ``level``."""
    heading = "h2" if level == 2 else "h3"
    return format_html_join(
        "\n",
        '<li><article class="card">\n<{0}><a href="{1}">{2}</a></{0}>\n'
        "<p>{3}</p>{4}\n</article></li>",
        ((heading, card.url, card.title, card.teaser, _meta(card)) for card in cards),
    )
