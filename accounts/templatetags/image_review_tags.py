"""What the Wagtail admin's image listing shows for a member's picture that
is not public: its file waits in the private storage (``kb.images``) or was
deleted on rejection, so Wagtail cannot make a rendition of it and would show
a missing file. Instead the listing shows the editors' preview (made on
request from the private file, ``image_review_thumbnail``) or, for users who
may not review and for rejected pictures, only the state."""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from django import template
from django.urls import reverse

from kb.models import ImageModeration

from ..images import thumbnail_size
from ..views.image_review import can_review

register = template.Library()

LISTING_SIZE = 165  # Wagtail's listing renditions are max-165x165


@dataclass(frozen=True)
class WaitingPreview:
    label: str
    url: str
    width: int
    height: int


def _fit(width: int, height: int, box: int) -> tuple[int, int]:
    width, height = thumbnail_size(width, height)
    scale = min(1.0, box / max(width, height, 1))
    return max(1, round(width * scale)), max(1, round(height * scale))


# The states of a request's listing, read once for all its cells.
_states_of_request: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _read_states() -> dict[int, str]:
    return dict(
        ImageModeration.objects.exclude(
            state=ImageModeration.State.APPROVED
        ).values_list("image_id", "state")
    )


def _states(request) -> dict[int, str]:
    """Image id → state of every picture that is not public: one query per
    listing, not one per cell."""
    if request is None:
        return _read_states()
    found = _states_of_request.get(request)
    if found is None:
        found = _states_of_request[request] = _read_states()
    return found


@register.simple_tag(takes_context=True)
def waiting_preview(context, image) -> WaitingPreview | None:
    """None for a public picture (no moderation row, or approved)."""
    request = context.get("request")
    state = _states(request).get(image.pk)
    if state is None:
        return None
    url = ""
    if state == ImageModeration.State.PENDING and request and can_review(request.user):
        url = reverse("image_review_thumbnail", args=[image.pk])
    width, height = _fit(image.width, image.height, LISTING_SIZE)
    return WaitingPreview(
        label=str(ImageModeration.State(state).label),
        url=url,
        width=width,
        height=height,
    )
