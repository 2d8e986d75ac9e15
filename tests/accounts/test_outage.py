"""A broker outage: every form still answers, the row records the mail, and
the sweeper sends it exactly once when the broker is back."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from accounts.models import Invitation, ModerationNotice, Verification
from accounts.tasks import send_moderation_result, sweep_unsent_mails
from kb import antispam
from kb.models import CallPage, Signature
from kb.tasks import sweep_signature_confirmations
from website.models import HomePage

from .conftest import (
    PASSWORD,
    backdate,
    broker_unreachable,
    login,
    make_member,
    signup_data,
    verification_link,
)

pytestmark = pytest.mark.django_db
User = get_user_model()
OWN = "Mein-Eigenes-77"


def verify_path(message) -> str:
    return urlsplit(verification_link(message)).path


def test_sign_up_during_an_outage_answers_and_the_sweeper_sends_once(
    client, site_tree, django_capture_on_commit_callbacks
):
    with broker_unreachable(), django_capture_on_commit_callbacks(execute=True):
        response = client.post("/konto/registrieren/", signup_data())

    assert response.status_code == 302
    assert not mail.outbox
    user = User.objects.get(email="anna@example.org")
    assert Verification.objects.get(user=user).sent_at is None

    assert sweep_unsent_mails()["verification"] == 0  # still in its grace period
    backdate(Verification.objects.all(), "requested_at")
    assert sweep_unsent_mails()["verification"] == 1
    assert sweep_unsent_mails()["verification"] == 0

    (message,) = mail.outbox
    assert message.to == ["anna@example.org"]
    assert client.post(verify_path(message), {"password": PASSWORD}).status_code == 200
    assert User.objects.get(pk=user.pk).is_active


def test_a_signature_during_an_outage_is_confirmed_by_the_sweeper_once(
    client, site_tree, clean_rate_limits, django_capture_on_commit_callbacks
):
    home = HomePage.objects.get()
    call = CallPage(title="Aufruf", slug="aufruf", body="<p>Wir packen an.</p>")
    home.add_child(instance=call)
    call.save_revision().publish()
    data = {
        "kind": "person",
        "name": "Hanna Meyer",
        "email": "hanna@example.org",
        "consent": "on",
        antispam.TIMESTAMP_FIELD: antispam.issue_timestamp(time.time() - 10),
        antispam.HONEYPOT_FIELD: "",
    }

    with broker_unreachable(), django_capture_on_commit_callbacks(execute=True):
        response = client.post(call.url, data)

    assert response.status_code == 302
    assert not mail.outbox
    backdate(Signature.objects.all(), "consented_at")
    assert sweep_signature_confirmations() == 1
    assert sweep_signature_confirmations() == 0
    (message,) = mail.outbox
    assert message.to == ["hanna@example.org"]
    assert "/aufruf/bestaetigen/" in message.body


def test_an_invitation_during_an_outage_is_sent_by_the_sweeper_once(
    client, site_tree, django_capture_on_commit_callbacks
):
    user, initiative = make_member("owner@example.org", "Sprachbrücke Celle")
    login(client, user)

    with broker_unreachable(), django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/konto/initiative/{initiative.pk}/einladen/", {"email": "neu@example.org"}
        )

    assert response.status_code == 302
    assert Invitation.objects.get().sent_at is None
    backdate(Invitation.objects.all(), "created_at")
    assert sweep_unsent_mails()["invitation"] == 1
    assert sweep_unsent_mails()["invitation"] == 0
    (message,) = mail.outbox
    assert message.to == ["neu@example.org"]


def test_the_editors_decision_is_recorded_and_sent_once(site_tree, eager_tasks):
    from accounts.signals import _notify

    member, initiative = make_member("owner@example.org", "Sprachbrücke Celle")

    class TaskState:
        comment = "Bitte ein Foto ergänzen."

        class workflow_state:
            status = "needs_changes"
            object_id = str(initiative.pk)

    with broker_unreachable():
        _notify(TaskState, approved=False)  # queued at once: no transaction

    notice = ModerationNotice.objects.get()
    assert notice.sent_at is None and not mail.outbox
    backdate(ModerationNotice.objects.all(), "created_at")
    assert sweep_unsent_mails()["moderation"] == 1
    assert send_moderation_result(notice.pk) is False  # a late task: no repeat
    (message,) = mail.outbox
    assert message.to == ["owner@example.org"]
    assert "Bitte ein Foto ergänzen." in message.body


def test_an_unverified_account_no_longer_blocks_its_address(
    client, site_tree, eager_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/konto/registrieren/", signup_data(organisation="Fremd"))
    first = User.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/konto/registrieren/",
            signup_data(
                organisation="Echt",
                password1="Mein-Eigenes-77",
                password2="Mein-Eigenes-77",
            ),
        )

    assert response.status_code == 302
    user = User.objects.get()
    assert user.pk != first.pk
    assert user.check_password("Mein-Eigenes-77")
    assert user.memberships.get().initiative.title == "Echt"
    assert len(mail.outbox) == 2
    old_link = verify_path(mail.outbox[0])
    assert client.get(old_link).status_code == 400


def test_an_inactive_account_can_ask_for_a_new_verification_mail(
    client, site_tree, eager_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/konto/registrieren/", signup_data())
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/konto/bestaetigen/neu/",
            {"email": "ANNA@example.org", **signup_data(email="x")}
            | {"email": "ANNA@example.org"},
        )
        unknown = client.post(
            "/konto/bestaetigen/neu/",
            {**signup_data(), "email": "niemand@example.org"},
        )

    assert response.status_code == 200
    assert unknown.content == response.content  # tells nobody who signed up
    (message,) = mail.outbox
    assert message.to == ["anna@example.org"]
    assert "/konto/bestaetigen/" in message.body
