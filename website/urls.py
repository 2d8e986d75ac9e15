"""Routes of the public site that live outside the Wagtail page tree."""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from . import feeds
from . import views as site_views
from .sitemaps import SITEMAPS

urlpatterns = [
    path("region/<slug:slug>/", site_views.region_page, name="region"),
    path("landkreis/<str:ags>/", site_views.district_page, name="district"),
    path("statistik/", site_views.statistics_page, name="statistics"),
    path("leichte-sprache/", site_views.easy_language, name="easy-language"),
    path("feeds/projekte/", feeds.NewProjectsFeed(), name="feed-projects"),
    path("feeds/projekte/atom/", feeds.NewProjectsAtom(), name="feed-projects-atom"),
    path("feeds/handlungsfeld/<slug:slug>/", feeds.FieldFeed(), name="feed-field"),
    path(
        "feeds/handlungsfeld/<slug:slug>/atom/",
        feeds.FieldAtom(),
        name="feed-field-atom",
    ),
    path("feeds/region/<slug:slug>/", feeds.RegionFeed(), name="feed-region"),
    path("feeds/region/<slug:slug>/atom/", feeds.RegionAtom(), name="feed-region-atom"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", site_views.robots_txt, name="robots"),
    path("kalender.ics", site_views.events_calendar, name="events-ical"),
]
