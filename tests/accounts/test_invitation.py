"""Inviting a person to maintain an initiative's profile: the mail is in the
inviting member's language, and its link leads to joining."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client

from accounts.models import Membership

from .conftest import NEW_ACCOUNT, invitation_path, invite, make_member

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "subject", "sentence"),
    [
        ("de", "Einladung: Sprachbrücke Celle", "lädt Sie ein, das Profil"),
        ("en", "Invitation: Sprachbrücke Celle", "invites you to help maintain"),
    ],
)
def test_invitation_mail_is_in_the_inviters_language_and_its_link_joins(
    site_tree,
    eager_tasks,
    django_capture_on_commit_callbacks,
    language,
    subject,
    sentence,
):
    user, initiative = make_member("owner@example.org", "Sprachbrücke Celle")
    inviter = Client(headers={"accept-language": language})
    inviter.force_login(user)

    response = invite(
        inviter, initiative, "new@example.org", django_capture_on_commit_callbacks
    )

    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["new@example.org"]
    assert message.subject == subject
    assert sentence in message.body
    invitee = Client()
    joined = invitee.post(invitation_path(message), NEW_ACCOUNT)
    assert joined.status_code == 302
    assert Membership.objects.filter(
        initiative=initiative, user__email="new@example.org"
    ).exists()
