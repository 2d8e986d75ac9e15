"""Views of the public site outside the page tree: region and district pages,
the statistics page and robots.txt."""

from __future__ import annotations

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from kb.models.events import EventPage
from kb.page_cache import versioned_value
from kb.taxonomy import District, Region
from projects import page_lists
from projects.cards import Card, project_cards, restricted_paths

from . import stats
from .listings import ProjectListing, project_listing

PAGE_SIZE = 24


def _cards_page(
    request: HttpRequest, listing: ProjectListing
) -> tuple[PaginatorPage, list[Card]]:
    """One page of the listing as cards, with its paginator (two queries, and
    the counts once per content version)."""
    page = Paginator(listing, PAGE_SIZE).get_page(request.GET.get("seite"))
    return page, project_cards(list(page.object_list), request, pictures=True)


def _events(request: HttpRequest, region: Region) -> list[EventPage]:
    events = page_lists.region_events(restricted_paths(request), region.pk)
    for event in events:
        event.region = region  # the page's own region: no query for it
    return events


def _districts(request: HttpRequest) -> list[District]:
    """All districts with their regions, by name, kept under the content
    version (``kb.page_cache.versioned_value``)."""
    return versioned_value(
        "districts",
        lambda: list(District.objects.select_related("region").order_by("name")),
    )


@require_GET
def region_page(request: HttpRequest, slug: str) -> HttpResponse:
    districts = _districts(request)
    region = next(
        (d.region for d in districts if d.region.slug == slug), None
    ) or get_object_or_404(Region, slug=slug)
    projects, cards = _cards_page(
        request, project_listing(request, "region", region.pk)
    )
    context = {
        "region": region,
        "districts": [d for d in districts if d.region_id == region.pk],
        "projects": projects,
        "cards": cards,
        "events": _events(request, region),
        "feed_url": reverse("feed-region", args=[region.slug]),
    }
    return render(request, "website/region_page.html", context)


@require_GET
def district_page(request: HttpRequest, ags: str) -> HttpResponse:
    district = next((d for d in _districts(request) if d.ags == ags), None)
    if district is None:
        raise Http404("Diesen Landkreis gibt es nicht.")
    projects, cards = _cards_page(
        request, project_listing(request, "district", district.pk)
    )
    context = {
        "district": district,
        "projects": projects,
        "cards": cards,
        "events": _events(request, district.region),
    }
    return render(request, "website/district_page.html", context)


@require_GET
def statistics_page(request: HttpRequest) -> HttpResponse:
    monthly = stats.new_per_month()
    bars = [(date_format(month, "M y"), count) for month, count in monthly]
    context = {
        "cross": stats.region_by_field(),
        "statuses": stats.by_status(),
        "monthly": [(date_format(month, "F Y"), count) for month, count in monthly],
        "chart": stats.bar_chart_svg(
            bars, title=gettext("Neue Projekte je Monat"), table_id="monthly-table"
        ),
        "supporters": stats.supporters(),
    }
    return render(request, "website/statistics_page.html", context)


@require_GET
def easy_language(request: HttpRequest) -> HttpResponse:
    """What the site is and how to use it, in Leichte Sprache."""
    return render(request, "website/easy_language.html")


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
    from kb.ical import build_calendar

    events = EventPage.objects.live().public().order_by("start")
    response = HttpResponse(
        build_calendar(events, request), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="veranstaltungen.ics"'
    return response
