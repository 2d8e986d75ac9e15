"""Open-data API of the knowledge base: events and the vocabularies."""

from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError

from kb.models.events import EventKind, EventPage
from kb.taxonomy import (
    District,
    FieldOfAction,
    OfferNeedCategory,
    OrganisationType,
    Region,
    TargetGroup,
)

MAX_PAGE_SIZE = 100
# Deep pages cost the database a scan of every row before them, and an offset
# past PostgreSQL's bigint overflows (a 500): 10,000 rows deep is the limit,
# as for the search.
MAX_OFFSET = 10_000
router = Router(tags=["Veranstaltungen und Vokabulare"])


class Page(Schema):
    count: int
    page: int
    page_size: int


def paginate(queryset: QuerySet, page: int, page_size: int) -> tuple[int, QuerySet]:
    """Slice one page; a German 400 for values out of range."""
    if page < 1:
        raise HttpError(400, "„page“ muss mindestens 1 sein.")
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise HttpError(400, f"„page_size“ muss zwischen 1 und {MAX_PAGE_SIZE} liegen.")
    start = (page - 1) * page_size
    if start >= MAX_OFFSET:
        raise HttpError(
            400,
            f"Es lassen sich nur die ersten {MAX_OFFSET} Einträge blättern; "
            "bitte grenzen Sie die Abfrage mit Filtern ein.",
        )
    return queryset.count(), queryset[start : start + page_size]


class TermOut(Schema):
    slug: str
    name: str


class RegionOut(TermOut):
    districts: list[str]


class DistrictOut(Schema):
    ags: str
    name: str
    slug: str
    kind: str
    seat: str
    lat: float
    lon: float
    region: str


class EventOut(Schema):
    id: int
    title: str
    url: str
    kind: str
    start: datetime
    end: datetime | None
    venue: str
    region: str | None
    teaser: str


class EventList(Page):
    results: list[EventOut]


def event_out(event: EventPage, request: HttpRequest) -> dict:
    return {
        "id": event.pk,
        "title": event.title,
        "url": event.get_full_url(request),
        "kind": event.kind,
        "start": event.start,
        "end": event.end,
        "venue": event.venue,
        "region": event.region.slug if event.region else None,
        "teaser": event.teaser,
    }


@router.get("/events", response=EventList, summary="Veranstaltungen")
def list_events(
    request: HttpRequest,
    region: str | None = None,
    kind: str | None = None,
    upcoming: bool = False,
    page: int = 1,
    page_size: int = 20,
):
    events = EventPage.objects.live().public().select_related("region")
    if region:
        events = events.filter(region__slug=region)
    if kind:
        if kind not in EventKind.values:
            raise HttpError(400, "Diese Veranstaltungsart gibt es nicht.")
        events = events.filter(kind=kind)
    if upcoming:
        from django.utils import timezone

        events = events.filter(start__gte=timezone.now())
    count, rows = paginate(events.order_by("start", "id"), page, page_size)
    return {
        "count": count,
        "page": page,
        "page_size": page_size,
        "results": [event_out(event, request) for event in rows],
    }


VOCABULARIES = {
    "fields": FieldOfAction,
    "target-groups": TargetGroup,
    "offer-need-categories": OfferNeedCategory,
    "organisation-types": OrganisationType,
}


@router.get("/vocabularies/regions", response=list[RegionOut], summary="Regionen")
def list_regions(request: HttpRequest):
    regions = Region.objects.prefetch_related("districts").order_by("sort_order")
    return [
        {
            "slug": region.slug,
            "name": region.name,
            "districts": sorted(d.ags for d in region.districts.all()),
        }
        for region in regions
    ]


@router.get(
    "/vocabularies/districts",
    response=list[DistrictOut],
    summary="Landkreise und kreisfreie Städte mit Kreisschlüssel und Kreissitz",
)
def list_districts(request: HttpRequest):
    districts = District.objects.select_related("region").order_by("ags")
    return [
        {
            "ags": d.ags,
            "name": d.name,
            "slug": d.slug,
            "kind": d.kind,
            "seat": d.seat,
            "lat": d.lat,
            "lon": d.lon,
            "region": d.region.slug,
        }
        for d in districts
    ]


@router.get(
    "/vocabularies/{name}",
    response=list[TermOut],
    summary="Handlungsfelder, Zielgruppen, Kategorien, Organisationsarten",
)
def list_terms(request: HttpRequest, name: str):
    model = VOCABULARIES.get(name)
    if model is None:
        known = ", ".join(["regions", "districts", *VOCABULARIES])
        raise HttpError(404, f"Dieses Vokabular gibt es nicht. Vorhanden: {known}.")
    return list(model.objects.order_by("sort_order", "name").values("slug", "name"))
