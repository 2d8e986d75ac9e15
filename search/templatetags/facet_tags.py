"""The facet checkboxes of the search page, written in Python.

A search shows up to about 130 checkboxes; as template loops (and even with
``format_html`` per checkbox) they took more time than the search itself. Every
value is escaped with ``html.escape``, which is what Django's ``escape`` does.

Each facet is a disclosure (``<details>``), closed unless one of its values is
selected: open, the nine lists pushed the results below a screen or two of
checkboxes, on a phone and at 10k projects on the desktop too. It opens and
closes without JavaScript, by keyboard (Enter or Space on the summary) and for
screen readers, and the fieldset's legend still names the group."""

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
    """One disclosure per facet, open when a value is selected, holding a
    fieldset with a legend and a labelled checkbox per value."""
    parts = []
    for facet in facets:
        name = escape(str(facet["name"]))
        title = escape(str(facet["title"]))
        items = facet["items"]
        boxes = "\n".join(
            _checkbox(name, number, item) for number, item in enumerate(items, start=1)
        )
        is_open = " open" if any(item["checked"] for item in items) else ""
        parts.append(
            f'<details class="facet"{is_open}>\n<summary>{title}</summary>\n'
            f'<fieldset>\n<legend class="visually-hidden">{title}</legend>\n'
            f"{boxes}\n</fieldset>\n</details>"
        )
    # Every interpolated value above is escaped.
    return mark_safe("\n".join(parts))  # noqa: S308
