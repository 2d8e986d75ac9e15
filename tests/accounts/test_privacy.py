"""Members download their data and delete their account."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Revision

from accounts.models import Consent, MailLanguage, Membership
from projects.models import InitiativePage

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

User = get_user_model()


def test_export_contains_account_consents_and_memberships(client, live_member):
    MailLanguage.objects.create(user=live_member[0], language="en")

    response = client.get("/konto/meine-daten/")

    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["konto"]["e_mail"] == "a@example.org"
    assert data["konto"]["sprache_der_e_mails"] == "en"
    assert {c["dokument"] for c in data["einwilligungen"]} == {"terms", "privacy"}
    assert data["mitgliedschaften"][0]["initiative"] == "Initiative A"
    assert data["kontaktangaben_auf_seiten"][0]["e_mail"] == "a@example.org"


def test_deletion_needs_the_password(client, live_member):
    response = client.post("/konto/konto-loeschen/", {"password": "falsch"})
    assert response.status_code == 400
    assert User.objects.filter(email="a@example.org").exists()


def test_deletion_erases_person_and_keeps_pages_for_editors(
    client, live_member, django_capture_on_commit_callbacks
):
    user, initiative = live_member
    MailLanguage.objects.create(user=user, language="en")

    response = client.post("/konto/konto-loeschen/", {"password": PASSWORD})

    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()
    assert not Membership.objects.exists()
    assert not Consent.objects.exists()
    assert not MailLanguage.objects.exists()
    page = InitiativePage.objects.get(pk=initiative.pk)
    assert page.live
    assert page.contact_email == "" and page.contact_name == ""
    for revision in Revision.objects.for_instance(page):
        assert "a@example.org" not in json.dumps(revision.content)
    assert client.get("/konto/").status_code == 302
