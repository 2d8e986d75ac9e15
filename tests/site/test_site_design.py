"""The public site on KERN UX: header, footer, navigation, the Leichte Sprache
page, meta descriptions, the project page's facts box, contents list and lead
picture, and no inline script or style in any template."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from projects.models import ProjectGalleryImage

pytestmark = pytest.mark.django_db


def _part(page_html: str, start: str, end: str) -> str:
    return page_html.split(start, 1)[1].split(end, 1)[0]


def test_the_header_has_one_search_field_and_language_links(site_content):
    page_html = Client().get(site_content.article.url).content.decode()
    header = _part(page_html, '<header class="site-header">', "</header>")
    assert header.count('type="search"') == 1
    assert "<select" not in header and 'method="post"' not in header
    assert 'hreflang="en"' in header and 'hreflang="de"' in header
    assert "vendor/kern/kern.min.css" in page_html


def test_the_main_navigation_links_the_alliances_instruments(site_content):
    page_html = Client().get("/").content.decode()
    nav = _part(page_html, 'class="main-nav"', "</nav>")
    links = dict(
        (label, url) for url, label in re.findall(r'<a href="([^"]+)">([^<]+)</a>', nav)
    )
    assert links == {
        "Projekte": site_content.project_index.url,
        "Suche": "/suche/",
        "Karte": "/suche/?view=map",
        "Themen": "/#themen",
        "Veranstaltungen": site_content.event_index.url,
        "Aufruf": site_content.call.url,
        # No "Über das Bündnis" page: the partner directory stands in.
        "Über das Bündnis": site_content.partners.url,
    }
    assert 'id="themen"' in page_html
    assert site_content.topic.url in _part(page_html, 'id="themen"', "</section>")


def test_the_footer_offers_contact_feedback_easy_language_and_sign_in(site_content):
    page_html = Client().get("/").content.decode()
    footer = html.unescape(
        _part(page_html, '<footer class="site-footer">', "</footer>")
    )
    impressum = site_content.legal["impressum"].url
    for text in (
        f'<a href="{impressum}">Kontakt</a>',
        f'<a href="{impressum}">Barriere melden</a>',
        '<a href="/leichte-sprache/" lang="de">Leichte Sprache</a>',
        '<a href="/konto/anmelden/">Anmelden</a>',
        '<a href="/kalender.ics">',
        "Erklärung zur Barrierefreiheit",
    ):
        assert text in footer, text


def test_the_easy_language_page_explains_the_site(site_content):
    response = Client().get("/leichte-sprache/")
    assert response.status_code == 200
    page_html = response.content.decode()
    assert "<h1>Informationen in Leichter Sprache</h1>" in page_html
    assert 'href="/suche/"' in page_html


META = re.compile(r'<meta name="description" content="([^"]*)">')


def test_every_page_has_a_meta_description_the_teaser_by_default(site_content):
    client = Client()
    project = site_content.project
    assert META.search(client.get(project.url).content.decode()).group(1) == (
        html.escape(project.teaser)
    )
    project.search_description = "Von der Redaktion gesetzt."
    project.save_revision().publish()
    assert (
        META.search(client.get(project.url).content.decode()).group(1)
        == "Von der Redaktion gesetzt."
    )
    for url in ("/", "/suche/?q=Sprache", "/region/lueneburg/", "/landkreis/03351/"):
        description = META.search(client.get(url).content.decode()).group(1)
        assert 50 <= len(description) <= 160, url


def test_the_project_page_shows_the_teaser_once_and_a_facts_box(site_content):
    project = site_content.project
    project.description = [("text", f"<p>{project.teaser}</p>")]
    project.save_revision().publish()
    page_html = Client().get(project.url).content.decode()
    main = _part(page_html, "<main", "</main>")
    assert main.count(html.escape(project.teaser)) == 1
    facts = _part(main, 'class="factbox"', "</section>")
    for term in ("Wo", "Handlungsfelder", "Stand", "Zuletzt bestätigt"):
        assert f"<dt>{term}</dt>" in facts


def test_a_long_profile_gets_a_contents_list_a_short_one_none(site_content):
    project = site_content.project
    for name in ("starting_point", "goals", "approach"):
        setattr(project, name, "<p>Text.</p>")
    for name in ("results", "obstacles", "transferability", "staff", "lead_time"):
        setattr(project, name, "")
    project.people_reached = project.volunteers = None
    project.cost_range = ""
    project.save_revision().publish()
    assert 'class="toc"' not in Client().get(project.url).content.decode()
    project.obstacles = "<p>Hemmnisse.</p>"
    project.save_revision().publish()
    page_html = Client().get(project.url).content.decode()
    toc = _part(page_html, 'class="toc"', "</nav>")
    assert '<a href="#hemmnisse">' in toc and 'id="hemmnisse"' in page_html


def test_the_lead_picture_is_webp_with_a_jpeg_fallback_and_its_size(site_content):
    project = site_content.project
    image = Image.objects.create(
        title="Sprachcafé", file=get_test_image_file(size=(1200, 800))
    )
    ProjectGalleryImage.objects.create(
        page=project, image=image, alt_text="Menschen am Tisch", sort_order=0
    )
    page_html = Client().get(project.url).content.decode()
    picture = _part(page_html, "<picture>", "</picture>")
    assert 'type="image/webp"' in picture
    img = re.search(r"<img [^>]*>", picture).group(0)
    assert 'alt="Menschen am Tisch"' in img
    assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img)
    assert "srcset=" in picture and "sizes=" in picture


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>")


def test_no_template_has_inline_script_or_style():
    found = []
    for path in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        text = path.read_text()
        if " style=" in text or "<style" in text or INLINE_SCRIPT.search(text):
            found.append(str(path))
    assert found == []
