"""Wagtail's image admin views that need a picture's file, guarded for
members' pictures that are not public.

Choosing pictures in the chooser (one, several, or one with a format for
rich text) and the URL generator's preview make a rendition of the file. A
picture waiting for review has its file only in the private storage, a
rejected one none at all (``kb.images``), so Wagtail's views answered them
with a server error, and a malformed picture number as well. The chooser
does not offer such pictures; these routes take the paths of Wagtail's own
views and come first (``accounts.wagtail_hooks``), answer a hand-typed or
outdated address with a German explanation, and hand every other request to
Wagtail's view unchanged."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import include, path

from kb.models import ImageModeration

from .id_guard import malformed, reroute
from .image_review import can_review

# URL names of the views to guard, per list of Wagtail's image admin URLs.
CHOOSER_VIEWS = {"chosen", "chosen_multiple", "select_format"}
IMAGE_VIEWS = {"preview"}
TEMPLATE = "accounts/admin/image_not_public.html"


def _requested_ids(request: HttpRequest, kwargs: dict) -> list[str]:
    if "pk" in kwargs:
        return [str(kwargs["pk"])]
    if "image_id" in kwargs:
        return [str(kwargs["image_id"])]
    return request.GET.getlist("id")


def _answer(request: HttpRequest, status: int, **context) -> HttpResponse:
    return render(request, TEMPLATE, context, status=status)


def guard(view: Callable) -> Callable:
    """``view`` for public pictures; a 404 for pictures that are not, a
    404 (in the path) or 400 (in the query) for a malformed number."""

    @wraps(view)
    def guarded(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        ids = _requested_ids(request, kwargs)
        if malformed(ids):
            in_path = "pk" in kwargs or "image_id" in kwargs
            return _answer(request, 404 if in_path else 400, malformed=True)
        held = list(
            ImageModeration.objects.filter(image_id__in=[int(v) for v in ids])
            .exclude(state=ImageModeration.State.APPROVED)
            .order_by("image_id")
        )
        if not held:
            return view(request, *args, **kwargs)
        pending = any(row.state == ImageModeration.State.PENDING for row in held)
        return _answer(
            request,
            404,
            held=[
                {"id": row.image_id, "label": row.get_state_display()} for row in held
            ],
            rejected_only=not pending,
            single=len(ids) == 1,
            review_link=pending and can_review(request.user),
        )

    return guarded


def guarded_image_urls() -> list:
    """Routes for ``register_admin_urls``, to be registered before
    Wagtail's (their paths are Wagtail's, the views wrap Wagtail's)."""
    from wagtail.images import admin_urls
    from wagtail.images.views.chooser import viewset as chooser_viewset

    return [
        path(
            f"{chooser_viewset.url_prefix}/",
            include(reroute(chooser_viewset.get_urlpatterns(), CHOOSER_VIEWS, guard)),
        ),
        path("images/", include(reroute(admin_urls.urlpatterns, IMAGE_VIEWS, guard))),
    ]
