"""Every mail a row owes has one Message-ID, fixed by the row: each attempt
sends the same one, a new request gets a new one, and the several mails of
one row have their own (``kb.handoff.message_id``; the kill test in
``tests/faults/test_mail_kill.py`` shows it over real SMTP)."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.utils import timezone

from accounts.models import Verification
from accounts.tasks import _send_verification
from kb.handoff import message_id
from matching.models import ContactRequest
from matching.tasks import (
    relay_contact_reply,
    relay_contact_request,
    send_contact_confirmation,
)
from tests.matching.test_relay_optin import fresh_email, make_match, submit

from .conftest import broker_unreachable, signup_data

pytestmark = pytest.mark.django_db


def header(message) -> str:
    return message.message()["Message-ID"]


def test_each_attempt_sends_the_same_id_and_a_new_request_a_new_one(
    client, site_tree, django_capture_on_commit_callbacks
):
    with broker_unreachable(), django_capture_on_commit_callbacks(execute=True):
        client.post("/konto/registrieren/", signup_data())
    row = Verification.objects.get(user__email="anna@example.org")

    # Two attempts at the one mail (a worker died after the server took it).
    _send_verification(row)
    _send_verification(Verification.objects.get(pk=row.pk))
    first, repeat = mail.outbox
    assert header(first) == header(repeat)
    assert header(first) == message_id(row, "verification", row.requested_at)
    # A keyed digest: the header tells nothing about row ids or counts.
    assert re.fullmatch(r"<[0-9a-f]{32}@127\.0\.0\.1>", header(first))

    with broker_unreachable(), django_capture_on_commit_callbacks(execute=True):
        client.post("/konto/bestaetigen/neu/", signup_data())
    renewed = Verification.objects.get(pk=row.pk)
    assert renewed.requested_at > row.requested_at
    _send_verification(renewed)
    assert header(mail.outbox[2]) != header(first)


def test_the_mails_of_one_contact_request_each_have_their_own_id(client, site_tree):
    match = make_match(site_tree)
    submit(client, match, fresh_email())
    row = ContactRequest.objects.get()
    assert send_contact_confirmation(row.pk)
    ContactRequest.objects.filter(pk=row.pk).update(confirmed_at=timezone.now())
    assert relay_contact_request(row.pk)
    ContactRequest.objects.filter(pk=row.pk).update(
        reply="Gern, wir haben Dolmetscher.", replied_at=timezone.now()
    )
    assert relay_contact_reply(row.pk)

    row.refresh_from_db()
    ids = [header(message) for message in mail.outbox]
    assert ids == [
        message_id(row, "confirmation", row.created_at),
        message_id(row, "request", row.confirmed_at),
        message_id(row, "reply", row.replied_at),
        message_id(row, "reply-forwarded", row.replied_at),
    ]
    assert len(set(ids)) == 4
