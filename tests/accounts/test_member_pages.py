"""Members edit drafts through frontend forms; other initiatives get 404."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.images import store_image
from projects.models import ProjectPage

from .conftest import make_member, png_bytes, project_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def member_a(site_tree):
    return make_member("a@example.org", "Initiative A")


@pytest.fixture
def member_b(site_tree):
    return make_member("b@example.org", "Initiative B")


def create_project(client, initiative, **overrides):
    return client.post(
        f"/konto/initiative/{initiative.pk}/projekt-neu/", project_data(**overrides)
    )


def test_member_creates_a_draft_project_that_is_not_published(client, member_a):
    user, initiative = member_a
    client.force_login(user)

    response = create_project(client, initiative)

    assert response.status_code == 302
    project = ProjectPage.objects.child_of(initiative).get()
    assert not project.live
    assert project.latest_revision is not None
    draft = project.get_latest_revision_as_object()
    assert [o.text for o in draft.offers.all()] == []
    assert sorted(draft.tags.names()) == ["Ehrenamt", "Sprachcafé"]
    assert "Entwurf" in client.get("/konto/").content.decode()
    preview = client.get(f"/konto/seite/{project.pk}/vorschau/")
    assert preview.status_code == 200
    assert "Sprachcafé am Markt" in preview.content.decode()


def test_offers_and_needs_are_saved_from_formsets(client, member_a):
    user, initiative = member_a
    client.force_login(user)

    create_project(
        client,
        initiative,
        **{"offers-0-text": "Räume am Abend", "needs-0-text": "Ehrenamtliche"},
    )

    draft = ProjectPage.objects.get().get_latest_revision_as_object()
    assert [o.text for o in draft.offers.all()] == ["Räume am Abend"]
    assert [n.text for n in draft.needs.all()] == ["Ehrenamtliche"]


def test_hostile_rich_text_is_stored_inert(client, member_a):
    user, initiative = member_a
    client.force_login(user)

    create_project(
        client,
        initiative,
        goals=(
            '<p onclick="x()">Ziel</p><script>alert(1)</script>'
            '<a href="javascript:alert(1)">Link</a>'
            '<a href="https://example.org">gut</a><img src=x onerror=alert(1)>'
        ),
        approach="Zeile eins\n\n<Zeile> & zwei",
    )

    draft = ProjectPage.objects.get().get_latest_revision_as_object()
    assert "<script" not in draft.goals
    assert "javascript:" not in draft.goals
    assert "onclick" not in draft.goals and "onerror" not in draft.goals
    assert "<img" not in draft.goals
    assert 'href="https://example.org"' in draft.goals
    assert draft.approach == "<p>Zeile eins</p>\n\n<p>&lt;Zeile&gt; &amp; zwei</p>"


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"teaser": "x" * 301}, "höchstens 300 Zeichen"),
        ({"title": "Titel\r\nBcc: x@example.org"}, "Zeilenumbrüche"),
        ({"website": "javascript:alert(1)"}, "gültige Adresse"),
        ({"districts": []}, "Landkreis"),
        ({"goals": "x" * 10_001}, "höchstens 10000 Zeichen"),
    ],
)
def test_bad_project_input_is_refused_in_german(client, member_a, overrides, message):
    user, initiative = member_a
    client.force_login(user)

    response = create_project(client, initiative, **overrides)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ProjectPage.objects.exists()


def test_member_of_a_gets_404_for_every_page_image_and_form_of_b(
    client, member_a, member_b
):
    user_a, _ = member_a
    user_b, initiative_b = member_b
    client.force_login(user_b)
    create_project(client, initiative_b)
    project_b = ProjectPage.objects.child_of(initiative_b).get()
    upload = SimpleUploadedFile("b.png", png_bytes(), content_type="image/png")
    image_b = store_image(initiative_b, upload, "Bild B", user_b)
    client.force_login(user_a)

    urls = [
        f"/konto/initiative/{initiative_b.pk}/",
        f"/konto/initiative/{initiative_b.pk}/einladen/",
        f"/konto/initiative/{initiative_b.pk}/bilder/",
        f"/konto/initiative/{initiative_b.pk}/projekt-neu/",
        f"/konto/projekt/{project_b.pk}/",
        f"/konto/seite/{project_b.pk}/vorschau/",
        f"/konto/seite/{initiative_b.pk}/vorschau/",
        f"/konto/bild/{image_b.pk}/loeschen/",
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
        assert client.post(url, project_data()).status_code == 404, url
    for pk in (project_b.pk, initiative_b.pk):
        assert client.post(f"/konto/seite/{pk}/einreichen/").status_code == 404
    project_b.refresh_from_db()
    assert project_b.current_workflow_state is None
    assert project_b.title == "Sprachcafé am Markt"


def test_members_area_requires_login(client, member_a):
    _, initiative = member_a
    response = client.get(f"/konto/initiative/{initiative.pk}/")
    assert response.status_code == 302
    assert "/konto/anmelden/" in response["Location"]


def test_initiative_profile_edit_is_a_draft_with_clean_description(client, member_a):
    user, initiative = member_a
    client.force_login(user)

    response = client.post(
        f"/konto/initiative/{initiative.pk}/",
        {
            "title": "Initiative A neu",
            "description": "<b>Wir</b><script>x</script>",
            "contact_name": "Anna",
            "contact_email": "a@example.org",
        },
    )

    assert response.status_code == 302
    initiative.refresh_from_db()
    draft = initiative.get_latest_revision_as_object()
    assert draft.title == "Initiative A neu"
    assert draft.description == "<b>Wir</b>"
