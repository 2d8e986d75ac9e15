"""A member's upload stays off public pages until an editor approves it;
pictures editors upload are public at once."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.images import get_image_model

from kb.models import ImageModeration
from projects.models import ProjectGalleryImage

from .conftest import add_stale_project, make_member, png_bytes, upload_image

pytestmark = pytest.mark.django_db

ALT = "Das Team beim Sprachcafé"


def upload(client, initiative):
    return upload_image(client, initiative, ALT, "team.png")


def show_as_lead(project, image) -> None:
    ProjectGalleryImage.objects.create(page=project, image=image, alt_text=ALT)


def public_html(url: str) -> str:
    response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode()


def decide(editor, image, decision: str):
    return editor.post(
        reverse("image_review"), {"image": image.pk, "decision": decision}
    )


def test_members_upload_waits_for_review(client, live_member):
    _, initiative = live_member

    image = upload(client, initiative)

    assert image.moderation.state == ImageModeration.State.PENDING
    listing = client.get(f"/konto/initiative/{initiative.pk}/bilder/")
    assert "Wartet auf Freigabe" in listing.content.decode()


def test_project_page_shows_a_members_picture_only_after_approval(
    client, live_member, editor
):
    _, initiative = live_member
    project = add_stale_project(initiative)
    image = upload(client, initiative)
    show_as_lead(project, image)

    before = public_html(project.url)
    assert ALT not in before
    assert "<picture" not in before

    assert decide(editor, image, "approve").status_code == 302

    after = public_html(project.url)
    assert f'alt="{ALT}"' in after
    assert 'type="image/webp"' in after


def test_a_rejected_picture_stays_off_the_page(client, live_member, editor):
    _, initiative = live_member
    project = add_stale_project(initiative)
    image = upload(client, initiative)
    show_as_lead(project, image)

    decide(editor, image, "reject")

    assert ALT not in public_html(project.url)
    image.moderation.refresh_from_db()
    assert image.moderation.state == ImageModeration.State.REJECTED
    listing = client.get(f"/konto/initiative/{initiative.pk}/bilder/")
    assert "abgelehnt" in listing.content.decode()


def test_initiative_logo_shows_only_after_approval(client, live_member, editor):
    _, initiative = live_member
    image = upload(client, initiative)
    initiative.logo = image
    initiative.save_revision().publish()

    html = public_html(initiative.url)
    assert "<picture" not in html
    assert "format-png" not in html

    decide(editor, image, "approve")

    html = public_html(initiative.url)
    assert "<picture" in html
    assert image.get_rendition("format-png|max-240x120").url in html


def test_pictures_editors_upload_are_public_at_once(site_tree, live_member):
    _, initiative = live_member
    project = add_stale_project(initiative)
    image = get_image_model().objects.create(
        title="Sprachcafé",
        description=ALT,
        file=SimpleUploadedFile("cafe.png", png_bytes((600, 400))),
    )
    show_as_lead(project, image)

    assert f'alt="{ALT}"' in public_html(project.url)


def test_editors_see_pending_pictures_and_others_may_not(client, live_member, editor):
    _, initiative = live_member
    upload(client, initiative)

    listing = editor.get(reverse("image_review"))
    assert listing.status_code == 200
    assert ALT in listing.content.decode()
    assert "Initiative A" in listing.content.decode()

    assert client.get(reverse("image_review")).status_code in (302, 403)
    assert client.post(reverse("image_review"), {}).status_code in (302, 403)


def test_a_decision_on_a_picture_not_waiting_is_refused_kindly(
    client, live_member, editor
):
    _, initiative = live_member
    image = upload(client, initiative)
    decide(editor, image, "approve")

    response = decide(editor, image, "reject")

    assert response.status_code == 302
    image.moderation.refresh_from_db()
    assert image.moderation.state == ImageModeration.State.APPROVED
    assert decide(editor, image, "nonsense").status_code == 302
    assert editor.post(reverse("image_review"), {"image": "abc"}).status_code == 302


def test_a_waiting_picture_gets_no_public_address(client, live_member):
    from io import BytesIO

    from PIL import Image

    _, initiative = live_member
    image = upload(client, initiative)

    listing = client.get(f"/konto/initiative/{initiative.pk}/bilder/").content
    assert b"/media/" not in listing
    preview_url = reverse("accounts:image_thumbnail", args=[image.pk])
    assert preview_url.encode() in listing
    assert b'width="200" height="133"' in listing

    preview = client.get(preview_url)
    assert preview.status_code == 200
    assert preview["Content-Type"] == "image/webp"
    assert "private" in preview["Cache-Control"]
    assert Image.open(BytesIO(preview.content)).size == (200, 133)


def test_only_the_initiatives_members_see_the_preview(client, live_member):
    _, initiative = live_member
    image = upload(client, initiative)
    url = reverse("accounts:image_thumbnail", args=[image.pk])

    other, _ = make_member("b@example.org", "Initiative B")
    stranger = Client()
    stranger.force_login(other)
    assert stranger.get(url).status_code == 404
    assert Client().get(url).status_code == 302


def test_a_members_lead_picture_goes_public_after_both_approvals(
    client, live_member, editor
):
    from accounts.services import draft_of

    from .conftest import project_data

    _, initiative = live_member
    project = add_stale_project(initiative)
    image = upload(client, initiative)

    form = client.get(reverse("accounts:project_edit", args=[project.pk]))
    assert f'<option value="{image.pk}">{ALT}</option>' in form.content.decode()
    response = client.post(
        reverse("accounts:project_edit", args=[project.pk]),
        project_data(lead_image=image.pk, lead_alt_text=""),
    )
    assert response.status_code == 302
    project.refresh_from_db()
    draft = draft_of(project)
    assert [(g.image_id, g.alt_text) for g in draft.gallery_images.all()] == [
        (image.pk, ALT)
    ]

    # The editors publish the page; the picture still waits for its approval.
    draft.save_revision().publish()
    assert ALT not in public_html(project.url)

    decide(editor, image, "approve")
    assert f'alt="{ALT}"' in public_html(project.url)


def test_a_member_cannot_choose_another_initiatives_picture(client, live_member):
    from .conftest import project_data

    _, initiative = live_member
    project = add_stale_project(initiative)
    other_user, other = make_member("b@example.org", "Initiative B")
    other_client = Client()
    other_client.force_login(other_user)
    foreign = upload(other_client, other)

    response = client.post(
        reverse("accounts:project_edit", args=[project.pk]),
        project_data(lead_image=foreign.pk),
    )

    assert response.status_code == 400
    assert "Auswahl" in response.content.decode()


def test_a_new_choice_replaces_the_members_lead_picture(client, live_member):
    from accounts.services import draft_of

    from .conftest import project_data

    _, initiative = live_member
    project = add_stale_project(initiative)
    first = upload(client, initiative)
    first.title = "Erstes Bild"
    first.save()
    second = upload(client, initiative)
    url = reverse("accounts:project_edit", args=[project.pk])

    def gallery():
        project.refresh_from_db()
        return [
            (g.image_id, g.alt_text) for g in draft_of(project).gallery_images.all()
        ]

    client.post(url, project_data(lead_image=first.pk, lead_alt_text="Ein Tisch"))
    assert gallery() == [(first.pk, "Ein Tisch")]
    client.post(url, project_data(lead_image=second.pk))
    assert gallery() == [(second.pk, ALT)]
    client.post(url, project_data(lead_image=""))
    assert gallery() == []


def test_the_admin_start_page_counts_waiting_pictures(client, live_member, editor):
    _, initiative = live_member
    assert "auf Freigabe" not in editor.get("/admin/").content.decode()

    image = upload(client, initiative)

    assert "1 Bild einer Initiative wartet auf Freigabe" in (
        editor.get("/admin/").content.decode()
    )
    decide(editor, image, "approve")
    assert "auf Freigabe" not in editor.get("/admin/").content.decode()


def test_a_jpeg_preview_keeps_its_proportions(client, live_member):
    from io import BytesIO

    from PIL import Image

    _, initiative = live_member
    out = BytesIO()
    Image.new("RGB", (1600, 900), (200, 100, 0)).save(out, "JPEG")
    client.post(
        f"/konto/initiative/{initiative.pk}/bilder/",
        {"title": "Foto", "file": SimpleUploadedFile("foto.jpg", out.getvalue())},
    )
    image = get_image_model().objects.get(title="Foto")

    preview = client.get(reverse("accounts:image_thumbnail", args=[image.pk]))

    assert Image.open(BytesIO(preview.content)).size == (200, 112)


def test_result_cards_show_a_members_picture_only_after_approval(
    client, live_member, editor
):
    from projects.card_details import card_details

    _, initiative = live_member
    project = add_stale_project(initiative)
    image = upload(client, initiative)
    show_as_lead(project, image)

    assert card_details([project.pk])[project.pk].thumbnail is None

    decide(editor, image, "approve")

    thumbnail = card_details([project.pk])[project.pk].thumbnail
    assert thumbnail is not None and thumbnail.alt == ALT


def test_a_new_project_can_start_with_a_lead_picture(client, live_member):
    from projects.models import ProjectPage

    from .conftest import project_data

    _, initiative = live_member
    image = upload(client, initiative)

    response = client.post(
        reverse("accounts:project_create", args=[initiative.pk]),
        project_data(lead_image=image.pk, lead_alt_text="Ein Tisch"),
    )

    assert response.status_code == 302
    project = ProjectPage.objects.child_of(initiative).get()
    assert not project.live
    draft = project.get_latest_revision_as_object()
    assert [(g.image_id, g.alt_text) for g in draft.gallery_images.all()] == [
        (image.pk, "Ein Tisch")
    ]
