"""The facet checkboxes of the search page, written in Python.

A search shows up to about 130 checkboxes; as template loops they took more
time than the search itself. ``format_html`` escapes every value as the
template did, and the markup is the same."""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()
CHECKED = mark_safe(" checked")  # a constant, no user input


def _checkbox(name: str, number: int, item: dict) -> SafeString:
    element_id = f"f-{name}-{number}"
    return format_html(
        '<p>\n<input type="checkbox" id="{}" name="{}" value="{}"{}>\n'
        '<label for="{}">{} ({})</label>\n</p>',
        element_id,
        name,
        item["value"],
        CHECKED if item["checked"] else "",
        element_id,
        item["label"],
        item["count"],
    )


@register.simple_tag
def facet_fieldsets(facets: list[dict]) -> SafeString:
    """One fieldset with a legend per facet, a labelled checkbox per value."""
    return format_html_join(
        "\n",
        '<fieldset class="facet">\n<legend>{}</legend>\n{}\n</fieldset>',
        (
            (
                facet["title"],
                format_html_join(
                    "\n",
                    "{}",
                    (
                        (_checkbox(facet["name"], number, item),)
                        for number, item in enumerate(facet["items"], start=1)
                    ),
                ),
            )
            for facet in facets
        ),
    )
