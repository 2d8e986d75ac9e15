"""templates/includes/picture.html: WebP with a JPEG (logos: PNG) fallback,
srcset and sizes, width and height, lazy unless first; nothing for a picture
waiting for approval."""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from django.core.files.images import ImageFile
from django.template.loader import render_to_string
from PIL import Image
from wagtail.images import get_image_model

from kb.models import ImageModeration

pytestmark = pytest.mark.django_db


@pytest.fixture
def photo():
    out = BytesIO()
    Image.new("RGB", (1600, 1000), (30, 120, 90)).save(out, "PNG")
    return get_image_model().objects.create(
        title="Treffpunkt",
        description="Menschen an einem Tisch",
        file=ImageFile(BytesIO(out.getvalue()), name="treff.png"),
    )


def render(**context) -> str:
    return render_to_string("includes/picture.html", context)


def img_tag(html: str) -> str:
    return re.search(r"<img [^>]*>", html)[0]


def test_lead_picture_is_eager_with_webp_and_jpeg(photo):
    html = render(image=photo, alt="Menschen an einem Tisch", first=True)

    source = re.search(r"<source [^>]*>", html)[0]
    assert 'type="image/webp"' in source
    assert source.count(".webp ") == 3
    for width in ("480w", "800w", "1200w"):
        assert width in source
    img = img_tag(html)
    assert ".jpg" in img
    assert 'sizes="(min-width: 75rem) 72rem, 100vw"' in img
    assert 'width="480"' in img and 'height="300"' in img
    assert 'fetchpriority="high"' in img
    assert "loading=" not in img
    assert 'alt="Menschen an einem Tisch"' in img


@pytest.mark.parametrize("kind", ["lead", "block", "card", "logo"])
def test_pictures_below_the_fold_load_lazily(photo, kind):
    img = img_tag(render(image=photo, alt="", kind=kind))

    assert 'loading="lazy"' in img
    assert 'decoding="async"' in img
    assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img)
    assert "srcset=" in img and "sizes=" in img


def test_logo_falls_back_to_png_and_cards_are_cropped(photo):
    assert ".png" in img_tag(render(image=photo, alt="", kind="logo"))
    card = img_tag(render(image=photo, alt="", kind="card"))
    assert 'width="320"' in card and 'height="200"' in card


def test_the_caller_may_set_sizes(photo):
    img = img_tag(render(image=photo, alt="", kind="block", sizes="50vw"))
    assert 'sizes="50vw"' in img


@pytest.mark.parametrize("state", ["pending", "rejected"])
def test_a_picture_not_approved_renders_nothing(photo, state):
    ImageModeration.objects.create(image=photo, state=state)
    photo.refresh_from_db()

    assert render(image=photo, alt="x", first=True).strip() == ""


def test_no_picture_renders_nothing():
    assert render(image=None, alt="x").strip() == ""
