"""Checking and re-encoding uploaded images.

Only the pixels survive: the file is decoded completely and written anew, so
appended archives or scripts (polyglots), metadata, EXIF and GPS positions
never reach storage. Orientation from EXIF is applied to the pixels first."""

from __future__ import annotations

import logging
import uuid
import warnings
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Sum
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError
from wagtail.images import get_image_model
from wagtail.models import Collection

from kb.images import open_original, store_pending
from kb.models import ImageModeration
from projects.models import InitiativePage

from .models import InitiativeCollection

logger = logging.getLogger(__name__)
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MESSAGES = {
    "too_large": _("Die Datei ist größer als 10 MB. Bitte verkleinern Sie das Bild."),
    "too_many_pixels": _(
        "Das Bild hat zu viele Bildpunkte (höchstens 40 Megapixel). "
        "Bitte verkleinern Sie es."
    ),
    "svg": _(
        "SVG-Grafiken können wir aus Sicherheitsgründen nicht annehmen. "
        "Bitte laden Sie ein JPEG-, PNG- oder WebP-Bild hoch."
    ),
    "format": _("Bitte laden Sie ein Bild im Format JPEG, PNG oder WebP hoch."),
    "quota": _(
        "Ihre Initiative hat schon %(limit)s Bilder. Bitte löschen Sie nicht "
        "mehr benötigte Bilder, bevor Sie neue hochladen."
    ),
    "quota_bytes": _(
        "Der Speicherplatz Ihrer Initiative für Bilder (%(size)s) reicht "
        "für dieses Bild nicht mehr. Bitte löschen Sie nicht mehr benötigte "
        "Bilder, bevor Sie neue hochladen."
    ),
    "broken": _(
        "Das Bild ist beschädigt oder unvollständig. "
        "Bitte speichern Sie es neu und laden Sie es noch einmal hoch."
    ),
}


def _error(code: str) -> ValidationError:
    return ValidationError(MESSAGES[code], code=code)


def _looks_like_svg(head: bytes) -> bool:
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return lowered.startswith((b"<?xml", b"<svg", b"<!doctype svg")) or (
        b"<svg" in lowered
    )


def clean_upload(upload) -> ContentFile:
    """Return a freshly encoded copy of an acceptable image or raise a
    ValidationError with a (translated) message."""
    if upload.size > settings.ACCOUNTS_MAX_IMAGE_BYTES:
        raise _error("too_large")
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    if _looks_like_svg(head):
        raise _error("svg")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            # Only the three decoders we accept ever see the bytes: Pillow
            # would otherwise try each of its some forty format plugins.
            image = Image.open(upload, formats=list(FORMATS))
            if image.format not in FORMATS:
                raise _error("format")
            width, height = image.size
            if width * height > settings.ACCOUNTS_MAX_IMAGE_PIXELS:
                raise _error("too_many_pixels")
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _error("too_many_pixels") from None
    except UnidentifiedImageError:
        raise _error("format") from None
    except (OSError, SyntaxError, ValueError):
        # Pillow signals truncated and corrupt data with these.
        raise _error("broken") from None
    try:
        return _reencode(image)
    except Exception:  # noqa: BLE001  (any encoder failure is the file's fault)
        logger.warning("Image could not be re-encoded.", exc_info=True)
        raise _error("broken") from None


def _reencode(image: Image.Image) -> ContentFile:
    source_format = image.format
    image = ImageOps.exif_transpose(image)
    out = BytesIO()
    if source_format == "JPEG":
        image.convert("RGB").save(out, "JPEG", quality=88, optimize=True)
    elif source_format == "PNG":
        if image.mode not in {"RGB", "RGBA", "L", "LA", "P"}:
            image = image.convert("RGBA")
        image.save(out, "PNG", optimize=True)
    else:
        if image.mode not in {"RGB", "RGBA"}:
            image = image.convert("RGBA")
        image.save(out, "WEBP", quality=88)
    name = f"{uuid.uuid4().hex}.{FORMATS[source_format]}"
    return ContentFile(out.getvalue(), name=name)


THUMBNAIL_SIZE = 200


def thumbnail_size(width: int, height: int) -> tuple[int, int]:
    """The size of ``thumbnail``'s preview of a width × height picture."""
    scale = min(1.0, THUMBNAIL_SIZE / max(width, height, 1))
    return max(1, round(width * scale)), max(1, round(height * scale))


def thumbnail(image) -> bytes:
    """A WebP preview of a stored (already re-encoded) image, pending or
    public; FileNotFoundError when its file is gone (a rejected upload)."""
    with open_original(image) as handle:
        picture = Image.open(handle, formats=list(FORMATS))
        target = thumbnail_size(*picture.size)
        picture.draft(None, target)  # a JPEG decodes at a fraction of its size
        picture = picture.resize(target)
        if picture.mode not in {"RGB", "RGBA"}:
            picture = picture.convert("RGBA")
        out = BytesIO()
        picture.save(out, "WEBP", quality=80)
    return out.getvalue()


def _lock_collection(initiative: InitiativePage) -> Collection:
    """The initiative's own image collection, created on first use; its link
    row stays locked until the transaction ends, so two uploads at once
    cannot both slip under the quota."""
    link = (
        InitiativeCollection.objects.select_for_update()
        .filter(initiative=initiative)
        .first()
    )
    if link is not None:
        return link.collection
    collection = Collection.get_first_root_node().add_child(
        name=f"Initiative {initiative.pk}: {initiative.title}"[:255]
    )
    InitiativeCollection.objects.create(initiative=initiative, collection=collection)
    return collection


def collection_for(initiative: InitiativePage) -> Collection:
    with transaction.atomic():
        return _lock_collection(initiative)


def check_quota(collection: Collection, new_bytes: int = 0) -> None:
    """Refuse an upload that would pass the initiative's count or byte quota.

    Rejected pictures do not count: their file is deleted at the decision,
    and only their row stays, so the member sees what was decided."""
    stored = (
        get_image_model()
        .objects.filter(collection=collection)
        .exclude(moderation__state=ImageModeration.State.REJECTED)
    )
    limit = settings.ACCOUNTS_IMAGE_QUOTA
    if stored.count() >= limit:
        raise ValidationError(MESSAGES["quota"], code="quota", params={"limit": limit})
    byte_limit = settings.ACCOUNTS_IMAGE_QUOTA_BYTES
    used = stored.aggregate(total=Sum("file_size"))["total"] or 0
    if used + new_bytes > byte_limit:
        raise ValidationError(
            MESSAGES["quota_bytes"],
            code="quota_bytes",
            params={"size": filesizeformat(byte_limit)},
        )


def store_image(initiative: InitiativePage, upload, title: str, user):
    """Check the quota, re-encode and store an upload as a Wagtail image that
    waits for an editor's approval before public pages show it or its file
    is served."""
    # The cheap count first: a full initiative's uploads are not even decoded.
    check_quota(collection_for(initiative))
    content = clean_upload(upload)
    with transaction.atomic():
        collection = _lock_collection(initiative)
        check_quota(collection, content.size)
        # The file waits outside MEDIA_ROOT until an editor approves it.
        return store_pending(
            content,
            title=title,
            description=title,
            collection=collection,
            uploaded_by_user=user,
        )
