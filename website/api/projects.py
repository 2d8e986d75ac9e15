"""Open-data API (read-only JSON) of projects and initiatives, and the API
object that mounts every open-data router under ``/api/v1/``."""

from __future__ import annotations

from datetime import date, datetime

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Router, Schema
from ninja.errors import HttpError

from kb.taxonomy import District, FieldOfAction, TargetGroup
from projects.models import InitiativePage, ProjectPage, ProjectStatus

from .events import Page, paginate
from .events import router as events_router

router = Router(tags=["Projekte und Initiativen"])


class OfferNeedOut(Schema):
    category: str | None
    text: str


class ProjectOut(Schema):
    id: int
    title: str
    url: str
    teaser: str
    status: str
    statewide: bool
    place: str
    lat: float | None
    lon: float | None
    districts: list[str]
    fields: list[str]
    target_groups: list[str]
    good_example: bool
    first_published_at: datetime | None
    last_published_at: datetime | None


class ProjectDetailOut(ProjectOut):
    start_date: date | None
    end_date: date | None
    offers: list[OfferNeedOut]
    needs: list[OfferNeedOut]
    tags: list[str]
    initiative: str | None
    website: str


class ProjectList(Page):
    results: list[ProjectOut]


class InitiativeOut(Schema):
    id: int
    title: str
    url: str
    organisation_type: str | None
    place: str
    district: str | None
    website: str
    is_partner: bool
    is_supporter: bool


class InitiativeList(Page):
    results: list[InitiativeOut]


def _projects():
    return (
        ProjectPage.objects.live()
        .public()
        .prefetch_related(
            Prefetch("districts", queryset=District.objects.only("id", "ags")),
            Prefetch(
                "fields_of_action", queryset=FieldOfAction.objects.only("id", "slug")
            ),
            Prefetch("target_groups", queryset=TargetGroup.objects.only("id", "slug")),
        )
    )


def _linked(relation: str, **condition) -> QuerySet:
    """Ids of the projects with a ``relation`` link matching ``condition``.

    A subquery rather than a join: a project in two districts of a region
    stays one row, with no DISTINCT over whole page rows, which sorted every
    match for the count and again for the page."""
    links = getattr(ProjectPage, relation).through.objects
    return links.filter(**condition).values("projectpage_id")


def project_out(page: ProjectPage, request: HttpRequest) -> dict:
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.get_full_url(request),
        "teaser": page.teaser,
        "status": page.status,
        "statewide": page.statewide,
        "place": page.place,
        "lat": page.lat,
        "lon": page.lon,
        "districts": [d.ags for d in page.districts.all()],
        "fields": [f.slug for f in page.fields_of_action.all()],
        "target_groups": [t.slug for t in page.target_groups.all()],
        "good_example": page.good_example,
        "first_published_at": page.first_published_at,
        "last_published_at": page.last_published_at,
    }


def _offer_needs(items) -> list[dict]:
    return [
        {"category": item.category.slug if item.category else None, "text": item.text}
        for item in items
    ]


@router.get("/projects", response=ProjectList, summary="Projekte")
def list_projects(
    request: HttpRequest,
    field: str | None = None,
    region: str | None = None,
    district: str | None = None,
    status: str | None = None,
    page: int = 1,
    page_size: int = 20,
):
    """Filter by field of action (slug), region (slug), district (official key)
    and status (planned, active, completed)."""
    projects = _projects()
    if field:
        projects = projects.filter(
            pk__in=_linked("fields_of_action", fieldofaction__slug=field)
        )
    if region:
        projects = projects.filter(
            pk__in=_linked("districts", district__region__slug=region)
        )
    if district:
        projects = projects.filter(pk__in=_linked("districts", district__ags=district))
    if status:
        if status not in ProjectStatus.values:
            raise HttpError(400, "Diesen Stand gibt es nicht.")
        projects = projects.filter(status=status)
    ordered = projects.order_by("-first_published_at", "-id")
    count, rows = paginate(ordered, page, page_size)
    return {
        "count": count,
        "page": page,
        "page_size": page_size,
        "results": [project_out(p, request) for p in rows],
    }


@router.get("/projects/{project_id}", response=ProjectDetailOut, summary="Ein Projekt")
def get_project(request: HttpRequest, project_id: int):
    page = get_object_or_404(
        _projects().prefetch_related("offers__category", "needs__category", "tags"),
        pk=project_id,
    )
    initiative = page.initiative
    return {
        **project_out(page, request),
        "start_date": page.start_date,
        "end_date": page.end_date,
        "offers": _offer_needs(page.offers.all()),
        "needs": _offer_needs(page.needs.all()),
        "tags": sorted(tag.name for tag in page.tags.all()),
        "initiative": initiative.title if initiative else None,
        "website": page.website,
    }


@router.get("/initiatives", response=InitiativeList, summary="Initiativen")
def list_initiatives(
    request: HttpRequest,
    district: str | None = None,
    region: str | None = None,
    page: int = 1,
    page_size: int = 20,
):
    initiatives = (
        InitiativePage.objects.live()
        .public()
        .select_related("organisation_type", "district")
    )
    if district:
        initiatives = initiatives.filter(district__ags=district)
    if region:
        initiatives = initiatives.filter(district__region__slug=region)
    count, rows = paginate(initiatives.order_by("title", "id"), page, page_size)
    return {
        "count": count,
        "page": page,
        "page_size": page_size,
        "results": [
            {
                "id": i.pk,
                "title": i.title,
                "url": i.get_full_url(request),
                "organisation_type": (
                    i.organisation_type.slug if i.organisation_type else None
                ),
                "place": i.place,
                "district": i.district.ags if i.district else None,
                "website": i.website,
                "is_partner": i.is_partner,
                "is_supporter": i.is_supporter,
            }
            for i in rows
        ],
    }


api = NinjaAPI(
    title="Niedersachsen packt an – offene Daten",
    version="1",
    description=(
        "Lesender Zugriff auf Projekte, Initiativen, Veranstaltungen und "
        "Vokabulare. Lizenz: siehe Seite „Open-Data-Lizenz“."
    ),
    urls_namespace="open-data",
    docs_url=None,
)
api.add_router("/", router)
api.add_router("/", events_router)
