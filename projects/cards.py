"""Project cards for the listings (home, topic, region and district pages).

A card needs a title, teaser, URL, two short term lists and, on the listings
that show pictures, the lead picture's thumbnail. Loading them as plain values
(no page objects, no ``.specific``, no per-card URL resolution through
Wagtail's site lookup) keeps a listing at one query for the cards, their term
lists and thumbnails (renditions as subqueries, as ``projects.card_details``
reads them for search results), however many projects it shows. A thumbnail
that was never rendered is made on that first view, then found by the query."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import (
    CharField,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.http import HttpRequest
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from kb.images import public_lookup
from kb.page_urls import page_url, site_root_paths

from .models import ProjectGalleryImage, ProjectPage

# One size fits a card from a 320 px phone (at 1.75 device pixels) to the
# widest grid column: WebP, and JPEG for a browser without WebP. The search
# result cards (``projects.card_details``) use the same WebP rendition.
THUMBNAIL_WEBP = "fill-480x320|format-webp"
THUMBNAIL_JPEG = "fill-480x320|format-jpeg"


@dataclass(frozen=True)
class Thumbnail:
    webp: str
    jpeg: str
    width: int
    height: int
    alt: str


@dataclass
class Card:
    url: str
    title: str
    teaser: str
    districts: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    thumbnail: Thumbnail | None = None


def restricted_paths(request: HttpRequest | None = None) -> tuple[str, ...]:
    """Tree paths of the pages with a view restriction, kept in Redis under
    the content version (which every page or restriction change replaces)."""
    return tuple(_cached_restricted_paths())


def below_paths(paths: tuple[str, ...]) -> Q:
    """The pages at or below any of ``paths``."""
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return condition


def private_q(request: HttpRequest | None = None) -> Q:
    """Wagtail's ``private_q`` (pages below a view restriction), with the
    restricted paths of the content version instead of a query per
    ``.public()`` list."""
    return below_paths(restricted_paths(request))


def _cached_restricted_paths() -> list[str]:
    from kb.page_cache import versioned_value

    return versioned_value(
        "restricted-paths",
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def cards_of(
    rows: Iterable[tuple[str, str, str]], request: HttpRequest | None = None
) -> list[Card]:
    """Cards without term lists from (title, teaser, url_path) rows
    (``projects.page_lists``)."""
    roots = site_root_paths(request)
    return [
        Card(url=page_url(path, roots, request), title=title, teaser=teaser)
        for title, teaser, path in rows
    ]


def project_cards(
    ids: list[int],
    request: HttpRequest | None = None,
    terms: bool = True,
    pictures: bool = False,
) -> list[Card]:
    """Cards for the projects ``ids``, in that order (one query while the
    thumbnails exist)."""
    cards = cards_by_id(ids, request, terms, pictures=pictures)
    return [cards[pk] for pk in ids if pk in cards]


# The picture columns of a card row: lead image id, alt text, WebP and JPEG
# rendition files, width and height (term rows leave them empty).
PICTURE_COLUMNS = ("lead_image", "lead_alt", "webp", "jpeg", "width", "height")


def _with_pictures(cards: QuerySet) -> QuerySet:
    """The card rows with their lead picture's thumbnail columns: the first
    public gallery picture (``kb.images``) and its two renditions."""
    lead = ProjectGalleryImage.objects.filter(
        public_lookup("image"), page=OuterRef("pk")
    ).order_by("sort_order", "pk")
    renditions = get_image_model().get_rendition_model().objects

    def rendition(spec: str, column: str) -> Subquery:
        found = renditions.filter(image=OuterRef("lead_image"), filter_spec=spec)
        return Subquery(found.order_by("pk").values(column)[:1])

    return cards.annotate(
        lead_image=Subquery(lead.values("image_id")[:1]),
        lead_alt=Subquery(lead.values("alt_text")[:1]),
    ).annotate(
        webp=rendition(THUMBNAIL_WEBP, "file"),
        jpeg=rendition(THUMBNAIL_JPEG, "file"),
        width=rendition(THUMBNAIL_WEBP, "width"),
        height=rendition(THUMBNAIL_WEBP, "height"),
    )


def _card_query(terms: bool, pictures: bool = False) -> Callable[..., QuerySet]:
    """(kind, project id, text, text, text, order[, picture columns]) rows:
    "c" the card itself, with "d" its districts and "f" its fields of action
    when ``terms``, and with ``pictures`` the lead picture's columns."""

    def build(*ids: int) -> QuerySet:
        model = ProjectPage
        blank = Value("", output_field=CharField())
        zero = Value(0, output_field=IntegerField())
        text = {"blank": blank}
        number = {"zero": zero}
        # No ORDER BY in the parts: SQLite refuses it inside a UNION.
        cards = (
            model.objects.filter(pk__in=ids)
            .order_by()
            .annotate(k=Value("c", output_field=CharField()), **number)
        )
        columns = ("k", "pk", "title", "teaser", "url_path", "zero")
        # Term rows fill the picture columns with nothing.
        empty = {}
        if pictures:
            cards = _with_pictures(cards)
            columns += PICTURE_COLUMNS
            empty = {
                "no_image": Value(None, output_field=IntegerField()),
                "no_text": blank,
                "no_number": zero,
            }
        cards = cards.values_list(*columns)
        if not terms:
            return cards
        fillers = (
            ("no_image", "no_text", "no_text", "no_text", "no_number", "no_number")
            if pictures
            else ()
        )
        districts = (
            model.districts.through.objects.filter(projectpage_id__in=ids)
            .order_by()
            .annotate(k=Value("d", output_field=CharField()), **text, **number)
            .annotate(**empty)
            .values_list(
                "k",
                "projectpage_id",
                "district__name",
                "district__kind",
                "blank",
                "zero",
                *fillers,
            )
        )
        fields = (
            model.fields_of_action.through.objects.filter(projectpage_id__in=ids)
            .order_by()
            .annotate(k=Value("f", output_field=CharField()), **text)
            .annotate(**empty)
            .values_list(
                "k",
                "projectpage_id",
                "fieldofaction__name",
                "blank",
                "blank",
                "fieldofaction__sort_order",
                *fillers,
            )
        )
        return cards.union(districts, fields, all=True)

    return build


def _card_rows(ids: list[int], terms: bool, pictures: bool = False) -> list[tuple]:
    return list(_card_query(terms, pictures)(*ids))


def made_thumbnail(image_id: int, alt: str) -> Thumbnail | None:
    """Renders the renditions the query did not find (once per picture)."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return None
    try:
        made = image.get_renditions(THUMBNAIL_WEBP, THUMBNAIL_JPEG)
    except (OSError, ValueError):
        # A missing or unreadable original: the card goes without a picture.
        return None
    webp, jpeg = made[THUMBNAIL_WEBP], made[THUMBNAIL_JPEG]
    return Thumbnail(webp.url, jpeg.url, webp.width, webp.height, alt)


def thumbnail_of(
    storage, image_id, alt: str, webp: str, jpeg: str, width: int, height: int
) -> Thumbnail | None:
    """The thumbnail from a row's rendition columns (made when missing)."""
    if webp and jpeg:
        return Thumbnail(storage.url(webp), storage.url(jpeg), width, height, alt)
    return made_thumbnail(image_id, alt) if image_id else None


def _thumbnail(row: tuple, storage) -> Thumbnail | None:
    return thumbnail_of(storage, *row[6:12])


def cards_by_id(
    ids: list[int],
    request: HttpRequest | None = None,
    terms: bool = True,
    kind_labels: bool = True,
    pictures: bool = False,
) -> dict[int, Card]:
    """Cards of the projects ``ids`` with their term lists (one query); the
    districts as "Landkreis Celle", or with ``kind_labels=False`` by name only,
    as search results show them; with ``pictures`` the lead picture's
    thumbnail."""
    if not ids:
        return {}
    roots = site_root_paths(request)
    rows = _card_rows(list(ids), terms, pictures)
    storage = None
    if pictures:
        rendition_model = get_image_model().get_rendition_model()
        storage = rendition_model._meta.get_field("file").storage
    cards = {
        row[1]: Card(
            url=page_url(row[4], roots, request),
            title=row[2],
            teaser=row[3],
            thumbnail=_thumbnail(row, storage) if pictures else None,
        )
        for row in rows
        if row[0] == "c"
    }
    terms_rows = sorted(
        (row[:6] for row in rows if row[0] != "c"),
        key=lambda row: (row[0], row[5], row[2].casefold()),
    )
    for kind, pk, name, district_kind, _blank, _order in terms_rows:
        if kind == "d":
            landkreis = kind_labels and district_kind == "Landkreis"
            label = f"Landkreis {name}" if landkreis else name
            cards[pk].districts.append(label)
        else:
            cards[pk].fields.append(name)
    return cards
