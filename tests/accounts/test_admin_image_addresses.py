"""Addresses of Wagtail's image admin that need a picture's file, typed by
hand (or kept from an old page) for a member's picture that is not public:
the chooser's choice of one or several pictures, the choice with a format
for rich text and the URL generator's preview. Wagtail makes a rendition of
a file that is not in the public storage there; the answer must be a clear
German error, never a 500."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model

from .conftest import decide_image, png_bytes, upload_image

pytestmark = pytest.mark.django_db

NOT_AVAILABLE = "Dieses Bild ist noch nicht freigegeben"
REJECTED = "Dieses Bild wurde abgelehnt"


def public_picture(title: str = "Von der Redaktion"):
    """An editor's own upload: no moderation row, its file in MEDIA_ROOT."""
    return get_image_model().objects.create(
        title=title, file=SimpleUploadedFile("redaktion.png", png_bytes((90, 60)))
    )


@pytest.fixture
def waiting(roots, client, live_member):
    return upload_image(client, live_member[1], "Wartend")


@pytest.fixture
def rejected(roots, client, live_member, editor, django_capture_on_commit_callbacks):
    image = upload_image(client, live_member[1], "Abgelehnt", "abgelehnt.png")
    decide_image(editor, image, "reject", django_capture_on_commit_callbacks)
    return image


def chosen(image_id) -> str:
    return reverse("wagtailimages_chooser:chosen", args=[image_id])


def chosen_multiple(*image_ids) -> str:
    query = "&".join(f"id={image_id}" for image_id in image_ids)
    return f"{reverse('wagtailimages_chooser:chosen_multiple')}?{query}"


def test_choosing_a_waiting_picture_by_its_address_answers_404_with_the_reason(
    waiting, admin_client
):
    response = admin_client.get(chosen(waiting.pk))

    page = response.content.decode()
    assert response.status_code == 404
    assert NOT_AVAILABLE in page and "Wartet auf Freigabe" in page
    assert f'href="{reverse("image_review")}"' in page
    assert f'href="{reverse("wagtailimages:edit", args=[waiting.pk])}"' in page


def test_choosing_a_rejected_picture_by_its_address_answers_404_with_the_reason(
    rejected, admin_client
):
    response = admin_client.get(chosen(rejected.pk))

    page = response.content.decode()
    assert response.status_code == 404
    assert REJECTED in page
    assert f'href="{reverse("image_review")}"' not in page


def test_a_public_picture_is_still_chosen_by_wagtail(roots, admin_client):
    image = public_picture()

    response = admin_client.get(chosen(image.pk))

    assert response.status_code == 200
    answer = response.json()
    assert answer["step"] == "chosen"
    assert answer["result"]["id"] == str(image.pk)
    assert answer["result"]["preview"]["url"].startswith("/media/images/")


def test_choosing_several_with_a_waiting_one_answers_404_and_chooses_nothing(
    waiting, rejected, admin_client
):
    public = public_picture()

    mixed = admin_client.get(chosen_multiple(public.pk, waiting.pk, rejected.pk))
    only_public = admin_client.get(chosen_multiple(public.pk))

    page = mixed.content.decode()
    assert mixed.status_code == 404
    assert "Nicht alle gewählten Bilder sind freigegeben" in page
    assert f"Bild {waiting.pk}: Wartet auf Freigabe" in page
    assert f"Bild {rejected.pk}: Abgelehnt" in page
    assert only_public.status_code == 200
    assert [item["id"] for item in only_public.json()["result"]] == [str(public.pk)]


def test_the_multiple_chooser_list_offers_no_checkbox_for_a_waiting_picture(
    waiting, admin_client
):
    public = public_picture()

    response = admin_client.get(
        reverse("wagtailimages_chooser:choose_results"),
        {"layout": "list", "multiple": "1"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert f'name="id" value="{public.pk}"' in html
    assert f'name="id" value="{waiting.pk}"' not in html
    assert "Erst nach der Freigabe wählbar" in html


def test_the_format_choice_for_rich_text_answers_404_for_a_waiting_picture(
    waiting, admin_client
):
    url = reverse("wagtailimages_chooser:select_format", args=[waiting.pk])

    shown = admin_client.get(url)
    posted = admin_client.post(
        url,
        {
            "image-chooser-insertion-format": "fullwidth",
            "image-chooser-insertion-alt_text": "Rad",
        },
    )

    assert shown.status_code == posted.status_code == 404
    assert NOT_AVAILABLE in posted.content.decode()


@pytest.mark.parametrize("filter_spec", ["original", "fill-100x100"])
def test_the_url_generators_preview_answers_404_for_a_waiting_picture(
    waiting, rejected, admin_client, filter_spec
):
    public = public_picture()

    def preview(image):
        return admin_client.get(
            reverse("wagtailimages:preview", args=[image.pk, filter_spec])
        )

    assert preview(waiting).status_code == 404
    assert preview(rejected).status_code == 404
    answer = preview(public)
    assert answer.status_code == 200
    assert answer["Content-Type"] == "image/png"


def test_a_malformed_picture_number_is_a_clear_error(roots, admin_client):
    one = admin_client.get(chosen("abc"))
    several = admin_client.get(chosen_multiple("abc"))

    assert one.status_code == 404
    assert several.status_code == 400
    assert "Ungültige Bildnummer" in several.content.decode()
    assert admin_client.get(chosen("²")).status_code == 404  # isdigit, no int
    assert admin_client.get(chosen_multiple("²")).status_code == 400
    too_large = "99999999999999999999"  # beyond PostgreSQL's integer
    assert admin_client.get(chosen(too_large)).status_code == 404
    assert admin_client.get(chosen_multiple(too_large)).json()["result"] == []


def test_an_editor_without_review_rights_gets_the_same_answer_without_the_link(
    waiting, client, django_user_model
):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("bilder", "b@example.org", "x")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="choose_image"),
    )
    client.force_login(user)

    response = client.get(chosen(waiting.pk))

    page = response.content.decode()
    assert response.status_code == 404
    assert NOT_AVAILABLE in page
    assert f'href="{reverse("image_review")}"' not in page


def test_the_guarded_addresses_still_require_the_admin_login(waiting, client):
    client.logout()

    response = client.get(chosen(waiting.pk))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("wagtailimages:edit", 200),
        ("wagtailimages:delete", 200),
        ("wagtailimages:image_usage", 200),
        # No serve view is configured, so Wagtail offers no URL generator.
        ("wagtailimages:url_generator", 404),
    ],
)
def test_the_other_image_addresses_answer_a_waiting_picture_without_an_error(
    waiting, admin_client, name, status
):
    response = admin_client.get(reverse(name, args=[waiting.pk]))

    assert response.status_code == status


def test_the_admin_api_names_the_missing_file_instead_of_failing(waiting, admin_client):
    response = admin_client.get(f"/admin/api/main/images/{waiting.pk}/")

    assert response.status_code == 200
    assert response.json()["thumbnail"] == {"error": "SourceImageIOError"}


def test_other_choosers_keep_their_checkboxes_for_the_same_number(
    waiting, admin_client
):
    from wagtail.documents import get_document_model

    document = get_document_model().objects.create(
        pk=waiting.pk,
        title="Leitfaden",
        file=SimpleUploadedFile("leitfaden.pdf", b"%PDF-1.4 Leitfaden"),
    )

    response = admin_client.get(
        reverse("wagtaildocs_chooser:choose_results"), {"multiple": "1"}
    )

    assert response.status_code == 200
    assert f'name="id" value="{document.pk}"' in response.content.decode()
