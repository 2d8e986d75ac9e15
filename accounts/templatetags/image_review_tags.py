"""What the Wagtail admin shows for a member's picture that is not public:
its file waits in the private storage (``kb.images``) or was deleted on
rejection, so Wagtail cannot make a rendition of it and would show a missing
file. Instead the image listing, the image chooser and the image's edit page
show the editors' preview (made on request from the private file,
``image_review_thumbnail``) or, for users who may not review and for rejected
pictures, only the state; a chooser field in a page's form and the
comparison of two revisions, rendered without the request, show the state
(``chosen_image_state``, ``image_state``)."""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from django import template
from django.urls import Resolver404, resolve, reverse
from wagtail.images import get_image_model

from kb.models import ImageModeration

from ..images import thumbnail_size
from ..views.image_review import can_review

register = template.Library()

LISTING_SIZE = 165  # Wagtail's listing renditions are max-165x165
_KNOWN_STATES = "image_review_tags.known_states"  # a key of the render context


@dataclass(frozen=True)
class WaitingPreview:
    state: str
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
def waiting_preview(context, image, box: int = LISTING_SIZE) -> WaitingPreview | None:
    """None for a public picture (no moderation row, or approved) and for
    anything that is no picture (templates shared by all choosers); ``box``
    bounds the preview's width and height (the private preview itself is at
    most ``THUMBNAIL_SIZE``)."""
    if not isinstance(image, get_image_model()):
        return None
    request = context.get("request")
    state = _states(request).get(image.pk)
    if state is None:
        return None
    url = ""
    if state == ImageModeration.State.PENDING and request and can_review(request.user):
        url = reverse("image_review_thumbnail", args=[image.pk])
    width, height = _fit(image.width, image.height, box)
    return WaitingPreview(
        state=state,
        label=str(ImageModeration.State(state).label),
        url=url,
        width=width,
        height=height,
    )


def _image_id(edit_url: str) -> int | None:
    try:
        match = resolve(edit_url)
    except Resolver404:
        return None
    if match.view_name != "wagtailimages:edit":
        return None
    return match.kwargs.get("image_id")


@register.simple_tag(takes_context=True)
def chosen_image_state(context, edit_url: str) -> str:
    """The state label of the picture a chooser field holds ("" when it is
    public or none is chosen). A widget is rendered without the request and
    knows its picture only by the link to its edit page."""
    return _state_label(context, _image_id(edit_url) if edit_url else None)


@register.simple_tag(takes_context=True)
def image_state(context, image) -> str:
    """The state label of a picture that is not public ("" when it is),
    where the template has no request (the comparison of two revisions)."""
    return _state_label(context, image.pk if image else None)


def _state_label(context, image_id: int | None) -> str:
    """One query per picture (as Wagtail's own preview rendition costs),
    kept in the render context for the template's other blocks."""
    if image_id is None:
        return ""
    known = context.render_context.setdefault(_KNOWN_STATES, {})
    if image_id not in known:
        state = (
            ImageModeration.objects.filter(image_id=image_id)
            .exclude(state=ImageModeration.State.APPROVED)
            .values_list("state", flat=True)
            .first()
        )
        known[image_id] = str(ImageModeration.State(state).label) if state else ""
    return known[image_id]
