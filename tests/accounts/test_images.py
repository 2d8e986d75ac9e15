"""Uploaded images: only real JPEG/PNG/WebP pixels, no metadata, no bombs."""

from __future__ import annotations

import struct
import zlib
from io import BytesIO

import pytest
from PIL import Image
from wagtail.images import get_image_model

from kb.images import open_original

from .conftest import png_bytes, post_image

pytestmark = pytest.mark.django_db


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (40, 20), (10, 120, 200))
    exif = Image.Exif()
    exif[0x010F] = "Kamerahersteller"  # Make
    exif[0x0112] = 6  # orientation: rotate 90° on display
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (52.0, 37.0, 0.0)
    gps[3] = "E"
    gps[4] = (10.0, 4.0, 0.0)
    out = BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def png_bomb() -> bytes:
    """A tiny PNG whose header claims 100 000 × 100 000 pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">'
    b"<script>alert(1)</script></svg>"
)


def stored_bytes(image) -> bytes:
    """The stored file; a member's upload waits in the private storage."""
    with open_original(image) as handle:
        return handle.read()


@pytest.mark.parametrize(
    "content, name, message",
    [
        (png_bomb(), "bomb.png", "zu viele Bildpunkte"),
        (png_bytes()[:-40], "cut.png", "beschädigt oder unvollständig"),
        (SVG, "logo.svg", "SVG-Grafiken"),
        (SVG, "logo.png", "SVG-Grafiken"),
        (b"GIF89a" + b"\x00" * 40, "a.gif", "JPEG, PNG oder WebP"),
        (b"%PDF-1.4 hallo", "bild.jpg", "JPEG, PNG oder WebP"),
    ],
)
def test_bad_uploads_are_refused_with_a_german_message(
    client, member, content, name, message
):
    _, initiative = member

    response = post_image(client, initiative, content, name)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not get_image_model().objects.exists()


def test_file_over_ten_megabytes_is_refused(client, member, settings):
    _, initiative = member
    settings.ACCOUNTS_MAX_IMAGE_BYTES = 1000

    response = post_image(
        client, initiative, png_bytes((200, 200)) + b"\0" * 2000, "a.png"
    )

    assert response.status_code == 400
    assert "größer als 10 MB" in response.content.decode()


def test_gif_disguised_as_jpeg_is_refused(client, member):
    _, initiative = member
    out = BytesIO()
    Image.new("RGB", (10, 10)).save(out, "GIF")

    response = post_image(client, initiative, out.getvalue(), "foto.jpg")

    assert response.status_code == 400


def test_exif_and_gps_are_stripped_and_orientation_applied(client, member):
    _, initiative = member

    response = post_image(client, initiative, jpeg_with_gps(), "foto.jpg")

    assert response.status_code == 302
    image = get_image_model().objects.get()
    stored = Image.open(BytesIO(stored_bytes(image)))
    assert stored.format == "JPEG"
    assert not stored.getexif()
    assert "exif" not in stored.info
    assert stored.size == (20, 40)  # rotated by the orientation tag
    assert (image.width, image.height) == (20, 40)
    assert image.collection.name.startswith(f"Initiative {initiative.pk}")


def test_polyglot_keeps_only_the_pixels(client, member):
    _, initiative = member
    out = BytesIO()
    Image.new("RGB", (16, 16), (0, 200, 0)).save(out, "JPEG")
    polyglot = (
        out.getvalue()
        + b"PK\x03\x04zipdata<html><script>alert(document.cookie)</script></html>"
    )

    response = post_image(client, initiative, polyglot, "foto.jpg")

    assert response.status_code == 302
    data = stored_bytes(get_image_model().objects.get())
    assert b"<script>" not in data and b"PK\x03\x04" not in data
    assert data.endswith(b"\xff\xd9")


def test_png_and_webp_are_accepted(client, member):
    _, initiative = member
    webp = BytesIO()
    Image.new("RGBA", (8, 8)).save(webp, "WEBP")

    assert post_image(client, initiative, png_bytes(), "a.png").status_code == 302
    assert post_image(client, initiative, webp.getvalue(), "b.webp").status_code == 302
    names = sorted(i.file.name for i in get_image_model().objects.all())
    assert names[0].endswith((".png", ".webp"))
    assert {n.rsplit(".", 1)[1] for n in names} == {"png", "webp"}
