"""The public search page and the JSON search API."""

from __future__ import annotations

from dataclasses import asdict

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .backends import run_search
from .query import QueryError, SearchQuery, parse_query


@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    try:
        query = parse_query(request.GET)
    except QueryError as error:
        context = {"query": SearchQuery(), "error": str(error)}
        return render(request, "search/search.html", context, status=400)
    result = run_search(query)
    return render(request, "search/search.html", {"query": query, "result": result})


@require_GET
def search_api(request: HttpRequest) -> JsonResponse:
    try:
        query = parse_query(request.GET)
    except QueryError as error:
        return JsonResponse({"error": str(error)}, status=400)
    result = run_search(query)
    return JsonResponse(
        {
            "count": result.count,
            "page": query.page,
            "results": [asdict(hit) for hit in result.hits],
            "facets": result.facets,
            "suggestion": None,
            "backend": result.backend,
            "limited": result.limited,
        }
    )
