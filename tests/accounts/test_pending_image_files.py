"""A member's upload has no public file until an editor approves it: it waits
in the private storage (PRIVATE_MEDIA_ROOT), outside the folder the proxy
serves, and moves there on approval; a rejection deletes it."""

from __future__ import annotations

from io import BytesIO, StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views.static import serve
from PIL import Image
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError

from accounts.privacy import delete_account, export_personal_data
from projects.models import ProjectGalleryImage

from .conftest import add_stale_project, png_bytes, upload_image
from .conftest import decide_image as decide

pytestmark = pytest.mark.django_db

ALT = "Kinder beim Fahrradkurs"


def upload(client, initiative):
    return upload_image(client, initiative, ALT, "rad.png")


def fresh(image):
    """The image as stored now (``refresh_from_db`` would read the file's
    dimensions from the public storage, where a waiting file is not)."""
    return get_image_model().objects.get(pk=image.pk)


def files_under(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def media_request(image):
    """The proxy's answer to the image's address, as the dev server gives it
    (``django.views.static.serve`` over MEDIA_ROOT, like Caddy's file_server)."""
    request = RequestFactory().get(image.file.url)
    from django.conf import settings

    return serve(request, image.file.name, document_root=settings.MEDIA_ROOT)


def test_a_waiting_upload_has_no_file_under_media_root(roots, client, live_member):
    media, private = roots
    _, initiative = live_member

    image = upload(client, initiative)

    assert image.file.url.startswith("/media/original_images/")
    assert files_under(media) == []
    assert (private / image.file.name).is_file()
    with pytest.raises(Http404):
        media_request(image)
    # No rendition can be made of it either, so none lands under /media/.
    with pytest.raises(SourceImageIOError):
        image.get_rendition("max-165x165")
    assert files_under(media) == []
    # The member's own list still shows it, through the signed-in preview.
    preview = client.get(reverse("accounts:image_thumbnail", args=[image.pk]))
    assert preview.status_code == 200
    assert Image.open(BytesIO(preview.content)).size == (200, 133)


def test_approval_moves_the_file_to_the_public_storage(
    roots, client, live_member, editor, django_capture_on_commit_callbacks
):
    media, private = roots
    _, initiative = live_member
    project = add_stale_project(initiative)
    image = upload(client, initiative)
    ProjectGalleryImage.objects.create(page=project, image=image, alt_text=ALT)
    original = (private / image.file.name).read_bytes()

    decide(editor, image, "approve", django_capture_on_commit_callbacks)
    image = fresh(image)

    assert (media / image.file.name).read_bytes() == original
    assert files_under(private) == []
    served = media_request(image)
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == original
    rendition = image.get_rendition("max-165x165")
    assert (media / rendition.file.name).is_file()
    html = Client().get(project.url).content.decode()
    assert f'alt="{ALT}"' in html
    assert "/media/images/" in html


def test_rejection_deletes_the_private_file(
    roots, client, live_member, editor, django_capture_on_commit_callbacks
):
    media, private = roots
    _, initiative = live_member
    image = upload(client, initiative)

    decide(editor, image, "reject", django_capture_on_commit_callbacks)

    assert files_under(private) == []
    assert files_under(media) == []
    preview = client.get(reverse("accounts:image_thumbnail", args=[image.pk]))
    assert preview.status_code == 404
    listing = client.get(f"/konto/initiative/{initiative.pk}/bilder/").content
    assert b"abgelehnt" in listing
    assert reverse("accounts:image_thumbnail", args=[image.pk]).encode() not in (
        listing
    )


def test_deleting_a_waiting_upload_deletes_its_private_file(
    roots, client, live_member, django_capture_on_commit_callbacks
):
    _, private = roots
    _, initiative = live_member
    image = upload(client, initiative)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:image_delete", args=[image.pk]))

    assert response.status_code == 302
    assert files_under(private) == []


def test_editors_preview_a_waiting_picture_and_nobody_else(
    roots, client, live_member, editor, django_capture_on_commit_callbacks
):
    media, private = roots
    _, initiative = live_member
    image = upload(client, initiative)
    thumbnail_url = reverse("image_review_thumbnail", args=[image.pk])
    original_url = reverse("image_review_original", args=[image.pk])

    review = editor.get(reverse("image_review")).content.decode()
    assert thumbnail_url in review and original_url in review
    assert "/media/" not in review
    thumbnail = editor.get(thumbnail_url)
    assert thumbnail.status_code == 200
    assert thumbnail["Content-Type"] == "image/webp"
    assert "no-store" in thumbnail["Cache-Control"]
    original = editor.get(original_url)
    assert original.status_code == 200
    assert original["Content-Type"] == "image/png"
    assert original.content == (private / image.file.name).read_bytes()
    assert files_under(media) == []

    for url in (thumbnail_url, original_url):
        assert Client().get(url).status_code == 302  # to the admin's login
        assert client.get(url).status_code in (302, 403)  # a member, no editor

    decide(editor, image, "approve", django_capture_on_commit_callbacks)
    assert editor.get(original_url).status_code == 404  # no longer waiting


def test_export_and_erasure_keep_account_of_a_waiting_upload(
    roots, client, live_member, editor, django_capture_on_commit_callbacks
):
    media, private = roots
    user, initiative = live_member
    image = upload(client, initiative)

    exported = export_personal_data(user)["hochgeladene_bilder"]
    assert [(row["titel"], row["status"]) for row in exported] == [
        (ALT, "Wartet auf Freigabe")
    ]

    with django_capture_on_commit_callbacks(execute=True):
        delete_account(user)

    # The picture belongs to the initiative: it stays, without its uploader,
    # and still waits in the private storage for the editors.
    image = fresh(image)
    assert image.uploaded_by_user is None
    assert (private / image.file.name).is_file()
    assert files_under(media) == []
    decide(editor, image, "approve", django_capture_on_commit_callbacks)
    assert (media / fresh(image).file.name).is_file()
    assert files_under(private) == []


def test_editors_may_edit_the_texts_of_a_waiting_picture(
    roots, client, live_member, editor
):
    media, private = roots
    _, initiative = live_member
    image = upload(client, initiative)
    url = reverse("wagtailimages:edit", args=[image.pk])

    form = editor.get(url)
    assert form.status_code == 200
    assert 'name="file"' not in form.content.decode()
    response = editor.post(
        url,
        {
            "title": "Neuer Titel",
            "description": ALT,
            "collection": image.collection_id,
            "tags": "",
            "focal_point_x": "",
            "focal_point_y": "",
            "focal_point_width": "",
            "focal_point_height": "",
        },
    )

    assert response.status_code == 302
    image = fresh(image)
    assert image.title == "Neuer Titel"
    assert image.moderation.state == "pending"
    assert (private / image.file.name).is_file()
    assert files_under(media) == []


def test_uploads_waiting_from_before_are_moved_out_of_media_root(
    roots, editor, django_capture_on_commit_callbacks
):
    from django.core.management import call_command

    from kb.models import ImageModeration

    media, private = roots
    older = []
    for title in ("Wartet", "Abgelehnt"):
        image = get_image_model().objects.create(
            title=title,
            file=SimpleUploadedFile(f"{title}.png", png_bytes((60, 40))),
        )
        ImageModeration.objects.create(image=image)
        older.append(image)
    waiting, rejected = older
    assert (media / waiting.file.name).is_file()

    # A rejection of an old waiting upload deletes its public file.
    decide(editor, rejected, "reject", django_capture_on_commit_callbacks)
    assert not (media / rejected.file.name).exists()

    call_command("hide_waiting_images", stdout=StringIO())

    assert not (media / waiting.file.name).exists()
    assert (private / waiting.file.name).is_file()
    with pytest.raises(Http404):
        media_request(waiting)
    decide(editor, waiting, "approve", django_capture_on_commit_callbacks)
    assert (media / fresh(waiting).file.name).is_file()
    assert files_under(private) == []


def listing(editor, layout: str) -> str:
    response = editor.get(reverse("wagtailimages:index"), {"layout": layout})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("layout", ["grid", "list"])
def test_the_admin_listing_shows_a_waiting_picture_through_the_editors_preview(
    roots, client, live_member, editor, django_capture_on_commit_callbacks, layout
):
    media, private = roots
    _, initiative = live_member
    image = upload(client, initiative)
    thumbnail_url = reverse("image_review_thumbnail", args=[image.pk])

    page = listing(editor, layout)

    assert f'src="{thumbnail_url}"' in page
    assert "Wartet auf Freigabe" in page
    assert "not-found" not in page
    preview = editor.get(thumbnail_url)
    assert preview.status_code == 200 and preview["Content-Type"] == "image/webp"
    assert files_under(media) == []  # the listing made nothing public

    decide(editor, image, "approve", django_capture_on_commit_callbacks)
    page = listing(editor, layout)
    assert thumbnail_url not in page and "Wartet auf Freigabe" not in page
    assert "not-found" not in page
    assert f"/media/images/{Path(image.file.name).stem}" in page  # a rendition


def test_the_admin_listing_reads_the_states_once_not_per_picture(
    roots, client, live_member, editor
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _, initiative = live_member

    def state_queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            listing(editor, "grid")
        return sum("kb_imagemoderation" in q["sql"] for q in captured)

    upload_image(client, initiative, "Bild 1")
    one = state_queries()
    upload_image(client, initiative, "Bild 2")
    upload_image(client, initiative, "Bild 3")
    assert state_queries() == one


def test_the_admin_listing_labels_a_rejected_picture_without_a_preview(
    roots, client, live_member, editor, django_capture_on_commit_callbacks
):
    _, initiative = live_member
    image = upload(client, initiative)
    decide(editor, image, "reject", django_capture_on_commit_callbacks)

    page = listing(editor, "grid")

    assert "Abgelehnt" in page
    assert "not-found" not in page
    assert reverse("image_review_thumbnail", args=[image.pk]) not in page


def test_who_may_not_review_sees_only_the_state(roots, client, live_member, rf):
    from django.contrib.auth.models import AnonymousUser
    from django.template import Context, Template

    user, initiative = live_member
    image = upload(client, initiative)
    request = rf.get("/admin/images/")
    shown = Template(
        "{% load image_review_tags %}{% waiting_preview image as w %}"
        "{{ w.label }}|{{ w.url }}"
    )
    for someone in (user, AnonymousUser()):
        request.user = someone
        assert shown.render(Context({"request": request, "image": image})) == (
            "Wartet auf Freigabe|"
        )
