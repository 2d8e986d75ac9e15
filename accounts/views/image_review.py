"""The editors' approval of pictures initiative members uploaded
(Wagtail admin → Bilder → Bildfreigabe)."""

from __future__ import annotations

import mimetypes

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kb import images
from kb.models import ImageModeration

from ..images import thumbnail, thumbnail_size
from ..models import InitiativeCollection
from .id_guard import malformed

PERMISSION = "kb.change_imagemoderation"


def can_review(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm(PERMISSION))


def _pending():
    return (
        ImageModeration.objects.filter(state=ImageModeration.State.PENDING)
        .select_related("image")
        .order_by("uploaded_at")
    )


@require_http_methods(["GET", "POST"])
def image_review(request: HttpRequest) -> HttpResponse:
    if not can_review(request.user):
        raise PermissionDenied
    if request.method == "POST":
        decision = request.POST.get("decision")
        image_id = request.POST.get("image", "")
        # Only ASCII digits: "²" is isdigit() but no number (a 500 before).
        number = not malformed([image_id])
        row = _pending().filter(pk=image_id).first() if number else None
        if row is None or decision not in {"approve", "reject"}:
            messages.error(request, _("Dieses Bild wartet nicht mehr auf Freigabe."))
            return redirect("image_review")
        approved = decision == "approve"
        images.decide(row.image, approved, request.user)
        if approved:
            messages.success(request, _("Das Bild ist freigegeben."))
        else:
            messages.success(request, _("Das Bild ist abgelehnt."))
        return redirect("image_review")
    rows = list(_pending()[:200])
    initiatives = dict(
        InitiativeCollection.objects.filter(
            collection__in=[row.image.collection_id for row in rows]
        ).values_list("collection_id", "initiative__title")
    )
    entries = [
        {
            "row": row,
            "initiative": initiatives.get(row.image.collection_id, ""),
            "size": thumbnail_size(row.image.width, row.image.height),
        }
        for row in rows
    ]
    return render(request, "accounts/admin/image_review.html", {"entries": entries})


def _pending_image(request: HttpRequest, pk: int):
    if not can_review(request.user):
        raise PermissionDenied
    row = _pending().filter(pk=pk).first()
    if row is None:
        raise Http404
    return row.image


def _private(response: HttpResponse) -> HttpResponse:
    # A pending picture must not land in a shared cache; and as on /media/,
    # an upload is data, never a page.
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def image_review_thumbnail(request: HttpRequest, pk: int) -> HttpResponse:
    """The review list's preview of a pending picture: made on request from
    the private file, for editors only."""
    image = _pending_image(request, pk)
    try:
        content = thumbnail(image)
    except FileNotFoundError:
        raise Http404 from None
    return _private(HttpResponse(content, content_type="image/webp"))


def image_review_original(request: HttpRequest, pk: int) -> HttpResponse:
    """The pending picture in full, for editors only."""
    image = _pending_image(request, pk)
    try:
        with images.open_original(image) as handle:
            content = handle.read()
    except FileNotFoundError:
        raise Http404 from None
    content_type = mimetypes.guess_type(image.file.name)[0]
    return _private(HttpResponse(content, content_type=content_type or "image/jpeg"))
