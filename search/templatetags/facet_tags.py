"""The facet checkboxes of the search page, written in Python.

A search shows up to about 130 checkboxes; as template loops (and even with
``format_html`` per checkbox) they took more time than the search itself. Every
value is escaped with ``html.escape``, which is what Django's ``escape`` does,
and the markup is the same as the template's was."""

from __future__ import annotations

from functools import lru_cache
from html import escape

from django import template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


# Values and labels come from the vocabulary and the tags: the same few
# hundred strings on every page.
_escaped = lru_cache(maxsize=2048)(escape)


def _checkbox(name: str, number: int, item: dict) -> str:
    element_id = f"f-{name}-{number}"
    checked = " checked" if item["checked"] else ""
    return (
        f'<p>\n<input type="checkbox" id="{element_id}" name="{name}" '
        f'value="{_escaped(str(item["value"]))}"{checked}>\n'
        f'<label for="{element_id}">{_escaped(str(item["label"]))} '
        f"({int(item['count'])})</label>\n</p>"
    )


@register.simple_tag
def facet_fieldsets(facets: list[dict]) -> SafeString:
    """One fieldset with a legend per facet, a labelled checkbox per value."""
    parts = []
    for facet in facets:
        name = escape(str(facet["name"]))
        boxes = "\n".join(
            _checkbox(name, number, item)
            for number, item in enumerate(facet["items"], start=1)
        )
        parts.append(
            f'<fieldset class="facet">\n<legend>{escape(str(facet["title"]))}'
            f"</legend>\n{boxes}\n</fieldset>"
        )
    # Every interpolated value above is escaped.
    return mark_safe("\n".join(parts))  # noqa: S308
