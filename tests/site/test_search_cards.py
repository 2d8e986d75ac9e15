"""Search results as cards: the lead picture's thumbnail with its size and alt
text, districts and regions, fields of action, the status and the
"Gutes Beispiel" seal, from one query for the whole page."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Filter, Image, Rendition
from wagtail.images.tests.utils import get_test_image_file

from projects.card_details import card_details
from projects.cards import THUMBNAIL_JPEG, THUMBNAIL_WEBP
from projects.models import ProjectGalleryImage
from tests.site.content import add_project

pytestmark = pytest.mark.django_db


def _picture(project, alt: str, order: int = 0) -> None:
    image = Image.objects.create(title=alt, file=get_test_image_file(size=(900, 600)))
    # Wagtail caches renditions in Redis, which outlives the test database
    # (and its reused image ids) of an earlier run.
    for spec in (Filter(THUMBNAIL_WEBP), Filter(THUMBNAIL_JPEG)):
        key = Rendition.construct_cache_key(image, spec.get_cache_key(image), spec.spec)
        Rendition.cache_backend.delete(key)
    ProjectGalleryImage.objects.create(
        page=project, image=image, alt_text=alt, sort_order=order
    )


def _cards(html: str) -> list[str]:
    return re.findall(r'<article class="card kern-card">.*?</article>', html, re.S)


@pytest.fixture
def pictured(site_content):
    index = site_content.project_index
    seal = add_project(
        index,
        "Lernpaten Wolfsburg",
        districts=("03103",),
        fields=("sprache", "arbeit"),
        good_example=True,
        status="completed",
    )
    _picture(seal, "Zwei Menschen lernen am Tisch", order=1)
    _picture(seal, "Ein Schild am Eingang", order=2)
    plain = add_project(index, "Lernpaten Celle", districts=("03351",))
    statewide = add_project(index, "Lernpaten landesweit", districts=(), statewide=True)
    return seal, plain, statewide


def test_a_result_card_shows_picture_places_fields_status_and_seal(pictured):
    html = Client().get("/suche/?q=Lernpaten&sort=title").content.decode()
    cards = _cards(html)
    seal_card = next(card for card in cards if "Wolfsburg</a>" in card)
    img = re.search(r"<img [^>]*>", seal_card).group(0)
    # The first gallery picture, as a WebP thumbnail with a JPEG fallback
    # and its size.
    assert 'alt="Zwei Menschen lernen am Tisch"' in img
    assert re.search(r'<source type="image/webp" srcset="[^"]+\.webp">', seal_card)
    assert re.search(r'src="[^"]+\.jpg"', img)
    assert 'width="480" height="320"' in img
    assert "Wolfsburg · Region Braunschweig</p>" in seal_card
    assert "Sprachförderung, Arbeitsmarktintegration</p>" in seal_card
    assert '<span class="kern-label">Gutes Beispiel</span>' in seal_card
    assert "</span> abgeschlossen</span>" in seal_card
    plain_card = next(card for card in cards if "Celle</a>" in card)
    assert "<img" not in plain_card and "Gutes Beispiel" not in plain_card
    assert "</span> laufend</span>" in plain_card
    assert "Celle · Region Lüneburg</p>" in plain_card
    statewide_card = next(card for card in cards if "landesweit</a>" in card)
    assert "landesweit</p>" in statewide_card.replace("</a>", "")


def test_only_the_first_card_loads_its_picture_eagerly(pictured):
    _seal, plain, _statewide = pictured
    _picture(plain, "Ein Lernort in Celle")
    html = Client().get("/suche/?q=Lernpaten&sort=title").content.decode()
    images = re.findall(r"<img [^>]*>", html)
    assert len(images) == 2 and "Celle" in images[0]
    assert 'loading="lazy"' not in images[0] and 'loading="lazy"' in images[1]


def test_card_details_are_one_query_once_the_thumbnails_exist(pictured):
    ids = [project.pk for project in pictured]
    first = card_details(ids)  # renders the missing thumbnail
    with CaptureQueriesContext(connection) as queries:
        again = card_details(ids)
    assert len(queries.captured_queries) == 1
    assert again == first
    seal, plain, statewide = pictured
    assert again[seal.pk].good_example and again[seal.pk].regions == ["Braunschweig"]
    assert again[plain.pk].thumbnail is None and not again[plain.pk].good_example
    assert again[statewide.pk].statewide and again[statewide.pk].regions == []
