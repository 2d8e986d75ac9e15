"""The visitor's address behind trusted proxies, for limits and lockouts."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import RequestFactory

from kb.antispam import client_ip

PASSWORD = "Richtig-123-x"


def _request(remote: str, forwarded: str | None = None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_without_trusted_proxies_the_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0

    assert client_ip(_request("198.51.100.7", "203.0.113.9")) == "198.51.100.7"


def test_behind_one_proxy_the_address_it_appended_counts(settings):
    settings.TRUSTED_PROXY_COUNT = 1

    # The visitor forged the first entry; the proxy appended the second.
    request = _request("172.18.0.5", "10.0.0.1, 203.0.113.9")

    assert client_ip(request) == "203.0.113.9"


def test_behind_two_proxies_the_outer_proxys_entry_counts(settings):
    settings.TRUSTED_PROXY_COUNT = 2

    request = _request("172.18.0.5", "10.0.0.1, 203.0.113.9, 172.18.0.9")

    assert client_ip(request) == "203.0.113.9"


@pytest.mark.parametrize("forwarded", ["", "kein-ip", None])
def test_a_missing_or_garbled_header_falls_back_to_the_socket(settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 1

    assert client_ip(_request("172.18.0.5", forwarded)) == "172.18.0.5"


def _login(client, username, password, visitor):
    return client.post(
        "/konto/anmelden/",
        {"username": username, "password": password},
        REMOTE_ADDR="172.18.0.5",
        HTTP_X_FORWARDED_FOR=visitor,
    )


def test_a_guesser_behind_the_proxy_does_not_lock_out_other_visitors(
    client, site_tree, settings
):
    """All visitors share the proxy's REMOTE_ADDR; the lockout must follow
    the address the proxy forwards, and never the username alone."""
    settings.TRUSTED_PROXY_COUNT = 1
    get_user_model().objects.create_user(
        "anna@example.org", "anna@example.org", PASSWORD
    )
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "anna@example.org", "falsch", "203.0.113.66")

    guesser = _login(client, "anna@example.org", PASSWORD, "203.0.113.66")
    anna = _login(client, "anna@example.org", PASSWORD, "198.51.100.20")

    assert guesser.status_code == 429
    assert anna.status_code == 302


def test_a_distributed_guesser_is_stopped_per_username(client, site_tree, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.LOGIN_USERNAME_FAILURE_LIMIT = 6
    get_user_model().objects.create_user(
        "anna@example.org", "anna@example.org", PASSWORD
    )
    for number in range(6):
        _login(client, "anna@example.org", "falsch", f"203.0.113.{number + 1}")

    # Even the right password from yet another address is refused now.
    response = _login(client, "anna@example.org", PASSWORD, "203.0.113.50")

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_per_username_limit_spares_the_editors_own_browser(
    client, site_tree, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.LOGIN_USERNAME_FAILURE_LIMIT = 6
    get_user_model().objects.create_superuser("chef", "chef@example.org", PASSWORD)
    assert _login(client, "chef", PASSWORD, "198.51.100.20").status_code == 302
    device_cookie = client.cookies["npa_device"].value
    client.logout()
    attacker = client_class_for(client)
    for number in range(8):
        _login(attacker, "chef", "falsch", f"203.0.113.{number + 1}")

    client.cookies["npa_device"] = device_cookie
    editor = _login(client, "chef", PASSWORD, "198.51.100.20")
    stranger = _login(attacker, "chef", PASSWORD, "203.0.113.99")

    assert editor.status_code == 302
    assert stranger.status_code == 429


def client_class_for(client):
    return type(client)()


def test_wagtail_password_resets_are_rate_limited(client, site_tree, settings):
    settings.REQUEST_RATE_LIMITS = [
        {
            "prefix": "/admin/password_reset/",
            "scope": "password-reset",
            "methods": ["POST"],
            "per_ip": 3,
            "field": "email",
            "per_value": 2,
            "window": 3600,
        }
    ]
    get_user_model().objects.create_superuser("chef", "chef@example.org", PASSWORD)

    answers = [
        client.post("/admin/password_reset/", {"email": "chef@example.org"})
        for _ in range(3)
    ]

    assert [a.status_code for a in answers[:2]] == [302, 302]
    assert answers[2].status_code == 429
    assert answers[2]["Retry-After"] == "3600"
    assert "Zu viele Anfragen" in answers[2].content.decode()
    assert len(mail.outbox) == 2
