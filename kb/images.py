"""Which pictures public pages may show, and where their files wait.

An initiative member's upload gets a pending ``ImageModeration`` row and stays
off public pages until an editor approves it; pictures editors upload in the
admin have no row and are public at once. Public templates render pictures
through ``templates/includes/picture.html``, which asks ``is_public``; code
that picks a picture by query filters with ``public_lookup``, e.g. a
project's lead picture: ``page.gallery_images.filter(public_lookup("image"))``.

Until the approval the file itself is not under MEDIA_ROOT either (the proxy
serves that folder to anyone who guesses a name): ``store_pending`` writes it
to the ``private`` storage (``PRIVATE_MEDIA_ROOT``), and the image row already
carries the name it will have in the public storage. Nothing exists under
that name yet, so no rendition can be made of a pending picture. ``decide``
moves the file on approval and deletes it on rejection; members and editors
see pending pictures only through signed-in views (``open_original``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import ObjectDoesNotExist
from django.core.files.base import File
from django.core.files.images import get_image_dimensions
from django.core.files.storage import Storage, default_storage, storages
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from .models.images import ImageModeration

APPROVED = ImageModeration.State.APPROVED


def private_storage() -> Storage:
    return storages["private"]


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


def store_pending(content: File, **fields):
    """A new image (``fields`` for the model) with ``content`` as its file in
    the private storage, held for review. A failure while saving the rows
    deletes the file again."""
    private = private_storage()
    model = get_image_model()
    width, height = get_image_dimensions(content)
    content.seek(0)
    file_hash = hash_filelike(content)
    content.seek(0)
    name = private.save(model().get_upload_to(content.name), content)
    try:
        # A plain name given to the constructor is a committed file whose
        # size is known: saving the row writes and reads nothing in the
        # public storage.
        image = model(
            file=name,
            width=width,
            height=height,
            file_size=content.size,
            file_hash=file_hash,
            **fields,
        )
        image.save()
        hold_for_review(image)
    except BaseException:
        private.delete(name)
        raise
    return image


@contextmanager
def open_original(image) -> Iterator[File]:
    """The original file of an image, pending or public, for signed-in
    previews. Raises FileNotFoundError when it is gone (a rejected upload)."""
    private = private_storage()
    name = image.file.name
    if not is_public(image) and private.exists(name):
        handle = private.open(name, "rb")
    elif default_storage.exists(name):
        handle = default_storage.open(name, "rb")
    else:
        raise FileNotFoundError(name)
    try:
        yield handle
    finally:
        handle.close()


def _publish_file(image) -> str | None:
    """Copy a pending file to the public storage; returns the private name
    to delete once the decision is committed (None when there is none: an
    upload from before private storage, already public)."""
    private = private_storage()
    name = image.file.name
    if not private.exists(name):
        return None
    with private.open(name, "rb") as handle:
        public_name = default_storage.save(name, handle)
    if public_name != name:
        image.file = public_name
        image.save(update_fields=["file"])
    return name


def decide(image, approved: bool, user) -> ImageModeration:
    """Approve (the file moves to the public storage) or reject (the file is
    deleted; the row stays, so the member sees the decision)."""
    state = APPROVED if approved else ImageModeration.State.REJECTED
    private = private_storage()
    private_name = None
    published_name = None
    try:
        with transaction.atomic():
            if approved:
                private_name = _publish_file(image)
                published_name = image.file.name if private_name else None
            elif private.exists(image.file.name):
                private_name = image.file.name
            else:
                # An upload from before the private storage: its file is public.
                public_name = image.file.name
                transaction.on_commit(lambda: default_storage.delete(public_name))
            moderation, _ = ImageModeration.objects.update_or_create(
                image=image,
                defaults={
                    "state": state,
                    "decided_at": timezone.now(),
                    "decided_by": user,
                },
            )
    except BaseException:
        if published_name:
            default_storage.delete(published_name)
        raise
    if private_name:
        transaction.on_commit(lambda: private.delete(private_name))
    return moderation


def make_private(image) -> bool:
    """Move a waiting upload's file from the public storage to the private
    one (uploads from before the private storage); True when moved."""
    if is_public(image) or not default_storage.exists(image.file.name):
        return False
    private = private_storage()
    with default_storage.open(image.file.name, "rb") as handle:
        stored = private.save(image.file.name, handle)
    if stored != image.file.name:
        private.delete(stored)
        raise FileExistsError(stored)
    default_storage.delete(image.file.name)
    return True


def forget_private_file(sender, instance, **kwargs) -> None:
    """``pre_delete`` of images (``kb.apps``): a deleted image that was never
    approved would leave its private file behind (Wagtail deletes only the
    public one)."""
    state = (
        ImageModeration.objects.filter(image=instance)
        .values_list("state", flat=True)
        .first()
    )
    if state is None or state == APPROVED:
        return
    name = instance.file.name
    private = private_storage()
    transaction.on_commit(lambda: private.delete(name))
