"""Helpers of the search page's layout (templates/search/search.html).

The query field and the filters are two forms: on a phone the results come
between them. Each form carries the other's state as hidden fields, so a new
search text keeps the ticked filters and applying filters keeps the text."""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext

register = template.Library()

# ``?view=map`` shows the results as the map; without it they are a list.
MAP_VIEW = "map"


@register.simple_tag(takes_context=True)
def map_view(context) -> bool:
    """Whether the search page shows the map instead of the list."""
    request = context.get("request")
    return bool(request) and request.GET.get("view") == MAP_VIEW


@register.simple_tag(takes_context=True)
def view_switch(context) -> SafeString:
    """Two links, list and map, with the current search (from page 1); the
    shown view is marked as current. Works without JavaScript."""
    request = context.get("request")
    params = request.GET.copy() if request else None
    if params is None:
        return SafeString("")
    params.pop("page", None)
    params.pop("view", None)
    list_url = "?" + params.urlencode() if params else "?"
    params["view"] = MAP_VIEW
    map_url = "?" + params.urlencode()
    on_map = request.GET.get("view") == MAP_VIEW
    current = ' aria-current="page"'
    return format_html(
        '<nav class="view-switch" aria-label="{}"><ul>'
        '<li><a href="{}"{}>{}</a></li><li><a href="{}"{}>{}</a></li>'
        "</ul></nav>",
        gettext("Ansicht der Ergebnisse"),
        list_url,
        SafeString("" if on_map else current),
        gettext("Liste"),
        map_url,
        SafeString(current if on_map else ""),
        gettext("Karte"),
    )


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
