"""The matching overview in the Wagtail admin."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission, User

from matching.models import Match
from matching.service import recompute_for

pytestmark = [pytest.mark.django_db, pytest.mark.services]


def test_editor_sees_matches_and_hides_one_with_a_post(labelled, admin_client):
    recompute_for(labelled.id("sprachcafe-celle"))
    match = Match.objects.filter(source_id=labelled.id("sprachcafe-celle")).first()

    page = admin_client.get("/admin/treffer/", {"project": match.source_id})
    assert page.status_code == 200
    assert "Ausblenden" in page.content.decode()
    response = admin_client.post(
        f"/admin/treffer/{match.pk}/status/", {"state": "hidden"}
    )

    assert response.status_code == 302
    match.refresh_from_db()
    assert match.state == "hidden"


def test_confirm_and_hide_need_post(labelled, admin_client):
    recompute_for(labelled.id("sprachcafe-celle"))
    match = Match.objects.first()
    response = admin_client.get(f"/admin/treffer/{match.pk}/status/")
    assert response.status_code == 405


def test_owner_without_permission_sees_own_matches_but_cannot_change(labelled, client):
    recompute_for(labelled.id("sprachcafe-celle"))
    owner = User.objects.create_user("owner", password="pw-owner-123")
    owner.user_permissions.add(Permission.objects.get(codename="access_admin"))
    page = labelled["sprachcafe-celle"]
    page.owner = owner
    page.save()
    client.force_login(owner)

    html = client.get("/admin/treffer/").content.decode()
    match = Match.objects.filter(source=page).first()

    assert match.target.title in html
    assert "Ausblenden" not in html
    response = client.post(f"/admin/treffer/{match.pk}/status/", {"state": "hidden"})
    assert response.status_code in (302, 403)
    match.refresh_from_db()
    assert match.state == "suggested"
