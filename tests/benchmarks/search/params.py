"""Benchmark inputs as the search page receives them."""

from __future__ import annotations

from django.http import QueryDict


def search_params(text: str) -> QueryDict:
    """``"q=Sprachkurs&region=lueneburg"`` as a query string, anything else as
    the search text alone."""
    if "=" in text:
        return QueryDict(text)
    params = QueryDict(mutable=True)
    params["q"] = text
    return params
