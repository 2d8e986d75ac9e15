"""Every picture an editor uploads in the Wagtail admin needs an alt text."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Collection

pytestmark = pytest.mark.django_db

ALT_MISSING = "Bitte geben Sie einen Alternativtext ein"


def png_file(name: str = "treff.png") -> SimpleUploadedFile:
    out = BytesIO()
    Image.new("RGB", (40, 30), (20, 90, 160)).save(out, "PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


@pytest.fixture
def editor(client, editor_user):
    """``client`` signed in as the shared editor (tests/conftest.py)."""
    client.force_login(editor_user)
    return editor_user


def add_image(client, **data):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Sprachcafé",
            "collection": Collection.get_first_root_node().pk,
            "file": png_file(),
            **data,
        },
    )


def test_upload_without_alt_text_is_refused_in_german(client, editor):
    response = add_image(client)

    assert response.status_code == 200
    assert ALT_MISSING in response.content.decode()
    assert not get_image_model().objects.exists()


def test_blank_alt_text_counts_as_missing(client, editor):
    response = add_image(client, description="   ")

    assert ALT_MISSING in response.content.decode()
    assert not get_image_model().objects.exists()


def test_upload_with_alt_text_is_stored(client, editor):
    response = add_image(
        client, description="Zwei Frauen üben am Tisch Deutsch mit Bildkarten"
    )

    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert image.description == "Zwei Frauen üben am Tisch Deutsch mit Bildkarten"


def test_multiple_upload_waits_for_the_alt_text(client, editor):
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": png_file(), "title": "Sprachcafé"},
    )

    assert response.status_code == 200
    assert not get_image_model().objects.exists()
    assert "Alternativtext" in response.json()["form"]
