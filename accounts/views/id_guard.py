"""Wagtail's choosers of documents and snippets, and its copying of a
page, guarded against a malformed object number.

A chooser's answer to a choice takes the object's number from the path
(``chosen/<pk>/``) or from the query (``chosen-multiple/?id=…``) and hands
it to the database unchecked, so ``abc`` or ``²`` ended in ``int()`` and a
server error. These routes take the paths of Wagtail's own views and come
first (``accounts.wagtail_hooks``), answer a malformed number with a German
explanation (404 in the path, 400 in the query) and hand every other
request to Wagtail's view unchanged. The image chooser has its own guard
(``image_guard``), which uses the same check.

Copying a page reads the target page's number from the form before the
form is validated, so a missing, malformed or unknown number was a 500 as
well; ``check_copy_target`` answers it first (hook ``before_copy_page``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps

from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, include, path
from wagtail.models import Page

# URL names of a chooser viewset's views that take object numbers.
CHOOSER_VIEWS = {"chosen", "chosen_multiple"}
TEMPLATE = "accounts/admin/malformed_id.html"


def malformed(values: Iterable[str]) -> bool:
    """Whether any value is not a plain number (ASCII digits only: ``²``
    passes ``isdigit`` but not ``int``, ``-1`` is no object's number)."""
    return not all(value.isascii() and value.isdigit() for value in values)


def guard(view: Callable) -> Callable:
    """``view`` for well-formed numbers; a 404 for a malformed one in the
    path, a 400 for one in the query."""

    @wraps(view)
    def guarded(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        in_path = "pk" in kwargs
        values = [str(kwargs["pk"])] if in_path else request.GET.getlist("id")
        if malformed(values):
            return render(request, TEMPLATE, status=404 if in_path else 400)
        return view(request, *args, **kwargs)

    return guarded


def reroute(
    patterns: list, names: set[str], wrap: Callable[[Callable], Callable]
) -> list[URLPattern]:
    """The URL patterns named ``names`` with their views wrapped by
    ``wrap``, under the same paths; a renamed view of Wagtail fails when the
    URLs load, not with a 500 later."""
    found = [
        path(str(pattern.pattern), wrap(pattern.callback))
        for pattern in patterns
        if isinstance(pattern, URLPattern) and pattern.name in names
    ]
    if len(found) != len(names):
        raise LookupError(f"Wagtail's admin views changed: {names}")
    return found


def _guarded_chooser(viewset) -> URLPattern:
    return path(
        f"{viewset.url_prefix}/",
        include(reroute(viewset.get_urlpatterns(), CHOOSER_VIEWS, guard)),
    )


def guarded_chooser_urls() -> list:
    """Routes for ``register_admin_urls``, to be registered before
    Wagtail's: the document chooser and the chooser of every snippet model
    whose objects are numbered (a text key may look like anything)."""
    from wagtail.documents.views.chooser import viewset as document_chooser
    from wagtail.snippets.models import get_snippet_models

    viewsets = [document_chooser] + [
        model.snippet_viewset.chooser_viewset
        for model in get_snippet_models()
        if isinstance(model._meta.pk, models.IntegerField)
    ]
    return [_guarded_chooser(viewset) for viewset in viewsets]


def check_copy_target(request: HttpRequest, page: Page) -> HttpResponse | None:
    """For ``before_copy_page``: a 400 with a German explanation when the
    copy form names no existing target page, else None (Wagtail goes on)."""
    if request.method != "POST":
        return None
    value = request.POST.get("new_parent_page", "")
    if not malformed([value]) and Page.objects.filter(pk=int(value)).exists():
        return None
    return render(request, TEMPLATE, {"copy_target": True}, status=400)
