"""Whole-page cache of the public site for anonymous visitors.

Every anonymous GET of an HTML page (and of the sitemap and the feeds) is
stored for ``PAGE_CACHE_SECONDS`` under a key made of a *content version*, the
host, the active language and the full path with its query string. Any
publish, unpublish, move or delete of a page, any save or delete of a row in
``PUBLIC_MODELS`` (taxonomy, snippets, tags, images, restrictions, matches,
synonyms, promotions) or of ``PUBLIC_WHEN`` in its public state (a confirmed
signature), a matching task that changed something, and the search
outbox drain once Elasticsearch has refreshed its writes (``search.tasks``)
replace the version, so the next request renders afresh: the cache never has
to find out which pages a change touches. Pages changed without any of these
signals (bulk updates in management commands) are at most
``PAGE_CACHE_SECONDS`` old.

Never cached: requests with a session or messages cookie (logged-in users,
visitors with pending messages), anything but GET, admin and account URLs,
responses that set cookies, say ``private``/``no-store``/``no-cache``, or carry
a signed form timestamp (``kb.antispam``). Forms keep working: the CSRF token is
stored as a placeholder and each visitor gets their own token on a hit.

The cache is Django's default cache (Redis, ``config.cache``): when Redis is
down every lookup is a miss and pages render as usual.
"""

from __future__ import annotations

import hashlib
import re
import threading
import uuid
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language
from wagtail.signals import page_published, page_unpublished, post_page_move

T = TypeVar("T")
VERSION_KEY = "npa:page-cache:version"
KEY_PREFIX = "npa:page-cache:page"
EXCLUDED_PREFIXES = ("/admin/", "/konto/", "/i18n/", "/dokumente/", "/static/")
# Every model besides pages whose rows a public page shows (a listing, the
# search page, the sitemap, a feed): saving or deleting one bumps the
# version. Pages themselves bump when published, unpublished, moved or
# deleted. Rows of ``PUBLIC_WHEN`` bump only in the state a page shows.
# Nothing else does: a contact request changes no cached page, so form spam
# cannot empty the cache.
PUBLIC_MODELS = frozenset(
    {
        "wagtailcore.site",
        "wagtailcore.pageviewrestriction",
        "wagtailimages.image",
        "kb.region",
        "kb.district",
        "kb.fieldofaction",
        "kb.targetgroup",
        "kb.offerneedcategory",
        "kb.organisationtype",
        "kb.partner",
        "kb.goodexamplecollection",
        "kb.goodexampleitem",
        "kb.imagemoderation",
        "projects.projectpagetag",
        "projects.projectoffer",
        "projects.projectneed",
        "projects.projectgalleryimage",
        "taggit.tag",
        "taggit.taggeditem",
        "matching.match",
        # What search pages show: synonyms, the English glossary, promotions.
        "search.synonymgroup",
        "search.glossaryentry",
        "wagtailsearchpromotions.searchpromotion",
    }
)
# Rows a public page shows only in some state, with the test for it. A
# signature counts on the home page and the statistics once it is confirmed
# (the call page itself carries a signed form and is never stored); what the
# sign form writes is unconfirmed and changes nothing a visitor sees.
# ``kb.signatures`` confirms with an update, which sends no signal, and bumps
# itself.
PUBLIC_WHEN: dict[str, Callable[[Any], bool]] = {
    "kb.signature": lambda signature: signature.confirmed_at is not None,
}
# Tasks that change what match lists show; the search index's own writes
# bump once they are searchable (``search.tasks``).
WATCHED_TASKS = ("matching.tasks.",)
CSRF_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
CSRF_PLACEHOLDER = b"__npa_csrf_token__"
SIGNED_FORM_MARKER = b'name="form_ts"'
HEADER = "X-Page-Cache"
# Pages, and the sitemap and feeds, which list the same content (the sitemap
# took a second to render at 10k projects).
STORED_TYPES = (
    "text/html",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
)


def cache_seconds() -> int:
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 0))


# The version one request has read (``PageCacheMiddleware`` opens a scope
# per request): a page reads a dozen values under it, and each Redis round
# trip costs more than the value. Outside a request (workers, commands)
# every call reads Redis.
_request_scope: ContextVar[dict | None] = ContextVar("npa_version_scope", default=None)


def current_version() -> str | None:
    """The content version, created on first use; None when Redis is down.
    Read once per request."""
    scope = _request_scope.get()
    if scope is not None and scope.get("version") is not None:
        return scope["version"]
    version = cache.get(VERSION_KEY)
    if version is None:
        # A fresh random token, never an old one: entries stored under a
        # version that was evicted must not come back to life.
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    if scope is not None:
        scope["version"] = version
    return version


def _set_version(version: str) -> None:
    cache.set(VERSION_KEY, version, timeout=None)
    scope = _request_scope.get()
    if scope is not None:
        # The request that made the change reads under the new version too.
        scope["version"] = version


def bump_version() -> None:
    """Make every cached page stale, now and again once the transaction
    commits (a request that read the new version before the commit could
    otherwise store the old content under it)."""

    def bump() -> None:
        _set_version(uuid.uuid4().hex)

    bump()
    transaction.on_commit(bump)


def versioned_value(name: str, load: Callable[[], T], seconds: int = 3600) -> T:
    """A small site-wide value (footer links, navigation, district seats,
    home counters, restricted paths) kept in Redis under the content version:
    every public change replaces the version, so the value is never older
    than the pages showing it. Loaded afresh when Redis is down.

    Within a request, the first value read fetches every value this process
    has read before, in one round trip (``_request_values``)."""
    version = current_version()
    if version is None:
        return load()
    values = _request_values(version)
    if values is not None and name in values:
        return values[name]
    with _names_lock:
        fetched = values is not None and name in _names
        _names.add(name)
    key = _value_key(name, version)
    value = None if fetched else cache.get(key)
    if value is None:
        value = load()
        cache.set(key, value, seconds)
    if values is not None:
        values[name] = value
    return value


# The names of the values this process has read; no values are kept here.
_names: set[str] = set()
_names_lock = threading.Lock()


def _value_key(name: str, version: str) -> str:
    return f"npa:value:{name}:{version}"


def _request_values(version: str) -> dict | None:
    """The values of this version the current request has, fetched together
    on first use; None outside a request."""
    scope = _request_scope.get()
    if scope is None:
        return None
    if scope.get("values_version") != version:
        with _names_lock:
            names = sorted(_names)
        keys = {_value_key(name, version): name for name in names}
        found = cache.get_many(list(keys)) if keys else {}
        scope["values"] = {keys[key]: value for key, value in found.items()}
        scope["values_version"] = version
    return scope["values"]


def clear_page_cache() -> None:
    """Forget every stored page (benchmarks and tests)."""
    _set_version(uuid.uuid4().hex)


def page_key(request: HttpRequest, version: str) -> str:
    where = f"{request.get_host()}|{get_language()}|{request.get_full_path()}"
    digest = hashlib.sha256(where.encode()).hexdigest()[:32]
    return f"{KEY_PREFIX}:{version}:{digest}"


def _eligible(request: HttpRequest) -> bool:
    if request.method != "GET" or cache_seconds() <= 0:
        return False
    if request.path.startswith(EXCLUDED_PREFIXES):
        return False
    # No session means an anonymous visitor without pending messages; checking
    # the cookies, not request.user, costs no query.
    cookies = request.COOKIES
    return not (
        settings.SESSION_COOKIE_NAME in cookies
        or "messages" in cookies
        or "HTTP_AUTHORIZATION" in request.META
    )


def _storable(response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not response.get("Content-Type", "").startswith(STORED_TYPES):
        return False
    control = response.get("Cache-Control", "")
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False
    return SIGNED_FORM_MARKER not in response.content


def _entry(response: HttpResponse) -> dict:
    content = CSRF_FIELD.sub(rb"\1" + CSRF_PLACEHOLDER + rb"\2", response.content)
    headers = [
        (name, value)
        for name, value in response.items()
        if name.lower() not in {"content-length", "vary", "set-cookie"}
    ]
    return {"content": content, "headers": headers}


def _response(request: HttpRequest, entry: dict) -> HttpResponse:
    content = entry["content"]
    if CSRF_PLACEHOLDER in content:
        # get_token also makes CsrfViewMiddleware set the visitor's cookie.
        content = content.replace(CSRF_PLACEHOLDER, get_token(request).encode())
    response = HttpResponse(content)
    for name, value in entry["headers"]:
        response[name] = value
    response[HEADER] = "hit"
    return response


class PageCacheMiddleware:
    """Serves and stores whole pages; sits after the authentication and
    message middleware so nothing outside it depends on the view having run."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        scope = _request_scope.set({})
        try:
            return self._serve(request)
        finally:
            _request_scope.reset(scope)

    def _serve(self, request: HttpRequest) -> HttpResponse:
        if not _eligible(request):
            return self.get_response(request)
        version = current_version()
        if version is None:
            return self.get_response(request)
        key = page_key(request, version)
        entry = cache.get(key)
        if entry is not None:
            return _response(request, entry)
        response = self.get_response(request)
        if _storable(response):
            cache.set(key, _entry(response), cache_seconds())
            response[HEADER] = "miss"
        return response


def _on_page_change(sender=None, **kwargs) -> None:
    bump_version()


def _is_public_row(instance) -> bool:
    from wagtail.models import Page

    if isinstance(instance, Page):
        return True
    label = instance._meta.label_lower
    shown = PUBLIC_WHEN.get(label)
    return label in PUBLIC_MODELS or (shown is not None and shown(instance))


def _on_row_change(
    sender=None, instance=None, raw=False, created=None, update_fields=None, **kwargs
):
    from wagtail.models import Page

    if raw or instance is None or not _is_public_row(instance):
        return
    # Saving a draft writes the page row too; only publishing shows it, and
    # page_published covers that. A change made to the live version without
    # review (``accounts.pagechanges``) sets a new live revision while a
    # draft waits, and shows at once. Deletes and other rows always count.
    if (
        isinstance(instance, Page)
        and created is False
        and instance.has_unpublished_changes
        and "live_revision" not in (update_fields or ())
    ):
        return
    bump_version()


def _on_relation_change(sender=None, instance=None, action="", **kwargs) -> None:
    if action.startswith("post_") and instance is not None and _is_public_row(instance):
        bump_version()


def _on_task_success(sender=None, result=None, **kwargs) -> None:
    name = getattr(sender, "name", "") or ""
    if name.startswith(WATCHED_TASKS) and result not in (0, None, False, (0, 0)):
        bump_version()


page_published.connect(_on_page_change, dispatch_uid="npa-page-cache-published")
page_unpublished.connect(_on_page_change, dispatch_uid="npa-page-cache-unpublished")
post_page_move.connect(_on_page_change, dispatch_uid="npa-page-cache-moved")
post_save.connect(_on_row_change, dispatch_uid="npa-page-cache-saved")
post_delete.connect(_on_row_change, dispatch_uid="npa-page-cache-deleted")
m2m_changed.connect(_on_relation_change, dispatch_uid="npa-page-cache-m2m")


def _connect_celery() -> None:
    from celery.signals import task_success

    task_success.connect(_on_task_success, dispatch_uid="npa-page-cache-tasks")


_connect_celery()
