"""The match lists of a project page, written in Python.

Twenty matches with a link, an explanation and (for partners) a contact link
took about a millisecond as template loops, an eighth of the page. Every value
is escaped with ``html.escape`` (what Django's ``escape`` does); the markup is
the template's."""

from __future__ import annotations

from html import escape

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from ..queries import ShownMatch, grouped
from ..scoring import COMPLEMENTARY, SIMILAR

register = template.Library()


def _item(shown: ShownMatch, contact: str) -> str:
    item = (
        f'<li>\n<a href="{escape(shown.target_url)}">{escape(shown.target_title)}'
        f"</a>\n<p>{escape(shown.explanation)}</p>"
    )
    if contact:
        url = reverse("matching:contact", args=[shown.pk])
        item += f'\n<p><a href="{escape(url)}">{contact}</a></p>'
    return item + "\n</li>"


def _section(kind: str, heading: str, items: list[ShownMatch], contact: str) -> str:
    entries = "\n".join(_item(shown, contact) for shown in items)
    return (
        f'<section class="matches matches--{kind}">\n<h2>{escape(heading)}</h2>\n'
        f"<ul>\n{entries}\n</ul>\n</section>"
    )


@register.simple_tag(takes_context=True)
def match_sections(context, page) -> SafeString:
    """The similar projects and the partners of ``page``, hidden matches left
    out; a list without matches is not shown."""
    groups = grouped(page.pk, context.get("request"))
    sections = []
    if groups[SIMILAR]:
        heading = gettext("Ähnliche Projekte")
        sections.append(_section("similar", heading, groups[SIMILAR], ""))
    if groups[COMPLEMENTARY]:
        heading = gettext("Passende Partner")
        contact = escape(gettext("Kontakt aufnehmen"))
        sections.append(
            _section("complementary", heading, groups[COMPLEMENTARY], contact)
        )
    # Every interpolated value above is escaped.
    return mark_safe("\n".join(sections))  # noqa: S308
