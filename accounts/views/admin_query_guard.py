"""Wagtail admin listings, choosers and the admin API, guarded against
query values that ended in a 500.

A walk over every listing of the admin with malformed query values
(``tests/accounts/test_admin_listing_queries.py``, docs/accounts.md) found:

- a search (``q``, the admin API's ``search``) of more than about 130
  words: the database search backend nests one condition per word and
  compiles them recursively (``RecursionError``), in every searchable
  listing and chooser;
- a NUL character in a value PostgreSQL compares as text (the image
  chooser's ``tag``, the admin API's ``search`` and ``locale``):
  ``DataError``;
- the admin API's ``offset`` beyond bigint: ``DataError``;
- the link choosers' ``parent_page_id`` that is no number: the template
  reverses the page chooser's address with it (``NoReverseMatch``).

Wagtail offers no hook before these values are used, so, as in
``admin_address_guard``, routes in front of ``include(wagtailadmin_urls)``
wrap the views: every listing and chooser view of Wagtail's list (by their
base classes, so new snippets are covered too) and the named ones below.
The routes keep Wagtail's own path patterns (the admin API's are regular
expressions). A bad value gets a German explanation and a 400; every other
request goes to Wagtail's view unchanged, after the admin login.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, URLResolver
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.generic.base import BaseListingView
from wagtail.admin.views.generic.chooser import BaseChooseView

from .admin_address_guard import BIGINT_MAX, GUARDED
from .id_guard import TEMPLATE, malformed

# Far below the ~130 words at which the search backend overflows the
# stack; no editor searches with more.
MAX_SEARCH_WORDS = 50
SEARCH_PARAMETERS = ("q", "search")

# (namespace path, URL name) of views that are neither listings nor
# choosers by class but read the values checked here.
NAMED = {
    ("", "wagtailadmin_explore"),
    ("", "wagtailadmin_explore_results"),
    ("wagtailadmin_pages", "type_use"),
    ("wagtailadmin_pages", "type_use_results"),
    ("", "wagtailadmin_choose_page"),
    ("", "wagtailadmin_choose_page_child"),
    ("", "wagtailadmin_choose_page_search"),
    ("", "wagtailadmin_choose_page_external_link"),
    ("", "wagtailadmin_choose_page_email_link"),
    ("", "wagtailadmin_choose_page_phone_link"),
    ("", "wagtailadmin_choose_page_anchor_link"),
    ("", "wagtailadmin_tag_autocomplete"),
    ("wagtailadmin_api:pages", "listing"),
    ("wagtailadmin_api:documents", "listing"),
    ("wagtailadmin_api:images", "listing"),
}


def problem(request: HttpRequest) -> str | None:
    """What is wrong with the query, as a key of the template's messages,
    or None."""
    pairs = [(key, value) for key, values in request.GET.lists() for value in values]
    if any("\x00" in key + value for key, value in pairs):
        return "bad_character"
    searches = [
        value for name in SEARCH_PARAMETERS for value in request.GET.getlist(name)
    ]
    if any(len(value.split()) > MAX_SEARCH_WORDS for value in searches):
        return "long_search"
    parents = [value for value in request.GET.getlist("parent_page_id") if value]
    offsets = [
        value for value in request.GET.getlist("offset") if not malformed([value])
    ]
    if malformed(parents) or any(int(value) > BIGINT_MAX for value in offsets):
        return "bad_number"
    return None


def guard(view: Callable) -> Callable:
    """``view`` unless the query has a value it cannot take; the admin
    login still comes first."""

    @wraps(view)
    def guarded(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        found = problem(request)
        if found:
            context = {found: True, "max_words": MAX_SEARCH_WORDS}
            return render(request, TEMPLATE, context, status=400)
        return view(request, *args, **kwargs)

    return require_admin_access(guarded)


def selected(namespace: str, pattern: URLPattern) -> bool:
    if (namespace.rpartition(":")[2], pattern.name) in GUARDED:
        return False  # admin_address_guard's route comes first
    view_class = getattr(pattern.callback, "view_class", None)
    listing = isinstance(view_class, type) and issubclass(
        view_class, BaseListingView | BaseChooseView
    )
    return listing or (namespace, pattern.name) in NAMED


def _wrapped(patterns: list, namespace: str, found: set) -> list:
    """The selected patterns of ``patterns`` with guarded views, nested
    under Wagtail's own path patterns, without names (``reverse()`` keeps
    finding Wagtail's)."""
    kept: list = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace]))
            children = _wrapped(pattern.url_patterns, inner, found)
            if children:
                kept.append(
                    URLResolver(pattern.pattern, children, pattern.default_kwargs)
                )
        elif isinstance(pattern, URLPattern) and selected(namespace, pattern):
            found.add((namespace, pattern.name))
            view = guard(pattern.callback)
            kept.append(URLPattern(pattern.pattern, view, pattern.default_args))
    return kept


def guarded_listing_urls() -> list:
    """Routes to include under ``admin/`` before ``wagtailadmin_urls``."""
    found: set = set()
    routes = _wrapped(wagtailadmin_urls.urlpatterns, "", found)
    if missing := NAMED - found:
        raise LookupError(f"Wagtail's admin views changed: {sorted(missing)}")
    return routes
