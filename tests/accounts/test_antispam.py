"""Public forms drop bots silently and answer floods with 429."""

from __future__ import annotations

import logging

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from kb import antispam

from .conftest import form_protection, signup_data

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.mark.parametrize(
    "overrides",
    [
        lambda: {antispam.HONEYPOT_FIELD: "http://spam.example"},
        lambda: form_protection(age=1),
        lambda: form_protection(age=3 * 3600),
        lambda: {antispam.TIMESTAMP_FIELD: "gefälscht:abc"},
        lambda: {antispam.TIMESTAMP_FIELD: ""},
    ],
    ids=["honeypot", "too-fast", "too-old", "forged", "missing"],
)
def test_bot_signups_look_successful_but_store_nothing(
    client, site_tree, eager_tasks, overrides
):
    response = client.post("/konto/registrieren/", signup_data(**overrides()))

    assert response.status_code == 302
    assert response["Location"] == "/konto/registrieren/danke/"
    assert not User.objects.exists()
    assert not mail.outbox


def test_signup_form_carries_honeypot_and_timestamp(client, site_tree):
    body = client.get("/konto/registrieren/").content.decode()
    assert f'name="{antispam.HONEYPOT_FIELD}"' in body
    assert f'name="{antispam.TIMESTAMP_FIELD}"' in body
    assert "csrfmiddlewaretoken" in body


def test_too_many_signups_from_one_address_get_429(client, site_tree, settings):
    settings.ANTISPAM_RATE_LIMITS = {"ip": 3, "email": 100}
    for number in range(3):
        client.post(
            "/konto/registrieren/", signup_data(email=f"person{number}@example.org")
        )

    response = client.post("/konto/registrieren/", signup_data(email="x@example.org"))

    assert response.status_code == 429
    assert "Zu viele Anfragen" in response.content.decode()
    assert not User.objects.filter(email="x@example.org").exists()


def test_too_many_signups_for_one_email_get_429(client, site_tree, settings):
    settings.ANTISPAM_RATE_LIMITS = {"ip": 100, "email": 2}
    for _ in range(2):
        client.post("/konto/registrieren/", signup_data(), REMOTE_ADDR="10.0.0.1")

    response = client.post(
        "/konto/registrieren/", signup_data(), REMOTE_ADDR="10.0.0.2"
    )

    assert response.status_code == 429


def test_limits_fail_open_with_a_warning_when_redis_is_down(
    client, site_tree, settings, caplog, redis_down
):
    settings.ANTISPAM_RATE_LIMITS = {"ip": 1, "email": 1}

    with caplog.at_level(logging.WARNING, logger="kb.antispam"):
        for number in range(3):
            response = client.post(
                "/konto/registrieren/", signup_data(email=f"p{number}@example.org")
            )
            assert response.status_code == 302

    assert User.objects.count() == 3
    assert "Rate limit cache unreachable" in caplog.text


def test_csrf_stays_on(site_tree):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        "/konto/registrieren/", signup_data()
    )

    assert response.status_code == 403
    assert not User.objects.exists()
