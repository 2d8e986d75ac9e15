"""The contact relay's front door: honeypot and timestamp, the client IP
behind the proxy, double opt-in with a POST-only confirmation, no private
address, restrictions on ancestors, and the retention of unconfirmed rows.

Hand-offs go to an unreachable broker here; the tests run the tasks
themselves (real PostgreSQL and Redis)."""

from __future__ import annotations

import re
import time
import uuid
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction

from accounts.retention import purge_all
from kb.antispam import issue_timestamp
from matching.models import ContactRequest, Match
from matching.queries import visible_matches
from matching.tasks import (
    relay_contact_reply,
    relay_contact_request,
    send_contact_confirmation,
)
from tests.accounts.conftest import broker_unreachable

from .builders import Spec, build

pytestmark = [pytest.mark.django_db, pytest.mark.services]

TARGET_ADDRESS = "pool@dolmetscher.example"
MESSAGE = "Wir suchen Dolmetscher für unser Sprachcafé, können Sie helfen?"


def make_match(site_tree, *, contact_email: str = TARGET_ADDRESS, initiative=""):
    tag = uuid.uuid4().hex[:8]
    source = build(
        site_tree, Spec(slug=f"cafe-{tag}", title="Sprachcafé", teaser="Café")
    )
    target = build(
        site_tree,
        Spec(
            slug=f"pool-{tag}",
            title="Dolmetscherpool",
            teaser="Dolmetscher",
            contact_email=contact_email,
            initiative=initiative,
        ),
    )
    return Match.objects.create(
        source=source, target=target, kind="complementary", score=0.8
    )


@pytest.fixture
def match(site_tree):
    return make_match(site_tree)


def fresh_ip() -> str:
    number = uuid.uuid4().int
    return f"10.{number % 250}.{(number >> 8) % 250}.{(number >> 16) % 250}"


def fresh_email() -> str:
    return f"amira-{uuid.uuid4().hex[:12]}@example.org"


def form_data(email: str, *, age: float = 10, **extra) -> dict[str, str]:
    data = {
        "sender_name": "Amira Haddad",
        "sender_email": email,
        "message": MESSAGE,
        "consent": "on",
        "form_ts": issue_timestamp(time.time() - age),
        "homepage": "",
    }
    data.update(extra)
    return data


def submit(
    client, match, email: str, *, ip: str | None = None, forwarded: str = "", **kwargs
):
    """Post the form; the hand-off meets a dead broker (the row is the record)."""
    data = form_data(email, **kwargs)
    meta = {"REMOTE_ADDR": ip or fresh_ip()}
    if forwarded:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    with broker_unreachable():
        return client.post(f"/treffer/{match.pk}/kontakt/", data, **meta)


def confirm_path(message) -> str:
    return re.search(r"/kontakt/bestaetigen/[^/\s]+/", message.body).group(0)


def test_a_request_is_stored_unconfirmed_and_never_relayed(client, match):
    email = fresh_email()
    assert submit(client, match, email).status_code == 200
    row = ContactRequest.objects.get()
    assert row.confirmed_at is None

    assert relay_contact_request(row.pk) is False
    assert send_contact_confirmation(row.pk) is True
    (confirmation,) = mail.outbox
    assert confirmation.to == [email]
    assert MESSAGE not in confirmation.body
    assert not ContactRequest.objects.filter(relayed_at__isnull=False).exists()


def test_the_link_opens_a_button_and_only_the_post_relays(client, match):
    submit(client, match, fresh_email())
    row = ContactRequest.objects.get()
    send_contact_confirmation(row.pk)
    path = confirm_path(mail.outbox[0])

    page = client.get(path)
    assert page.status_code == 200
    assert 'method="post"' in page.content.decode()
    row.refresh_from_db()
    assert row.confirmed_at is None

    with broker_unreachable():
        assert "unterwegs" in client.post(path).content.decode()
        assert "Bereits bestätigt" in client.post(path).content.decode()
    row.refresh_from_db()
    assert row.confirmed_at is not None
    assert relay_contact_request(row.pk) is True
    assert relay_contact_request(row.pk) is False
    relayed = [m for m in mail.outbox if m.to == [TARGET_ADDRESS]]
    assert len(relayed) == 1 and MESSAGE in relayed[0].body


def test_a_forged_confirmation_link_is_refused(client, match):
    response = client.get("/kontakt/bestaetigen/gefälscht/")
    assert response.status_code == 400
    assert "ungültig" in response.content.decode()


def test_the_confirmation_mail_is_in_the_senders_language(match):
    english = Client(headers={"accept-language": "en"})
    submit(english, match, fresh_email())
    row = ContactRequest.objects.get()
    assert row.language == "en"
    send_contact_confirmation(row.pk)
    # Written in English (the locale catalogue translates the salutation).
    assert mail.outbox[0].body.startswith("Hello Amira Haddad,")


def test_a_filled_honeypot_is_dropped_silently(client, match):
    response = submit(client, match, fresh_email(), homepage="http://spam.example")
    assert response.status_code == 200
    assert not ContactRequest.objects.exists()


@pytest.mark.parametrize("age", [0.5, 3 * 3600])
def test_a_post_too_fast_or_too_late_is_dropped_silently(client, match, age):
    response = submit(client, match, fresh_email(), age=age)
    assert response.status_code == 200
    assert not ContactRequest.objects.exists()


def test_the_form_carries_the_honeypot_and_the_timestamp(client, match):
    page = client.get(f"/treffer/{match.pk}/kontakt/").content.decode()
    assert 'name="homepage"' in page and 'name="form_ts"' in page


def test_the_rate_limit_counts_the_visitor_behind_the_proxy(client, match, settings):
    """Behind one trusted proxy every request has the proxy's REMOTE_ADDR;
    the limit counts the address the proxy saw."""
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = fresh_ip()
    visitors = [fresh_ip() for _ in range(6)]
    statuses = [
        submit(client, match, fresh_email(), ip=proxy, forwarded=visitor)
        for visitor in visitors
    ]
    assert [response.status_code for response in statuses] == [200] * 6

    one = fresh_ip()
    repeated = [
        submit(client, match, fresh_email(), ip=proxy, forwarded=one) for _ in range(6)
    ]
    assert [response.status_code for response in repeated] == [200] * 5 + [429]


def test_no_project_address_means_no_form_even_with_an_initiative(client, site_tree):
    match = make_match(site_tree, contact_email="", initiative="private-verein")
    assert match.target.initiative.contact_email == "private-verein@initiative.example"

    response = client.get(f"/treffer/{match.pk}/kontakt/")
    assert response.status_code == 404
    assert "private-verein@initiative.example" not in response.content.decode()


def test_the_sender_never_sees_the_recipients_address(client, match):
    email = fresh_email()
    submit(client, match, email)
    row = ContactRequest.objects.get()
    ContactRequest.objects.filter(pk=row.pk).update(
        confirmed_at=timezone.now(),
        relayed_at=timezone.now(),
        reply="Gern, wir haben Dolmetscher für Arabisch.",
        replied_at=timezone.now(),
    )
    assert relay_contact_reply(row.pk) is True
    to_sender = next(m for m in mail.outbox if m.to == [email])
    to_project = next(m for m in mail.outbox if m.to == [TARGET_ADDRESS])
    assert "Gern, wir haben Dolmetscher" in to_sender.body
    assert TARGET_ADDRESS not in to_sender.body
    assert TARGET_ADDRESS not in str(to_sender.message())
    assert email in to_project.body


def restrict_parent_of(page) -> None:
    PageViewRestriction.objects.create(
        page=page.get_parent(),
        restriction_type=PageViewRestriction.GROUPS,
    ).groups.set([Group.objects.get_or_create(name="Redaktion-intern")[0]])


def test_a_restricted_ancestor_hides_the_match_and_the_form(client, site_tree):
    match = make_match(site_tree, initiative="geschlossener-kreis")
    assert [shown.pk for shown in visible_matches(match.source_id)] == [match.pk]

    restrict_parent_of(match.target)

    assert visible_matches(match.source_id) == []
    assert client.get(f"/treffer/{match.pk}/kontakt/").status_code == 404
    assert submit(client, match, fresh_email()).status_code == 404
    assert not ContactRequest.objects.exists()


def test_unconfirmed_requests_are_deleted_after_30_days(client, match):
    submit(client, match, fresh_email())
    submit(client, match, fresh_email())
    old, recent = ContactRequest.objects.order_by("pk")
    ContactRequest.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=31)
    )
    confirmed_old = ContactRequest.objects.create(
        target=match.target,
        sender_name="B",
        sender_email=fresh_email(),
        message=MESSAGE,
        consent_text="x",
        consent_at=timezone.now(),
        created_at=timezone.now() - timedelta(days=31),
        confirmed_at=timezone.now() - timedelta(days=31),
    )

    assert purge_all()["unconfirmed_contact_requests"] == 1
    remaining = set(ContactRequest.objects.values_list("pk", flat=True))
    assert remaining == {recent.pk, confirmed_old.pk}
