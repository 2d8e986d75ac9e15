"""The result list of the search page, written in Python: KERN cards with the
lead picture's thumbnail, districts and regions, fields of action, the status
and the "Gutes Beispiel" seal.

Twenty results with their badges and meta lines took some two hundred template
nodes per page, a visible part of every search. Every value is escaped
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

from projects.card_details import CardDetails, card_details
from projects.templatetags.card_tags import picture

from ..analytics import LOG_PLACEHOLDER
from ..backends import Hit

register = template.Library()


def _thumbnail(details: CardDetails | None, eager: bool) -> str:
    """The lead picture's thumbnail as on every card (WebP with a JPEG
    fallback, its size set); lazy below the first card."""
    return str(picture(details.thumbnail if details else None, eager))


def _place(hit: Hit, details: CardDetails | None, labels: dict[str, str]) -> str:
    """Districts and regions ("Celle · Region Lüneburg"), or "landesweit"."""
    places = ", ".join(hit.districts)
    if not places and details and details.statewide:
        places = labels["statewide"]
    regions = details.regions if details else []
    if regions:
        template = labels["region"] if len(regions) == 1 else labels["regions"]
        region = template % {"region": ", ".join(regions)}
        places = f"{places} · {region}" if places else region
    if not places:
        return ""
    return (
        f'\n<p class="meta card__place"><span class="visually-hidden">'
        f"{labels['where']} </span>{escape(places)}</p>"
    )


def _meta(hit: Hit) -> str:
    """Organisation · fields of action, leaving out what is empty."""
    parts = [escape(part) for part in (hit.organisation, ", ".join(hit.fields)) if part]
    return f'\n<p class="meta">{" · ".join(parts)}</p>' if parts else ""


def _badges(hit: Hit, details: CardDetails | None, labels: dict[str, str]) -> str:
    badges = []
    if details and details.good_example:
        badges.append(("success", labels["good"]))
    if hit.promoted:
        badges.append(("info", labels["promoted"]))
    if details and details.status_label:
        badges.append(("status", labels["status"] + " " + escape(details.status_label)))
    items = "".join(
        f'<li><span class="kern-badge kern-badge--{kind}">'
        f'<span class="kern-label">{label}</span></span></li>'
        for kind, label in badges
    )
    return f'\n<ul class="badges">{items}</ul>' if items else ""


def _item(
    hit: Hit,
    details: CardDetails | None,
    labels: dict[str, str],
    href: str,
    rank: int,
) -> str:
    snippet = conditional_escape(hit.highlight) if hit.highlight else escape(hit.teaser)
    return (
        f'<li>\n<article class="card kern-card">{_thumbnail(details, rank == 1)}\n'
        f'<div class="kern-card__container card__body">\n'
        f'<h2><a href="{href}">{escape(hit.title)}</a></h2>'
        f"{_place(hit, details, labels)}\n<p>{snippet}</p>{_meta(hit)}"
        f"{_badges(hit, details, labels)}\n</div>\n</article>\n</li>"
    )


def _labels() -> dict[str, str]:
    """The card's fixed words in the active language, escaped."""
    return {
        "good": escape(gettext("Gutes Beispiel")),
        "promoted": escape(gettext("Empfehlung der Redaktion")),
        # The status badge reads "Stand: laufend" to a screen reader.
        "status": '<span class="visually-hidden">'
        + escape(gettext("Stand:"))
        + "</span>",
        "statewide": gettext("landesweit"),
        "region": gettext("Region %(region)s"),
        "regions": gettext("Regionen %(region)s"),
        "where": escape(gettext("Ort:")),
    }


def _click_href(base: str, hit: Hit, rank: int) -> str:
    """The link through the click view (search.analytics); the middleware
    puts the visitor's token where the placeholder is."""
    return f"{base}?t={LOG_PLACEHOLDER}&amp;p={int(hit.id)}&amp;r={rank}"


def result_cards(
    hits: list[Hit], details: dict[int, CardDetails], track_clicks: bool = False
) -> SafeString:
    """The list items of ``hits`` with their ``details`` (no query)."""
    labels = _labels()
    base = reverse("search-click") if track_clicks else ""
    items = (
        _item(
            hit,
            details.get(hit.id),
            labels,
            _click_href(base, hit, rank) if base else escape(hit.url),
            rank,
        )
        for rank, hit in enumerate(hits, start=1)
    )
    # Every interpolated value above is escaped.
    return mark_safe("\n".join(items))  # noqa: S308


@register.simple_tag
def result_items(hits: Iterable[Hit], track_clicks: bool = False) -> SafeString:
    """One list item with a card per hit, for the page's ``<ol class="results">``;
    with ``track_clicks`` the links go through the click view. Status, seal,
    regions and thumbnails come from one query for all hits."""
    hits = list(hits)
    return result_cards(hits, card_details(hit.id for hit in hits), track_clicks)
