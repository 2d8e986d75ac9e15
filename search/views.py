"""The public search page, the JSON search API and autocomplete."""

from __future__ import annotations

import logging
from dataclasses import asdict, replace
from functools import lru_cache
from urllib.parse import urlencode

from django.db import DatabaseError, transaction
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import render
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_GET
from wagtail.models import Page

from .analytics import is_bot, is_logged, mark_response, read_click_token, record_click
from .backends import autocomplete, run_search
from .events import empty_result
from .facets import FACET_TITLES
from .language.scripts import script_hints
from .query import (
    MAX_PAGE_SIZE,
    SORT_LABELS,
    QueryError,
    SearchQuery,
    clean_text,
    parse_query,
)

logger = logging.getLogger(__name__)
AUTOCOMPLETE_MIN = 2
AUTOCOMPLETE_MAX = 50


@lru_cache(maxsize=16)
def _labels(language: str) -> tuple[dict[str, str], dict[str, str]]:
    """Facet titles and sort labels in the active language, translated once
    per language instead of some twenty lazy translations per page."""
    titles = {name: str(title) for name, title in FACET_TITLES.items()}
    return titles, {key: str(label) for key, label in SORT_LABELS.items()}


def _url(query: SearchQuery, page: int | None = None) -> str:
    params = query.params(page)
    return "?" + urlencode(params) if params else "?"


def _chips(
    query: SearchQuery, facets: dict[str, list[dict]], titles: dict[str, str]
) -> list[dict]:
    """Active filters, each with a link that removes it."""
    chips = []
    for key, values in query.filters.items():
        labels = {item["value"]: item["label"] for item in facets.get(key, [])}
        for value in values:
            chips.append(
                {
                    "label": f"{titles[key]}: {labels.get(value, value)}",
                    "url": _url(query.without(key, value)),
                }
            )
    if query.near:
        chips.append(
            {
                "label": gettext("Umkreis: %(km)s km um %(near)s")
                % {"km": query.km, "near": query.near},
                "url": _url(query.without("near")),
            }
        )
    return chips


def _place_filters(query: SearchQuery, result) -> list[dict]:
    """ "Nur … zeigen" for each place the query names, unless already chosen."""
    understood = result.understood
    if understood is None or query.filters.get("district"):
        return []
    labels = {
        item["value"]: item["label"] for item in result.facets.get("district", [])
    }
    out = []
    for place in understood.places:
        single = place.districts[0] if len(place.districts) == 1 else None
        filters = {**query.filters, "district": place.districts}
        out.append(
            {
                "label": labels.get(single, place.label) if single else place.label,
                "url": _url(replace(query, filters=filters, page=1)),
            }
        )
    return out


def _page_links(query: SearchQuery, count: int) -> dict:
    last = max(
        1,
        min(
            (count + query.page_size - 1) // query.page_size, 10_000 // query.page_size
        ),
    )
    return {
        "current": query.page,
        "last": last,
        "previous": _url(query, query.page - 1) if query.page > 1 else None,
        "next": _url(query, query.page + 1) if query.page < last else None,
    }


def _suggestions(request: HttpRequest, query: SearchQuery) -> list:
    """Links the layers above search offer for an empty result
    (``search.events.empty_result``)."""
    links: list = []
    for _receiver, found in empty_result.send(
        sender=SearchQuery, request=request, query=query
    ):
        links.extend(found or ())
    return links


@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    try:
        query = parse_query(request.GET)
        result = run_search(query)
    except QueryError as error:
        context = {"query": SearchQuery(), "error": str(error)}
        return render(request, "search/search.html", context, status=400)
    titles, sort_labels = _labels(get_language() or "")
    facets = [
        {
            "name": name,
            "title": titles[name],
            "items": [
                {**item, "checked": item["value"] in query.filters.get(name, ())}
                for item in items
            ],
        }
        for name, items in result.facets.items()
        if items
    ]
    context = {
        "query": query,
        "result": result,
        "facets": facets,
        "chips": _chips(query, result.facets, titles),
        "place_filters": _place_filters(query, result),
        "translated": result.understood.translated if result.understood else None,
        "corrected": ", ".join(
            f"„{searched}“" for _typed, searched in result.understood.corrections
        )
        if result.understood
        else "",
        "pages": _page_links(query, result.count),
        "sorts": [
            {"value": key, "label": label, "selected": key == query.sort}
            for key, label in sort_labels.items()
            if key != "distance" or query.near
        ],
        "suggestion_url": _url(SearchQuery(text=result.suggestion))
        if result.suggestion
        else None,
        "related_topics": _suggestions(request, query) if not result.hits else [],
        "script_hints": script_hints(query.text) if not result.hits else [],
        "track_clicks": is_logged(query),
    }
    response = render(request, "search/search.html", context)
    if is_logged(query):
        mark_response(response, result)
    return response


@require_GET
def search_api(request: HttpRequest) -> JsonResponse:
    try:
        query = parse_query(request.GET)
        result = run_search(query)
    except QueryError as error:
        return JsonResponse({"error": str(error)}, status=400)
    results = []
    for hit in result.hits:
        item = asdict(hit)
        item["highlight"] = str(hit.highlight)
        item.pop("promoted")
        results.append(item)
    response = JsonResponse(
        {
            "count": result.count,
            "page": query.page,
            "results": results,
            "facets": result.facets,
            "suggestion": result.suggestion,
            "backend": result.backend,
            "limited": result.limited,
            "relaxed": result.relaxed,
            "places": [
                {"label": place.label, "districts": list(place.districts)}
                for place in (result.understood.places if result.understood else ())
            ],
            "translated": result.understood.translated if result.understood else None,
            "corrected": [
                {"typed": typed, "searched": searched}
                for typed, searched in (
                    result.understood.corrections if result.understood else ()
                )
            ],
        }
    )
    if is_logged(query):
        mark_response(response, result)
    return response


def _digits(raw: str, maximum: int) -> int | None:
    if not raw.isascii() or not raw.isdigit() or len(raw) > 10:
        return None
    value = int(raw)
    return value if 1 <= value <= maximum else None


@require_GET
def search_click(request: HttpRequest) -> HttpResponse:
    """A result link of the search page: records the search's first click
    and sends the visitor on to the page. Only to a live, public page's own
    URL, looked up by id, so the link cannot redirect anywhere else."""
    page_id = _digits(request.GET.get("p", ""), 2**31 - 1)
    page = Page.objects.live().public().filter(pk=page_id).first() if page_id else None
    url = page.get_url(request) if page else None
    if not url:
        raise Http404
    log_id = read_click_token(request.GET.get("t", ""))
    if log_id and not is_bot(request):
        rank = _digits(request.GET.get("r", ""), MAX_PAGE_SIZE)
        try:
            with transaction.atomic():
                record_click(log_id, page.pk, rank)
        except DatabaseError:
            logger.warning("Search click not recorded.", exc_info=True)
    return HttpResponseRedirect(url)


@require_GET
def autocomplete_api(request: HttpRequest) -> JsonResponse:
    text = clean_text(request.GET.get("q", ""), AUTOCOMPLETE_MAX)
    if len(text) < AUTOCOMPLETE_MIN:
        return JsonResponse({"suggestions": [], "backend": None})
    suggestions, backend = autocomplete(text)
    return JsonResponse({"suggestions": suggestions, "backend": backend})
