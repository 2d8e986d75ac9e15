"""The project cards of the listings, written in Python.

A listing shows up to 24 cards; as a template loop each card cost about as
much as a database query. ``format_html`` escapes every value as the template
did. The markup is that of the search result cards (KERN cards, the lead
picture's thumbnail above the text)."""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from ..cards import Card, Thumbnail

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


def picture(thumbnail: Thumbnail | None, eager: bool = False) -> SafeString | str:
    """The thumbnail as WebP with a JPEG fallback, its size set (no layout
    shift), lazy unless ``eager`` (a card at the top of the page)."""
    if thumbnail is None:
        return ""
    loading = "" if eager else ' loading="lazy"'
    return format_html(
        '\n<div class="kern-card__media card__media"><picture>'
        '<source type="image/webp" srcset="{}">'
        '<img src="{}" width="{}" height="{}" alt="{}"{} decoding="async">'
        "</picture></div>",
        thumbnail.webp,
        thumbnail.jpeg,
        int(thumbnail.width),
        int(thumbnail.height),
        thumbnail.alt,
        SafeString(loading),
    )


@register.simple_tag
def card_items(cards: list[Card], level: int = 3, eager: bool = False) -> SafeString:
    """One list item with an article per card; headings at ``level``; with
    ``eager`` the first card's picture loads at once (it may be in view)."""
    heading = "h2" if level == 2 else "h3"
    return format_html_join(
        "\n",
        '<li><article class="card kern-card">{5}\n'
        '<div class="kern-card__container card__body">\n'
        '<{0}><a href="{1}">{2}</a></{0}>\n'
        "<p>{3}</p>{4}\n</div></article></li>",
        (
            (
                heading,
                card.url,
                card.title,
                card.teaser,
                _meta(card),
                picture(card.thumbnail, eager and number == 0),
            )
            for number, card in enumerate(cards)
        ),
    )
