"""Wagtail admin views that answered a hand-made address with a 500, guarded.

Wagtail's own admin URL list serves these views before any
``register_admin_urls`` hook, so the guards are routes in front of
``include(wagtailadmin_urls)`` in ``config/urls.py``. They take the paths
and views from Wagtail's list (a renamed view fails when the URLs load),
check the one value the view reads unchecked, answer a malformed one with
a German explanation (``id_guard.TEMPLATE``; 404 in the path, 400 in the
query or form) and hand every other request to Wagtail's view unchanged:

- bulk actions: ``?id=`` a number or ``all``, ``?childOf=`` a number
  (``int('abc')``);
- the page chooser's choice of several pages: ``?id=`` a number;
- the editing session's ping: the object's number in the path, for models
  with numbered objects;
- reordering a page: ``?position=`` a number PostgreSQL takes as an
  ``OFFSET`` (at most bigint);
- adding or editing a workflow: each ``pages-<n>-page``,
  ``workflow_tasks-<n>-task`` and ``workflow_tasks-<n>-id`` a number (the
  page and task choosers re-rendered ``abc`` with ``int()``, the task
  formset's id raised ``ValidationError``); likewise a group's
  ``page_permissions-<n>-page``, a redirect's ``redirect_page`` and a
  site's ``root_page`` (page choosers);
- bulk actions and a page's creation, edit, delete, unpublish, copy,
  lock, unlock and alias conversion: ``?next=`` an address. One with neither
  ``/`` nor ``.`` is what ``redirect()`` takes for a view name
  (``NoReverseMatch``); Wagtail itself never sends one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import wraps

from django.apps import apps
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, URLResolver, path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access

from .id_guard import TEMPLATE, malformed

# PostgreSQL's OFFSET is a bigint.
BIGINT_MAX = 2**63 - 1
WORKFLOW_NUMBER_FIELD = re.compile(r"pages-\d+-page|workflow_tasks-\d+-(?:task|id)")
GROUP_NUMBER_FIELD = re.compile(r"page_permissions-\d+-page")
REDIRECT_NUMBER_FIELD = re.compile(r"redirect_page")
SITE_NUMBER_FIELD = re.compile(r"root_page")

Check = Callable[[HttpRequest, dict], bool]


def bad_next(request: HttpRequest) -> bool:
    """Whether ``next`` (form or query, as Wagtail reads it) is something
    ``redirect()`` would take for a view name instead of an address."""
    value = request.POST.get("next") or request.GET.get("next") or ""
    return bool(value) and "/" not in value and "." not in value


def bad_bulk_action(request: HttpRequest, kwargs: dict) -> bool:
    ids = [value for value in request.GET.getlist("id") if value != "all"]
    return malformed(ids) or malformed(request.GET.getlist("childOf"))


def bad_chosen_pages(request: HttpRequest, kwargs: dict) -> bool:
    return malformed(request.GET.getlist("id"))


def bad_ping(request: HttpRequest, kwargs: dict) -> bool:
    try:
        model = apps.get_model(kwargs["app_label"], kwargs["model_name"])
    except LookupError:
        return False  # Wagtail answers 404
    numbered = isinstance(model._meta.pk, models.IntegerField)
    return numbered and malformed([kwargs["object_id"]])


def bad_position(request: HttpRequest, kwargs: dict) -> bool:
    values = request.GET.getlist("position")
    return malformed(values) or any(int(value) > BIGINT_MAX for value in values)


def _form_numbers(field: re.Pattern) -> Check:
    """The check that every filled form field named like ``field`` is a
    number."""

    def check(request: HttpRequest, kwargs: dict) -> bool:
        values = [
            value
            for key, values in request.POST.lists()
            if field.fullmatch(key)
            for value in values
            if value
        ]
        return malformed(values)

    return check


bad_workflow_numbers = _form_numbers(WORKFLOW_NUMBER_FIELD)
bad_group_pages = _form_numbers(GROUP_NUMBER_FIELD)
bad_redirect_page = _form_numbers(REDIRECT_NUMBER_FIELD)
bad_site_root = _form_numbers(SITE_NUMBER_FIELD)


def no_number(request: HttpRequest, kwargs: dict) -> bool:
    return False


# (namespace, URL name) of Wagtail's admin views: the check of the numbers
# they read, where those are (the path answers 404, query and form 400),
# and whether the view redirects to ``next``.
GUARDED: dict[tuple[str, str], tuple[Check, str, bool]] = {
    ("", "wagtail_bulk_action"): (bad_bulk_action, "query", True),
    ("", "wagtailadmin_choose_page_chosen_multiple"): (
        bad_chosen_pages,
        "query",
        False,
    ),
    ("wagtailadmin_editing_sessions", "ping"): (bad_ping, "path", False),
    ("wagtailadmin_pages", "set_page_position"): (bad_position, "query", False),
    ("wagtailadmin_workflows", "add"): (bad_workflow_numbers, "form", False),
    ("wagtailadmin_workflows", "edit"): (bad_workflow_numbers, "form", False),
    ("wagtailusers_groups", "add"): (bad_group_pages, "form", False),
    ("wagtailusers_groups", "edit"): (bad_group_pages, "form", False),
    ("wagtailredirects", "add"): (bad_redirect_page, "form", False),
    ("wagtailredirects", "edit"): (bad_redirect_page, "form", False),
    ("wagtailsites", "add"): (bad_site_root, "form", False),
    ("wagtailsites", "edit"): (bad_site_root, "form", False),
}
# Page views that redirect to ``next`` after their POST.
PAGE_VIEWS_WITH_NEXT = ["add", "edit", "delete", "unpublish", "copy", "lock"]
PAGE_VIEWS_WITH_NEXT += ["unlock", "convert_alias"]
GUARDED |= {
    ("wagtailadmin_pages", view): (no_number, "query", True)
    for view in PAGE_VIEWS_WITH_NEXT
}


def guard(view: Callable, check: Check, where: str, redirects: bool) -> Callable:
    """``view`` unless ``check`` finds a malformed number or ``next`` is no
    address; the admin login still comes first."""

    @wraps(view)
    def guarded(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if check(request, kwargs):
            status = 404 if where == "path" else 400
            context = {"in_form": where == "form"}
            return render(request, TEMPLATE, context, status=status)
        if redirects and bad_next(request):
            return render(request, TEMPLATE, {"bad_next": True}, status=400)
        return view(request, *args, **kwargs)

    return require_admin_access(guarded)


def _walk(
    patterns: list, prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str, URLPattern]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(
                pattern.url_patterns,
                prefix + str(pattern.pattern),
                pattern.namespace or namespace,
            )
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), namespace, pattern


def guarded_admin_urls() -> list[URLPattern]:
    """Routes to include under ``admin/`` before ``wagtailadmin_urls``."""
    found = [
        path(route, guard(pattern.callback, *GUARDED[namespace, pattern.name]))
        for route, namespace, pattern in _walk(wagtailadmin_urls.urlpatterns)
        if (namespace, pattern.name) in GUARDED
    ]
    if len(found) != len(GUARDED):
        raise LookupError(f"Wagtail's admin views changed: {sorted(GUARDED)}")
    return found
