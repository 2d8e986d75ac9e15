"""A member's picture that is not public, as the editors meet it outside the
image listing: on its edit page, in the image chooser and in a page form's
chooser field. Its file waits in the private storage (or is gone after a
rejection), so Wagtail alone would show a missing file there and answer a
choice of it with a server error."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.images import get_image_model

from kb.images import open_original
from projects.models import ProjectGalleryImage

from .conftest import add_stale_project, decide_image, png_bytes, upload_image

pytestmark = pytest.mark.django_db

WAITING = "Wartet auf Freigabe"


def public_picture(title: str = "Von der Redaktion"):
    """An editor's own upload: no moderation row, its file in MEDIA_ROOT."""
    return get_image_model().objects.create(
        title=title, file=SimpleUploadedFile("redaktion.png", png_bytes((90, 60)))
    )


def edit_page(editor, image) -> str:
    response = editor.get(reverse("wagtailimages:edit", args=[image.pk]))
    assert response.status_code == 200
    return response.content.decode()


def chooser(editor, layout: str) -> str:
    response = editor.get(
        reverse("wagtailimages_chooser:choose_results"), {"layout": layout}
    )
    assert response.status_code == 200
    return response.content.decode()


def chosen_url(image) -> str:
    return reverse("wagtailimages_chooser:chosen", args=[image.pk])


def test_the_edit_page_shows_a_waiting_picture_through_the_editors_preview(
    roots, client, live_member, editor, django_capture_on_commit_callbacks
):
    _, initiative = live_member
    image = upload_image(client, initiative, "Fahrradkurs")
    thumbnail_url = reverse("image_review_thumbnail", args=[image.pk])

    page = edit_page(editor, image)

    assert f'src="{thumbnail_url}"' in page
    assert WAITING in page
    assert f'href="{reverse("image_review")}"' in page
    assert "600 × 400" in page
    assert "not-found" not in page
    assert 'class="focal-point-chooser"' not in page  # it needs the file

    decide_image(editor, image, "approve", django_capture_on_commit_callbacks)
    page = edit_page(editor, image)
    assert thumbnail_url not in page and WAITING not in page
    assert "not-found" not in page
    assert 'class="focal-point-chooser"' in page  # Wagtail's own page again


def test_the_edit_page_names_a_rejected_picture_without_a_preview(
    roots, client, live_member, editor, django_capture_on_commit_callbacks
):
    _, initiative = live_member
    image = upload_image(client, initiative, "Fahrradkurs")
    decide_image(editor, image, "reject", django_capture_on_commit_callbacks)

    page = edit_page(editor, image)

    assert "Abgelehnt" in page
    assert "Datei gelöscht" in page
    assert "not-found" not in page
    assert reverse("image_review_thumbnail", args=[image.pk]) not in page


@pytest.mark.parametrize("layout", ["grid", "list"])
def test_the_chooser_shows_a_waiting_picture_and_offers_only_public_ones(
    roots, client, live_member, editor, django_capture_on_commit_callbacks, layout
):
    _, initiative = live_member
    waiting = upload_image(client, initiative, "Wartend")
    rejected = upload_image(client, initiative, "Abgelehnt", "abgelehnt.png")
    decide_image(editor, rejected, "reject", django_capture_on_commit_callbacks)
    public = public_picture()

    html = chooser(editor, layout)

    assert f'src="{reverse("image_review_thumbnail", args=[waiting.pk])}"' in html
    assert WAITING in html and ">Abgelehnt</span>" in html
    assert "not-found" not in html
    # Choosing a waiting picture made Wagtail answer with a server error.
    assert chosen_url(waiting) not in html and chosen_url(rejected) not in html
    assert chosen_url(public) in html
    assert "/media/images/redaktion" in html  # the public one's rendition


@pytest.mark.parametrize("layout", ["grid", "list"])
def test_the_chooser_reads_the_states_once_not_per_picture(
    roots, client, live_member, editor, layout
):
    _, initiative = live_member

    def queries() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as captured:
            chooser(editor, layout)
        states = sum("kb_imagemoderation" in query["sql"] for query in captured)
        return states, len(captured)

    upload_image(client, initiative, "Bild 1")
    states_one, all_one = queries()
    upload_image(client, initiative, "Bild 2")
    upload_image(client, initiative, "Bild 3")
    states_three, all_three = queries()

    assert states_one == states_three == 1
    assert all_three == all_one


def test_a_page_forms_chooser_field_names_the_state_of_a_waiting_picture(
    roots, client, live_member, editor, django_capture_on_commit_callbacks
):
    _, initiative = live_member
    project = add_stale_project(initiative)
    image = upload_image(client, initiative, "Fahrradkurs")
    ProjectGalleryImage.objects.create(page=project, image=image, alt_text="Rad")
    edit_url = reverse("wagtailadmin_pages:edit", args=[project.pk])

    form = editor.get(edit_url).content.decode()

    assert f'Fahrradkurs <span class="w-status w-status--primary">{WAITING}' in form
    assert "not-found" not in form

    decide_image(editor, image, "approve", django_capture_on_commit_callbacks)
    form = editor.get(edit_url).content.decode()
    assert WAITING not in form
    assert "/media/images/" in form  # Wagtail's preview rendition


def test_the_delete_question_shows_a_waiting_picture_through_the_preview(
    roots, client, live_member, editor
):
    _, initiative = live_member
    image = upload_image(client, initiative, "Fahrradkurs")

    response = editor.get(reverse("wagtailimages:delete", args=[image.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert f'src="{reverse("image_review_thumbnail", args=[image.pk])}"' in page
    assert WAITING in page
    assert "not-found" not in page
    assert f'action="{reverse("wagtailimages:delete", args=[image.pk])}"' in page


def test_a_revision_comparison_names_a_waiting_picture_in_the_gallery(
    roots, client, live_member, editor
):
    _, initiative = live_member
    project = add_stale_project(initiative)
    image = upload_image(client, initiative, "Fahrradkurs")
    project.gallery_images.add(ProjectGalleryImage(image=image, alt_text="Rad"))
    revision = project.save_revision()

    response = editor.get(
        reverse(
            "wagtailadmin_pages:revisions_compare",
            args=[project.pk, "live", revision.pk],
        )
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert f'Fahrradkurs <span class="w-status w-status--primary">{WAITING}' in page
    assert "not-found" not in page


def test_an_upload_duplicating_a_waiting_picture_offers_only_the_new_one(
    roots, client, live_member, editor
):
    _, initiative = live_member
    waiting = upload_image(client, initiative, "Fahrradkurs")
    with open_original(waiting) as handle:
        same_bytes = handle.read()  # e.g. saved from Bildfreigabe's full view

    response = editor.post(
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": "Noch einmal",
            "image-chooser-upload-file": SimpleUploadedFile("rad.png", same_bytes),
            "image-chooser-upload-description": "Kinder beim Fahrradkurs",
            "image-chooser-upload-collection": waiting.collection_id,
        },
    )

    answer = response.json()
    assert answer["step"] == "duplicate_found"
    html = answer["htmlFragment"]
    new = get_image_model().objects.get(title="Noch einmal")
    assert f'src="{reverse("image_review_thumbnail", args=[waiting.pk])}"' in html
    assert WAITING in html
    assert "not-found" not in html
    assert chosen_url(new) in html
    assert chosen_url(waiting) not in html  # Wagtail answers that with a 500
