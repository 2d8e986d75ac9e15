"""Production refuses weak secrets and a missing base URL; Celery workers
default to the production settings, ``manage.py`` (``make run``) to dev."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STRONG = secrets.token_urlsafe(50)
BASE = {
    "SECRET_KEY": STRONG,
    "ALLOWED_HOSTS": "gute-praxis.example.org",
    "WAGTAILADMIN_BASE_URL": "https://gute-praxis.example.org",
}


def _load(env: dict[str, str], code: str = "") -> subprocess.CompletedProcess:
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in {*BASE, "DJANGO_SETTINGS_MODULE"}
    }
    script = code or (
        "import django, os;"
        "os.environ['DJANGO_SETTINGS_MODULE'] = 'config.settings.production';"
        "django.setup();"
        "from django.conf import settings; print(settings.WAGTAILADMIN_BASE_URL)"
    )
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_strong_settings_start():
    result = _load(BASE)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("https://gute-praxis.example.org")


@pytest.mark.parametrize(
    "key",
    ["change-me", "dev-only-insecure-key-change-me", "kurz", "a" * 60, "x" * 49],
)
def test_weak_secret_keys_are_refused_naming_the_variable(key):
    result = _load({**BASE, "SECRET_KEY": key})

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr.splitlines()[-1]


def test_a_missing_base_url_is_refused_naming_the_variable():
    env = {k: v for k, v in BASE.items() if k != "WAGTAILADMIN_BASE_URL"}

    result = _load(env)

    assert result.returncode != 0
    assert "WAGTAILADMIN_BASE_URL" in result.stderr.splitlines()[-1]


def test_a_plain_http_base_url_is_refused():
    result = _load({**BASE, "WAGTAILADMIN_BASE_URL": "http://127.0.0.1:8000"})

    assert result.returncode != 0
    assert "WAGTAILADMIN_BASE_URL" in result.stderr.splitlines()[-1]


def test_celery_defaults_to_production_and_manage_py_to_dev():
    code = (
        "import os, runpy;"
        "import config.celery;"
        "print(os.environ['DJANGO_SETTINGS_MODULE'])"
    )
    celery = _load(BASE, code)
    manage = (ROOT / "manage.py").read_text()

    assert celery.stdout.strip().splitlines()[-1] == "config.settings.production"
    assert '"config.settings.dev"' in manage


def test_the_image_runs_every_process_with_the_production_settings():
    dockerfile = (ROOT / "Dockerfile").read_text()

    assert "DJANGO_SETTINGS_MODULE=config.settings.production" in dockerfile
    # The build's collectstatic gets a key the production settings accept.
    assert "SECRET_KEY=build" not in dockerfile
    assert "WAGTAILADMIN_BASE_URL=" in dockerfile
