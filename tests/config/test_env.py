"""Typed environment helpers fail loudly on bad values."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.settings.base import parse_email_url
from config.settings.env import env_bool, env_int, env_list, env_required, env_url


def test_env_bool_reads_common_spellings(monkeypatch):
    monkeypatch.setenv("FLAG", "Yes")
    assert env_bool("FLAG") is True
    monkeypatch.setenv("FLAG", "0")
    assert env_bool("FLAG", True) is False


def test_env_bool_rejects_nonsense(monkeypatch):
    monkeypatch.setenv("FLAG", "vielleicht")
    with pytest.raises(ImproperlyConfigured, match="FLAG"):
        env_bool("FLAG")


def test_env_int_rejects_text_and_values_below_minimum(monkeypatch):
    monkeypatch.setenv("NUM", "zehn")
    with pytest.raises(ImproperlyConfigured, match="NUM"):
        env_int("NUM", 1)
    monkeypatch.setenv("NUM", "2")
    with pytest.raises(ImproperlyConfigured, match="at least 5"):
        env_int("NUM", 10, minimum=5)
    monkeypatch.delenv("NUM")
    assert env_int("NUM", 10) == 10


def test_env_url_checks_the_scheme(monkeypatch):
    monkeypatch.setenv("SOME_URL", "ftp://example.org")
    with pytest.raises(ImproperlyConfigured, match="SOME_URL"):
        env_url("SOME_URL", {"http", "https"})
    monkeypatch.setenv("SOME_URL", "http://127.0.0.1:9200")
    assert env_url("SOME_URL", {"http"}) == "http://127.0.0.1:9200"
    monkeypatch.setenv("SOME_URL", "")
    assert env_url("SOME_URL", {"http"}) is None


def test_env_list_and_required(monkeypatch):
    monkeypatch.setenv("HOSTS", "a.example, b.example,,")
    assert env_list("HOSTS") == ["a.example", "b.example"]
    monkeypatch.delenv("MISSING_VALUE", raising=False)
    with pytest.raises(ImproperlyConfigured, match="MISSING_VALUE"):
        env_required("MISSING_VALUE")


def test_email_url_becomes_smtp_settings():
    parsed = parse_email_url("smtp://user:p%40ss@mail.example.org:587?tls=1")
    assert parsed["EMAIL_BACKEND"].endswith("smtp.EmailBackend")
    assert parsed["EMAIL_HOST"] == "mail.example.org"
    assert parsed["EMAIL_PORT"] == 587
    assert parsed["EMAIL_HOST_PASSWORD"] == "p@ss"
    assert parsed["EMAIL_USE_TLS"] is True
    with pytest.raises(ImproperlyConfigured):
        parse_email_url("pigeon://coop")
