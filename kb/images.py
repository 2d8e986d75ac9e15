"""Which pictures public pages may show.

An initiative member's upload gets a pending ``ImageModeration`` row and stays
off public pages until an editor approves it; pictures editors upload in the
admin have no row and are public at once. Public templates render pictures
through ``templates/includes/picture.html``, which asks ``is_public``; code
that picks a picture by query filters with ``public_lookup``, e.g. a
project's lead picture: ``page.gallery_images.filter(public_lookup("image"))``.
"""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q
from django.utils import timezone

from .models.images import ImageModeration

APPROVED = ImageModeration.State.APPROVED


def public_lookup(relation: str = "") -> Q:
    """Images without a moderation row or with an approved one; ``relation``
    is the path to the image from the queried model ("" for images)."""
    prefix = f"{relation}__" if relation else ""
    return Q(**{f"{prefix}moderation__isnull": True}) | Q(
        **{f"{prefix}moderation__state": APPROVED}
    )


def is_public(image) -> bool:
    if image is None:
        return False
    try:
        moderation = image.moderation
    except ObjectDoesNotExist:
        return True
    return moderation.state == APPROVED


def hold_for_review(image) -> ImageModeration:
    """Keep a member's new upload off public pages until an editor decides."""
    return ImageModeration.objects.create(image=image)


def decide(image, approved: bool, user) -> ImageModeration:
    state = APPROVED if approved else ImageModeration.State.REJECTED
    moderation, _ = ImageModeration.objects.update_or_create(
        image=image,
        defaults={"state": state, "decided_at": timezone.now(), "decided_by": user},
    )
    return moderation
