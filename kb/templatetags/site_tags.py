"""Template helpers of the public site: footer links, accessible form widgets,
and the district data behind the search map."""

from __future__ import annotations

from typing import Any

from django import template
from django.apps import apps
from django.db.models import prefetch_related_objects
from django.forms import BoundField
from django.utils.safestring import SafeString

from ..models import StandardPage
from ..taxonomy import District

register = template.Library()

# Slugs the demo content and editors use for the legally required pages.
FOOTER_SLUGS = ("impressum", "datenschutz", "barrierefreiheit", "open-data-lizenz")


@register.simple_tag(takes_context=True)
def footer_links(context: template.Context) -> list[tuple[str, str]]:
    """The legal pages that exist and are live, in a fixed order, one query."""
    request = context.get("request")
    cached = getattr(request, "_footer_links", None)
    if cached is not None:
        return cached
    pages = {
        page.slug: page
        for page in StandardPage.objects.live()
        .public()
        .filter(slug__in=FOOTER_SLUGS)
        .only("id", "slug", "title", "url_path")
    }
    links = [
        (pages[slug].title, pages[slug].get_url(request))
        for slug in FOOTER_SLUGS
        if slug in pages
    ]
    if request is not None:
        request._footer_links = links
    return links


@register.filter
def accessible(field: BoundField) -> SafeString:
    """Render a form field's widget tied to its help text and errors.

    Screen readers announce the error next to the field only when the input
    points at it with ``aria-describedby``; ``aria-invalid`` marks it wrong."""
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}-help")
    if field.errors:
        described_by.append(f"{field.auto_id}-error")
    attrs: dict[str, Any] = {}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if field.errors:
        attrs["aria-invalid"] = "true"
    if field.field.required:
        attrs["aria-required"] = "true"
    return field.as_widget(attrs=attrs)


def _facet_value(item: dict) -> tuple[str, int]:
    value = item.get("value", item.get("key", ""))
    count = item.get("count", item.get("doc_count", 0))
    return str(value), int(count)


@register.simple_tag
def district_markers(result: Any) -> list[dict[str, Any]]:
    """One marker per district of the search result's ``district`` facet.

    The facet carries official keys (AGS) and counts; the seat coordinates come
    from the vocabulary, so the map needs no request of its own."""
    facets = getattr(result, "facets", None) or {}
    counts = dict(_facet_value(item) for item in facets.get("district", []))
    counts = {ags: count for ags, count in counts.items() if count > 0}
    if not counts:
        return []
    districts = District.objects.filter(ags__in=counts).order_by("name")
    return [
        {
            "ags": district.ags,
            "name": str(district),
            "lat": district.lat,
            "lon": district.lon,
            "count": counts[district.ags],
        }
        for district in districts
    ]


@register.simple_tag
def prefetch(obj: Any, *lookups: str) -> str:
    """Load related lists of one page in one query each before the template
    walks them (``{% prefetch page "districts" "offers__category" %}``)."""
    if obj is not None and lookups:
        prefetch_related_objects([obj], *lookups)
    return ""


@register.simple_tag
def parent_page(page: Any, model_label: str) -> Any:
    """The page's parent if it is of the given type, in one query."""
    model = apps.get_model(model_label)
    return model.objects.filter(path=page.path[: -page.steplen]).first()
