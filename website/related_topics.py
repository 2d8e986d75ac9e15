"""Topic pages to suggest when a search finds nothing.

Each field of action has a topic page (``website.TopicPage``) with the editors'
introduction and curated examples: a good next step after an empty result.
First come the topics of the fields the visitor filtered by, then those whose
title or field name shares a word with the search text; with neither, all
topics. The few topic rows are kept in Redis under the content version
(``kb.page_cache.versioned_value``), so an empty result costs no extra query.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest

from kb.page_cache import versioned_value
from kb.page_urls import page_url, site_root_paths
from projects.cards import private_q
from search import fts
from search.query import SearchQuery

from .models import TopicPage

# Shared word beginnings shorter than this say nothing ("in", "für", "Arb").
MIN_STEM = 4
MAX_TOPICS = 6


@dataclass(frozen=True)
class TopicLink:
    title: str
    url: str


def _topic_rows(request: HttpRequest | None) -> list[tuple[str, str, str, str]]:
    """(title, url_path, field slug, field name) of every live public topic page."""
    return list(
        TopicPage.objects.live()
        .exclude(private_q(request))
        .order_by("field_of_action__sort_order", "title")
        .values_list(
            "title", "url_path", "field_of_action__slug", "field_of_action__name"
        )
    )


def _stems(text: str) -> set[str]:
    """The word beginnings of ``text`` that say something (``MIN_STEM`` letters)."""
    return {
        word.casefold()[:MIN_STEM] for word in fts.words(text) if len(word) >= MIN_STEM
    }


def related_topics(request: HttpRequest, query: SearchQuery) -> list[TopicLink]:
    """Up to ``MAX_TOPICS`` topic pages for an empty result, best first."""
    rows = versioned_value("topic-rows", lambda: _topic_rows(request))
    filtered = set(query.filters.get("field", ()))
    stems = _stems(query.text)
    chosen = [row for row in rows if row[2] in filtered]
    chosen += [
        row
        for row in rows
        if row not in chosen and stems & _stems(f"{row[0]} {row[3]}")
    ]
    if not chosen:
        chosen = rows
    roots = site_root_paths(request)
    return [
        TopicLink(title=title, url=page_url(path, roots, request))
        for title, path, _slug, _name in chosen[:MAX_TOPICS]
    ]


def suggest_topics(sender, request: HttpRequest, query: SearchQuery, **kwargs):
    """Receiver of ``search.events.empty_result``: the search page shows these
    topics without search importing the site layer."""
    return related_topics(request, query)
