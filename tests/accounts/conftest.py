"""Fixtures for the members' area: clean rate limits, form protection,
members, editors and their uploads."""

from __future__ import annotations

import re
import time
from contextlib import contextmanager
from io import BytesIO
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image
from wagtail.images import get_image_model

from kb import antispam

PASSWORD = "Lange-Passphrase-42"


@pytest.fixture(autouse=True)
def _rate_limits_at_zero(clean_rate_limits):
    """Every test of the members' area starts with clean rate limits."""


def form_protection(age: float = 10) -> dict[str, str]:
    """The hidden fields a person's browser would send after ``age`` seconds."""
    return {
        antispam.TIMESTAMP_FIELD: antispam.issue_timestamp(time.time() - age),
        antispam.HONEYPOT_FIELD: "",
    }


def signup_data(**overrides) -> dict[str, str]:
    data = {
        "organisation": "Sprachbrücke Celle e. V.",
        "contact_name": "Anna Beispiel",
        "email": "anna@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "accept_terms": "on",
        "accept_privacy": "on",
        **form_protection(),
    }
    data.update(overrides)
    return data


# What an invited person fills in on the invitation's page.
NEW_ACCOUNT = {
    "name": "Neue Person",
    "password1": PASSWORD,
    "password2": PASSWORD,
    "accept_terms": "on",
    "accept_privacy": "on",
}
VERIFICATION_LINK = re.compile(r"https?://\S+/konto/bestaetigen/\S+/")
INVITATION_LINK = re.compile(r"https?://\S+/einladung/\S+/")


def verification_link(message) -> str | None:
    """The verification link in a sign-up mail (None if there is none)."""
    found = VERIFICATION_LINK.search(message.body)
    return found[0] if found else None


def invitation_path(message) -> str:
    """The path of the link in an invitation mail."""
    return urlsplit(INVITATION_LINK.search(message.body)[0]).path


def make_member(email: str, organisation: str):
    """An active member with a draft initiative, as after sign-up + verify."""
    from accounts import services

    user, initiative = services.sign_up(
        organisation=organisation,
        contact_name="Kontakt " + organisation,
        email=email,
        password=PASSWORD,
    )
    user.is_active = True
    user.save()
    return get_user_model().objects.get(pk=user.pk), initiative


@pytest.fixture
def member(site_tree, client):
    """(user, initiative) of "Initiative A", its profile a draft; ``client``
    is signed in as the user."""
    user, initiative = make_member("a@example.org", "Initiative A")
    client.force_login(user)
    return user, initiative


@pytest.fixture
def live_member(member):
    """``member`` whose initiative profile is published."""
    member[1].save_revision().publish()
    return member


@pytest.fixture
def editor(editor_user) -> Client:
    """A client signed in as ``editor_user`` (tests/conftest.py)."""
    editor_client = Client()
    editor_client.force_login(editor_user)
    return editor_client


FILE_SYSTEM = "django.core.files.storage.FileSystemStorage"


@pytest.fixture
def roots(settings, tmp_path):
    """The production storages (files on disk), in folders of this test."""
    media, private = tmp_path / "media", tmp_path / "private"
    settings.MEDIA_ROOT = str(media)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": FILE_SYSTEM},
        "private": {"BACKEND": FILE_SYSTEM, "OPTIONS": {"location": str(private)}},
    }
    # Wagtail caches renditions by image id in Redis; ids repeat in each new
    # test database, so a cached one of an earlier run would answer.
    settings.CACHES = {
        **settings.CACHES,
        "renditions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    return media, private


def decide_image(editor, image, decision: str, capture) -> None:
    """The editor approves or rejects a picture under Bildfreigabe; the
    file moves at commit (``capture``: django_capture_on_commit_callbacks)."""
    with capture(execute=True):
        response = editor.post(
            reverse("image_review"), {"image": image.pk, "decision": decision}
        )
    assert response.status_code == 302


def png_bytes(size=(32, 24)) -> bytes:
    out = BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def post_image(
    client, initiative, content: bytes, name: str = "bild.png", title="Unser Treff"
):
    """The member's upload form, posted; returns the response."""
    return client.post(
        f"/konto/initiative/{initiative.pk}/bilder/",
        {"title": title, "file": SimpleUploadedFile(name, content)},
    )


def upload_image(client, initiative, title: str, name: str = "bild.png"):
    """A 600 × 400 picture the member uploads; returns the stored image."""
    response = post_image(client, initiative, png_bytes((600, 400)), name, title)
    assert response.status_code == 302
    return get_image_model().objects.get(title=title)


def add_stale_project(initiative, title: str = "Sprachcafé"):
    """A live project of the initiative, last confirmed 400 days ago."""
    from datetime import timedelta

    from django.utils import timezone

    from kb.taxonomy import District, FieldOfAction
    from projects.models import ProjectPage

    project = ProjectPage(
        title=title,
        teaser="Treff",
        live=False,
        last_confirmed=timezone.localdate() - timedelta(days=400),
    )
    initiative.add_child(instance=project)
    project.fields_of_action.set(FieldOfAction.objects.filter(slug="sprache"))
    project.districts.set(District.objects.filter(ags="03351"))
    project.save_revision().publish()
    project.refresh_from_db()
    return project


def project_data(**overrides) -> dict:
    from kb.taxonomy import District, FieldOfAction

    data = {
        "title": "Sprachcafé am Markt",
        "teaser": "Ein offenes Sprachcafé für Geflüchtete und Nachbarn.",
        "fields_of_action": [FieldOfAction.objects.get(slug="sprache").pk],
        "districts": [District.objects.get(ags="03351").pk],
        "status": "active",
        "starting_point": "Viele Neuzugewanderte hatten keine Übungsmöglichkeit.",
        "goals": "Deutsch im Alltag sprechen.",
        "approach": "Jeden Dienstag ein offener Treff.",
        "results": "Rund 40 Menschen pro Woche.",
        "obstacles": "",
        "transferability": "Leicht übertragbar.",
        "tags": "Sprachcafé, Ehrenamt",
        "contact_name": "Anna Beispiel",
        "contact_email": "anna@example.org",
    }
    for name in ("offers", "needs"):
        data.update(
            {
                f"{name}-TOTAL_FORMS": "2",
                f"{name}-INITIAL_FORMS": "0",
                f"{name}-MIN_NUM_FORMS": "0",
                f"{name}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(overrides)
    return data


CLOSED_BROKER = "redis://127.0.0.1:1/0"


@contextmanager
def broker_unreachable():
    """Celery publishes to a port nobody listens on (Redis down for the
    broker), as in production: tasks are not run inline."""
    from config.celery import app

    previous = app.conf.broker_url, app.conf.task_always_eager
    app.conf.broker_url, app.conf.task_always_eager = CLOSED_BROKER, False
    _drop_connection_pools(app)
    try:
        yield
    finally:
        app.conf.broker_url, app.conf.task_always_eager = previous
        _drop_connection_pools(app)


def _drop_connection_pools(app) -> None:
    # Celery keeps one producer pool per app; the next publish builds a new
    # one for the broker URL then configured.
    app._pool = None
    app.amqp._producer_pool = None


def invite(client, initiative, email: str, callbacks):
    """The member invites ``email``; the hand-off at commit runs
    (``callbacks``: django_capture_on_commit_callbacks)."""
    with callbacks(execute=True):
        return client.post(
            f"/konto/initiative/{initiative.pk}/einladen/", {"email": email}
        )


def login(client, user) -> None:
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")


def backdate(queryset, field: str, minutes: int = 10) -> None:
    """Older than the sweeper's grace period (kb.handoff.sweep_grace)."""
    from datetime import timedelta

    from django.utils import timezone

    queryset.update(**{field: timezone.now() - timedelta(minutes=minutes)})
