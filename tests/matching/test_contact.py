"""The contact relay: e-mail through the worker, the sender's address
confirmed first (double opt-in), hidden until the answer, consent recorded,
rate limited, follow-up question counted."""

from __future__ import annotations

import re
import time
import uuid
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from kb.antispam import issue_timestamp
from matching.contact import CONSENT_TEXT, outcome_token
from matching.models import ContactRequest, Match
from matching.tasks import ask_for_outcomes
from tests.waiting import wait_for

from .builders import Spec, build
from .test_pipeline import CAFE, INTERPRETERS

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.services,
]


@pytest.fixture
def match(es_index, celery_worker, site_tree):
    cafe = build(site_tree, CAFE)
    interpreters = build(
        site_tree,
        Spec(**{**INTERPRETERS.__dict__, "contact_email": "pool@dolmetscher.example"}),
    )
    assert wait_for(
        lambda: Match.objects.filter(source=cafe, target=interpreters).exists()
    )
    mail.outbox.clear()
    return Match.objects.get(source=cafe, target=interpreters, kind="complementary")


@pytest.fixture
def sender() -> str:
    """A fresh address: the rate limit counts per address in the real Redis."""
    return f"amira-{uuid.uuid4().hex[:12]}@example.org"


def fresh_ip() -> str:
    number = uuid.uuid4().int
    return f"10.{number % 250}.{(number >> 8) % 250}.{(number >> 16) % 250}"


def post(client, match, email: str, ip: str, consent: bool = True, **fields):
    data = {
        "sender_name": "Amira Haddad",
        "sender_email": email,
        "message": "Wir suchen Dolmetscher für unser Sprachcafé, können Sie helfen?",
        "form_ts": issue_timestamp(time.time() - 10),
        **fields,
    }
    if consent:
        data["consent"] = "on"
    return client.post(f"/treffer/{match.pk}/kontakt/", data, REMOTE_ADDR=ip)


def confirm(client, sender: str):
    """The sender opens the confirmation mail and presses the button; the
    worker then relays the message (the second mail)."""
    assert wait_for(lambda: len(mail.outbox) == 1)
    (confirmation,) = mail.outbox
    assert confirmation.to == [sender]
    path = re.search(r"/kontakt/bestaetigen/[^/\s]+/", confirmation.body).group(0)
    client.post(path)
    assert wait_for(lambda: len(mail.outbox) == 2)
    return mail.outbox[1]


def test_message_is_relayed_without_the_senders_address(client, match, sender):
    response = post(client, match, sender, fresh_ip())

    assert response.status_code == 200
    message = confirm(client, sender)
    assert message.to == ["pool@dolmetscher.example"]
    assert sender not in message.body
    assert sender not in str(message.reply_to)
    assert "Wir suchen Dolmetscher" in message.body
    stored = ContactRequest.objects.get()
    assert stored.consent_text == CONSENT_TEXT and stored.consent_at
    assert wait_for(lambda: ContactRequest.objects.get().relayed_at)


def test_answer_reaches_the_sender_and_only_then_reveals_the_address(
    client, match, sender
):
    post(client, match, sender, fresh_ip())
    relayed = confirm(client, sender)
    link = re.search(r"/kontakt/antwort/[^/\s]+/", relayed.body).group(0)

    form = client.get(link)
    assert form.status_code == 200
    assert sender not in form.content.decode()
    client.post(link, {"reply": "Gern, wir haben Dolmetscher für Arabisch."})

    assert wait_for(lambda: len(mail.outbox) == 4)
    to_sender, to_recipient = mail.outbox[2], mail.outbox[3]
    assert to_sender.to == [sender]
    assert "Gern, wir haben Dolmetscher" in to_sender.body
    assert "pool@dolmetscher.example" not in str(to_sender.message())
    assert to_recipient.to == ["pool@dolmetscher.example"]
    assert sender in to_recipient.body
    # A German visitor and a German answer: both mails in German.
    assert "hat auf Ihre Anfrage geantwortet" in to_sender.body
    assert "wurde weitergeleitet" in to_recipient.body


def test_missing_consent_is_a_400_with_the_form(client, match, sender):
    response = post(client, match, sender, fresh_ip(), consent=False)
    assert response.status_code == 400
    assert not ContactRequest.objects.exists()


def test_sixth_request_within_an_hour_gets_429_with_a_german_message(client, match):
    ip = fresh_ip()
    email = f"{uuid.uuid4().hex}@example.org"
    statuses = [post(client, match, email, ip).status_code for _ in range(5)]
    sixth = post(client, match, email, ip)

    assert statuses == [200] * 5
    assert sixth.status_code == 429
    assert "zu viele Kontaktanfragen" in sixth.content.decode()
    assert ContactRequest.objects.count() == 5


def test_outcome_answer_is_recorded_and_counted(client, match, admin_client, sender):
    post(client, match, sender, fresh_ip())
    confirm(client, sender)
    stored = ContactRequest.objects.get()
    link = f"/kontakt/rueckmeldung/{outcome_token(stored.pk)}/"

    assert "Zusammenarbeit" in client.get(link).content.decode()
    client.post(link, {"outcome": "yes"})

    stored.refresh_from_db()
    assert stored.outcome == "yes"
    report = admin_client.get("/admin/treffer/auswertung/").content.decode()
    assert "Zusammenarbeit: ja</th><td>1" in report


def test_forged_reply_link_is_a_404(client, match):
    assert client.get("/kontakt/antwort/gefälscht/").status_code == 404


def test_an_english_sender_gets_the_answer_and_the_question_in_english(
    client, match, sender
):
    """The sender writes from the English site: the project still gets the
    request in German, the sender gets the answer and the follow-up question
    in English, and the project's confirmation is in the language it
    answered in."""
    english = Client(headers={"accept-language": "en"})
    post(
        english,
        match,
        sender,
        fresh_ip(),
        message="We are looking for interpreters for our language café.",
    )
    to_project = confirm(english, sender)
    assert ContactRequest.objects.get().language == "en"
    assert to_project.subject == "Kontaktanfrage über „Niedersachsen packt an“"
    assert "Amira Haddad möchte mit Ihnen Kontakt aufnehmen" in to_project.body

    link = re.search(r"/kontakt/antwort/[^/\s]+/", to_project.body).group(0)
    client.post(link, {"reply": "Gern, wir haben Dolmetscher für Arabisch."})
    assert wait_for(lambda: len(mail.outbox) == 4)
    to_sender, to_recipient = mail.outbox[2], mail.outbox[3]
    assert to_sender.to == [sender]
    assert to_sender.subject.startswith("Reply from “")
    assert "has replied to your request" in to_sender.body
    assert "Gern, wir haben Dolmetscher" in to_sender.body
    assert to_recipient.subject == "Ihre Antwort wurde weitergeleitet"

    ContactRequest.objects.update(relayed_at=timezone.now() - timedelta(days=30))
    assert ask_for_outcomes() == 1
    question = mail.outbox[4]
    assert question.to == [sender]
    assert question.subject == "Did this contact lead to a collaboration?"
    assert "One click is enough" in question.body


def test_deleting_matches_keeps_their_contact_requests_unlinked(client, match, sender):
    from matching import store

    assert post(client, match, sender, fresh_ip()).status_code == 200
    # A filter that can match nothing compiles to no SQL at all.
    assert store.delete(Match.objects.filter(pk__in=[])) == 0
    assert store.delete(Match.objects.filter(pk=match.pk)) == 1
    assert not Match.objects.filter(pk=match.pk).exists()
    kept = ContactRequest.objects.get()
    assert kept.match_id is None and kept.sender_email == sender
