"""Search analytics: one ``SearchLog`` row per search and its first click.

What is stored is what the search was, never who searched: the cleaned text,
the filters, the number of results and the backend. No IP address, session,
user, user agent or referrer.

Anonymous search pages come from the whole-page cache (``kb.page_cache``), so
the view cannot write the row itself. It marks its response with two headers
instead; the page cache stores them with the page, and
``search.analytics_middleware``, which sits outside the page cache, writes the
row on every delivery (rendered or cached) and removes the headers.

Clicks without JavaScript: on a logged search page the result links go through
``/suche/weiter/`` with a placeholder for a token. The cached page is the same
for everybody, so the token cannot be in it; the middleware replaces the
placeholder with a signed token of *this* visitor's new row, as the page cache
does with CSRF tokens. A click then records on exactly the row of the search
it came from, and only the first click does.
"""

from __future__ import annotations

import logging
import re
from datetime import timedelta

from django.core import signing
from django.db import DatabaseError, transaction
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils import timezone

from .backends import SearchResult
from .models import SearchLog
from .query import QueryError, SearchQuery, parse_query

logger = logging.getLogger(__name__)

COUNT_HEADER = "X-Search-Count"
BACKEND_HEADER = "X-Search-Backend"
LOG_PLACEHOLDER = "__npa_search_log__"
# Only inside a link's href: the visitor's own text is escaped in attributes
# (no raw quote), so it can never produce this sequence.
LOG_SLOT = re.compile(rb'(href="[^"?]*\?t=)' + LOG_PLACEHOLDER.encode())
CLICK_SALT = "search.analytics.click"
# A click this long after the search no longer counts as its first click.
CLICK_MAX_AGE = timedelta(hours=24)
BOT_MARKERS = ("bot", "spider", "crawler")


def is_logged(query: SearchQuery) -> bool:
    """A search worth a row: it has a text or a filter and is the first page
    (paging through results is not a new search)."""
    return query.page == 1 and bool(query.text or query.filters or query.near)


def mark_response(response: HttpResponse, result: SearchResult) -> None:
    """Leave what the middleware needs on the response (and in the page cache)."""
    response[COUNT_HEADER] = str(result.count)
    response[BACKEND_HEADER] = result.backend


def is_bot(request: HttpRequest) -> bool:
    agent = request.META.get("HTTP_USER_AGENT", "").lower()
    return any(marker in agent for marker in BOT_MARKERS)


def filters_of(query: SearchQuery) -> dict[str, list[str]]:
    filters = {key: list(values) for key, values in query.filters.items()}
    if query.near:
        filters["near"] = [query.near]
        filters["km"] = [str(query.km)]
    return filters


def record_search(params: QueryDict, count: int, backend: str) -> int | None:
    """Write the row for a search; a database error is logged, never raised,
    because the page must not fail for its statistics."""
    try:
        query = parse_query(params)
    except QueryError:
        return None
    try:
        with transaction.atomic():
            row = SearchLog.objects.create(
                text=query.text,
                filters=filters_of(query),
                result_count=count,
                backend=backend[:20],
            )
    except DatabaseError:
        logger.warning("Search log row not written.", exc_info=True)
        return None
    return row.pk


def click_token(log_id: int) -> str:
    return signing.TimestampSigner(salt=CLICK_SALT).sign(str(log_id))


def read_click_token(token: str) -> int | None:
    """The log row id of a valid, recent token; None for anything else."""
    try:
        value = signing.TimestampSigner(salt=CLICK_SALT).unsign(
            token, max_age=CLICK_MAX_AGE
        )
    except signing.BadSignature:
        return None
    return int(value) if value.isdigit() else None


def fill_click_tokens(response: HttpResponse, log_id: int | None) -> None:
    """Put this visitor's token into the result links (none if no row)."""
    if not response.get("Content-Type", "").startswith("text/html"):
        return
    if response.streaming or LOG_PLACEHOLDER.encode() not in response.content:
        return
    token = click_token(log_id).encode() if log_id else b""
    response.content = LOG_SLOT.sub(lambda match: match[1] + token, response.content)
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))


def record_click(log_id: int, page_id: int, rank: int | None) -> bool:
    """Record the click on the row unless it already has one; True if it did."""
    updated = SearchLog.objects.filter(pk=log_id, clicked_at__isnull=True).update(
        clicked_page_id=page_id, clicked_rank=rank, clicked_at=timezone.now()
    )
    return updated == 1
