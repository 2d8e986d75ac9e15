"""Mails no visit triggers (the editors' decision, the yearly reminder) reach
each member in the language they last used: remembered at sign-up, login
and the language switch; German for members without one."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client

from accounts.models import MailLanguage, Membership, ModerationNotice
from accounts.tasks import send_moderation_result, send_reconfirmation_reminders

from .conftest import PASSWORD, add_stale_project, make_member, signup_data

pytestmark = [pytest.mark.django_db, pytest.mark.services]


def language_of(user) -> str | None:
    stored = MailLanguage.objects.filter(user=user).first()
    return stored.language if stored else None


def log_in(client: Client, email: str) -> None:
    response = client.post(
        "/konto/anmelden/", {"username": email, "password": PASSWORD}
    )
    assert response.status_code == 302


@pytest.fixture
def initiative_of_two(site_tree):
    """One initiative, an English-reading and a German-reading member."""
    english, initiative = make_member("en@example.org", "Initiative Zwei")
    german, _ = make_member("de@example.org", "Zweite Initiative")
    Membership.objects.create(user=german, initiative=initiative)
    MailLanguage.objects.create(user=english, language="en")
    MailLanguage.objects.filter(user=german).delete()
    return initiative


def test_login_remembers_the_language_of_the_visit(site_tree):
    user, _ = make_member("anna@example.org", "Sprachbrücke")

    log_in(Client(headers={"accept-language": "en"}), "anna@example.org")
    assert language_of(user) == "en"

    log_in(Client(headers={"accept-language": "de"}), "anna@example.org")
    assert language_of(user) == "de"


def test_signup_remembers_the_language_of_the_form(site_tree):
    Client(headers={"accept-language": "en"}).post(
        "/konto/registrieren/", signup_data()
    )

    assert MailLanguage.objects.get(user__email="anna@example.org").language == "en"


def test_the_language_switch_is_remembered_for_members_only(client, site_tree):
    user, _ = make_member("anna@example.org", "Sprachbrücke")
    anonymous = Client()
    anonymous.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert MailLanguage.objects.count() == 0

    client.force_login(user)
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/konto/"})

    assert response.status_code == 302
    assert response.cookies["django_language"].value == "en"
    assert language_of(user) == "en"
    client.post("/i18n/setlang/", {"language": "xx", "next": "/konto/"})
    assert language_of(user) == "en"


def test_the_editors_decision_reaches_each_member_in_their_language(
    initiative_of_two,
):
    mail.outbox.clear()

    notice = ModerationNotice.objects.create(
        page=initiative_of_two, approved=False, comment="Bitte ein Foto ergänzen."
    )
    send_moderation_result(notice.pk)

    by_address = {message.to[0]: message for message in mail.outbox}
    assert [len(m.to) for m in mail.outbox] == [1, 1]
    english, german = by_address["en@example.org"], by_address["de@example.org"]
    assert english.subject == "Please revise: Initiative Zwei"
    assert "have reviewed “Initiative Zwei”" in english.body
    assert "Note from the editors:\nBitte ein Foto ergänzen." in english.body
    assert german.subject == "Bitte überarbeiten: Initiative Zwei"
    assert "Anmerkung der Redaktion:\nBitte ein Foto ergänzen." in german.body
    assert "/konto/" in english.body and "/konto/" in german.body


def test_the_yearly_reminder_reaches_each_member_in_their_language(
    initiative_of_two,
):
    initiative_of_two.save_revision().publish()
    add_stale_project(initiative_of_two)
    mail.outbox.clear()

    assert send_reconfirmation_reminders() == 1

    by_address = {message.to[0]: message for message in mail.outbox}
    english, german = by_address["en@example.org"], by_address["de@example.org"]
    assert english.subject == "Is “Sprachcafé” still up to date?"
    assert german.subject == "Ist „Sprachcafé“ noch aktuell?"
    link = [line for line in german.body.splitlines() if "/konto/aktuell/" in line]
    assert link and link[0] in english.body
