"""The editors' "Vernetzungsvorschläge": new suggestions with reasons,
confirm and hide for both directions; a hidden pair never comes back."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission, User

from matching.models import Match
from matching.service import rebuild_all, recompute_for

pytestmark = [pytest.mark.django_db, pytest.mark.services]

URL = "/admin/treffer/vorschlaege/"


def _pair(match: Match):
    return Match.objects.filter(
        source_id__in=(match.source_id, match.target_id),
        target_id__in=(match.source_id, match.target_id),
        kind=match.kind,
    )


def test_editor_sees_new_suggestions_with_reasons(labelled, admin_client):
    recompute_for(labelled.id("sprachcafe-celle"))
    match = Match.objects.filter(source_id=labelled.id("sprachcafe-celle")).first()

    html = admin_client.get(URL).content.decode()

    assert "Vernetzungsvorschläge" in html
    assert match.target.title in html
    assert "Bestätigen" in html and "Ausblenden" in html
    assert "Beide" in html or "Sie suchen" in html or "sucht" in html


def test_hiding_hides_both_directions_and_they_never_come_back(labelled, admin_client):
    recompute_for(labelled.id("sprachcafe-celle"))
    match = Match.objects.filter(source_id=labelled.id("sprachcafe-celle")).first()
    assert _pair(match).count() == 2

    response = admin_client.post(f"{URL}{match.pk}/", {"state": "hidden"})
    rebuild_all()
    recompute_for(match.target_id)

    assert response.status_code == 302
    assert set(_pair(match).values_list("state", flat=True)) == {"hidden"}
    listed = admin_client.get(URL).context["rows"]
    assert all(
        {row["match"].source_id, row["match"].target_id}
        != {match.source_id, match.target_id}
        or row["match"].kind != match.kind
        for row in listed
    )


def test_confirming_keeps_the_pair_and_leaves_the_list(labelled, admin_client):
    recompute_for(labelled.id("sprachcafe-celle"))
    match = Match.objects.filter(source_id=labelled.id("sprachcafe-celle")).first()

    admin_client.post(f"{URL}{match.pk}/", {"state": "confirmed"})
    rebuild_all()

    assert set(_pair(match).values_list("state", flat=True)) == {"confirmed"}
    assert match.pk not in [
        r["match"].pk for r in admin_client.get(URL).context["rows"]
    ]


def test_only_editors_may_see_or_decide(labelled, client):
    recompute_for(labelled.id("sprachcafe-celle"))
    match = Match.objects.first()
    owner = User.objects.create_user("owner", password="pw-owner-123")
    owner.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(owner)

    # Wagtail answers a denied admin view with a redirect to the dashboard.
    page = client.get(URL)
    assert page.status_code in (302, 403)
    assert "Vernetzungsvorschläge" not in page.content.decode()
    assert client.post(f"{URL}{match.pk}/", {"state": "hidden"}).status_code in (
        302,
        403,
    )
    match.refresh_from_db()
    assert match.state == "suggested"
