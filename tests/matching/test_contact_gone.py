"""A suggestion that vanishes while its contact form is open: a recompute
removes the match (or an editor hides it) before the visitor sends. The form
comes back with what was typed, a German explanation and a link to the
project's current suggestions; nothing is stored or sent (real PostgreSQL,
Redis and Elasticsearch, the real recompute)."""

from __future__ import annotations

import html

import pytest
from django.core import mail

from matching.models import ContactRequest, Match
from matching.service import recompute_for
from tests.accounts.conftest import login, make_member

from .test_relay_optin import MESSAGE, fresh_email, fresh_ip, make_match, submit

pytestmark = [pytest.mark.django_db, pytest.mark.services]

GONE = "Dieser Vorschlag ist nicht mehr aktuell"


def test_a_match_removed_by_a_recompute_shows_the_typed_text_again(
    client, site_tree, django_capture_on_commit_callbacks
):
    member, _initiative = make_member("mitglied@example.org", "Sprachbrücke Celle")
    login(client, member)
    match = make_match(site_tree)
    form = client.get(f"/treffer/{match.pk}/kontakt/")
    assert form.status_code == 200
    assert f'name="source" value="{match.source_id}"' in form.content.decode()

    # The pair has nothing in common: the recompute drops the suggestion.
    recompute_for(match.source_id)
    assert not Match.objects.filter(pk=match.pk).exists()

    email = fresh_email()
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(
            client, match, email, ip=fresh_ip(), source=str(match.source_id)
        )

    assert response.status_code == 410
    page = html.unescape(response.content.decode())
    assert GONE in page
    assert MESSAGE in page
    assert email in page and "Amira Haddad" in page
    assert f'href="{match.source.url}"' in page
    assert "Zu den aktuellen Vorschlägen für „Sprachcafé“" in page
    assert not ContactRequest.objects.exists()
    assert mail.outbox == []


def test_a_hidden_match_answers_the_same_way(client, site_tree):
    match = make_match(site_tree)
    Match.objects.filter(pk=match.pk).update(state=Match.State.HIDDEN)

    response = submit(client, match, fresh_email(), source=str(match.source_id))

    assert response.status_code == 410
    page = html.unescape(response.content.decode())
    assert GONE in page and MESSAGE in page
    assert not ContactRequest.objects.exists()


def test_an_old_link_to_a_gone_match_explains_instead_of_a_404(client, site_tree):
    match = make_match(site_tree)
    match_id = match.pk
    match.delete()

    response = client.get(f"/treffer/{match_id}/kontakt/")

    assert response.status_code == 410
    page = response.content.decode()
    assert GONE in page
    assert "Zur Projektsuche" in page
    assert "<textarea" not in page


def test_a_forged_source_links_no_private_project(client, site_tree):
    match = make_match(site_tree)
    source = match.source
    source.unpublish()
    Match.objects.filter(pk=match.pk).delete()

    response = submit(client, match, fresh_email(), source=str(source.pk))

    assert response.status_code == 410
    assert source.url not in response.content.decode()
    for forged in ("²", "9" * 30, "-1", ""):
        response = submit(client, match, fresh_email(), source=forged)
        assert response.status_code == 410, forged
