"""Views of the public site outside the page tree: region and district pages,
the statistics page and robots.txt."""

from __future__ import annotations

from django.apps import apps
from django.core.paginator import Paginator
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.http import require_GET

from . import stats
from .models.events import EventPage
from .taxonomy import District, FieldOfAction, Region

PAGE_SIZE = 24


def _project_model():
    # Looked up by name: kb sits below projects in the dependency order.
    return apps.get_model("projects", "ProjectPage")


def project_list(**filters) -> QuerySet:
    """Live projects with everything a card shows, in a fixed number of queries.

    Filters must not multiply rows (no DISTINCT: it makes counting and sorting
    10k projects several times slower)."""
    return (
        _project_model()
        .objects.live()
        .public()
        .filter(**filters)
        .only("id", "title", "teaser", "url_path", "first_published_at", "slug")
        .prefetch_related(
            Prefetch("districts", queryset=District.objects.only("id", "name", "kind")),
            Prefetch(
                "fields_of_action", queryset=FieldOfAction.objects.only("id", "name")
            ),
        )
        .order_by("-first_published_at", "-id")
    )


def _page_of(request: HttpRequest, queryset: QuerySet):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("seite"))


def _events(region: Region) -> QuerySet:
    return (
        EventPage.objects.live()
        .public()
        .filter(region=region, start__gte=timezone.now())
        .select_related("region")
        .order_by("start")[:10]
    )


@require_GET
def region_page(request: HttpRequest, slug: str) -> HttpResponse:
    region = get_object_or_404(Region, slug=slug)
    in_region = _project_model().districts.through.objects.filter(
        district__region=region
    )
    projects = _page_of(
        request, project_list(pk__in=in_region.values("projectpage_id"))
    )
    context = {
        "region": region,
        "districts": region.districts.order_by("name"),
        "projects": projects,
        "events": _events(region),
        "feed_url": reverse("feed-region", args=[region.slug]),
    }
    return render(request, "kb/region_page.html", context)


@require_GET
def district_page(request: HttpRequest, ags: str) -> HttpResponse:
    district = get_object_or_404(District.objects.select_related("region"), ags=ags)
    projects = _page_of(request, project_list(districts=district))
    context = {
        "district": district,
        "projects": projects,
        "events": _events(district.region),
    }
    return render(request, "kb/district_page.html", context)


@require_GET
def statistics_page(request: HttpRequest) -> HttpResponse:
    monthly = stats.new_per_month()
    bars = [(date_format(month, "M y"), count) for month, count in monthly]
    context = {
        "cross": stats.region_by_field(),
        "statuses": stats.by_status(),
        "monthly": [(date_format(month, "F Y"), count) for month, count in monthly],
        "chart": stats.bar_chart_svg(
            bars, title="Neue Projekte je Monat", table_id="monthly-table"
        ),
        "supporters": stats.supporters(),
    }
    return render(request, "kb/statistics_page.html", context)


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /suche/export.csv",
        "Disallow: /suche/export.json",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_GET
def events_calendar(request: HttpRequest) -> HttpResponse:
    """All live events as one iCal feed.

    Wagtail's page URLs allow no dot in a path segment, so the feed of the event
    index (``kalender.ics``) is served from here."""
    from .ical import build_calendar

    events = EventPage.objects.live().public().order_by("start")
    response = HttpResponse(
        build_calendar(events, request), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="veranstaltungen.ics"'
    return response
