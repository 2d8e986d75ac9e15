"""The match lists of a project page, written in Python: a KERN card per
match with the suggested project, the reasons as a list and (for partners) a
contact link.

Twenty matches with a link, an explanation and (for partners) a contact link
took an eighth of the page's render time as template loops. Every value
is escaped with ``html.escape`` (what Django's ``escape`` does)."""

from __future__ import annotations

from html import escape

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from ..explain import explain_sentences
from ..queries import ShownMatch, grouped
from ..scoring.weights import COMPLEMENTARY, SIMILAR

register = template.Library()


def _item(shown: ShownMatch, labels: dict[str, str], contact: bool) -> str:
    reasons = "".join(
        f"<li>{escape(sentence)}</li>" for sentence in explain_sentences(shown.reasons)
    )
    why = (
        f'\n<p class="meta">{labels["why"]}</p>\n<ul class="reasons">{reasons}</ul>'
        if reasons
        else ""
    )
    item = (
        '<li>\n<article class="card kern-card match-card">\n'
        '<div class="kern-card__container card__body">\n'
        f'<h3><a href="{escape(shown.target_url)}">{escape(shown.target_title)}'
        f"</a></h3>{why}"
    )
    if contact:
        url = reverse("matching:contact", args=[shown.pk])
        item += (
            f'\n<p class="match-card__contact"><a class="kern-link"'
            f' href="{escape(url)}">{labels["contact"]}</a></p>'
        )
    return item + "\n</div>\n</article>\n</li>"


def _section(
    kind: str,
    heading: str,
    items: list[ShownMatch],
    labels: dict[str, str],
    contact: bool,
) -> str:
    entries = "\n".join(_item(shown, labels, contact) for shown in items)
    return (
        f'<section class="matches matches--{kind}">\n<h2>{escape(heading)}</h2>\n'
        f'<ul class="cards">\n{entries}\n</ul>\n</section>'
    )


@register.simple_tag(takes_context=True)
def match_sections(context, page) -> SafeString:
    """The similar projects and the partners of ``page``, hidden matches left
    out; a list without matches is not shown."""
    groups = grouped(page.pk, context.get("request"))
    labels = {
        "why": escape(gettext("Warum dieser Vorschlag:")),
        "contact": escape(gettext("Kontakt aufnehmen")),
    }
    sections = []
    if groups[SIMILAR]:
        heading = gettext("Ähnliche Projekte")
        sections.append(_section("similar", heading, groups[SIMILAR], labels, False))
    if groups[COMPLEMENTARY]:
        heading = gettext("Passende Partner")
        sections.append(
            _section("complementary", heading, groups[COMPLEMENTARY], labels, True)
        )
    # Every interpolated value above is escaped.
    return mark_safe("\n".join(sections))  # noqa: S308
