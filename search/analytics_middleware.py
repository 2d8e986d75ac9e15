"""Writes the search log row for every delivered search (see search.analytics).

It must sit *outside* ``kb.page_cache.PageCacheMiddleware`` (before it in
``MIDDLEWARE``): a page served from the cache never reaches the view, but it
passes here with the headers the view left when the page was rendered.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .analytics import (
    BACKEND_HEADER,
    COUNT_HEADER,
    fill_click_tokens,
    is_bot,
    record_search,
)


class SearchLogMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        count = response.get(COUNT_HEADER)
        if count is None:
            return response
        backend = response.get(BACKEND_HEADER, "")
        del response[COUNT_HEADER]
        del response[BACKEND_HEADER]
        log_id = None
        if response.status_code == 200 and count.isdigit() and not is_bot(request):
            log_id = record_search(request.GET, int(count), backend)
        fill_click_tokens(response, log_id)
        return response
