"""Helpers of the project page's layout: the description without a repeated
teaser, and the contents list of the practice sections."""

from __future__ import annotations

from django import template
from django.utils.html import strip_tags
from django.utils.translation import gettext

from kb.images import public_lookup

register = template.Library()

# The practice sections in page order: (anchor, field names, heading).
SECTIONS = (
    ("ausgangslage", ("starting_point",), "Ausgangslage"),
    ("ziele", ("goals",), "Ziele"),
    ("vorgehen", ("approach",), "Vorgehen"),
    (
        "ergebnisse",
        ("results", "people_reached", "volunteers"),
        "Ergebnisse und Wirkung",
    ),
    ("hemmnisse", ("obstacles",), "Hemmnisse und Lösungswege"),
    (
        "uebertragbarkeit",
        ("transferability", "cost_range", "staff", "lead_time"),
        "Übertragbarkeit",
    ),
)
# A contents list from this many sections on; shorter profiles fit a screen.
MIN_SECTIONS_FOR_CONTENTS = 4


def _plain(value) -> str:
    return " ".join(strip_tags(str(value or "")).split())


@register.simple_tag
def description_blocks(page) -> list:
    """The description's blocks, leaving out a text block that only repeats
    the teaser shown above it (imports and the demo fill both alike)."""
    teaser = _plain(page.teaser)
    return [
        block
        for block in page.description
        if not (teaser and block.block_type == "text" and _plain(block.value) == teaser)
    ]


@register.simple_tag
def profile_contents(page) -> list[tuple[str, str]]:
    """(anchor, heading) of the filled sections, or [] for a short profile."""
    present = [
        (anchor, gettext(heading))
        for anchor, names, heading in SECTIONS
        if any(getattr(page, name, None) for name in names)
    ]
    return present if len(present) >= MIN_SECTIONS_FOR_CONTENTS else []


@register.simple_tag
def lead_picture(page):
    """The project's first gallery picture (with its alt text) that public
    pages may show (kb.images), or None."""
    return (
        page.gallery_images.filter(public_lookup("image"))
        .select_related("image", "image__moderation")
        .order_by("sort_order")
        .first()
    )
