"""What a project card shows besides title, teaser and term lists: the status,
the "Gutes Beispiel" seal, the regions and the lead picture's thumbnail.

Search hits carry titles, districts and fields of action; the rest comes from
one query for the whole result page (a UNION of the projects' own columns,
with the thumbnail rendition as subqueries, and their regions). A thumbnail
that was never rendered is made on that first view, then found by the query.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import (
    CharField,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Cast
from wagtail.images import get_image_model

from kb.images import public_lookup

from .cards import THUMBNAIL_JPEG, THUMBNAIL_WEBP, Thumbnail, thumbnail_of
from .models import ProjectGalleryImage, ProjectPage, ProjectStatus

GOOD_EXAMPLE, FEATURED, STATEWIDE = 1, 2, 4


@dataclass
class CardDetails:
    status: str
    status_label: str
    good_example: bool = False
    featured: bool = False
    statewide: bool = False
    regions: list[str] = field(default_factory=list)
    thumbnail: Thumbnail | None = None


def _rows(ids: list[int]) -> QuerySet:
    """("p", id, status, flags, image id, alt text, WebP file, JPEG file,
    width, height) per project and ("r", id, region name, 0, …) per
    district's region."""
    # Only a picture public pages may show (a member's upload waits for the
    # editors' approval, kb.images).
    lead = ProjectGalleryImage.objects.filter(
        public_lookup("image"), page=OuterRef("pk")
    ).order_by("sort_order", "pk")
    renditions = get_image_model().get_rendition_model().objects.order_by("pk")
    rendition = renditions.filter(
        image=OuterRef("lead_image"), filter_spec=THUMBNAIL_WEBP
    )
    jpeg = renditions.filter(image=OuterRef("lead_image"), filter_spec=THUMBNAIL_JPEG)
    text = CharField()
    number = IntegerField()
    flags = (
        Cast("good_example", number) * GOOD_EXAMPLE
        + Cast("featured", number) * FEATURED
        + Cast("statewide", number) * STATEWIDE
    )
    projects = (
        ProjectPage.objects.filter(pk__in=ids)
        .order_by()
        .annotate(
            k=Value("p", output_field=text),
            flags=flags,
            lead_image=Subquery(lead.values("image_id")[:1]),
            lead_alt=Subquery(lead.values("alt_text")[:1]),
        )
        .annotate(
            r_file=Subquery(rendition.values("file")[:1]),
            r_jpeg=Subquery(jpeg.values("file")[:1]),
            r_width=Subquery(rendition.values("width")[:1]),
            r_height=Subquery(rendition.values("height")[:1]),
        )
        .values_list(
            "k",
            "pk",
            "status",
            "flags",
            "lead_image",
            "lead_alt",
            "r_file",
            "r_jpeg",
            "r_width",
            "r_height",
        )
    )
    blank = Value("", output_field=text)
    zero = Value(0, output_field=number)
    regions = (
        ProjectPage.districts.through.objects.filter(projectpage_id__in=ids)
        .order_by()
        .annotate(
            k=Value("r", output_field=text),
            z=zero,
            i=Value(None, output_field=number),
            b1=blank,
            b2=blank,
            b3=blank,
            w=zero,
            h=zero,
        )
        .values_list(
            "k",
            "projectpage_id",
            "district__region__name",
            "z",
            "i",
            "b1",
            "b2",
            "b3",
            "w",
            "h",
        )
    )
    return projects.union(regions, all=True)


def card_details(ids: Iterable[int]) -> dict[int, CardDetails]:
    """The details of the projects ``ids`` (one query while the thumbnails
    exist)."""
    ids = list(ids)
    if not ids:
        return {}
    rows = list(_rows(ids))
    storage = get_image_model().get_rendition_model()._meta.get_field("file").storage
    labels = dict(ProjectStatus.choices)
    details: dict[int, CardDetails] = {}
    for kind, pk, status, flags, image_id, alt, webp, jpeg, width, height in rows:
        if kind != "p":
            continue
        thumbnail = thumbnail_of(storage, image_id, alt, webp, jpeg, width, height)
        details[pk] = CardDetails(
            status=status,
            status_label=str(labels.get(status, status)),
            good_example=bool(flags & GOOD_EXAMPLE),
            featured=bool(flags & FEATURED),
            statewide=bool(flags & STATEWIDE),
            thumbnail=thumbnail,
        )
    for kind, pk, region, *_rest in rows:
        if kind == "r" and pk in details and region not in details[pk].regions:
            details[pk].regions.append(region)
    for item in details.values():
        item.regions.sort()
    return details
