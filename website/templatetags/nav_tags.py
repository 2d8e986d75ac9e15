"""The main navigation and the footer's link groups of the public site.

Both are rendered inside ``{% site_fragment %}`` (once per content version and
language); the page lookups here are kept in Redis under the content version
too, like the legal links (``site_tags.footer_links``).

Where the alliance has no page of its own, the link goes to what exists: the
map is the search page's map, "Themen" the field tiles of the home page
(shown whenever the home page shows them: with a topic page or without, each
tile leads somewhere, to its topic page or to the search filtered by the
field; without tiles there is nothing to link to),
"Über das Bündnis" a standard page with the slug ``ueber-das-buendnis`` or else
the partner directory, "Kontakt" a standard page ``kontakt`` or else the
Impressum (which names the office)."""

from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext
from wagtail.models import Page

from kb.models import CallPage, EventIndexPage, PartnerDirectoryPage, StandardPage
from kb.page_cache import versioned_value
from kb.page_urls import page_url, site_root_paths
from projects.cards import below_paths, restricted_paths
from projects.models import ProjectIndexPage

from ..home_sections import field_tiles
from ..models import HomePage

register = template.Library()


@dataclass(frozen=True)
class NavPages:
    """The URLs of the pages the header and footer link to ("" if missing)."""

    home: str
    projects: str
    events: str
    call: str
    about: str
    contact: str


STANDARD_SLUGS = ("ueber-das-buendnis", "kontakt", "impressum")


def _load(request=None) -> NavPages:
    """One query for every page the header and footer link to."""
    models = {
        "home": HomePage,
        "projects": ProjectIndexPage,
        "events": EventIndexPage,
        "call": CallPage,
        "partners": PartnerDirectoryPage,
    }
    types = {
        ContentType.objects.get_for_model(model).pk: name
        for name, model in models.items()
    }
    standard_type = ContentType.objects.get_for_model(StandardPage).pk
    hidden = below_paths(restricted_paths(request))
    rows = (
        Page.objects.live()
        .filter(
            Q(content_type__in=types)
            | Q(content_type=standard_type, slug__in=STANDARD_SLUGS)
        )
        .exclude(hidden if hidden else Q(pk__in=[]))
        .order_by("path")
        .values_list("content_type", "slug", "url_path")
    )
    roots = site_root_paths(request)
    first: dict[str, str] = {}
    for content_type, slug, url_path in rows:
        name = types.get(content_type) or slug
        first.setdefault(name, page_url(url_path, roots, request))
    return NavPages(
        home=first.get("home", ""),
        projects=first.get("projects", ""),
        events=first.get("events", ""),
        call=first.get("call", ""),
        about=first.get("ueber-das-buendnis") or first.get("partners", ""),
        contact=first.get("kontakt") or first.get("impressum", ""),
    )


@register.simple_tag(takes_context=True)
def nav_pages(context: template.Context) -> NavPages:
    request = context.get("request")
    # The name changes with NavPages' fields: a value stored by the previous
    # release under the same content version would lack the new ones.
    return versioned_value("nav-pages-2", lambda: _load(request))


@register.simple_tag(takes_context=True)
def main_navigation(context: template.Context) -> list[tuple[str, str]]:
    """(label, URL) of the main navigation, leaving out missing pages."""
    pages = nav_pages(context)
    search = reverse("search")
    topics = ""
    if pages.home and field_tiles(context.get("request")):
        topics = f"{pages.home}#themen"
    items = [
        (gettext("Projekte"), pages.projects),
        (gettext("Suche"), search),
        (gettext("Karte"), f"{search}?view=map"),
        (gettext("Themen"), topics),
        (gettext("Veranstaltungen"), pages.events),
        (gettext("Aufruf"), pages.call),
        (gettext("Über das Bündnis"), pages.about),
    ]
    return [(label, url) for label, url in items if url]
