"""Invitations are rows: single use, revocable, capped per member, and the
inviter must still maintain the initiative when the link is used."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client

from accounts import invitations
from accounts.models import Invitation, Membership

from .conftest import NEW_ACCOUNT, invitation_path, invite, login, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(site_tree):
    return make_member("owner@example.org", "Sprachbrücke Celle")


def test_an_invitation_link_works_once(
    client, owner, eager_tasks, django_capture_on_commit_callbacks
):
    user, initiative = owner
    login(client, user)
    invite(client, initiative, "neu@example.org", django_capture_on_commit_callbacks)
    link = invitation_path(mail.outbox[0])

    assert Client().post(link, NEW_ACCOUNT).status_code == 302
    again = Client().post(link, {**NEW_ACCOUNT, "name": "Zweiter Versuch"})

    assert again.status_code == 400
    assert Membership.objects.filter(initiative=initiative).count() == 2


def test_a_revoked_invitation_no_longer_joins(
    client, owner, eager_tasks, django_capture_on_commit_callbacks
):
    user, initiative = owner
    login(client, user)
    invite(client, initiative, "neu@example.org", django_capture_on_commit_callbacks)
    invitation = Invitation.objects.get()

    revoked = client.post(f"/konto/einladung/{invitation.pk}/zurueckziehen/")

    assert revoked.status_code == 302
    assert (
        Client().post(invitation_path(mail.outbox[0]), NEW_ACCOUNT).status_code == 400
    )
    assert not Membership.objects.filter(user__email="neu@example.org").exists()


def test_only_members_of_the_initiative_may_revoke(
    client, owner, eager_tasks, django_capture_on_commit_callbacks
):
    user, initiative = owner
    login(client, user)
    invite(client, initiative, "neu@example.org", django_capture_on_commit_callbacks)
    stranger, _ = make_member("fremd@example.org", "Andere Initiative")
    other = Client()
    login(other, stranger)

    response = other.post(
        f"/konto/einladung/{Invitation.objects.get().pk}/zurueckziehen/"
    )

    assert response.status_code == 404
    assert Invitation.objects.get().revoked_at is None


def test_an_inviter_who_left_the_initiative_invites_nobody(
    client, owner, eager_tasks, django_capture_on_commit_callbacks
):
    user, initiative = owner
    login(client, user)
    invite(client, initiative, "neu@example.org", django_capture_on_commit_callbacks)
    Membership.objects.filter(user=user).delete()

    response = Client().post(invitation_path(mail.outbox[0]), NEW_ACCOUNT)

    assert response.status_code == 400
    assert not Membership.objects.filter(user__email="neu@example.org").exists()


def test_open_invitations_per_member_are_capped(
    client, owner, eager_tasks, django_capture_on_commit_callbacks
):
    user, initiative = owner
    login(client, user)
    callbacks = django_capture_on_commit_callbacks
    for number in range(invitations.MAX_OPEN_PER_MEMBER):
        invite(client, initiative, f"p{number}@example.org", callbacks)

    refused = invite(
        client, initiative, "zu-viel@example.org", django_capture_on_commit_callbacks
    )

    assert refused.status_code == 400
    assert "offene Einladungen" in refused.content.decode()
    assert Invitation.objects.count() == invitations.MAX_OPEN_PER_MEMBER
    assert len(mail.outbox) == invitations.MAX_OPEN_PER_MEMBER


def test_an_existing_member_joins_by_button_not_by_opening_the_link(
    client, owner, eager_tasks, django_capture_on_commit_callbacks
):
    user, initiative = owner
    login(client, user)
    invitee, _ = make_member("neu@example.org", "Eigene Initiative")
    invite(client, initiative, "neu@example.org", django_capture_on_commit_callbacks)
    link = invitation_path(mail.outbox[0])
    browser = Client()
    login(browser, invitee)

    assert browser.get(link).status_code == 200
    assert not Membership.objects.filter(user=invitee, initiative=initiative).exists()
    assert browser.post(link).status_code == 302
    assert Membership.objects.filter(user=invitee, initiative=initiative).exists()
