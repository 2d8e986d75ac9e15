"""Signing the call: double opt-in, counters and the public list."""

from __future__ import annotations

import re
import time
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import Client

from kb import antispam
from kb.models import CallPage, Signature
from website.models import HomePage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clean_rate_limits")]


@pytest.fixture
def call(site_tree) -> CallPage:
    home = HomePage.objects.get()
    page = CallPage(title="Aufruf", slug="aufruf", body="<p>Wir packen an.</p>")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def sign(client, call: CallPage, **overrides):
    data = {
        "kind": "person",
        "name": "Hanna Meyer",
        "organisation": "",
        "place": "Celle",
        "email": "hanna@example.org",
        "list_publicly": "on",
        "consent": "on",
        # What a person's browser sends after reading for a while.
        antispam.TIMESTAMP_FIELD: antispam.issue_timestamp(time.time() - 10),
        antispam.HONEYPOT_FIELD: "",
        **overrides,
    }
    return client.post(call.url, data)


def confirm_link(message) -> str:
    link = re.search(r"https?://\S+/bestaetigen/\S+/", message.body).group(0)
    return urlsplit(link).path


def test_signing_sends_a_confirmation_and_counts_only_after_confirming(
    client, call, eager_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = sign(client, call)

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["hanna@example.org"]
    page = client.get(call.url)
    assert page.context["count_persons"] == 0
    assert "Hanna Meyer" not in page.content.decode()

    opened = client.get(confirm_link(mail.outbox[0]))
    assert opened.context["outcome"] == "ask"
    assert client.get(call.url).context["count_persons"] == 0  # a GET confirms nothing
    confirmed = client.post(confirm_link(mail.outbox[0]))

    assert confirmed.status_code == 200
    page = client.get(call.url)
    assert page.context["count_persons"] == 1
    assert page.context["count_institutions"] == 0
    assert "Hanna Meyer" in page.content.decode()


def test_an_english_signer_gets_the_confirmation_in_english(
    call, eager_tasks, django_capture_on_commit_callbacks
):
    english = Client(headers={"accept-language": "en"})
    with django_capture_on_commit_callbacks(execute=True):
        sign(english, call, email="jane@example.org", name="Jane Doe")

    (message,) = mail.outbox
    assert message.subject == "Please confirm your signature under the call"
    assert message.body.startswith("Hello Jane Doe,")
    assert "within seven days" in message.body
    assert english.post(confirm_link(message)).status_code == 200
    assert Signature.objects.get(email="jane@example.org").confirmed_at


def test_a_german_signer_gets_the_confirmation_in_german(
    client, call, eager_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sign(client, call)

    (message,) = mail.outbox
    assert message.subject == "Bitte bestätigen Sie Ihre Unterschrift unter den Aufruf"
    assert message.body.startswith("Guten Tag Hanna Meyer,")


def test_confirm_link_works_once(
    client, call, eager_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sign(client, call)
    link = confirm_link(mail.outbox[0])
    client.post(link)
    first_confirmed_at = Signature.objects.get().confirmed_at

    again = client.post(link)

    assert again.context["outcome"] == "already"
    assert Signature.objects.get().confirmed_at == first_confirmed_at


def test_bad_token_is_a_400(client, call):
    response = client.get(f"{call.url}bestaetigen/kaputt/")

    assert response.status_code == 400
    assert not Signature.objects.exclude(confirmed_at=None).exists()


def test_duplicate_email_creates_no_second_row(
    client, call, eager_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sign(client, call)
    with django_capture_on_commit_callbacks(execute=True):
        sign(client, call, email="HANNA@example.org", name="Hanna M.")

    assert Signature.objects.count() == 1
    assert len(mail.outbox) == 2
    assert Signature.objects.get().name == "Hanna M."  # the newer submission


def test_institutions_are_counted_apart_from_persons(client, call):
    Signature.objects.create(
        call=call,
        kind="institution",
        name="Leyla Aydin",
        organisation="Frauennetzwerk Brücke",
        email="a@example.org",
        consent_text="ok",
        consented_at="2024-01-01T00:00Z",
        confirmed_at="2024-01-02T00:00Z",
    )
    Signature.objects.create(
        call=call,
        kind="institution",
        name="Unbestätigt",
        organisation="Verein X",
        email="b@example.org",
        consent_text="ok",
        consented_at="2024-01-01T00:00Z",
    )

    page = client.get(call.url)

    assert page.context["count_institutions"] == 1
    assert page.context["count_persons"] == 0


def test_missing_consent_is_a_400_with_a_german_message(client, call):
    response = sign(client, call, consent="")

    assert response.status_code == 400
    assert "Ohne Ihre Einwilligung" in response.content.decode()
    assert not Signature.objects.exists()


def test_the_two_ways_of_signing_are_offered_with_none_chosen(client, call):
    html = client.get(call.url).content.decode()

    radios = re.findall(r'<input type="radio" name="kind"[^>]*>', html)
    assert [re.search(r'value="(\w*)"', r).group(1) for r in radios] == [
        "person",
        "institution",
    ]
    assert not any("checked" in radio for radio in radios)
    assert "---------" not in html


def test_signing_without_choosing_how_is_a_400_with_a_german_message(client, call):
    response = sign(client, call, kind="")

    assert response.status_code == 400
    assert "Bitte wählen Sie, wie Sie unterzeichnen." in response.content.decode()
    assert not Signature.objects.exists()
