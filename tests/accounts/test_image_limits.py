"""Uploads: only the accepted decoders run, encoder failures are a 400, and
each initiative has an image quota."""

from __future__ import annotations

import pytest
from django.urls import reverse
from PIL import Image, ImageFile
from wagtail.images import get_image_model

from kb.models import ImageModeration

from .conftest import png_bytes, post_image, upload_image

SPY_MAGIC = b"SPYFMT01"


class SpyImageFile(ImageFile.ImageFile):
    """A Pillow format plugin that records every time Pillow tries it."""

    format = "SPYFMT"
    format_description = "records attempts"
    tried = 0

    def _open(self) -> None:
        SpyImageFile.tried += 1
        raise SyntaxError("not a spy file")


@pytest.fixture
def spy_plugin():
    Image.init()
    Image.register_open(SpyImageFile.format, SpyImageFile)
    SpyImageFile.tried = 0
    yield SpyImageFile
    Image.OPEN.pop(SpyImageFile.format, None)
    Image.ID.remove(SpyImageFile.format)


def test_other_format_plugins_never_see_the_post_image(client, member, spy_plugin):
    _, initiative = member

    response = post_image(client, initiative, SPY_MAGIC + b"\x00" * 64, "x.png")

    assert response.status_code == 400
    assert spy_plugin.tried == 0


def test_an_encoder_failure_is_a_400_with_a_german_message(client, member, monkeypatch):
    _, initiative = member
    content = png_bytes()

    def failing_save(self, *args, **kwargs):
        raise OSError("encoder error -2 when writing image file")

    monkeypatch.setattr(Image.Image, "save", failing_save)
    response = post_image(client, initiative, content)

    assert response.status_code == 400
    assert "beschädigt oder unvollständig" in response.content.decode()
    assert not get_image_model().objects.filter(title="Unser Treff").exists()


def test_an_initiative_over_its_quota_gets_a_400(client, member, settings):
    settings.ACCOUNTS_IMAGE_QUOTA = 2
    _, initiative = member

    answers = [post_image(client, initiative, png_bytes()) for _ in range(3)]

    assert [a.status_code for a in answers[:2]] == [302, 302]
    assert answers[2].status_code == 400
    assert "schon 2 Bilder" in answers[2].content.decode()
    assert get_image_model().objects.filter(title="Unser Treff").count() == 2


def test_an_upload_past_the_byte_quota_gets_a_400_and_loses_nothing(
    client, member, settings
):
    _, initiative = member
    assert post_image(client, initiative, png_bytes()).status_code == 302
    kept = get_image_model().objects.get(title="Unser Treff")
    settings.ACCOUNTS_IMAGE_QUOTA_BYTES = kept.file_size + 10

    answer = post_image(client, initiative, png_bytes())

    assert answer.status_code == 400
    assert "Speicherplatz Ihrer Initiative" in answer.content.decode()
    assert list(get_image_model().objects.filter(title="Unser Treff")) == [kept]
    assert client.get(f"/konto/initiative/{initiative.pk}/bilder/").status_code == 200


def reject(editor, image) -> None:
    response = editor.post(
        reverse("image_review"), {"image": image.pk, "decision": "reject"}
    )
    assert response.status_code == 302
    assert ImageModeration.objects.get(pk=image.pk).state == "rejected"


def test_rejected_pictures_do_not_use_up_the_count_quota(
    client, member, editor, settings
):
    settings.ACCOUNTS_IMAGE_QUOTA = 2
    _, initiative = member
    kept = upload_image(client, initiative, "Behalten")
    rejected = upload_image(client, initiative, "Abgelehnt")
    assert post_image(client, initiative, png_bytes()).status_code == 400

    reject(editor, rejected)

    assert post_image(client, initiative, png_bytes()).status_code == 302
    assert post_image(client, initiative, png_bytes()).status_code == 400
    assert kept.moderation.state == "pending"


def test_rejected_pictures_do_not_use_up_the_byte_quota(
    client, member, editor, settings
):
    _, initiative = member
    rejected = upload_image(client, initiative, "Abgelehnt")
    settings.ACCOUNTS_IMAGE_QUOTA_BYTES = rejected.file_size + 10
    assert post_image(client, initiative, png_bytes()).status_code == 400

    reject(editor, rejected)

    assert post_image(client, initiative, png_bytes()).status_code == 302
