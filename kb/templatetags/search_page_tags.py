"""Helpers of the search page's layout (templates/search/search.html).

The query field and the filters are two forms: on a phone the results come
between them. Each form carries the other's state as hidden fields, so a new
search text keeps the ticked filters and applying filters keeps the text."""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def filter_inputs(query) -> SafeString:
    """Hidden fields for the active filters, the sort order and the radius."""
    pairs = [
        (name, value)
        for name, values in getattr(query, "filters", {}).items()
        for value in values
    ]
    sort = getattr(query, "sort", "relevance")
    if sort and sort != "relevance":
        pairs.append(("sort", sort))
    if getattr(query, "near", ""):
        pairs += [("near", query.near), ("km", str(query.km))]
    return format_html_join("\n", '<input type="hidden" name="{}" value="{}">', pairs)


@register.simple_tag
def location_inputs(query) -> SafeString:
    """Hidden fields for the text and the radius, for the filter form."""
    parts = [format_html('<input type="hidden" name="q" value="{}">', query.text)]
    if getattr(query, "near", ""):
        parts.append(
            format_html(
                '<input type="hidden" name="near" value="{}">'
                '<input type="hidden" name="km" value="{}">',
                query.near,
                query.km,
            )
        )
    return SafeString("\n".join(parts))
