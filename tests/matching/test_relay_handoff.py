"""The relay's hand-offs survive a broker outage: the row records what is
owed, the sweeper sends it once the broker is back, each mail exactly once;
the follow-up question waits for an answer (real PostgreSQL and Redis)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from matching.models import ContactRequest
from matching.tasks import (
    ask_for_outcomes,
    relay_contact_request,
    send_contact_confirmation,
    sweep_contact_relay,
)
from tests.accounts.conftest import backdate, broker_unreachable

from .test_relay_optin import (
    MESSAGE,
    TARGET_ADDRESS,
    confirm_path,
    fresh_email,
    match,  # noqa: F401  (fixture)
    submit,
)

pytestmark = [pytest.mark.django_db, pytest.mark.services]


def test_an_outage_loses_nothing_and_each_mail_goes_once(
    client,
    match,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    email = fresh_email()
    with django_capture_on_commit_callbacks(execute=True):
        assert submit(client, match, email).status_code == 200
    assert not mail.outbox
    row = ContactRequest.objects.get()

    assert sweep_contact_relay()["confirmation"] == 0  # its grace period
    backdate(ContactRequest.objects.all(), "created_at")
    assert sweep_contact_relay()["confirmation"] == 1
    assert sweep_contact_relay()["confirmation"] == 0
    assert send_contact_confirmation(row.pk) is False
    (confirmation,) = mail.outbox
    assert confirmation.to == [email]

    with broker_unreachable(), django_capture_on_commit_callbacks(execute=True):
        assert client.post(confirm_path(confirmation)).status_code == 200
    assert len(mail.outbox) == 1
    backdate(ContactRequest.objects.all(), "confirmed_at")
    assert sweep_contact_relay()["relay"] == 1
    assert sweep_contact_relay()["relay"] == 0
    assert relay_contact_request(row.pk) is False
    relayed = mail.outbox[1]
    assert relayed.to == [TARGET_ADDRESS] and MESSAGE in relayed.body

    link = re.search(r"/kontakt/antwort/[^/\s]+/", relayed.body).group(0)
    with broker_unreachable(), django_capture_on_commit_callbacks(execute=True):
        response = client.post(link, {"reply": "Gern, wir helfen Ihnen."})
    assert response.status_code == 200
    assert len(mail.outbox) == 2
    backdate(ContactRequest.objects.all(), "replied_at")
    assert sweep_contact_relay()["reply"] == 1
    assert sweep_contact_relay()["reply"] == 0
    assert [m.to for m in mail.outbox[2:]] == [[email], [TARGET_ADDRESS]]


def test_a_failed_send_leaves_the_row_for_the_retry(
    client,
    match,  # noqa: F811
    monkeypatch,
):
    submit(client, match, fresh_email())
    row = ContactRequest.objects.get()
    ContactRequest.objects.filter(pk=row.pk).update(confirmed_at=timezone.now())

    def refuse(self, *args, **kwargs):
        raise ConnectionRefusedError("smtp down")

    with monkeypatch.context() as patched:
        patched.setattr("django.core.mail.EmailMessage.send", refuse)
        with pytest.raises(OSError):
            relay_contact_request.run(row.pk)
    row.refresh_from_db()
    assert row.relayed_at is None
    assert OSError in relay_contact_request.autoretry_for
    assert relay_contact_request.retry_backoff

    assert relay_contact_request(row.pk) is True
    row.refresh_from_db()
    assert row.relayed_at is not None


def test_the_follow_up_waits_for_an_answer(client, match):  # noqa: F811
    submit(client, match, fresh_email())
    long_ago = timezone.now() - timedelta(days=30)
    ContactRequest.objects.update(confirmed_at=long_ago, relayed_at=long_ago)

    assert ask_for_outcomes() == 0
    ContactRequest.objects.update(reply="Gern.", replied_at=long_ago)
    assert ask_for_outcomes() == 1
    assert ask_for_outcomes() == 0
    assert "Zusammenarbeit" in mail.outbox[-1].subject


def test_beat_runs_the_relay_sweeper():
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "matching.tasks.sweep_contact_relay" in tasks
