"""Listing cards show the lead picture's thumbnail, as search results do:
the home page's good examples and the project cards of the topic, region and
district pages, WebP with a JPEG fallback, width and height set, lazy below the
fold, and the page's queries stay bounded however many cards have pictures."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from wagtail.images.models import Filter, Image, Rendition
from wagtail.images.tests.utils import get_test_image_file

from kb import images
from kb.models import GoodExampleCollection, GoodExampleItem
from projects.cards import THUMBNAIL_JPEG, THUMBNAIL_WEBP
from projects.models import ProjectGalleryImage
from tests.site.content import add_project

pytestmark = pytest.mark.django_db
MAX_QUERIES = 10
PROJECTS = 25


def _picture(project, alt: str) -> Image:
    image = Image.objects.create(title=alt, file=get_test_image_file(size=(600, 400)))
    # Wagtail caches renditions in Redis, which outlives the test database
    # (and its reused image ids) of an earlier run.
    for spec in (Filter(THUMBNAIL_WEBP), Filter(THUMBNAIL_JPEG)):
        key = Rendition.construct_cache_key(image, spec.get_cache_key(image), spec.spec)
        Rendition.cache_backend.delete(key)
    ProjectGalleryImage.objects.create(page=project, image=image, alt_text=alt)
    return image


@pytest.fixture
def pictured(site_content):
    """25 projects in Celle with a picture each, ten of them good examples
    on the home and topic pages."""
    projects = []
    for number in range(PROJECTS):
        project = add_project(
            site_content.project_index,
            f"Bildprojekt {number:02d}",
            districts=("03351",),
            fields=("sprache",),
        )
        _picture(project, f"Bild zu Projekt {number:02d}")
        projects.append(project)
    collection = GoodExampleCollection.objects.create(title="Gute Beispiele")
    for order, project in enumerate(projects[:10]):
        GoodExampleItem.objects.create(
            collection=collection, project=project, sort_order=order
        )
    for page in (site_content.home, site_content.topic):
        page.good_examples = collection
        page.save_revision().publish()
    return projects


def _cards(html: str) -> list[str]:
    return re.findall(r'<article class="card kern-card">.*?</article>', html, re.S)


def _pictures(html: str) -> list[str]:
    return [card for card in _cards(html) if "<picture>" in card]


def _get(client: Client, url: str, django_assert_max_num_queries) -> str:
    client.get(url)  # renders the missing thumbnails, warms per-process caches
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_district_cards_show_webp_with_a_jpeg_fallback_and_their_size(
    client, pictured, django_assert_max_num_queries
):
    html = _get(client, "/landkreis/03351/", django_assert_max_num_queries)
    cards = _pictures(html)
    assert len(cards) == 24  # one listing page, each card with its picture
    first = cards[0]
    assert re.search(r'<source type="image/webp" srcset="[^"]+\.webp">', first)
    img = re.search(r"<img [^>]*>", first).group(0)
    assert re.search(r'src="[^"]+\.jpg"', img)
    assert 'width="480" height="320"' in img
    assert 'alt="Bild zu Projekt 24"' in img  # the newest project first
    # The first card may be in view at once; the others load when scrolled to.
    assert 'loading="lazy"' not in img
    assert all('loading="lazy"' in card for card in cards[1:])


@pytest.mark.parametrize("url", ["/region/lueneburg/", "topic", "/"])
def test_region_topic_and_home_cards_show_pictures_within_ten_queries(
    client, site_content, pictured, django_assert_max_num_queries, url
):
    if url == "topic":
        url = site_content.topic.url
    html = _get(client, url, django_assert_max_num_queries)
    cards = _pictures(html)
    expected = {"/region/lueneburg/": 24, "/": 10}.get(url, 10 + 12)
    assert len(cards) == expected
    assert all('loading="lazy"' in card for card in cards)
    assert all(re.search(r'width="480" height="320"', card) for card in cards)


def test_a_card_shows_no_picture_waiting_for_approval(client, pictured, admin_user):
    newest = pictured[-1]
    images.hold_for_review(newest.gallery_images.get().image)
    html = client.get("/landkreis/03351/").content.decode()
    card = next(card for card in _cards(html) if "Bildprojekt 24" in card)
    assert "<picture>" not in card
    assert len(_pictures(html)) == 23


def test_a_card_without_a_readable_original_goes_without_a_picture(client, pictured):
    newest = pictured[-1]
    image = newest.gallery_images.get().image
    image.file.storage.delete(image.file.name)
    html = client.get("/landkreis/03351/").content.decode()
    card = next(card for card in _cards(html) if "Bildprojekt 24" in card)
    assert "<picture>" not in card and "Bildprojekt 24" in card
